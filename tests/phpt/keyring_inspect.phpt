--TEST--
Keyring::inspect(): format, cipher, binding and key of V1 (from its header) and laravel-crypto payloads (by opening them); null for anything else; isCurrent() of a laravel-crypto ring
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
use SodiumCrypt\{Cipher, Key, KeyContext, Keyring, PayloadFormat};

function show(?array $about, array $names): string
{
    if ($about === null) {
        return 'null';
    }
    $key = $about['key'] === null ? 'no key' : $names[$about['key']];
    $id = $about['key'] === null ? '' : ($about['keyId'] === $names['ids'][$about['key']] ? ', id matches' : ', ID WRONG');
    return sprintf('%s %s%s, %s%s', $about['format']->name, $about['cipher']->value, $about['bound'] ? ' bound' : '', $key, $id);
}

$current = Key::generate();
$previous = Key::generate();
$stranger = Key::generate();
$ring = new Keyring(Cipher::Aegis256, $current, [$previous], PayloadFormat::V1, [Cipher::XChaCha20Poly1305]);
$names = [0 => 'current key', 1 => 'previous key', 'ids' => [$current->id(), $previous->id()]];

$cases = [
    'V1 now' => $ring->seal('a'),
    'V1 bound' => $ring->seal('a', "users\0ssn\0" . '7'),
    'V1 under the previous key' => (new Keyring(Cipher::Aegis256, $previous))->seal('a'),
    'V1 under a key not in the ring' => (new Keyring(Cipher::Aegis256, $stranger))->seal('a'),
    'V1 of a cipher the ring does not read' => (new Keyring(Cipher::Aegis128L, Key::generate(16)))->seal('a'),
    'laravel-crypto, current key' => (new Keyring(Cipher::Aegis256, $current, [], PayloadFormat::LaravelCrypto))->seal('a'),
    'laravel-crypto, previous key, a read cipher' => (new Keyring(Cipher::XChaCha20Poly1305, $previous, [], PayloadFormat::LaravelCrypto))->seal('a'),
    'laravel-crypto, a cipher the ring does not read' => (new Keyring(Cipher::SecretBox, $current, [], PayloadFormat::LaravelCrypto))->seal('a'),
    'laravel-crypto under a stranger' => (new Keyring(Cipher::Aegis256, $stranger, [], PayloadFormat::LaravelCrypto))->seal('a'),
];
$v1 = $cases['V1 now'];
$cases += [
    'V1 truncated to its header' => substr($v1, 0, 12),
    'V1 missing its last character' => substr($v1, 0, -1),
    'V1 with an unknown cipher id' => 'sc1.' . rtrim(strtr(base64_encode("\x09" . str_repeat("\0", 60)), '+/', '-_'), '='),
    'V1 with a character outside base64url' => substr($v1, 0, 10) . '*' . substr($v1, 11),
    'V1, tampered body (the header alone is read)' => substr($v1, 0, -3) . ($v1[-3] === 'A' ? 'B' : 'A') . substr($v1, -2),
    'the prefix alone' => 'sc1.',
    'empty' => '',
    'Laravel JSON payload' => base64_encode(json_encode(['iv' => 'x', 'value' => 'y', 'mac' => 'z', 'tag' => ''])),
    'plain text' => 'not a payload at all',
];
foreach ($cases as $what => $payload) {
    echo str_pad($what, 48), show($ring->inspect($payload), $names), "\n";
}

echo "\nisCurrent() of a laravel-crypto ring opens the payload:\n";
$lc = new Keyring(Cipher::XChaCha20Poly1305, $current, [$previous], PayloadFormat::LaravelCrypto, [Cipher::Aegis256]);
var_dump(
    $lc->isCurrent($lc->seal('a')),
    $lc->isCurrent((new Keyring(Cipher::XChaCha20Poly1305, $previous, [], PayloadFormat::LaravelCrypto))->seal('a')),
    $lc->isCurrent($cases['laravel-crypto, current key']),  // the key, another cipher
    $lc->isCurrent($v1),
    $lc->isCurrent('garbage'),
);

echo "\nA wiped key: inspect() fails closed\n";
KeyContext::set(Key::generate());
$context = new Keyring(Cipher::Aegis256, KeyContext::get());
$sealed = $context->seal('a');
KeyContext::clear();
try {
    $context->inspect($sealed);
} catch (\Throwable $e) {
    echo get_class($e), "\n";
}
?>
--EXPECT--
V1 now                                          V1 aegis-256, current key, id matches
V1 bound                                        V1 aegis-256 bound, current key, id matches
V1 under the previous key                       V1 aegis-256, previous key, id matches
V1 under a key not in the ring                  V1 aegis-256, no key
V1 of a cipher the ring does not read           V1 aegis-128l, no key
laravel-crypto, current key                     LaravelCrypto aegis-256, current key, id matches
laravel-crypto, previous key, a read cipher     LaravelCrypto xchacha20-poly1305, previous key, id matches
laravel-crypto, a cipher the ring does not read null
laravel-crypto under a stranger                 null
V1 truncated to its header                      null
V1 missing its last character                   null
V1 with an unknown cipher id                    null
V1 with a character outside base64url           null
V1, tampered body (the header alone is read)    V1 aegis-256, current key, id matches
the prefix alone                                null
empty                                           null
Laravel JSON payload                            null
plain text                                      null

isCurrent() of a laravel-crypto ring opens the payload:
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)

A wiped key: inspect() fails closed
SodiumCrypt\CryptoException
