<?php
// A walk through the extension's PHP API, as `make demo` runs it.
declare(strict_types=1);

use SodiumCrypt\{Aead, Cipher, DecryptionFailed, Key, Keyring, PayloadFormat};

printf("sodium_crypt %s; AEGIS runs on %s\n\n", phpversion('sodium_crypt'), Cipher::Aegis256->implementation() ?? 'nothing here');

// An APP_KEY as Laravel writes it; the key bytes go to locked memory, not a PHP string.
$appKey = Key::fromBase64('base64:' . base64_encode(random_bytes(32)));
var_dump($appKey);

// Crypt::encryptString's engine: V1 payloads, AEGIS-256.
$ring = new Keyring(Cipher::Aegis256, $appKey);
$payload = $ring->seal('123-45-6789');
echo "sealed:   $payload\n";
echo "opened:   {$ring->open($payload)}\n";

// Rotation: a new key, the old one kept to read what it sealed.
$rotated = new Keyring(Cipher::Aegis256, Key::generate(), [$appKey]);
echo "rotated:  {$rotated->open($payload)} (old payload still opens; is current? "
    . var_export($rotated->isCurrent($payload), true) . ")\n";

// Tampering is refused with one generic exception.
try {
    $ring->open(substr($payload, 0, -2) . 'AA');
} catch (DecryptionFailed $e) {
    echo "tampered: ", get_class($e), ": {$e->getMessage()}\n";
}

// laravel-crypto's format, for apps coming from codelieutenant/laravel-crypto.
$lc = new Keyring(Cipher::XChaCha20Poly1305, $appKey, [], PayloadFormat::LaravelCrypto);
echo "laravel-crypto payload: {$lc->seal('hello')}\n";

// Raw AEAD with associated data.
$aead = new Aead(Cipher::Aegis128L, Key::generate(16));
$box = $aead->encrypt('row data', 'users.42.ssn');
echo "aead:     ", strlen($box), " bytes; decrypts to '{$aead->decrypt($box, 'users.42.ssn')}'\n";
