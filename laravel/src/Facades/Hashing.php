<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Facades;

use Illuminate\Support\Facades\Facade;

/**
 * laravel-crypto's Hashing facade, natively (not Laravel's Hash, which hashes passwords).
 *
 * @method static string hash(string $data)
 * @method static string hashRaw(string $data)
 * @method static bool verify(string $hash, string $data)
 * @method static bool verifyRaw(string $hash, string $data)
 * @method static bool equals(string $a, string $b)
 * @method static string blake2b(string $data)
 * @method static string blake2bRaw(string $data)
 * @method static bool blake2bVerify(string $hash, string $data)
 * @method static bool blake2bVerifyRaw(string $hash, string $data)
 * @method static string sha256(string $data)
 * @method static string sha256Raw(string $data)
 * @method static bool sha256Verify(string $hash, string $data)
 * @method static bool sha256VerifyRaw(string $hash, string $data)
 * @method static string sha512(string $data)
 * @method static string sha512Raw(string $data)
 * @method static bool sha512Verify(string $hash, string $data)
 * @method static bool sha512VerifyRaw(string $hash, string $data)
 *
 * @see \SodiumCrypt\Laravel\Hashing
 */
final class Hashing extends Facade
{
    protected static function getFacadeAccessor(): string
    {
        return \SodiumCrypt\Laravel\Hashing::class;
    }
}
