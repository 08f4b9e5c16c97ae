<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Contracts\Database\Eloquent\CastsAttributes;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Support\BoundColumn;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * What the package's encrypted casts share: the parameters
 * `bound[,attribute…][,migrate]` (see BoundColumn), and a value encoded to a
 * string, sealed (bound or not) by the subclass's encrypter, and back.
 */
abstract class EncryptedAttribute implements CastsAttributes
{
    protected ?BoundColumn $bound = null;

    public function __construct(string ...$parameters)
    {
        $this->bound = BoundColumn::fromParameters(static::class, ...$parameters);
    }

    /**
     * The cast a model's $casts entry ("Class" or "Class:a,b") makes, as
     * Eloquent makes it, when its class is this one or a subclass; else null.
     */
    public static function fromCast(string $cast): ?static
    {
        [$class, $parameters] = explode(':', $cast, 2) + [1 => ''];
        return is_a($class, static::class, true) ? new $class(...($parameters === '' ? [] : explode(',', $parameters))) : null;
    }

    public function get(Model $model, string $key, mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return null;
        }
        return $this->decode($this->bound
            ? $this->bound->open(static::encrypter(), (string) $value, $this->bound->binding($model, $key, $attributes))
            : static::encrypter()->decryptString((string) $value));
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return null;
        }
        return $this->bound
            ? $this->bound->seal(static::encrypter(), $this->encode($value), $this->bound->binding($model, $key, $attributes))
            : static::encrypter()->encryptString($this->encode($value));
    }

    /** Null when the column is not bound; crypto:reencrypt rewrites bound columns through it. */
    public function boundColumn(): ?BoundColumn
    {
        return $this->bound;
    }

    protected function encode(#[\SensitiveParameter] mixed $value): string
    {
        return (string) $value;
    }

    protected function decode(string $plaintext): mixed
    {
        return $plaintext;
    }

    abstract protected static function encrypter(): Encrypter|UserEncrypter;
}
