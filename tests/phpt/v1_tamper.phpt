--TEST--
V1 and laravel-crypto: any flipped byte or character, truncation, extension, empty or non-base64 text, unknown key id or cipher raises DecryptionFailed with one message, never a warning
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Cipher, Key, Keyring, PayloadFormat, DecryptionFailed};

function attempts(Keyring $ring, iterable $payloads): array
{
    $messages = [];
    $opened = 0;
    foreach ($payloads as $p) {
        try {
            $ring->open($p);
            $opened++;
        } catch (DecryptionFailed $e) {
            $messages[$e->getMessage()] = true;
        }
    }
    return [$opened, array_keys($messages)];
}

function damaged(string $p): Generator
{
    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for ($i = 0; $i < strlen($p); $i++) {        // every character replaced
        $q = $p;
        $q[$i] = $alphabet[(strpos($alphabet, $p[$i]) + 1) % 64] ?? 'A';
        if ($q !== $p) yield $q;
        $q[$i] = '=';                             // and by characters outside the alphabet
        yield $q;
    }
    $prefixLen = str_starts_with($p, 'sc1.') ? 4 : 0;
    $bin = b64url_decode(substr($p, $prefixLen));
    for ($i = 0; $i < strlen($bin); $i++) {      // every bit of every byte
        for ($bit = 0; $bit < 8; $bit++) {
            $b = $bin;
            $b[$i] = chr(ord($b[$i]) ^ (1 << $bit));
            yield substr($p, 0, $prefixLen) . sodium_bin2base64($b, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        }
    }
    for ($n = 0; $n < strlen($p); $n++) {         // every truncation
        yield substr($p, 0, $n);
    }
    foreach (['A', 'AA', 'AAAA', '=', "\0", ' ', "\n"] as $tail) {
        yield $p . $tail;
    }
    yield "\n" . $p;
    yield strtoupper($p);
    yield base64_encode($bin);
}

foreach ([PayloadFormat::V1, PayloadFormat::LaravelCrypto] as $format) {
    foreach (Cipher::cases() as $c) {
        if (!$c->isAvailable() || ($format === PayloadFormat::V1 && $c === Cipher::SecretBox)) {
            continue;
        }
        $ring = new Keyring($c, Key::generate($c->keyBytes()), [Key::generate($c->keyBytes())], $format);
        $p = $ring->seal('a secret worth keeping');
        [$opened, $messages] = attempts($ring, damaged($p));
        printf("%-13s %-18s opened %d damaged payloads; messages: %s\n", $format->name, $c->value, $opened, implode(' | ', $messages));
    }
}

$ring = new Keyring(Cipher::XChaCha20Poly1305, Key::generate());
$junk = ['', 'sc1.', 'sc1', 'sc1.!!!!', 'not base64 at all', "\xff\xfe\x00binary", str_repeat('A', 1000),
    'eyJpdiI6IkFBQUEiLCJ2YWx1ZSI6IkJCQkIiLCJtYWMiOiJDQ0NDIn0=', str_repeat("\0", 100),
    'sc1.' . sodium_bin2base64(str_repeat("\x03", 60), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING)];
// V1 headers naming an unknown cipher (0, 5 = secretbox, 6, 255) or an unknown key id.
$good = b64url_decode(substr($ring->seal('x'), 4));
foreach ([0, 5, 6, 255] as $id) {
    $junk[] = 'sc1.' . sodium_bin2base64(chr($id) . substr($good, 1), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
}
$junk[] = 'sc1.' . sodium_bin2base64($good[0] . "\0\0\0\0" . substr($good, 5), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
[$opened, $messages] = attempts($ring, $junk);
printf("junk: opened %d of %d; messages: %s\n", $opened, count($junk), implode(' | ', $messages));

// A huge payload of garbage is refused the same way.
[$opened, $messages] = attempts($ring, ['sc1.' . str_repeat('A', 16 << 20), str_repeat('-', (16 << 20) + 1)]);
printf("huge: opened %d; messages: %s\n", $opened, implode(' | ', $messages));
?>
--EXPECT--
V1            aegis-256          opened 0 damaged payloads; messages: The payload could not be decrypted
V1            aegis-128l         opened 0 damaged payloads; messages: The payload could not be decrypted
V1            xchacha20-poly1305 opened 0 damaged payloads; messages: The payload could not be decrypted
V1            aes-256-gcm        opened 0 damaged payloads; messages: The payload could not be decrypted
LaravelCrypto aegis-256          opened 0 damaged payloads; messages: The payload could not be decrypted
LaravelCrypto aegis-128l         opened 0 damaged payloads; messages: The payload could not be decrypted
LaravelCrypto xchacha20-poly1305 opened 0 damaged payloads; messages: The payload could not be decrypted
LaravelCrypto aes-256-gcm        opened 0 damaged payloads; messages: The payload could not be decrypted
LaravelCrypto xsalsa20-poly1305  opened 0 damaged payloads; messages: The payload could not be decrypted
junk: opened 0 of 15; messages: The payload could not be decrypted
huge: opened 0; messages: The payload could not be decrypted
