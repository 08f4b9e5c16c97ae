--TEST--
Wycheproof: every AES-GCM case with a 256-bit key and a 96-bit IV through Aead
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php if (!SodiumCrypt\Cipher::Aes256Gcm->isAvailable()) die('skip AES-256-GCM needs AES-NI and PCLMULQDQ');
--FILE--
<?php
require __DIR__ . '/wycheproof.inc';
sc_wycheproof('aes_gcm_test.json', SodiumCrypt\Cipher::Aes256Gcm,
    fn ($g) => $g['keySize'] === 256 && $g['ivSize'] === 96 && $g['tagSize'] === 128);
?>
--EXPECT--
aes_gcm_test.json: 39 valid, 27 invalid, 0 wrong
