<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Wraps a user's 32-byte data key: mode 3 under Argon2id13(password) with
 * the limits recorded in the blob (97 bytes), mode 2 under BLAKE2b(APP_KEY,
 * user id) (73 bytes, laravel-crypto v3's). Mode 1, laravel-crypto's
 * password blob (89 bytes, no limits recorded), is still read, under this
 * object's limits. Unwrapped keys come back as Key.
 *
 * @strict-properties
 * @not-serializable
 */
final class KeyWrap
{
    /**
     * What wrapWithPassword() uses. Defaults: INI sodium_crypt.argon2_opslimit /
     * sodium_crypt.argon2_memlimit (libsodium's INTERACTIVE). ops 1..65536,
     * mem 8 KiB..4 GiB: the range a mode-3 blob records.
     */
    public function __construct(?int $opsLimit = null, ?int $memLimit = null) {}

    public function wrapWithPassword(Key $userKey, #[\SensitiveParameter] string $password): string {}

    public function wrapWithServerKey(Key $userKey, Key $appKey, string $userId): string {}

    public function unwrapWithPassword(string $blob, #[\SensitiveParameter] string $password): Key {}

    public function unwrapWithServerKey(string $blob, Key $appKey, string $userId): Key {}

    /** 1, 2 or 3; ValueError for a blob of none of those forms. */
    public static function mode(string $blob): int {}

    /**
     * Whether a password-wrapped blob should be wrapped again (at the next
     * sign-in): mode 1, or mode 3 under other limits than this object's.
     * False for mode 2, which only a password can turn into mode 3.
     */
    public function needsRewrap(string $blob): bool {}

    public function opsLimit(): int {}

    public function memLimit(): int {}
}
