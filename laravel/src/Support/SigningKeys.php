<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\SigningKey;

/**
 * The Sign facade's Ed25519 key: CRYPTO_EDDSA_KEY ("base64:" seed or 64-byte
 * secret key), or laravel-crypto's key file (hex public key, newline, hex
 * secret key), whose bytes pass through a PHP string only here, wiped at once.
 */
final class SigningKeys
{
    public static function load(#[\SensitiveParameter] mixed $key, mixed $file): SigningKey
    {
        if (is_string($key) && $key !== '') {
            return new SigningKey(AppKeys::parse($key, 'CRYPTO_EDDSA_KEY'));
        }
        if (!is_string($file) || $file === '') {
            throw new InvalidConfiguration('No Ed25519 key is set: set CRYPTO_EDDSA_KEY (`php artisan crypto:keys` makes one) or CRYPTO_EDDSA_PUBLIC_CRYPTO_KEY to laravel-crypto\'s key file.');
        }
        $text = is_readable($file) ? file_get_contents($file) : false;
        if ($text === false) {
            throw new InvalidConfiguration(sprintf('The Ed25519 key file %s cannot be read.', $file));
        }
        // No trim(): it would copy the secret; sodium_hex2bin skips the whitespace.
        [$publicHex, $secretHex] = explode("\n", $text, 2) + ['', ''];
        sodium_memzero($text);
        try {
            $public = sodium_hex2bin($publicHex, " \r\t");
            $secret = sodium_hex2bin($secretHex, " \r\n\t");
        } catch (\SodiumException) {
            $public = $secret = '';
        } finally {
            sodium_memzero($secretHex);
        }
        try {
            if (strlen($secret) !== SODIUM_CRYPTO_SIGN_SECRETKEYBYTES) {
                throw new InvalidConfiguration(sprintf('The Ed25519 key file %s is not laravel-crypto\'s format: a hex public key, a newline, a hex 64-byte secret key.', $file));
            }
            $signing = new SigningKey(Key::fromBytes($secret));
        } catch (\ValueError) {
            throw new InvalidConfiguration(sprintf('The Ed25519 key file %s holds a secret key whose public half does not match it.', $file));
        } finally {
            sodium_memzero($secret);
        }
        if (!hash_equals($signing->publicKey(), $public)) {
            throw new InvalidConfiguration(sprintf('The Ed25519 key file %s holds a public key that is not its secret key\'s.', $file));
        }
        return $signing;
    }
}
