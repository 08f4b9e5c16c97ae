<?php
// Flattens the JSON vectors in tests/vectors into one line a case for the
// C tests: "<cipher_id> <tag_bytes> <valid|invalid> key nonce ad msg ct tag",
// hex, "-" for empty. Only cases whose sizes the cipher takes (others are
// fed through Aead in the phpt suite, where they must fail).
declare(strict_types=1);

$dir = $argv[1] ?? dirname(__DIR__) . '/vectors';
$ids = ['aegis256' => 1, 'aegis128l' => 2, 'xchacha20-poly1305' => 3, 'aes-256-gcm' => 4];
$sizes = [1 => [32, 32], 2 => [16, 16], 3 => [32, 24], 4 => [32, 12]];

function load(string $path): array
{
    $json = json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
    return $json;
}

function line(int $id, array $t, bool $valid): string
{
    $f = static fn (string $h): string => $h === '' ? '-' : $h;
    return sprintf("%d %d %s %s %s %s %s %s %s\n", $id, strlen($t['tag']) / 2,
        $valid ? 'valid' : 'invalid', $f($t['key']), $f($t['nonce'] ?? $t['iv']),
        $f($t['ad'] ?? $t['aad']), $f($t['msg']), $f($t['ct']), $f($t['tag']));
}

$out = '';
$wycheproof = [
    'aegis128L_test.json' => 2, 'aegis256_test.json' => 1,
    'xchacha20_poly1305_test.json' => 3, 'aes_gcm_test.json' => 4,
];
foreach ($wycheproof as $file => $id) {
    foreach (load("$dir/wycheproof/$file")['testGroups'] as $group) {
        [$keyBytes, $nonceBytes] = $sizes[$id];
        if ($group['keySize'] !== 8 * $keyBytes || $group['ivSize'] !== 8 * $nonceBytes) {
            continue;
        }
        foreach ($group['tests'] as $t) {
            $out .= line($id, $t, $t['result'] === 'valid');
        }
    }
}
foreach (load("$dir/aegis-256bit-tags.json") as $t) {
    $out .= line($ids[$t['alg']], $t, true);
}
echo $out;
