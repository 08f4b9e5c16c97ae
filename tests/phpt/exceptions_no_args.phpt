--TEST--
Exceptions the extension throws carry no argument values in their traces, whatever zend.exception_ignore_args says
--EXTENSIONS--
sodium_crypt
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
use SodiumCrypt\{Cipher, Key, Keyring, Aead};

function login(string $password, Keyring $ring, string $payload): string
{
    return $ring->open($payload);
}
$ring = new Keyring(Cipher::XChaCha20Poly1305, Key::generate());
foreach ([
    fn () => login('hunter2-password', $ring, 'garbage-payload'),
    fn () => login('hunter2-password', $ring, ''),
    fn () => (new Aead(Cipher::SecretBox, Key::generate()))->encrypt('hunter2-password', 'ad'),
    fn () => new Keyring(Cipher::SecretBox, Key::generate()),
] as $i => $fn) {
    try {
        $fn();
    } catch (Throwable $e) {
        $frames = $e->getTrace();
        $withArgs = array_filter($frames, fn ($f) => !empty($f['args']));
        printf("%d %s: %d frames, %d with args, password in text: %s\n", $i, get_class($e), count($frames),
            count($withArgs), str_contains((string) $e, 'hunter2') ? 'yes' : 'no');
    }
}
// Ordinary exceptions keep their arguments: the setting is restored.
try { (function (string $x) { throw new Exception('x'); })('kept'); } catch (Exception $e) {
    var_dump($e->getTrace()[0]['args'] === ['kept']);
}
?>
--EXPECT--
0 SodiumCrypt\DecryptionFailed: 3 frames, 0 with args, password in text: no
1 SodiumCrypt\DecryptionFailed: 3 frames, 0 with args, password in text: no
2 ValueError: 2 frames, 0 with args, password in text: no
3 ValueError: 2 frames, 0 with args, password in text: no
bool(true)
