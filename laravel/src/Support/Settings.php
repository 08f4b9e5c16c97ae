<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Illuminate\Contracts\Config\Repository;

/**
 * Every setting the package reads from the environment, and the config key
 * that holds it: the one table. config/sodium-crypt.php spells the same
 * env() calls out for the app to read and edit (a test keeps the two in
 * agreement); crypto:keys writes .env through it and then the running
 * configuration, and messages name a setting by its env name from it.
 */
final class Settings
{
    /** env name => config key */
    public const ENV = [
        'APP_KEY' => 'app.key',
        'APP_PREVIOUS_KEYS' => 'app.previous_keys',
        'SODIUM_CRYPT_REPLACE_ENCRYPTER' => 'sodium-crypt.replace_encrypter',
        'SODIUM_CRYPT_FORMAT' => 'sodium-crypt.format',
        'SODIUM_CRYPT_CIPHER' => 'sodium-crypt.cipher',
        'SODIUM_CRYPT_STRICT_CIPHERS' => 'sodium-crypt.strict_ciphers',
        'SODIUM_CRYPT_PREVIOUS_CIPHERS' => 'sodium-crypt.previous_ciphers',
        'SODIUM_CRYPT_READ_CIPHERS' => 'sodium-crypt.read_ciphers',
        'SODIUM_CRYPT_USER_CIPHER' => 'sodium-crypt.user.cipher',
        'SODIUM_CRYPT_USER_FORMAT' => 'sodium-crypt.user.format',
        'SODIUM_CRYPT_ARGON2_OPSLIMIT' => 'sodium-crypt.user.argon2_opslimit',
        'SODIUM_CRYPT_ARGON2_MEMLIMIT' => 'sodium-crypt.user.argon2_memlimit',
        'BLIND_INDEX_KEY' => 'sodium-crypt.blind_index_key',
        'BLIND_INDEX_PREVIOUS_KEYS' => 'sodium-crypt.blind_index_previous_keys',
        'SODIUM_CRYPT_ENCODER' => 'sodium-crypt.encoder.write',
        'SODIUM_CRYPT_UNTAGGED_ENCODER' => 'sodium-crypt.encoder.untagged',
        'SODIUM_CRYPT_HASHING' => 'sodium-crypt.hashing.driver',
        'CRYPTO_BLAKE2B_HASHING_KEY' => 'sodium-crypt.hashing.key',
        'SODIUM_CRYPT_SIGNING' => 'sodium-crypt.signing.driver',
        'CRYPTO_HMAC_KEY' => 'sodium-crypt.signing.hmac_key',
        'CRYPTO_EDDSA_KEY' => 'sodium-crypt.signing.eddsa_key',
        'CRYPTO_EDDSA_PUBLIC_CRYPTO_KEY' => 'sodium-crypt.signing.eddsa_key_file',
        'SODIUM_CRYPT_BIND_DATABASE' => 'sodium-crypt.bind_database',
        'SODIUM_CRYPT_BINDING_DATABASE' => 'sodium-crypt.binding_database',
        'SODIUM_CRYPT_PKCS11_KEK' => 'sodium-crypt.pkcs11_kek',
    ];

    /** The Hashing and Sign facades' keys: made once when missing, never replaced (a new one changes every digest). */
    public const FACADE_KEYS = ['CRYPTO_BLAKE2B_HASHING_KEY', 'CRYPTO_HMAC_KEY', 'CRYPTO_EDDSA_KEY'];

    /** Every setting that holds keys (lists comma-separated): what crypto:keys --kms=pkcs11 wraps. */
    public const KEY_SETTINGS = ['APP_KEY', 'APP_PREVIOUS_KEYS', 'BLIND_INDEX_KEY', 'BLIND_INDEX_PREVIOUS_KEYS', ...self::FACADE_KEYS];

    /** Settings whose config value is a list (Laravel 11's app.previous_keys): comma-separated in .env. */
    private const LISTS = ['APP_PREVIOUS_KEYS'];

    /** The config key of an env name. */
    public static function configKey(string $env): string
    {
        return self::ENV[$env] ?? throw new \LogicException("$env is not a setting of sodium-crypt/laravel.");
    }

    /** "config key (ENV_NAME)", as messages name a setting. */
    public static function describe(string $env): string
    {
        return sprintf('%s (%s)', self::configKey($env), $env);
    }

    /** Values just written to .env, put into the running configuration as config/*.php would read them. */
    public static function apply(Repository $config, #[\SensitiveParameter] array $values): void
    {
        foreach ($values as $env => $value) {
            $config->set(self::configKey($env), in_array($env, self::LISTS, true) ? ListSetting::items($value) : $value);
        }
    }
}
