<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\BoundColumn;

/**
 * Encrypted[:bound[,attribute…][,migrate]]: a string column under the app key
 * (Crypt's encrypter), as Laravel's `encrypted` cast; with "bound", each value
 * is sealed with associated data naming its table, column, row key and the
 * named attributes, so it opens in that place only (see BoundColumn).
 */
class Encrypted implements CastsAttributes
{
    protected ?BoundColumn $bound = null;

    public function __construct(string ...$parameters)
    {
        $this->bound = BoundColumn::fromParameters(static::class, ...$parameters);
    }

    public function get(Model $model, string $key, mixed $value, #[\SensitiveParameter] array $attributes): ?string
    {
        if ($value === null) {
            return null;
        }
        return $this->bound
            ? $this->bound->open(self::encrypter(), (string) $value, $this->bound->binding($model, $key, $attributes))
            : self::encrypter()->decryptString((string) $value);
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): ?string
    {
        if ($value === null) {
            return null;
        }
        return $this->bound
            ? $this->bound->seal(self::encrypter(), (string) $value, $this->bound->binding($model, $key, $attributes))
            : self::encrypter()->encryptString((string) $value);
    }

    /** Null when the column is not bound; crypto:reencrypt rewrites bound columns through it. */
    public function boundColumn(): ?BoundColumn
    {
        return $this->bound;
    }

    private static function encrypter(): Encrypter
    {
        return Encrypter::of(app()) ?? throw new InvalidConfiguration(
            'The Encrypted cast needs sodium_crypt\'s encrypter: set sodium-crypt.replace_encrypter (SODIUM_CRYPT_REPLACE_ENCRYPTER) to true, or use Laravel\'s `encrypted` cast.');
    }
}
