--TEST--
Aead and Keyring: wrong key lengths, wrong formats, wrong element types and AD for secretbox are ValueError/TypeError saying what was expected
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Aead, Cipher, Key, Keyring, PayloadFormat};

$k32 = Key::generate();
$k16 = Key::generate(16);
foreach ([
    fn () => new Aead(Cipher::Aegis128L, $k32),
    fn () => new Aead(Cipher::XChaCha20Poly1305, $k16),
    fn () => new Aead(Cipher::Aegis256, Key::generate(64)),
    fn () => new Aead(Cipher::XChaCha20Poly1305, $k32, 32),
    fn () => new Aead(Cipher::Aegis256, $k32, 24),
    fn () => new Aead(Cipher::Aegis256, $k32, -1),
    fn () => (new Aead(Cipher::SecretBox, $k32))->encrypt('m', 'ad'),
    fn () => (new Aead(Cipher::SecretBox, $k32))->decrypt(str_repeat("\0", 40), 'ad'),
    fn () => new Keyring(Cipher::Aegis128L, $k32),
    fn () => new Keyring(Cipher::SecretBox, $k32),
    fn () => new Keyring(Cipher::SecretBox, $k32, [], PayloadFormat::V1),
    fn () => new Keyring(Cipher::Aegis256, $k32, ['old' => 'base64:abc']),
    fn () => new Keyring(Cipher::Aegis256, $k32, [$k16, 42]),
    fn () => new Keyring(Cipher::Aegis256, $k32, [], PayloadFormat::V1, ['aes-256-gcm']),
    fn () => (new Keyring(Cipher::Aegis256, $k32))->sealMany(['a', ['b']]),
    fn () => (new Keyring(Cipher::Aegis256, $k32))->openMany(['x' => null]),
    fn () => new Aead(Cipher::Aegis256, 'a string key'),
    fn () => new Keyring('aegis-256', $k32),
] as $fn) {
    echo sc_throws($fn), "\n";
}
// Constructed once only.
$ring = new Keyring(Cipher::Aegis256, $k32);
echo sc_throws(fn () => $ring->__construct(Cipher::Aegis256, Key::generate())), "\n";
$aead = new Aead(Cipher::Aegis256, $k32);
echo sc_throws(fn () => $aead->__construct(Cipher::Aegis256, Key::generate())), "\n";
// Keys held by a ring outlive the caller's variables.
$ring = new Keyring(Cipher::XChaCha20Poly1305, Key::generate(), [Key::generate()]);
$p = $ring->seal('still here');
gc_collect_cycles();
var_dump($ring->open($p), $ring->currentKey()->length(), count($ring->previousKeys()), $ring->cipher() === Cipher::XChaCha20Poly1305);
?>
--EXPECT--
ValueError: SodiumCrypt\Aead::__construct(): Argument #2 ($key) must be a 16-byte key for aegis-128l, 32-byte key given
ValueError: SodiumCrypt\Aead::__construct(): Argument #2 ($key) must be a 32-byte key for xchacha20-poly1305, 16-byte key given
ValueError: SodiumCrypt\Aead::__construct(): Argument #2 ($key) must be a 32-byte key for aegis-256, 64-byte key given
ValueError: SodiumCrypt\Aead::__construct(): Argument #3 ($tagBytes) must be 0 or 16 for xchacha20-poly1305
ValueError: SodiumCrypt\Aead::__construct(): Argument #3 ($tagBytes) must be 0, 16 or 32 for aegis-256
ValueError: SodiumCrypt\Aead::__construct(): Argument #3 ($tagBytes) must be 0, 16 or 32 for aegis-256
ValueError: SodiumCrypt\Aead::encrypt(): Argument #2 ($ad) must be empty for xsalsa20-poly1305, which takes no associated data
ValueError: SodiumCrypt\Aead::decrypt(): Argument #2 ($ad) must be empty for xsalsa20-poly1305, which takes no associated data
ValueError: SodiumCrypt\Keyring::__construct(): Argument #2 ($current) must be a 16-byte key for aegis-128l, 32-byte key given
ValueError: SodiumCrypt\Keyring::__construct(): Argument #4 ($write) cannot be PayloadFormat::V1 for xsalsa20-poly1305: V1 authenticates its header as associated data, which xsalsa20-poly1305 does not take; use PayloadFormat::LaravelCrypto
ValueError: SodiumCrypt\Keyring::__construct(): Argument #4 ($write) cannot be PayloadFormat::V1 for xsalsa20-poly1305: V1 authenticates its header as associated data, which xsalsa20-poly1305 does not take; use PayloadFormat::LaravelCrypto
TypeError: SodiumCrypt\Keyring::__construct(): Argument #3 ($previous) must contain only SodiumCrypt\Key objects, string given at key "old"
TypeError: SodiumCrypt\Keyring::__construct(): Argument #3 ($previous) must contain only SodiumCrypt\Key objects, int given at index 1
TypeError: SodiumCrypt\Keyring::__construct(): Argument #5 ($alsoRead) must contain only SodiumCrypt\Cipher cases, string given at index 0
TypeError: SodiumCrypt\Keyring::sealMany(): Argument #1 ($plaintexts) must contain only strings, array given at index 1
TypeError: SodiumCrypt\Keyring::openMany(): Argument #1 ($payloads) must contain only strings, null given at key "x"
TypeError: SodiumCrypt\Aead::__construct(): Argument #2 ($key) must be of type SodiumCrypt\Key, string given
TypeError: SodiumCrypt\Keyring::__construct(): Argument #1 ($cipher) must be of type SodiumCrypt\Cipher, string given
Error: Cannot call SodiumCrypt\Keyring::__construct() twice
Error: Cannot call SodiumCrypt\Aead::__construct() twice
string(10) "still here"
int(32)
int(1)
bool(true)
