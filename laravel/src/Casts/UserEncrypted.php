<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\UserEncrypter;

/** A string column encrypted under the request's user key. */
class UserEncrypted implements CastsAttributes
{
    public function get(Model $model, string $key, mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        return $value === null ? null : $this->decode(self::encrypter()->decryptString((string) $value));
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        return $value === null ? null : self::encrypter()->encryptString($this->encode($value));
    }

    protected function encode(#[\SensitiveParameter] mixed $value): string
    {
        return (string) $value;
    }

    protected function decode(string $plaintext): mixed
    {
        return $plaintext;
    }

    protected static function encrypter(): UserEncrypter
    {
        return app(UserEncrypter::class);
    }
}
