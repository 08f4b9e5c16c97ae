<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

/**
 * A setting that holds a list: an array, or comma-separated text as .env
 * and command options give it (APP_PREVIOUS_KEYS, SODIUM_CRYPT_READ_CIPHERS,
 * --columns). Items trimmed, empty ones dropped, order kept.
 */
final class ListSetting
{
    /** @return list<string> */
    public static function items(#[\SensitiveParameter] mixed $value): array
    {
        $items = is_string($value) ? explode(',', $value) : (array) $value;
        return array_values(array_filter(array_map(static fn ($item) => trim((string) $item), array_filter($items, 'is_scalar')),
            static fn (string $item) => $item !== ''));
    }
}
