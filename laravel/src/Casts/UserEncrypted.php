<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Support\BoundColumn;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * UserEncrypted[:bound[,attribute…][,migrate]]: a string column encrypted
 * under the request's user key; with "bound", sealed with associated data
 * naming its table, column, row key and the named attributes (see BoundColumn).
 */
class UserEncrypted implements CastsAttributes
{
    protected ?BoundColumn $bound = null;

    public function __construct(string ...$parameters)
    {
        $this->bound = BoundColumn::fromParameters(static::class, ...$parameters);
    }

    public function get(Model $model, string $key, mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return null;
        }
        return $this->decode($this->bound
            ? $this->bound->open(self::encrypter(), (string) $value, $this->bound->binding($model, $key, $attributes))
            : self::encrypter()->decryptString((string) $value));
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return null;
        }
        return $this->bound
            ? $this->bound->seal(self::encrypter(), $this->encode($value), $this->bound->binding($model, $key, $attributes))
            : self::encrypter()->encryptString($this->encode($value));
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
