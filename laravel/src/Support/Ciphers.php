<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Illuminate\Contracts\Config\Repository;
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

    /**
     * The cipher Crypt:: writes: sodium-crypt.cipher (SODIUM_CRYPT_CIPHER, which
     * `crypto:keys --cipher` sets) when given, else app.cipher. Laravel's
     * skeletons hard-code app.cipher to AES-256-CBC, which is upgraded.
     */
    public static function configured(Repository $config): Cipher
    {
        $own = $config->get('sodium-crypt.cipher');
        return is_string($own) && trim($own) !== ''
            ? self::resolve($own, Settings::describe('SODIUM_CRYPT_CIPHER'))
            : self::resolve((string) $config->get('app.cipher', 'AES-256-CBC'));
    }

    /**
     * The ciphers a ring reads besides the one it writes. By default every
     * cipher, so that no cipher change, even a hand edit of config/app.php,
     * strands what was written before it. Strict (sodium-crypt.strict_ciphers,
     * or an explicit sodium-crypt.read_ciphers list): only the ciphers
     * `crypto:keys --cipher` replaced (sodium-crypt.previous_ciphers) and the
     * listed ones, as Tink binds a key to its algorithm.
     *
     * @return list<Cipher>
     */
    public static function reads(Repository $config, Cipher $writes): array
    {
        $listed = $config->get('sodium-crypt.read_ciphers');
        $ciphers = !$config->get('sodium-crypt.strict_ciphers') && $listed === null
            ? Cipher::cases()
            : [...self::list($config->get('sodium-crypt.previous_ciphers'), Settings::describe('SODIUM_CRYPT_PREVIOUS_CIPHERS')),
               ...self::list($listed, Settings::describe('SODIUM_CRYPT_READ_CIPHERS'))];
        return array_values(array_unique(array_filter($ciphers, static fn (Cipher $c) => $c !== $writes), SORT_REGULAR));
    }

    /**
     * Which of Laravel's own payloads (AES-CBC/GCM JSON) a ring opens: null,
     * any (the default); strict, only those whose cipher is listed by
     * Laravel's name (AES-256-CBC, AES-256-GCM, AES-128-…) in
     * sodium-crypt.previous_ciphers or sodium-crypt.read_ciphers.
     *
     * @return ?list<string> lower-case Laravel cipher names
     */
    public static function laravelReads(Repository $config): ?array
    {
        $listed = $config->get('sodium-crypt.read_ciphers');
        if (!$config->get('sodium-crypt.strict_ciphers') && $listed === null) {
            return null;
        }
        $names = array_map(static fn (string $n) => strtolower(trim($n)),
            [...ListSetting::items($config->get('sodium-crypt.previous_ciphers')), ...ListSetting::items($listed)]);
        return array_values(array_unique(array_filter($names, self::isLaravelName(...))));
    }

    /** Whether a cipher name is one of Laravel's own (AES-256-CBC, …, any case). */
    public static function isLaravelName(string $name): bool
    {
        return isset(self::LARAVEL[strtolower(trim($name))]);
    }

    /**
     * Cipher names as a list or comma-separated, in order, each once.
     * Laravel's own names (AES-256-CBC, …) are left out: they name Laravel's
     * payloads, not a cipher of this package (laravelReads()).
     *
     * @return list<Cipher>
     */
    public static function list(mixed $names, string $where): array
    {
        $names = array_filter(ListSetting::items($names), static fn (string $n) => !self::isLaravelName($n));
        return array_values(array_unique(array_map(static fn ($n) => self::find($n, $where), $names), SORT_REGULAR));
    }

    /** $where names the setting the name came from, for the message. */
    public static function resolve(string $name, string $where = 'app.cipher'): Cipher
    {
        $lower = strtolower(trim($name));
        if (isset(self::LARAVEL[$lower])) {
            if (self::LARAVEL[$lower] === 16) {
                return self::available(Cipher::Aegis128L, $name, $where);
            }
            return Cipher::Aegis256->isAvailable() ? Cipher::Aegis256 : Cipher::XChaCha20Poly1305;
        }
        return self::available(self::find($name, $where), $name, $where);
    }

    /** The key length a cipher name needs: Laravel's names keep theirs. */
    public static function keyBytes(string $name, Cipher $cipher): int
    {
        return self::LARAVEL[strtolower(trim($name))] ?? $cipher->keyBytes();
    }

    private static function find(string $name, string $where): Cipher
    {
        $cipher = Cipher::tryFrom(strtolower(trim($name)));
        if ($cipher !== null) {
            return $cipher;
        }
        try {
            return Cipher::fromLaravelName(trim($name));
        } catch (\ValueError) {
            throw new InvalidConfiguration(sprintf(
                'Unknown cipher "%s" %s: use one of %s, or Laravel\'s AES-256-CBC / AES-256-GCM / AES-128-CBC / AES-128-GCM; `php artisan crypto:keys --cipher=NAME` sets it with a key of the right length.',
                $name,
                str_starts_with($where, '--') ? 'given to '.$where : 'in '.$where,
                implode(', ', array_map(static fn (Cipher $c) => $c->laravelName().' ('.$c->value.')', Cipher::cases())),
            ));
        }
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

    private static function available(Cipher $cipher, string $name, string $where): Cipher
    {
        if (!$cipher->isAvailable()) {
            throw new InvalidConfiguration(sprintf(
                '%s "%s" (%s) is not available on this machine (it needs hardware AES): choose another, e.g. `php artisan crypto:keys --cipher=%s`.',
                $where, $name, $cipher->value, Cipher::XChaCha20Poly1305->laravelName(),
            ));
        }
        return $cipher;
    }
}
