<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * The request's user key. Its bytes live in the locked arena and are wiped on
 * clear(), at request shutdown whatever the script did, and at module
 * shutdown. A Key obtained from get() holds no bytes once the context is
 * cleared.
 *
 * @strict-properties
 * @not-serializable
 */
final class KeyContext
{
    private function __construct() {}

    public static function set(Key $key): void {}

    /** @throws MissingKeyContext */
    public static function get(): Key {}

    public static function has(): bool {}

    public static function clear(): void {}

    /** base64url (no padding) of a 32-byte key: the X-Encryption-Token header / enc_token cookie. */
    public static function fromToken(#[\SensitiveParameter] string $token): Key {}

    public static function toToken(Key $key): string {}
}
