--TEST--
StreamSealer/StreamOpener: round trips of 0, 1, chunk-1, chunk, chunk+1 and 3 chunks; reordered, truncated, extended, moved and edited chunks and headers raise DecryptionFailed; rotation by key id; sizes; argument errors
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
use SodiumCrypt\{CryptoException, DecryptionFailed, Key, StreamOpener, StreamSealer};

const CHUNK = 1024;
const SEALED = CHUNK + 32;

function seal(Key $key, string $data): string
{
    $s = new StreamSealer($key, CHUNK);
    $out = $s->header();
    $chunks = $data === '' ? [''] : str_split($data, CHUNK);
    foreach ($chunks as $i => $c) {
        $out .= $s->push($c, $i === count($chunks) - 1);
    }
    return $out;
}

/** Reads as the disk does: the chunk that ends the file is the last one. */
function open(array $keys, string $file): string
{
    $o = new StreamOpener(substr($file, 0, 34), $keys);
    $out = '';
    $body = substr($file, 34);
    do {
        $chunk = substr($body, 0, SEALED);
        $body = substr($body, SEALED);
        $out .= $o->pull($chunk, $body === '');
    } while ($body !== '');
    return $out;
}

function attempt(string $what, callable $f): void
{
    try {
        $f();
        echo "$what: opened\n";
    } catch (DecryptionFailed $e) {
        echo "$what: ", $e->getMessage(), "\n";
    }
}

$key = Key::generate();
foreach ([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK] as $n) {
    $data = $n ? random_bytes($n) : '';
    $file = seal($key, $data);
    $size = (new StreamOpener(substr($file, 0, 34), [$key]))->plaintextSize(strlen($file));
    printf("%d bytes: %d on disk, size %d, %s\n", $n, strlen($file), $size, open([$key], $file) === $data ? 'same' : 'DIFFERENT');
}

$data = random_bytes(3 * CHUNK);
$file = seal($key, $data);
[$h, $c0, $c1, $c2] = [substr($file, 0, 34), substr($file, 34, SEALED), substr($file, 34 + SEALED, SEALED), substr($file, 34 + 2 * SEALED)];
attempt('reordered', fn () => open([$key], $h . $c1 . $c0 . $c2));
attempt('cut at a chunk boundary', fn () => open([$key], $h . $c0 . $c1));
attempt('cut mid-chunk', fn () => open([$key], substr($file, 0, -1)));
attempt('a chunk dropped', fn () => open([$key], $h . $c0 . $c2));
attempt('extended', fn () => open([$key], $file . $c2));
$other = seal($key, $data);
attempt('chunk from another file', fn () => open([$key], $h . substr($other, 34, SEALED) . $c1 . $c2));
attempt('header from another file', fn () => open([$key], substr($other, 0, 34) . $c0 . $c1 . $c2));
attempt('one bit of the header', fn () => open([$key], ($h ^ str_repeat("\0", 33) . "\1") . $c0 . $c1 . $c2));
attempt('one bit of a tag', fn () => open([$key], $h . $c0 . $c1 . substr($c2, 0, -1) . (substr($c2, -1) ^ "\x80")));
attempt('not an encrypted file', fn () => open([$key], str_repeat('plain text ', 200)));
attempt('empty file', fn () => open([$key], ''));
$o = new StreamOpener($h, [$key]);
attempt('last flag on a middle chunk', fn () => $o->pull($c0, true));
attempt('oversized chunk', fn () => (new StreamOpener($h, [$key]))->pull($c0 . 'x'));
try {
    (new StreamOpener($h, [$key]))->plaintextSize(34 + SEALED + 5);
} catch (DecryptionFailed $e) {
    echo "impossible size: ", $e->getMessage(), "\n";
}

// Rotation: the key id in the header picks the key; an unknown id says which one.
$old = Key::generate();
$file = seal($old, 'written under the old key');
echo open([$key, $old], $file), "\n";
$o = new StreamOpener(substr($file, 0, 34), [$key, $old]);
var_dump($o->keyId() === $old->id(), $o->chunkBytes(), $o->finished());
try {
    open([$key], $file);
} catch (CryptoException $e) {
    echo str_replace($old->id(), 'ID', $e->getMessage()), "\n";
}

// The sealer's rules.
$s = new StreamSealer($key);
var_dump($s->chunkBytes(), strlen($s->header()), StreamSealer::headerBytes(), StreamSealer::tagBytes(), $s->finished());
foreach ([
    fn () => $s->push('short, not last'),
    fn () => $s->push(str_repeat('x', 65537), true),
    fn () => new StreamSealer($key, 1000),
    fn () => new StreamSealer($key, 512),
    fn () => new StreamSealer($key, 1 << 25),
    fn () => new StreamSealer(Key::generate(16)),
    fn () => new StreamOpener($h, [$key, 'not a key']),
] as $f) {
    try {
        $f();
    } catch (ValueError|TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$s->push('', true);
var_dump($s->finished());
try {
    $s->push('', true);
} catch (CryptoException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
0 bytes: 66 on disk, size 0, same
1 bytes: 67 on disk, size 1, same
1023 bytes: 1089 on disk, size 1023, same
1024 bytes: 1090 on disk, size 1024, same
1025 bytes: 1123 on disk, size 1025, same
3072 bytes: 3202 on disk, size 3072, same
reordered: The payload could not be decrypted
cut at a chunk boundary: The payload could not be decrypted
cut mid-chunk: The payload could not be decrypted
a chunk dropped: The payload could not be decrypted
extended: The payload could not be decrypted
chunk from another file: The payload could not be decrypted
header from another file: The payload could not be decrypted
one bit of the header: The payload could not be decrypted
one bit of a tag: The payload could not be decrypted
not an encrypted file: The payload could not be decrypted
empty file: The payload could not be decrypted
last flag on a middle chunk: The payload could not be decrypted
oversized chunk: The payload could not be decrypted
impossible size: The payload could not be decrypted
written under the old key
bool(true)
int(1024)
bool(false)
This file was encrypted under key id ID, which is none of the 1 keys given
int(65536)
int(34)
int(34)
int(32)
bool(false)
ValueError: SodiumCrypt\StreamSealer::push(): Argument #1 ($chunk) must be 65536 bytes unless it is the last chunk
ValueError: SodiumCrypt\StreamSealer::push(): Argument #1 ($chunk) must be at most 65536 bytes
ValueError: SodiumCrypt\StreamSealer::__construct(): Argument #2 ($chunkBytes) must be a power of two from 1024 to 16777216
ValueError: SodiumCrypt\StreamSealer::__construct(): Argument #2 ($chunkBytes) must be a power of two from 1024 to 16777216
ValueError: SodiumCrypt\StreamSealer::__construct(): Argument #2 ($chunkBytes) must be a power of two from 1024 to 16777216
ValueError: SodiumCrypt\StreamSealer::__construct(): Argument #1 ($key) must be a 32-byte key for aegis-256, 16-byte key given
TypeError: SodiumCrypt\StreamOpener::__construct(): Argument #2 ($keys) must contain only SodiumCrypt\Key objects, string given at index 1
bool(true)
This stream is finished: its last chunk has been pushed
