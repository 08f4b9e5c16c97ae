--TEST--
KeyWrap mode 3: a password-wrapped key records its Argon2id limits, so changing sodium_crypt.argon2_* (or the KeyWrap's limits) never locks a user out; mode 1 blobs still open under the configured limits; needsRewrap() says which blobs to upgrade
--EXTENSIONS--
sodium_crypt
sodium
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{CryptoException, Key, KeyWrap, DecryptionFailed};

$user = Key::generate();
$old = new KeyWrap(1, 65536);
$new = new KeyWrap(2, 131072);
$blob = $old->wrapWithPassword($user, 'correct horse');
printf("mode %d, %d bytes, ops %d, mem %d KiB\n", KeyWrap::mode($blob), strlen($blob),
    unpack('V', substr($blob, 1, 4))[1], unpack('V', substr($blob, 5, 4))[1]);
var_dump($new->unwrapWithPassword($blob, 'correct horse')->equals($user));
// The layout, spelled out with ext/sodium: AD = the 49 bytes before the ciphertext.
['o' => $o, 'k' => $k] = unpack('Vo/Vk', substr($blob, 1, 8));
$kek = sodium_crypto_pwhash(32, 'correct horse', substr($blob, 9, 16), $o, $k * 1024, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13);
var_dump(sodium_crypto_aead_xchacha20poly1305_ietf_decrypt(substr($blob, 49), substr($blob, 0, 49), substr($blob, 25, 24), $kek) === $user->exportBytes());
echo sc_throws(fn () => $new->unwrapWithPassword($blob, 'wrong horse')), "\n";
// The ini default changes: a KeyWrap built afterwards still opens old blobs.
ini_set('sodium_crypt.argon2_opslimit', '3');
var_dump((new KeyWrap())->unwrapWithPassword($blob, 'correct horse')->equals($user));

// needsRewrap: mode 1, or other limits than this KeyWrap's.
$v = sc_vectors('laravel-crypto-v3.json')['user_key_blobs'];
$mode1 = null;
foreach ($v as $one) {
    if ($one['mode'] === 1) { $mode1 = $one; break; }
}
$m1 = hex2bin($mode1['blob']);
$lc = new KeyWrap($mode1['opslimit'] ?? null, $mode1['memlimit'] ?? null);
var_dump(KeyWrap::mode($m1), bin2hex($lc->unwrapWithPassword($m1, $mode1['password'])->exportBytes()) === $mode1['user_key']);
var_dump($old->needsRewrap($m1), $old->needsRewrap($blob), $new->needsRewrap($blob), $old->needsRewrap($old->wrapWithServerKey($user, Key::generate(), '7')));

// The limits are authenticated, and implausible ones are refused before Argon2 runs.
$caught = 0;
for ($i = 1; $i < 9; $i++) {
    $b = $blob;
    $b[$i] = chr(ord($b[$i]) ^ 0x01);
    try { $old->unwrapWithPassword($b, 'correct horse'); } catch (CryptoException) { $caught++; } // DecryptionFailed, or refused before Argon2id
}
echo "limit bytes tampered: $caught of 8 refused\n";
echo sc_throws(fn () => new KeyWrap(65537, 65536)), "\n";
echo sc_throws(fn () => new KeyWrap(1, (4 << 30) + 1024)), "\n";
?>
--EXPECT--
mode 3, 97 bytes, ops 1, mem 64 KiB
bool(true)
bool(true)
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
bool(true)
int(1)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
limit bytes tampered: 8 of 8 refused
ValueError: SodiumCrypt\KeyWrap::__construct(): Argument #1 ($opsLimit) must be between 1 and 65536
ValueError: SodiumCrypt\KeyWrap::__construct(): Argument #2 ($memLimit) must be between 8192 and 4294967296 bytes
