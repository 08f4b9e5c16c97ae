<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

/**
 * APP_KEY and APP_PREVIOUS_KEYS as Laravel writes them ("base64:…", or the raw
 * key), turned into Keys. No message here ever carries key material.
 */
final class AppKeys
{
    private const HINT = 'run `php artisan crypto:keys` to generate one';

    public static function parse(#[\SensitiveParameter] mixed $value, string $what = 'APP_KEY'): Key
    {
        if (!is_string($value) || $value === '') {
            throw new InvalidConfiguration(sprintf('No %s is set: %s.', $what, self::HINT));
        }
        try {
            return str_starts_with($value, 'base64:') ? Key::fromBase64($value) : Key::fromBytes($value);
        } catch (\ValueError) {
            throw new InvalidConfiguration(sprintf('%s is not a key: it must be "base64:" and the base64 of 16 to 64 bytes (or 16 to 64 raw bytes); %s.', $what, self::HINT));
        }
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
