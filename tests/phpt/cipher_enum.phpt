--TEST--
Cipher: sizes, laravel-crypto names, availability, and clear errors for unknown names
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\Cipher;

foreach (Cipher::cases() as $c) {
    printf("%-18s %-9s %-24s key %d nonce %d tag %d\n", $c->name, $c->value, $c->laravelName(),
        $c->keyBytes(), $c->nonceBytes(), $c->tagBytes());
    var_dump(Cipher::fromLaravelName($c->laravelName()) === $c);
    var_dump(Cipher::fromLaravelName(strtoupper($c->laravelName())) === $c);
    var_dump($c->isAvailable() === ($c->implementation() !== null));
}
var_dump(Cipher::from('aegis-256') === Cipher::Aegis256);
echo sc_throws(fn () => Cipher::fromLaravelName('AES-256-CBC')), "\n";
echo sc_throws(fn () => Cipher::fromLaravelName('')), "\n";
echo sc_throws(fn () => Cipher::from('chacha')), "\n";
// The libsodium ciphers are always there; AES-256-GCM wherever libsodium says so.
var_dump(Cipher::XChaCha20Poly1305->isAvailable(), Cipher::SecretBox->isAvailable());
var_dump(Cipher::Aes256Gcm->isAvailable() === sodium_crypto_aead_aes256gcm_is_available());
?>
--EXPECTF--
Aegis256           aegis-256 Sodium_AEGIS256GCM       key 32 nonce 32 tag 32
bool(true)
bool(true)
bool(true)
Aegis128L          aegis-128l Sodium_AEGIS128LGCM      key 16 nonce 16 tag 32
bool(true)
bool(true)
bool(true)
XChaCha20Poly1305  xchacha20-poly1305 Sodium_XChaCha20Poly1305 key 32 nonce 24 tag 16
bool(true)
bool(true)
bool(true)
Aes256Gcm          aes-256-gcm Sodium_AES256GCM         key 32 nonce 12 tag 16
bool(true)
bool(true)
bool(true)
SecretBox          xsalsa20-poly1305 Sodium_SecretBox         key 32 nonce 24 tag 16
bool(true)
bool(true)
bool(true)
bool(true)
ValueError: SodiumCrypt\Cipher::fromLaravelName(): Argument #1 ($name) must be one of "Sodium_AEGIS256GCM", "Sodium_AEGIS128LGCM", "Sodium_XChaCha20Poly1305", "Sodium_AES256GCM" or "Sodium_SecretBox"
ValueError: SodiumCrypt\Cipher::fromLaravelName(): Argument #1 ($name) must be one of "Sodium_AEGIS256GCM", "Sodium_AEGIS128LGCM", "Sodium_XChaCha20Poly1305", "Sodium_AES256GCM" or "Sodium_SecretBox"
ValueError: "chacha" is not a valid backing value for enum %SSodiumCrypt\Cipher%S
bool(true)
bool(true)
bool(true)
