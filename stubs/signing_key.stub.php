<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * An Ed25519 signing key (libsodium's crypto_sign). The secret stays in
 * locked memory; the public key and signatures are public.
 *
 * @strict-properties
 * @not-serializable
 */
final class SigningKey
{
    /** @param Key $secret a 32-byte seed, or libsodium's 64-byte secret key (seed ‖ public key) */
    public function __construct(Key $secret) {}

    /** 64 raw bytes, detached. */
    public function sign(string $message): string {}

    /** 32 raw bytes. */
    public function publicKey(): string {}

    /** False for a signature or public key of the wrong length, as for a wrong signature. */
    public static function verify(string $signature, string $message, string $publicKey): bool {}
}
