<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Hashes and MACs through libsodium, with the key (where there is one) in a
 * Key: "blake2b" (keyed or not, 16..64 output bytes), "sha256", "sha512",
 * "sha512/256" (FIPS 180-4 SHA-512/256, what laravel-crypto calls sha256),
 * "hmac-sha256", "hmac-sha512", and "hmac-sha512/256" (libsodium's
 * crypto_auth: HMAC-SHA-512 truncated to 32 bytes, 32-byte key).
 *
 * @strict-properties
 * @not-serializable
 */
final class Hasher
{
    /** @param int $outputBytes 0 for the algorithm's own; BLAKE2b takes 16..64 (0 = 32) */
    public function __construct(string $algorithm, ?Key $key = null, int $outputBytes = 0) {}

    /** Raw bytes. */
    public function hash(#[\SensitiveParameter] string $data): string {}

    /** Constant time; false for a digest of the wrong length. */
    public function verify(string $digest, #[\SensitiveParameter] string $data): bool {}

    public function algorithm(): string {}

    public function outputBytes(): int {}
}
