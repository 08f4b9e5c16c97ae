--TEST--
Wycheproof: every XChaCha20-Poly1305 case through Aead (invalid nonce sizes included: they must fail)
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/wycheproof.inc';
sc_wycheproof('xchacha20_poly1305_test.json', SodiumCrypt\Cipher::XChaCha20Poly1305, fn ($g) => true);
?>
--EXPECT--
xchacha20_poly1305_test.json: 246 valid, 69 invalid, 0 wrong
