<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use SodiumCrypt\Key;

/**
 * Laravel's own payload, base64(JSON{iv, value, mac, tag}), AES-CBC with
 * HMAC-SHA256 or AES-GCM, read and written as Illuminate\Encryption\Encrypter
 * does. OpenSSL needs the key as a string: it is exported for the one call
 * and wiped after it, never kept in an object (an Illuminate Encrypter would
 * hold it for its life, in every dump of whatever holds that).
 */
final class LaravelPayload
{
    /**
     * The JSON of a payload in Laravel's format, by what the text is: base64
     * of a JSON object with string iv, value and mac. Its "eyJ" start alone
     * would also catch one laravel-crypto payload in 2^18, whose random nonce
     * begins with those bytes; that text is base64url of binary, not JSON.
     *
     * @return array<string, mixed>|null
     */
    public static function json(string $payload): ?array
    {
        if (!str_starts_with($payload, 'eyJ') || ($text = base64_decode($payload, true)) === false) {
            return null;
        }
        $json = json_decode($text, true);
        return is_array($json) && is_string($json['iv'] ?? null) && is_string($json['value'] ?? null) && is_string($json['mac'] ?? null)
            ? $json : null;
    }

    public static function isGcm(array $json): bool
    {
        return is_string($json['tag'] ?? null) && $json['tag'] !== '';
    }

    /** Laravel's name of the cipher a key of this length and mode is, or null when the length fits neither. */
    public static function cipher(Key $key, bool $gcm): ?string
    {
        $bits = $key->length() * 8;
        return $bits === 128 || $bits === 256 ? sprintf('aes-%d-%s', $bits, $gcm ? 'gcm' : 'cbc') : null;
    }

    /** The plaintext, or null when this key does not open the payload. */
    public static function open(Key $key, array $json): ?string
    {
        return self::with($key, $json, true);
    }

    /**
     * Whether this key opens the payload, for crypto:status: for AES-CBC the
     * MAC alone says so (nothing is decrypted); AES-GCM has to decrypt.
     */
    public static function opens(Key $key, array $json): bool
    {
        return self::with($key, $json, self::isGcm($json)) !== null;
    }

    /** The plaintext ($decrypt), '' (a CBC MAC that matches), or null. */
    private static function with(Key $key, array $json, bool $decrypt): ?string
    {
        $gcm = self::isGcm($json);
        $cipher = self::cipher($key, $gcm);
        $iv = base64_decode($json['iv'], true);
        $tag = $gcm ? base64_decode((string) $json['tag'], true) : '';
        if ($cipher === null || $iv === false || strlen($iv) !== openssl_cipher_iv_length($cipher) || $tag === false
                || ($gcm && strlen($tag) !== 16)) {
            return null;
        }
        $bytes = $key->exportBytes();
        try {
            if (!$gcm && !hash_equals(hash_hmac('sha256', $json['iv'].$json['value'], $bytes), $json['mac'])) {
                return null;
            }
            if (!$decrypt) {
                return '';
            }
            $plaintext = openssl_decrypt($json['value'], $cipher, $bytes, 0, $iv, $tag);
            return $plaintext === false ? null : $plaintext;
        } finally {
            sodium_memzero($bytes);
        }
    }

    /** AES-CBC with HMAC-SHA256, as Laravel writes it by default. */
    public static function sealCbc(Key $key, #[\SensitiveParameter] string $plaintext): string
    {
        $cipher = self::cipher($key, false) ?? throw new \ValueError('Laravel\'s AES-CBC needs a 16- or 32-byte key.');
        $iv = random_bytes(16);
        $bytes = $key->exportBytes();
        try {
            $value = openssl_encrypt($plaintext, $cipher, $bytes, 0, $iv);
            if ($value === false) {
                throw new \RuntimeException('OpenSSL could not encrypt.');
            }
            $iv = base64_encode($iv);
            $mac = hash_hmac('sha256', $iv.$value, $bytes);
        } finally {
            sodium_memzero($bytes);
        }
        return base64_encode((string) json_encode(['iv' => $iv, 'value' => $value, 'mac' => $mac, 'tag' => ''], JSON_UNESCAPED_SLASHES));
    }
}
