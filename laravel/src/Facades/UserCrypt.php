<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Facades;

use Illuminate\Support\Facades\Facade;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * @method static string encryptString(string $value)
 * @method static string decryptString(string $payload)
 * @method static string encrypt(mixed $value, bool $serialize = true)
 * @method static mixed decrypt(string $payload, bool $unserialize = true)
 * @method static string blindIndex(string $value, string $column, bool $normalise = true)
 * @method static array blindIndexMany(array $values, string $column, bool $normalise = true)
 *
 * @see UserEncrypter
 */
final class UserCrypt extends Facade
{
    protected static function getFacadeAccessor(): string
    {
        return UserEncrypter::class;
    }
}
