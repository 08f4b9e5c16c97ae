<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Encrypts one file as a stream of independent chunks (STREAM over
 * AEGIS-256): header() first, then push() every chunk in order, the last one
 * with $last = true. Every chunk but the last holds exactly chunkBytes();
 * the last holds 0 to chunkBytes(). Each push() returns that chunk sealed
 * (its length plus tagBytes()).
 *
 * @strict-properties
 * @not-serializable
 */
final class StreamSealer
{
    /** @param int $chunkBytes a power of two from 1 KiB to 16 MiB */
    public function __construct(Key $key, int $chunkBytes = 65536) {}

    /** The 34 bytes that start the file: format, chunk size, key id, random nonce prefix. */
    public function header(): string {}

    public function push(#[\SensitiveParameter] string $chunk, bool $last = false): string {}

    public function chunkBytes(): int {}

    /** Whether the last chunk has been pushed. */
    public function finished(): bool {}

    public static function headerBytes(): int {}

    public static function tagBytes(): int {}
}
