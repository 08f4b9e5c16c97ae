<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

enum Cipher: string
{
    case Aegis256 = 'aegis-256';
    case Aegis128L = 'aegis-128l';
    case XChaCha20Poly1305 = 'xchacha20-poly1305';
    case Aes256Gcm = 'aes-256-gcm';
    case SecretBox = 'xsalsa20-poly1305';

    /** @param string $name laravel-crypto's app.cipher, e.g. "Sodium_AEGIS256GCM" */
    public static function fromLaravelName(string $name): Cipher {}

    public function laravelName(): string {}

    public function keyBytes(): int {}

    public function nonceBytes(): int {}

    public function tagBytes(): int {}

    public function isAvailable(): bool {}

    /** Which code runs it here ("aes-ni", "libsodium", …), or null when unavailable. */
    public function implementation(): ?string {}
}
