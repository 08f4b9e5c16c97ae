--TEST--
KeyWrap mode 3: a blob whose recorded Argon2id limits exceed 4x this KeyWrap's is refused before Argon2 runs, with the limits in the message; up to 4x opens (limits lowered later lock nobody out)
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
use SodiumCrypt\{CryptoException, DecryptionFailed, Key, KeyWrap};

$user = Key::generate();
$configured = new KeyWrap(1, 65536);
function outcome(KeyWrap $wrap, string $blob): string
{
    global $user;
    try {
        return $wrap->unwrapWithPassword($blob, 'correct horse')->equals($user) ? 'opens' : 'WRONG KEY';
    } catch (DecryptionFailed $e) {
        return 'DecryptionFailed';
    } catch (CryptoException $e) {
        return get_class($e) . ': ' . $e->getMessage();
    }
}
echo "4x ops, 4x memory: ", outcome($configured, (new KeyWrap(4, 4 * 65536))->wrapWithPassword($user, 'correct horse')), "\n";
echo "5x ops: ", outcome($configured, (new KeyWrap(5, 65536))->wrapWithPassword($user, 'correct horse')), "\n";
echo "8x memory: ", outcome($configured, (new KeyWrap(1, 8 * 65536))->wrapWithPassword($user, 'correct horse')), "\n";

// A stored blob edited to record the ceiling: refused at once, whatever the password.
$blob = $configured->wrapWithPassword($user, 'correct horse');
$huge = substr_replace($blob, pack('VV', 65536, 4 << 20), 1, 8);
echo "edited to 65536 ops, 4 GiB: ", outcome($configured, $huge), "\n";
?>
--EXPECT--
4x ops, 4x memory: opens
5x ops: SodiumCrypt\CryptoException: This key is wrapped under Argon2id limits (ops 5, memory 65536 bytes) above four times this KeyWrap's (ops 1, memory 65536 bytes): refused before Argon2id runs. Raise the configured limits (sodium_crypt.argon2_opslimit/memlimit, or the KeyWrap's) to at least a quarter of the recorded ones.
8x memory: SodiumCrypt\CryptoException: This key is wrapped under Argon2id limits (ops 1, memory 524288 bytes) above four times this KeyWrap's (ops 1, memory 65536 bytes): refused before Argon2id runs. Raise the configured limits (sodium_crypt.argon2_opslimit/memlimit, or the KeyWrap's) to at least a quarter of the recorded ones.
edited to 65536 ops, 4 GiB: SodiumCrypt\CryptoException: This key is wrapped under Argon2id limits (ops 65536, memory 4294967296 bytes) above four times this KeyWrap's (ops 1, memory 65536 bytes): refused before Argon2id runs. Raise the configured limits (sodium_crypt.argon2_opslimit/memlimit, or the KeyWrap's) to at least a quarter of the recorded ones.
