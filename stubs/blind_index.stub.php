<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Searchable encrypted columns: a keyed BLAKE2b of the normalised value under
 * a per-column sub-key (laravel-crypto v3 compatible without a context).
 * Normalising is mb_strtolower(trim($value)). With a context (strings, ints,
 * bools, null), value and parts are hashed length-prefixed and typed under a
 * key derived from the sub-key, so no split or conversion of them collides.
 * Sub-keys are cached per column, in locked memory, for as long as the key's
 * bytes live, and wiped with them: those of KeyContext's key at clear() or
 * at the end of the request.
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

    /**
     * laravel-crypto's own input with a context, value . "|" . implode("|",
     * $context): ambiguous ('a|b' + [] equals 'a' + ['b']); only for reading
     * indexes that package wrote. Equals compute() without a context.
     */
    public function computeLaravelCrypto(#[\SensitiveParameter] string $value, string $column, bool $normalise = true, array $context = []): string {}

    /** Keys preserved. */
    public function computeMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array {}
}
