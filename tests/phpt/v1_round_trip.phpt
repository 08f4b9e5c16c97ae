--TEST--
V1: round trips for every available cipher from 0 B to 1 MiB; the header names cipher and key; rotation keeps old payloads readable
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Cipher, Key, Keyring, PayloadFormat, DecryptionFailed};

$ids = ['aegis-256' => 1, 'aegis-128l' => 2, 'xchacha20-poly1305' => 3, 'aes-256-gcm' => 4];
$sizes = [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 1023, 1024, 1025, 4096, 65535, 65536, 65537, 1 << 20];
foreach (Cipher::cases() as $c) {
    if ($c === Cipher::SecretBox || !$c->isAvailable()) {
        continue;
    }
    $key = Key::generate($c->keyBytes());
    $ring = new Keyring($c, $key);
    $good = 0;
    foreach ($sizes as $n) {
        $m = $n ? random_bytes($n) : '';
        $p = $ring->seal($m);
        $bin = b64url_decode(substr($p, 4));
        $good += (int) (str_starts_with($p, 'sc1.') && $ring->open($p) === $m
            && ord($bin[0]) === $ids[$c->value] && bin2hex(substr($bin, 1, 4)) === $key->id()
            && strlen($bin) === 5 + $c->nonceBytes() + $n + $c->tagBytes()
            && $ring->isCurrent($p));
    }
    printf("%s: %d of %d sizes\n", $c->value, $good, count($sizes));

    // Two seals of one message differ (fresh nonce each time).
    var_dump($ring->seal('same') !== $ring->seal('same'));

    // Rotate: a new current key, the old one kept as previous.
    $old = $ring->seal('sealed before rotation');
    $rotated = new Keyring($c, Key::generate($c->keyBytes()), [Key::generate($c->keyBytes()), $key]);
    var_dump($rotated->open($old), $rotated->isCurrent($old), $rotated->isCurrent($rotated->seal('x')));
    // Without the old key it is gone, with the one generic error.
    echo sc_throws(fn () => (new Keyring($c, Key::generate($c->keyBytes())))->open($old)), "\n";
}

// A V1 payload carries its cipher: a ring of another cipher opens it with the
// right previous key only when told to read that cipher ($alsoRead), in both formats.
$k128 = Key::generate(16);
foreach ([PayloadFormat::V1, PayloadFormat::LaravelCrypto] as $f) {
    $fromAegis128 = (new Keyring(Cipher::Aegis128L, $k128, [], $f))->seal('cross-cipher');
    echo sc_throws(fn () => (new Keyring(Cipher::XChaCha20Poly1305, Key::generate(), [$k128]))->open($fromAegis128)), "\n";
    echo sc_throws(fn () => (new Keyring(Cipher::XChaCha20Poly1305, Key::generate(), [$k128], PayloadFormat::V1, [Cipher::Aegis256, Cipher::Aes256Gcm]))->open($fromAegis128)), "\n";
    var_dump((new Keyring(Cipher::XChaCha20Poly1305, Key::generate(), [$k128], PayloadFormat::V1, [Cipher::Aegis128L]))->open($fromAegis128));
}

// sealMany / openMany keep keys; openMany is all or nothing.
$ring = new Keyring(Cipher::Aegis256, Key::generate());
$rows = ['a' => 'alpha', 7 => '', 'z' => str_repeat('z', 5000)];
$sealed = $ring->sealMany($rows);
var_dump(array_keys($sealed) === array_keys($rows), $ring->openMany($sealed) === $rows);
$sealed[7] = 'tampered';
echo sc_throws(fn () => $ring->openMany($sealed)), "\n";
var_dump($ring->sealMany([]) === [], $ring->openMany([]) === []);

// A laravel-crypto payload is current for a ring that writes that format, and
// not for one that writes V1 with the same key: re-encryption moves it there.
$lc = new Keyring(Cipher::Aegis256, Key::generate(), [], PayloadFormat::LaravelCrypto);
$v1ring = new Keyring(Cipher::Aegis256, $lc->currentKey());
var_dump($lc->isCurrent($lc->seal('x')), $v1ring->isCurrent($lc->seal('x')), $lc->format() === PayloadFormat::LaravelCrypto, $ring->format() === PayloadFormat::V1);
?>
--EXPECT--
aegis-256: 23 of 23 sizes
bool(true)
string(22) "sealed before rotation"
bool(false)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
aegis-128l: 23 of 23 sizes
bool(true)
string(22) "sealed before rotation"
bool(false)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
xchacha20-poly1305: 23 of 23 sizes
bool(true)
string(22) "sealed before rotation"
bool(false)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
aes-256-gcm: 23 of 23 sizes
bool(true)
string(22) "sealed before rotation"
bool(false)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
string(12) "cross-cipher"
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
string(12) "cross-cipher"
bool(true)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
