<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Facades;

use Illuminate\Support\Facades\Facade;

/**
 * laravel-crypto's Sign facade, natively.
 *
 * @method static string sign(string $data)
 * @method static string signRaw(string $data)
 * @method static bool verify(string $message, string $signature)
 * @method static bool verifyRaw(string $message, string $signature)
 * @method static string blake2bSign(string $data)
 * @method static string blake2bSignRaw(string $data)
 * @method static bool blake2bVerify(string $message, string $signature)
 * @method static string hmac256Sign(string $data)
 * @method static string hmac256SignRaw(string $data)
 * @method static bool hmac256Verify(string $message, string $signature)
 * @method static string hmac512Sign(string $data)
 * @method static string hmac512SignRaw(string $data)
 * @method static bool hmac512Verify(string $message, string $signature)
 * @method static string eddsaSign(string $data)
 * @method static string eddsaSignRaw(string $data)
 * @method static bool eddsaVerify(string $message, string $signature)
 * @method static string eddsaPublicKey()
 *
 * @see \SodiumCrypt\Laravel\Signing
 */
final class Sign extends Facade
{
    protected static function getFacadeAccessor(): string
    {
        return \SodiumCrypt\Laravel\Signing::class;
    }
}
