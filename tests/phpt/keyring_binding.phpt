--TEST--
Keyring: a bound payload opens only under its binding (never unbound, never another), is V1 whatever the ring writes; isCurrent() tells bound from unbound; secretbox cannot bind
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
use SodiumCrypt\{Cipher, Key, Keyring, PayloadFormat, DecryptionFailed};

function opens(Keyring $ring, string $payload, ?string $binding): string
{
    try {
        return $ring->open($payload, $binding);
    } catch (DecryptionFailed $e) {
        return 'DecryptionFailed';
    }
}

$key = Key::generate();
$old = Key::generate();
foreach ([Cipher::Aegis256, Cipher::XChaCha20Poly1305, Cipher::Aes256Gcm] as $cipher) {
    if (!$cipher->isAvailable()) {
        echo "$cipher->value: ok\n"; // AES-GCM without hardware AES
        continue;
    }
    $results = [];
    foreach ([PayloadFormat::V1, PayloadFormat::LaravelCrypto] as $format) {
        $ring = new Keyring($cipher, $key, [$old], $format);
        $bound = $ring->seal('123-45-6789', "patients\0ssn\0" . '42');
        $results[] = str_starts_with($bound, 'sc1.') ? 'v1' : 'not v1';
        $results[] = opens($ring, $bound, "patients\0ssn\0" . '42');
        $results[] = opens($ring, $bound, "patients\0ssn\0" . '43');
        $results[] = opens($ring, $bound, '');
        $results[] = opens($ring, $bound, null);
        $results[] = opens($ring, $ring->seal('loose'), "patients\0ssn\0" . '42');
        $results[] = opens($ring, $ring->seal('empty binding', ''), '');
        $results[] = var_export([$ring->isCurrent($bound, true), $ring->isCurrent($bound)], true);
        // Under a previous key: still opens, no longer current.
        $rotated = new Keyring($cipher, Key::generate(), [$key], $format);
        $results[] = opens($rotated, $bound, "patients\0ssn\0" . '42');
        $results[] = var_export($rotated->isCurrent($bound, true), true);
    }
    $expected = ['v1', '123-45-6789', 'DecryptionFailed', 'DecryptionFailed', 'DecryptionFailed', 'DecryptionFailed', 'empty binding',
        "array (\n  0 => true,\n  1 => false,\n)", '123-45-6789', 'false'];
    echo $cipher->value, ': ', $results === [...$expected, ...$expected] ? 'ok' : var_export($results, true), "\n";
}

try {
    (new Keyring(Cipher::SecretBox, $key, [], PayloadFormat::LaravelCrypto))->seal('x', 'row 1');
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    (new Keyring(Cipher::Aegis256, $key))->open('x', []);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
aegis-256: ok
xchacha20-poly1305: ok
aes-256-gcm: ok
ValueError: SodiumCrypt\Keyring::seal(): Argument #2 ($binding) needs a cipher with associated data, and xsalsa20-poly1305 has none
TypeError: SodiumCrypt\Keyring::open(): Argument #2 ($binding) must be of type ?string, array given
