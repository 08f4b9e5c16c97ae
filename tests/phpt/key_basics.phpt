--TEST--
Key: generate, fromBytes, fromBase64 (Laravel's forms), id, equals, export; wrong lengths are ValueErrors
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\Key;

$k = Key::generate();
var_dump($k->length(), strlen($k->exportBytes()), Key::generate(16)->length(), Key::generate(64)->length());
var_dump(Key::generate()->exportBytes() !== $k->exportBytes());

// id = hex of the first 4 bytes of BLAKE2b-128(key = the key, "sodium_crypt.key-id")
$raw = random_bytes(32);
$key = Key::fromBytes($raw);
var_dump($key->id() === bin2hex(substr(sodium_crypto_generichash('sodium_crypt.key-id', $raw, 16), 0, 4)));
var_dump($key->exportBytes() === $raw);

// Laravel's APP_KEY form, plain base64, unpadded, URL-safe: all the same key.
$forms = ['base64:' . base64_encode($raw), base64_encode($raw), rtrim(base64_encode($raw), '='),
    rtrim(strtr(base64_encode($raw), '+/', '-_'), '=')];
foreach ($forms as $form) {
    var_dump(Key::fromBase64($form)->equals($key));
}
var_dump($key->equals(Key::fromBytes($raw)), $key == Key::fromBytes($raw));
var_dump($key->equals(Key::generate()), $key == Key::generate(), $key->equals(Key::generate(16)));
var_dump($key == new stdClass);

echo sc_throws(fn () => Key::generate(15)), "\n";
echo sc_throws(fn () => Key::generate(65)), "\n";
echo sc_throws(fn () => Key::fromBytes('')), "\n";
echo sc_throws(fn () => Key::fromBytes(str_repeat('k', 15))), "\n";
echo sc_throws(fn () => Key::fromBytes(str_repeat('k', 65))), "\n";
echo sc_throws(fn () => Key::fromBase64('base64:')), "\n";
echo sc_throws(fn () => Key::fromBase64('base64:' . base64_encode(random_bytes(8)))), "\n";
echo sc_throws(fn () => Key::fromBase64('not base64 at all!')), "\n";
echo sc_throws(fn () => Key::fromBase64(base64_encode(random_bytes(65)))), "\n";
echo sc_throws(fn () => Key::fromBase64("\x80" . substr(base64_encode($raw), 1))), "\n";
echo sc_throws(fn () => new Key()), "\n";
?>
--EXPECT--
int(32)
int(32)
int(16)
int(64)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
ValueError: SodiumCrypt\Key::generate(): Argument #1 ($bytes) must be between 16 and 64
ValueError: SodiumCrypt\Key::generate(): Argument #1 ($bytes) must be between 16 and 64
ValueError: SodiumCrypt\Key::fromBytes(): Argument #1 ($bytes) must be 16 to 64 bytes long, 0 bytes given
ValueError: SodiumCrypt\Key::fromBytes(): Argument #1 ($bytes) must be 16 to 64 bytes long, 15 bytes given
ValueError: SodiumCrypt\Key::fromBytes(): Argument #1 ($bytes) must be 16 to 64 bytes long, 65 bytes given
ValueError: SodiumCrypt\Key::fromBase64(): Argument #1 ($encoded) must be base64 (optionally prefixed "base64:") of a 16- to 64-byte key
ValueError: SodiumCrypt\Key::fromBase64(): Argument #1 ($encoded) must be base64 (optionally prefixed "base64:") of a 16- to 64-byte key
ValueError: SodiumCrypt\Key::fromBase64(): Argument #1 ($encoded) must be base64 (optionally prefixed "base64:") of a 16- to 64-byte key
ValueError: SodiumCrypt\Key::fromBase64(): Argument #1 ($encoded) must be base64 (optionally prefixed "base64:") of a 16- to 64-byte key
ValueError: SodiumCrypt\Key::fromBase64(): Argument #1 ($encoded) must be base64 (optionally prefixed "base64:") of a 16- to 64-byte key
Error: Call to private SodiumCrypt\Key::__construct() from global scope
