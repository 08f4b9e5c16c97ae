--TEST--
AEGIS: every Wycheproof AEGIS-128L and AEGIS-256 case (128-bit tags, valid and invalid) through Aead
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php if (!SodiumCrypt\Cipher::Aegis256->isAvailable()) die('skip no AEGIS on this machine');
--FILE--
<?php
require __DIR__ . '/wycheproof.inc';
use SodiumCrypt\Cipher;
sc_wycheproof('aegis128L_test.json', Cipher::Aegis128L, fn ($g) => true);
sc_wycheproof('aegis256_test.json', Cipher::Aegis256, fn ($g) => true);
?>
--EXPECT--
aegis128L_test.json: 367 valid, 112 invalid, 0 wrong
aegis256_test.json: 360 valid, 112 invalid, 0 wrong
