--TEST--
Hasher: published vectors (FIPS 180 "abc", RFC 4231 case 1), agreement with ext/hash and ext/sodium on every length 0..300 and key lengths 16..64, constant-time verify, argument errors, a wiped key
--EXTENSIONS--
sodium_crypt
sodium
--FILE--
<?php
use SodiumCrypt\{Hasher, Key, KeyContext};

$hex = fn (Hasher $h, string $m) => bin2hex($h->hash($m));
// FIPS 180-2 / 180-4 examples and RFC 4231 test case 1.
echo $hex(new Hasher('sha256'), 'abc'), "\n";
echo $hex(new Hasher('sha512/256'), 'abc'), "\n";
echo substr($hex(new Hasher('sha512'), 'abc'), 0, 32), "\n";
$rfc4231 = Key::fromBytes(str_repeat("\x0b", 20));
echo $hex(new Hasher('hmac-sha256', $rfc4231), 'Hi There'), "\n";
echo substr($hex(new Hasher('hmac-sha512', $rfc4231), 'Hi There'), 0, 32), "\n";

$bad = 0;
$cases = 0;
for ($len = 0; $len <= 300; $len++) {
    $m = $len ? random_bytes($len) : "";
    $raw = random_bytes(16 + $len % 49);
    $k = Key::fromBytes($raw);
    $want = [
        'sha256' => hash('sha256', $m, true),
        'sha512' => hash('sha512', $m, true),
        'sha512/256' => hash('sha512/256', $m, true),
        'blake2b' => sodium_crypto_generichash($m, '', 32),
    ];
    foreach ($want as $alg => $w) {
        $cases++;
        $bad += (new Hasher($alg))->hash($m) !== $w;
    }
    $keyed = [
        'hmac-sha256' => hash_hmac('sha256', $m, $raw, true),
        'hmac-sha512' => hash_hmac('sha512', $m, $raw, true),
        'blake2b' => sodium_crypto_generichash($m, $raw, 16 + $len % 49),
    ];
    foreach ($keyed as $alg => $w) {
        $cases++;
        $h = new Hasher($alg, $k, $alg === 'blake2b' ? 16 + $len % 49 : 0);
        $bad += $h->hash($m) !== $w || !$h->verify($w, $m);
    }
    if (strlen($raw) === 32) {
        $cases++;
        $bad += (new Hasher('hmac-sha512/256', $k))->hash($m) !== sodium_crypto_auth($m, $raw);
    }
}
echo "$cases cases, $bad disagree\n";

$h = new Hasher('hmac-sha512', Key::generate());
$tag = $h->hash('message');
var_dump($h->verify($tag, 'message'), $h->verify($tag, 'messagE'), $h->verify(substr($tag, 0, 32), 'message'),
    $h->verify('', 'message'), $h->verify($tag ^ str_repeat("\0", 63) . "\1", 'message'));
echo $h->algorithm(), ' ', $h->outputBytes(), ' ', (new Hasher('blake2b', null, 64))->outputBytes(), "\n";

foreach ([
    fn () => new Hasher('md5'),
    fn () => new Hasher('SHA256'),
    fn () => new Hasher('sha256', Key::generate()),
    fn () => new Hasher('hmac-sha256'),
    fn () => new Hasher('sha256', null, 16),
    fn () => new Hasher('blake2b', null, 15),
    fn () => new Hasher('blake2b', null, 65),
    fn () => new Hasher('blake2b', null, -1),
] as $f) {
    try {
        $f();
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
KeyContext::set(Key::generate());
$ctx = new Hasher('hmac-sha256', KeyContext::get());
KeyContext::clear();
try {
    $ctx->hash('x');
} catch (SodiumCrypt\CryptoException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    clone $h;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    serialize($h);
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23
ddaf35a193617abacc417349ae204131
b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
87aa7cdea5ef619d4ff0b4241a1d6cb0
2113 cases, 0 disagree
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
hmac-sha512 64 64
SodiumCrypt\Hasher::__construct(): Argument #1 ($algorithm) must be one of "blake2b", "sha256", "sha512", "sha512/256", "hmac-sha256", "hmac-sha512" or "hmac-sha512/256"
SodiumCrypt\Hasher::__construct(): Argument #1 ($algorithm) must be one of "blake2b", "sha256", "sha512", "sha512/256", "hmac-sha256", "hmac-sha512" or "hmac-sha512/256"
SodiumCrypt\Hasher::__construct(): Argument #2 ($key) must be null for sha256, which takes no key
SodiumCrypt\Hasher::__construct(): Argument #2 ($key) must be a Key for hmac-sha256
SodiumCrypt\Hasher::__construct(): Argument #3 ($outputBytes) must be 0 or 32 for sha256
SodiumCrypt\Hasher::__construct(): Argument #3 ($outputBytes) must be 0 or from 16 to 64 for blake2b
SodiumCrypt\Hasher::__construct(): Argument #3 ($outputBytes) must be 0 or from 16 to 64 for blake2b
SodiumCrypt\Hasher::__construct(): Argument #3 ($outputBytes) must be 0 or from 16 to 64 for blake2b
SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
Trying to clone an uncloneable object of class SodiumCrypt\Hasher
Serialization of 'SodiumCrypt\Hasher' is not allowed
