<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\BlindIndex;

/**
 * Blind indexes as hex, the form the index columns store: under the app-wide
 * index key (sodium-crypt.blind_index_key, else APP_KEY) when resolved from the
 * container, under the user key inside UserEncrypter.
 */
final class BlindIndexes
{
    public function __construct(private readonly BlindIndex $index)
    {
    }

    public function compute(#[\SensitiveParameter] string $value, string $column, bool $normalise = true): string
    {
        return bin2hex($this->index->compute($value, $column, $normalise));
    }

    /** @return array<array-key, string> */
    public function computeMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array
    {
        return array_map(bin2hex(...), $this->index->computeMany($values, $column, $normalise));
    }
}
