<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use SodiumCrypt\Cipher;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Pkcs11;

/**
 * APP_KEY and APP_PREVIOUS_KEYS as Laravel writes them ("base64:…", or the raw
 * key), or wrapped in a PKCS#11 token ("pkcs11:…"), turned into Keys. Every
 * key setting of the package goes through parse(). No message here ever
 * carries key material.
 */
final class AppKeys
{
    private const HINT = 'run `php artisan crypto:keys` to generate one';

    public static function parse(#[\SensitiveParameter] mixed $value, string $what = 'APP_KEY'): Key
    {
        if (!is_string($value) || $value === '') {
            throw new InvalidConfiguration(sprintf('No %s is set: %s.', $what, self::HINT));
        }
        if (str_starts_with($value, 'pkcs11:')) {
            return self::unwrap($value, $what);
        }
        try {
            return str_starts_with($value, 'base64:') ? Key::fromBase64($value) : Key::fromBytes($value);
        } catch (\ValueError) {
            throw new InvalidConfiguration(sprintf('%s is not a key: it must be "base64:" and the base64 of 16 to 64 bytes (or 16 to 64 raw bytes); %s.', $what, self::HINT));
        }
    }

    /**
     * A key wrapped under a KEK in a PKCS#11 token (crypto:keys --kms=pkcs11):
     * the extension has the token unwrap it into locked memory, once per
     * process. The boot stops with the token's reason when it cannot.
     */
    private static function unwrap(string $reference, string $what): Key
    {
        try {
            return Pkcs11::unwrap($reference);
        } catch (\ValueError) {
            throw new InvalidConfiguration(sprintf('%s is not a PKCS#11 key reference: it must be "pkcs11:<KEK label>:<wrapped key, base64url>", as `php artisan crypto:keys --kms=pkcs11` writes it.', $what));
        } catch (CryptoException $e) {
            throw new InvalidConfiguration(sprintf('%s could not be unwrapped: %s.', $what, $e->getMessage()), previous: $e);
        }
    }

    /**
     * A key setting as Laravel itself would use it where it takes the text
     * of APP_KEY as a secret (the HMAC key of signed URLs): a PKCS#11
     * reference is public, so it stands for the "base64:" text of the key
     * it wraps, the very text that signed before the key was wrapped.
     * Other values are returned as they are.
     */
    public static function laravelText(#[\SensitiveParameter] mixed $value): mixed
    {
        if (!is_string($value) || !str_starts_with($value, 'pkcs11:')) {
            return $value;
        }
        return self::text(self::unwrap($value, 'a key of the URL signer'));
    }

    /** A key as Laravel writes it in .env: "base64:" and its base64 (the export wiped after). */
    public static function text(Key $key): string
    {
        $bytes = $key->exportBytes();
        $text = 'base64:'.base64_encode($bytes);
        sodium_memzero($bytes);
        return $text;
    }

    /** @return list<Key> */
    public static function parseList(#[\SensitiveParameter] mixed $value, string $what = 'APP_PREVIOUS_KEYS'): array
    {
        $keys = [];
        foreach (ListSetting::items($value) as $i => $one) {
            $keys[] = self::parse($one, sprintf('%s[%d]', $what, $i));
        }
        return $keys;
    }

    public static function requireLength(Key $key, Cipher $cipher, string $what = 'APP_KEY'): Key
    {
        if ($key->length() !== $cipher->keyBytes()) {
            throw new InvalidConfiguration(sprintf(
                '%s is %d bytes but %s (%s) needs %d: %s, e.g. `php artisan crypto:keys --cipher=%s`.',
                $what, $key->length(), $cipher->laravelName(), $cipher->value, $cipher->keyBytes(),
                'generate a new key', $cipher->laravelName(),
            ));
        }
        return $key;
    }
}
