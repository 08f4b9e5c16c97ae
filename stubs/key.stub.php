<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * A secret key. Its bytes live in locked, guard-paged memory and are wiped
 * when the object dies; they never become a PHP string except through
 * exportBytes().
 *
 * @strict-properties
 * @not-serializable
 */
final class Key
{
    private function __construct() {}

    /** @param int $bytes 16 to 64 */
    public static function generate(int $bytes = 32): Key {}

    public static function fromBytes(#[\SensitiveParameter] string $bytes): Key {}

    /** Standard or URL-safe base64, padded or not; Laravel's "base64:" prefix is accepted. */
    public static function fromBase64(#[\SensitiveParameter] string $encoded): Key {}

    public function length(): int {}

    /** 8 hex characters: the key id V1 payloads carry. Public. */
    public function id(): string {}

    /** Constant time. */
    public function equals(Key $other): bool {}

    /** The raw bytes, for a contract that demands them (Laravel's Encrypter::getKey()). */
    public function exportBytes(): string {}
}
