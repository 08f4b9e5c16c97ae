<?php

/** @generate-class-entries */

namespace SodiumCrypt;

/**
 * Searchable encrypted columns: a keyed BLAKE2b of the normalised value under
 * a per-column sub-key (laravel-crypto v3 compatible). Normalising is
 * mb_strtolower(trim($value)); a context is appended as "|" . implode("|", $context).
 * Sub-keys are cached per column for the life of this object and wiped with it.
 *
 * @strict-properties
 * @not-serializable
 */
final class BlindIndex
{
    /** @param int $outputBytes 1..32: fewer bytes make deliberately colliding indexes for low-cardinality columns */
    public function __construct(Key $key, int $outputBytes = 32) {}

    public function compute(#[\SensitiveParameter] string $value, string $column, bool $normalise = true, array $context = []): string {}

    /** Constant time. */
    public function verify(string $index, #[\SensitiveParameter] string $value, string $column, bool $normalise = true, array $context = []): bool {}

    /** Keys preserved. */
    public function computeMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array {}
}
