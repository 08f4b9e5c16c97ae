<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use SodiumCrypt\Cipher;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\PayloadFormat;

/**
 * Reads the names a Laravel app may have in app.cipher: laravel-crypto's
 * (Sodium_AEGIS256GCM, …), the Cipher enum's values (aegis-256, …) and
 * Laravel's own (AES-256-CBC, …), which are upgraded to an AEAD of the same
 * key length so an existing APP_KEY keeps working.
 */
final class Ciphers
{
    /** Laravel's own ciphers and their key lengths. */
    public const LARAVEL = [
        'aes-128-cbc' => 16, 'aes-256-cbc' => 32,
        'aes-128-gcm' => 16, 'aes-256-gcm' => 32,
    ];

    public static function resolve(string $name, ?string $upgrade = null): Cipher
    {
        $lower = strtolower(trim($name));
        if (isset(self::LARAVEL[$lower])) {
            if ($upgrade !== null && $upgrade !== '') {
                return self::resolve($upgrade);
            }
            if (self::LARAVEL[$lower] === 16) {
                return self::available(Cipher::Aegis128L, $name);
            }
            return Cipher::Aegis256->isAvailable() ? Cipher::Aegis256 : Cipher::XChaCha20Poly1305;
        }
        $cipher = Cipher::tryFrom($lower);
        if ($cipher === null) {
            try {
                $cipher = Cipher::fromLaravelName($name);
            } catch (\ValueError) {
                throw new InvalidConfiguration(sprintf(
                    'Unknown cipher "%s" in app.cipher: use one of %s, or Laravel\'s AES-256-CBC / AES-256-GCM / AES-128-CBC / AES-128-GCM; `php artisan crypto:keys --cipher=NAME` sets it with a key of the right length.',
                    $name,
                    implode(', ', array_map(static fn (Cipher $c) => $c->laravelName().' ('.$c->value.')', Cipher::cases())),
                ));
            }
        }

        return self::available($cipher, $name);
    }

    /** The write format; secretbox has no associated data for V1's header, so it always writes laravel-crypto's. */
    public static function format(string $name, Cipher $cipher): PayloadFormat
    {
        if ($cipher === Cipher::SecretBox) {
            return PayloadFormat::LaravelCrypto;
        }
        return match (strtolower(str_replace(['_', ' '], '-', trim($name)))) {
            'v1', 'sc1' => PayloadFormat::V1,
            'laravel-crypto', 'laravelcrypto' => PayloadFormat::LaravelCrypto,
            default => throw new InvalidConfiguration(sprintf(
                'Unknown payload format "%s" in sodium-crypt.format: use "v1" or "laravel-crypto".', $name)),
        };
    }

    private static function available(Cipher $cipher, string $name): Cipher
    {
        if (!$cipher->isAvailable()) {
            throw new InvalidConfiguration(sprintf(
                'app.cipher "%s" (%s) is not available on this machine (it needs hardware AES): choose another, e.g. `php artisan crypto:keys --cipher=%s`.',
                $name, $cipher->value, Cipher::XChaCha20Poly1305->laravelName(),
            ));
        }
        return $cipher;
    }
}
