<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\BlindIndex;

/**
 * Blind indexes as hex, the form the index columns store: under the app-wide
 * index key (sodium-crypt.blind_index_key, else APP_KEY) when resolved from the
 * container, under the user key inside UserEncrypter. While the index key is
 * being rotated (BLIND_INDEX_PREVIOUS_KEYS), a search compares with the index
 * under every listed key; new values are always indexed under the current one.
 */
final class BlindIndexes
{
    /** @param list<BlindIndex> $previous */
    public function __construct(private readonly BlindIndex $index, private readonly array $previous = [])
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

    /** @return non-empty-list<string> the value's index under the current key, then under each previous one */
    public function candidates(#[\SensitiveParameter] string $value, string $column, bool $normalise = true): array
    {
        $all = [$this->compute($value, $column, $normalise)];
        foreach ($this->previous as $index) {
            $all[] = bin2hex($index->compute($value, $column, $normalise));
        }
        return $all;
    }

    /** Whether previous index keys are configured: rows may still be under one of them. */
    public function isRotating(): bool
    {
        return $this->previous !== [];
    }
}
