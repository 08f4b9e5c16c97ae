--TEST--
KeyWrap: every laravel-crypto user_key_blobs vector unwraps to its key, and wrap-then-unwrap round-trips in both modes
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Key, KeyWrap};

foreach (sc_vectors('laravel-crypto-v3.json')['user_key_blobs'] as $i => $v) {
    $blob = hex2bin($v['blob']);
    $userKey = Key::fromBytes(hex2bin($v['user_key']));
    if ($v['mode'] === 1) {
        $wrap = new KeyWrap($v['opslimit'], $v['memlimit']);
        $unwrapped = $wrap->unwrapWithPassword($blob, $v['password']);
        $again = $wrap->unwrapWithPassword($wrap->wrapWithPassword($userKey, $v['password']), $v['password']);
    } else {
        $wrap = new KeyWrap();
        $appKey = Key::fromBytes(hex2bin($v['app_key']));
        $unwrapped = $wrap->unwrapWithServerKey($blob, $appKey, (string) $v['user_id']);
        $fresh = $wrap->wrapWithServerKey($userKey, $appKey, (string) $v['user_id']);
        $again = $wrap->unwrapWithServerKey($fresh, $appKey, (string) $v['user_id']);
    }
    printf("%2d mode %d (%d bytes): unwraps %s, round trip %s, mode() %d\n", $i, $v['mode'], strlen($blob),
        $unwrapped->equals($userKey) ? 'yes' : 'NO', $again->equals($userKey) ? 'yes' : 'NO', KeyWrap::mode($blob));
}
// The INI defaults are libsodium's INTERACTIVE limits.
$w = new KeyWrap();
var_dump($w->opsLimit() === SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE, $w->memLimit() === SODIUM_CRYPTO_PWHASH_MEMLIMIT_INTERACTIVE);
ini_set('sodium_crypt.argon2_opslimit', '3');
var_dump((new KeyWrap())->opsLimit(), (new KeyWrap(4))->opsLimit());
// A fresh wrap is never the same twice (random salt and nonce).
$k = Key::generate();
var_dump($w->wrapWithServerKey($k, Key::generate(), '1') !== $w->wrapWithServerKey($k, Key::generate(), '1'));
?>
--EXPECT--
 0 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
 1 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
 2 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
 3 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
 4 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
 5 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
 6 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
 7 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
 8 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
 9 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
10 mode 1 (89 bytes): unwraps yes, round trip yes, mode() 1
11 mode 2 (73 bytes): unwraps yes, round trip yes, mode() 2
bool(true)
bool(true)
int(3)
int(4)
bool(true)
