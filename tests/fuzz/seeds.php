<?php
// Seed corpora for the fuzzers from tests/vectors: tests/fuzz/seeds.php <corpus dir>
declare(strict_types=1);
$out = $argv[1];
$v = json_decode((string) file_get_contents(dirname(__DIR__) . '/vectors/laravel-crypto-v3.json'), true);
$ids = ['Sodium_AEGIS256GCM' => 0, 'Sodium_AEGIS128LGCM' => 1, 'Sodium_XChaCha20Poly1305' => 2, 'Sodium_AES256GCM' => 3, 'Sodium_SecretBox' => 4];
$put = function (string $target, string $name, string $bytes) use ($out) {
    @mkdir("$out/$target", 0777, true);
    file_put_contents("$out/$target/$name", $bytes);
};
foreach ($v['app_payloads'] as $i => $p) {
    $put('fuzz_open', "lc$i", chr(0x10 | $ids[$p['cipher']]) . $p['payload']);
    $put('fuzz_b64', "payload$i", $p['payload']);
    $put('fuzz_b64', "key$i", $p['app_key']);
}
$put('fuzz_open', 'v1', chr(0) . 'sc1.' . sodium_bin2base64(chr(1) . random_bytes(4 + 32 + 16 + 32), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING));
// inspect: the same payloads, the ring's cipher in the low bits as for fuzz_open.
foreach (glob("$out/fuzz_open/*") as $seed) {
    $put('fuzz_inspect', basename($seed), (string) file_get_contents($seed));
}
// Files: under one chunk, exactly one, and three chunks of 1 KiB (damage picked by the first byte).
foreach ([0 => 100, 1 => 1024, 3 => 2500, 4 => 0] as $damage => $n) {
    $put('fuzz_stream', "file$damage-$n", chr($damage) . ($n ? random_bytes($n) : ""));
}
foreach ($v['user_key_blobs'] as $i => $b) {
    $put('fuzz_unwrap', "blob$i", hex2bin($b['blob']) . ($b['mode'] === 1 ? $b['password'] : (string) $b['user_id']));
}
// Mode 3 (what KeyWrap writes; no vectors, it is this project's): cheap limits, and limits out of range.
$put('fuzz_unwrap', 'mode3', "\3" . pack('VV', 1, 8) . random_bytes(16 + 24 + 48) . 'pw');
$put('fuzz_unwrap', 'mode3-bad-limits', "\3" . pack('VV', 0, 1 << 30) . random_bytes(16 + 24 + 48) . 'pw');
foreach ($v['tokens'] as $i => $t) {
    $put('fuzz_b64', "token$i", $t['token']);
}
foreach (json_decode((string) file_get_contents(dirname(__DIR__) . '/vectors/aegis-256bit-tags.json'), true) as $i => $a) {
    if ($i % 4) continue;
    $put('fuzz_aegis_diff', "v$i", chr($a['alg'] === 'aegis128l' ? 1 : 0) . str_pad(hex2bin($a['key']), 32, "\0")
        . str_pad(hex2bin($a['nonce']), 32, "\0") . hex2bin($a['ad']) . hex2bin($a['msg']));
}
