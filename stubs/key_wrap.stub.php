<?php

/** @generate-class-entries */

namespace SodiumCrypt;

/**
 * Wraps a user's 32-byte data key, laravel-crypto v3 compatible:
 * mode 1 under Argon2id13(password) (89-byte blob), mode 2 under
 * BLAKE2b(APP_KEY, user id) (73-byte blob). Unwrapped keys come back as Key.
 *
 * @strict-properties
 * @not-serializable
 */
final class KeyWrap
{
    /** Defaults: INI sodium_crypt.argon2_opslimit / sodium_crypt.argon2_memlimit (libsodium's INTERACTIVE). */
    public function __construct(?int $opsLimit = null, ?int $memLimit = null) {}

    public function wrapWithPassword(Key $userKey, #[\SensitiveParameter] string $password): string {}

    public function wrapWithServerKey(Key $userKey, Key $appKey, string $userId): string {}

    public function unwrapWithPassword(string $blob, #[\SensitiveParameter] string $password): Key {}

    public function unwrapWithServerKey(string $blob, Key $appKey, string $userId): Key {}

    /** 1 or 2; ValueError for a blob of neither form. */
    public static function mode(string $blob): int {}

    public function opsLimit(): int {}

    public function memLimit(): int {}
}
