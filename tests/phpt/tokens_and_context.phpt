--TEST--
KeyContext: token vectors both ways, set/get/has/clear, MissingKeyContext, and nothing built on the context key survives clear()
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Cipher, Key, KeyContext, Keyring, BlindIndex, Aead, MissingKeyContext};

foreach (sc_vectors('laravel-crypto-v3.json')['tokens'] as $v) {
    $key = Key::fromBytes(hex2bin($v['user_key']));
    printf("token %s: toToken %s, fromToken %s\n", substr($v['token'], 0, 8),
        KeyContext::toToken($key) === $v['token'] ? 'ok' : 'WRONG', KeyContext::fromToken($v['token'])->equals($key) ? 'ok' : 'WRONG');
}
$token = KeyContext::toToken(Key::generate());
foreach (['', substr($token, 1), $token . 'A', strtr($token, '-_', '+/') . '=', str_repeat('*', 43),
    substr($token, 0, 42) . "\x80", substr($token, 0, 42) . 'B'] as $bad) {
    echo sc_throws(fn () => KeyContext::fromToken($bad)), "\n";
}
echo sc_throws(fn () => KeyContext::toToken(Key::generate(16))), "\n";

var_dump(KeyContext::has());
echo sc_throws(fn () => KeyContext::get()), "\n";
$mine = Key::generate();
KeyContext::set($mine);
$ctx = KeyContext::get();
var_dump(KeyContext::has(), $ctx->equals($mine), $ctx === KeyContext::get());
$ring = new Keyring(Cipher::Aegis256, $ctx);
$bi = new BlindIndex($ctx);
$aead = new Aead(Cipher::XChaCha20Poly1305, $ctx);
$p = $ring->seal('per-user secret');
$index = $bi->compute('a@b.c', 'email');
KeyContext::clear();
var_dump(KeyContext::has());
// Everything built on the context key now fails closed; the caller's own Key is untouched.
echo sc_throws(fn () => $ctx->length()), "\n";
echo sc_throws(fn () => $ring->open($p)), "\n";
echo sc_throws(fn () => $ring->seal('x')), "\n";
echo sc_throws(fn () => $bi->compute('a@b.c', 'email')), "\n";
echo sc_throws(fn () => $aead->encrypt('x')), "\n";
echo sc_throws(fn () => new Keyring(Cipher::Aegis256, $ctx)), "\n";
echo sc_throws(fn () => KeyContext::set($ctx)), "\n";
var_dump($mine->length(), (new Keyring(Cipher::Aegis256, $mine))->open($p));
var_dump($ctx);
// set() twice replaces; clear() twice is harmless.
KeyContext::set(Key::generate()); KeyContext::set($mine);
var_dump(KeyContext::get()->equals($mine));
KeyContext::clear(); KeyContext::clear();
echo sc_throws(fn () => new KeyContext()), "\n";
?>
--EXPECTF--
token %s: toToken ok, fromToken ok
token %s: toToken ok, fromToken ok
token %s: toToken ok, fromToken ok
token %s: toToken ok, fromToken ok
token %s: toToken ok, fromToken ok
token %s: toToken ok, fromToken ok
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::fromToken(): Argument #1 ($token) must be a base64url token of a 32-byte key (43 characters)
ValueError: SodiumCrypt\KeyContext::toToken(): Argument #1 ($key) must be a 32-byte key, 16-byte key given
bool(false)
SodiumCrypt\MissingKeyContext: No user key is set for this request: call KeyContext::set() first (the BootPerUserEncryption middleware does)
bool(true)
bool(true)
bool(true)
bool(false)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
int(32)
string(15) "per-user secret"
object(SodiumCrypt\Key)#%d (1) {
  ["length"]=>
  int(0)
}
bool(true)
Error: Call to private SodiumCrypt\KeyContext::__construct() from global scope
