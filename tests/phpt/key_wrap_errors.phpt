--TEST--
KeyWrap: wrong password, app key or user id, a mode-1 blob under other limits, and every tampered byte (mode 3 and 2) raise DecryptionFailed (or, for recorded limits raised beyond four times the KeyWrap's, a CryptoException before Argon2id runs); wrong length or mode byte a ValueError naming the sizes
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{CryptoException, Key, KeyWrap, DecryptionFailed};

$wrap = new KeyWrap(1, 8192); // the cheapest Argon2id, so every byte can be tampered with
$user = Key::generate();
$app = Key::generate();
$m1 = $wrap->wrapWithPassword($user, 'correct horse');
$m2 = $wrap->wrapWithServerKey($user, $app, '42');

echo sc_throws(fn () => $wrap->unwrapWithPassword($m1, 'wrong horse')), "\n";
echo sc_throws(fn () => $wrap->unwrapWithPassword($m1, '')), "\n";
// A mode-1 blob (laravel-crypto's) records no limits: under other limits it does not open.
$v1 = current(array_filter(sc_vectors('laravel-crypto-v3.json')['user_key_blobs'], fn ($v) => $v['mode'] === 1));
echo sc_throws(fn () => (new KeyWrap(1, 8192))->unwrapWithPassword(hex2bin($v1['blob']), $v1['password'])), "\n";
echo sc_throws(fn () => $wrap->unwrapWithServerKey($m2, Key::generate(), '42')), "\n";
echo sc_throws(fn () => $wrap->unwrapWithServerKey($m2, $app, '43')), "\n";
echo sc_throws(fn () => $wrap->unwrapWithServerKey($m2, $app, '')), "\n";

$caught = $bounded = 0;
foreach ([[$m1, fn ($b) => $wrap->unwrapWithPassword($b, 'correct horse')],
          [$m2, fn ($b) => $wrap->unwrapWithServerKey($b, $app, '42')]] as [$blob, $open]) {
    for ($i = 1; $i < strlen($blob); $i++) {     // every byte but the mode byte
        $b = $blob;
        $b[$i] = chr(ord($b[$i]) ^ 0x01);
        try { $open($b); } catch (DecryptionFailed) { $caught++; } catch (CryptoException) { $bounded++; }
    }
}
printf("tampered bytes caught: %d of %d, %d of them before Argon2id (limits raised past the bound)\n", $caught + $bounded, strlen($m1) - 1 + strlen($m2) - 1, $bounded);

foreach ([
    fn () => $wrap->unwrapWithPassword(substr($m1, 0, 88), 'correct horse'),
    fn () => $wrap->unwrapWithPassword($m2, 'correct horse'),
    fn () => $wrap->unwrapWithServerKey($m1, $app, '42'),
    fn () => $wrap->unwrapWithServerKey($m2 . 'x', $app, '42'),
    fn () => $wrap->unwrapWithServerKey("\x03" . substr($m2, 1), $app, '42'),
    fn () => KeyWrap::mode(''),
    fn () => KeyWrap::mode(str_repeat("\x01", 73)),
    fn () => $wrap->wrapWithPassword(Key::generate(16), 'pw'),
    fn () => new KeyWrap(0),
    fn () => new KeyWrap(2, 1024),
] as $fn) {
    echo sc_throws($fn), "\n";
}
?>
--EXPECT--
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
tampered bytes caught: 168 of 168, 3 of them before Argon2id (limits raised past the bound)
ValueError: SodiumCrypt\KeyWrap::unwrapWithPassword(): Argument #1 ($blob) must be a password-wrapped blob: 97 bytes starting with 0x03 (or 89 starting with 0x01), 88 bytes given
ValueError: SodiumCrypt\KeyWrap::unwrapWithPassword(): Argument #1 ($blob) must be a password-wrapped blob: 97 bytes starting with 0x03 (or 89 starting with 0x01), 73 bytes given
ValueError: SodiumCrypt\KeyWrap::unwrapWithServerKey(): Argument #1 ($blob) must be a mode 2 blob: 73 bytes starting with 0x02, 97 bytes given
ValueError: SodiumCrypt\KeyWrap::unwrapWithServerKey(): Argument #1 ($blob) must be a mode 2 blob: 73 bytes starting with 0x02, 74 bytes given
ValueError: SodiumCrypt\KeyWrap::unwrapWithServerKey(): Argument #1 ($blob) must be a mode 2 blob: 73 bytes starting with 0x02, 73 bytes given
ValueError: SodiumCrypt\KeyWrap::mode(): Argument #1 ($blob) must be a mode 1, 2 or 3 blob (89 bytes starting with 0x01, 73 with 0x02, 97 with 0x03), 0 bytes given
ValueError: SodiumCrypt\KeyWrap::mode(): Argument #1 ($blob) must be a mode 1, 2 or 3 blob (89 bytes starting with 0x01, 73 with 0x02, 97 with 0x03), 73 bytes given
ValueError: SodiumCrypt\KeyWrap::wrapWithPassword(): Argument #1 ($userKey) must be a 32-byte key, 16-byte key given
ValueError: SodiumCrypt\KeyWrap::__construct(): Argument #1 ($opsLimit) must be between 1 and 65536
ValueError: SodiumCrypt\KeyWrap::__construct(): Argument #2 ($memLimit) must be between 8192 and 4294967296 bytes
