--TEST--
SigningKey (Ed25519): RFC 8032 test 1, agreement with ext/sodium from a seed and from a 64-byte secret key, verify refuses edits and wrong lengths, a mismatched secret key is refused, one built on the context key stops at clear(), nothing secret in a dump
--EXTENSIONS--
sodium_crypt
sodium
--FILE--
<?php
use SodiumCrypt\{Key, SigningKey};

$rfc = new SigningKey(Key::fromBytes(hex2bin('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')));
echo bin2hex($rfc->publicKey()), "\n", bin2hex($rfc->sign('')), "\n";

$bad = 0;
for ($i = 0; $i < 50; $i++) {
    $seed = random_bytes(32);
    $pair = sodium_crypto_sign_seed_keypair($seed);
    $sk = sodium_crypto_sign_secretkey($pair);
    $pk = sodium_crypto_sign_publickey($pair);
    $m = $i ? random_bytes($i * 13) : "";
    $a = new SigningKey(Key::fromBytes($seed));
    $b = new SigningKey(Key::fromBytes($sk));
    $sig = $a->sign($m);
    $bad += $sig !== sodium_crypto_sign_detached($m, $sk) || $b->sign($m) !== $sig
        || $a->publicKey() !== $pk || !SigningKey::verify($sig, $m, $pk);
}
echo "50 keys, $bad disagree\n";

$sig = $rfc->sign('hello');
$pk = $rfc->publicKey();
var_dump(SigningKey::verify($sig, 'hello', $pk), SigningKey::verify($sig, 'hellO', $pk),
    SigningKey::verify($sig ^ ("\1" . str_repeat("\0", 63)), 'hello', $pk), SigningKey::verify(substr($sig, 1), 'hello', $pk),
    SigningKey::verify($sig, 'hello', substr($pk, 1)), SigningKey::verify('', '', ''));

$sk = sodium_crypto_sign_secretkey(sodium_crypto_sign_keypair());
foreach ([substr($sk, 0, 32) . random_bytes(32), random_bytes(48)] as $raw) {
    try {
        new SigningKey(Key::fromBytes($raw));
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
// Built on KeyContext's key, it signs only while the context holds it: no
// copy of the seed (the first half of the 64-byte form) outlives clear().
SodiumCrypt\KeyContext::set(Key::fromBytes(str_repeat("\x05", 32)));
$ctx = new SigningKey(SodiumCrypt\KeyContext::get());
$before = $ctx->sign('m');
SodiumCrypt\KeyContext::clear();
try {
    $ctx->sign('m');
    echo "signed after clear()\n";
} catch (SodiumCrypt\CryptoException $e) {
    echo $e->getMessage(), "\n";
}
var_dump(SigningKey::verify($before, 'm', $ctx->publicKey()));
$dump = print_r($rfc, true) . var_export($rfc, true);
var_dump(str_contains($dump, "\x9d\x61"), str_contains(bin2hex($dump), '9d61b19d'));
?>
--EXPECT--
d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a
e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b
50 keys, 0 disagree
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
SodiumCrypt\SigningKey::__construct(): Argument #1 ($secret) must be an Ed25519 secret key whose second half is its public key
SodiumCrypt\SigningKey::__construct(): Argument #1 ($secret) must be a 32-byte seed or a 64-byte Ed25519 secret key, 48-byte key given
This key has been wiped (KeyContext::clear() or request end)
bool(true)
bool(false)
bool(false)
