<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Decrypts a file StreamSealer wrote, chunk by chunk in order: pull() each
 * sealed chunk (chunkBytes() + StreamSealer::tagBytes() bytes, the last one
 * shorter or equal) and say which one ends the file. A reordered, dropped,
 * moved or edited chunk, a file cut short, or a wrong key raises
 * DecryptionFailed.
 *
 * @strict-properties
 * @not-serializable
 */
final class StreamOpener
{
    /** @param array $keys Keys; the one the header names is picked by its id (no trial decryption) */
    public function __construct(string $header, array $keys) {}

    public function pull(string $chunk, bool $last = false): string {}

    public function chunkBytes(): int {}

    /** The id of the key the file was written under (as Key::id()). */
    public function keyId(): string {}

    /** Whether the last chunk has been pulled. */
    public function finished(): bool {}

    /** The plaintext size of a whole file of $fileBytes with this header; DecryptionFailed when no such file has that size. */
    public function plaintextSize(int $fileBytes): int {}
}
