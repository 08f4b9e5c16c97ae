--TEST--
Aead: round trips with and without AD for every cipher, the layout it returns, and failures on wrong AD, key or damage
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Aead, Cipher, Key, DecryptionFailed};

foreach (Cipher::cases() as $c) {
    if (!$c->isAvailable()) {
        continue;
    }
    $raw = random_bytes($c->keyBytes());
    $aead = new Aead($c, Key::fromBytes($raw));
    $ad = $c === Cipher::SecretBox ? '' : 'row 42';
    $ok = 0;
    foreach ([0, 1, 16, 33, 1000, 100000] as $n) {
        $m = $n ? random_bytes($n) : '';
        $box = $aead->encrypt($m, $ad);
        $ok += (int) (strlen($box) === $c->nonceBytes() + $n + $c->tagBytes() && $aead->decrypt($box, $ad) === $m);
    }
    $box = $aead->encrypt('message', $ad);
    $wrongAd = $c === Cipher::SecretBox ? 'skip' : sc_throws(fn () => $aead->decrypt($box, 'row 43'));
    $wrongKey = sc_throws(fn () => (new Aead($c, Key::generate($c->keyBytes())))->decrypt($box, $ad));
    $short = sc_throws(fn () => $aead->decrypt(substr($box, 0, $c->nonceBytes() + $c->tagBytes() - 1), $ad));
    printf("%s: %d/6 round trips; wrong AD: %s; wrong key: %s; short: %s\n", $c->value, $ok,
        $wrongAd === 'skip' ? 'n/a' : explode(':', $wrongAd)[0], explode(':', $wrongKey)[0], explode(':', $short)[0]);
}
// Layouts agree with ext/sodium where it has the cipher.
$raw = random_bytes(32);
$box = (new Aead(Cipher::XChaCha20Poly1305, Key::fromBytes($raw)))->encrypt('interop', 'ad');
var_dump(sodium_crypto_aead_xchacha20poly1305_ietf_decrypt(substr($box, 24), 'ad', substr($box, 0, 24), $raw));
$box = (new Aead(Cipher::SecretBox, Key::fromBytes($raw)))->encrypt('interop');
var_dump(sodium_crypto_secretbox_open(substr($box, 24), substr($box, 0, 24), $raw));
$n = random_bytes(24);
var_dump((new Aead(Cipher::SecretBox, Key::fromBytes($raw)))->decrypt($n . sodium_crypto_secretbox('back', $n, $raw)));
?>
--EXPECT--
aegis-256: 6/6 round trips; wrong AD: SodiumCrypt\DecryptionFailed; wrong key: SodiumCrypt\DecryptionFailed; short: SodiumCrypt\DecryptionFailed
aegis-128l: 6/6 round trips; wrong AD: SodiumCrypt\DecryptionFailed; wrong key: SodiumCrypt\DecryptionFailed; short: SodiumCrypt\DecryptionFailed
xchacha20-poly1305: 6/6 round trips; wrong AD: SodiumCrypt\DecryptionFailed; wrong key: SodiumCrypt\DecryptionFailed; short: SodiumCrypt\DecryptionFailed
aes-256-gcm: 6/6 round trips; wrong AD: SodiumCrypt\DecryptionFailed; wrong key: SodiumCrypt\DecryptionFailed; short: SodiumCrypt\DecryptionFailed
xsalsa20-poly1305: 6/6 round trips; wrong AD: n/a; wrong key: SodiumCrypt\DecryptionFailed; short: SodiumCrypt\DecryptionFailed
string(7) "interop"
string(7) "interop"
string(4) "back"
