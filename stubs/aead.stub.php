<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * One cipher and one key, with a random nonce a message.
 *
 * @strict-properties
 * @not-serializable
 */
final class Aead
{
    /** @param int $tagBytes 0 for the cipher's own (AEGIS: 32); AEGIS also takes 16 */
    public function __construct(Cipher $cipher, Key $key, int $tagBytes = 0) {}

    /** @return string nonce ‖ ciphertext ‖ tag (secretbox: nonce ‖ tag ‖ ciphertext) */
    public function encrypt(#[\SensitiveParameter] string $pt, string $ad = ""): string {}

    public function decrypt(string $nonceCtTag, string $ad = ""): string {}

    public function cipher(): Cipher {}

    public function tagBytes(): int {}
}
