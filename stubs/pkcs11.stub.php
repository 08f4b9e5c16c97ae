<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * Data keys wrapped under a key-encryption key (KEK) that stays in a PKCS#11
 * token (an HSM, a cloud KMS's PKCS#11 library, SoftHSM2). A wrapped key is
 * written as a reference, "pkcs11:<KEK label>:<RFC 5649 wrap, base64url>",
 * which is safe to store in .env: without the token it opens nothing.
 *
 * The module is php.ini's sodium_crypt.pkcs11_module (a system setting), the
 * token the one labelled sodium_crypt.pkcs11_token (or the only one present),
 * and the user PIN the environment variable SODIUM_CRYPT_PKCS11_PIN; none is
 * ever a PHP string here. Failures throw CryptoException saying which of
 * these is wrong; no message holds key bytes or the PIN.
 */
final class Pkcs11
{
    private function __construct() {}

    /**
     * The key a reference holds: the token unwraps it into locked memory.
     * A process asks the token once per reference; later calls copy the
     * process's locked cache.
     */
    public static function unwrap(string $reference): Key {}

    /** The reference of a key wrapped under the token's KEK labelled $kekLabel. */
    public static function wrap(Key $key, string $kekLabel): string {}

    /**
     * A new random data key of $bytes bytes (16 to 64), made in locked memory
     * and wrapped at once: its reference.
     */
    public static function generate(string $kekLabel, int $bytes = 32): string {}

    /** Whether $value has the form of a reference (the token is not asked). */
    public static function isReference(string $value): bool {}
}
