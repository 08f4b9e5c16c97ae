--TEST--
AEGIS: every 256-bit-tag vector decrypts through Aead, and every message and AD length 0..1024 round-trips; one flipped bit anywhere fails
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php if (!SodiumCrypt\Cipher::Aegis256->isAvailable()) die('skip no AEGIS on this machine');
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Aead, Cipher, Key, DecryptionFailed};

$counts = [];
foreach (sc_vectors('aegis-256bit-tags.json') as $v) {
    $c = $v['alg'] === 'aegis128l' ? Cipher::Aegis128L : Cipher::Aegis256;
    $aead = new Aead($c, Key::fromBytes(hex2bin($v['key'])));
    $ok = $aead->decrypt(hex2bin($v['nonce'] . $v['ct'] . $v['tag']), hex2bin($v['ad'])) === hex2bin($v['msg']);
    $counts[$v['alg']][$ok ? 'ok' : 'wrong'] = ($counts[$v['alg']][$ok ? 'ok' : 'wrong'] ?? 0) + 1;
}
ksort($counts);
echo json_encode($counts), "\n";

foreach ([Cipher::Aegis128L, Cipher::Aegis256] as $c) {
    foreach ([0, 16] as $tagBytes) {
        $aead = new Aead($c, Key::generate($c->keyBytes()), $tagBytes);
        $roundTrips = $flipsCaught = $flips = 0;
        for ($len = 0; $len <= 1024; $len++) {
            $m = $len ? random_bytes($len) : '';
            $ad = $len ? random_bytes($len) : '';
            $box = $aead->encrypt($m, $ad);
            $roundTrips += (int) ($aead->decrypt($box, $ad) === $m);
            // One random bit of the box (nonce, ciphertext or tag) and one of the AD.
            $b = $box;
            $i = random_int(0, strlen($b) - 1);
            $b[$i] = chr(ord($b[$i]) ^ (1 << random_int(0, 7)));
            $flips++;
            try { $aead->decrypt($b, $ad); } catch (DecryptionFailed) { $flipsCaught++; }
            if ($len > 0) {
                $a = $ad;
                $i = random_int(0, $len - 1);
                $a[$i] = chr(ord($a[$i]) ^ (1 << random_int(0, 7)));
                $flips++;
                try { $aead->decrypt($box, $a); } catch (DecryptionFailed) { $flipsCaught++; }
            }
        }
        printf("%s tag %d: %d/1025 round trips, %d/%d flips caught\n", $c->value, $aead->tagBytes() * 8,
            $roundTrips, $flipsCaught, $flips);
    }
}
?>
--EXPECT--
{"aegis128l":{"ok":21},"aegis256":{"ok":21}}
aegis-128l tag 256: 1025/1025 round trips, 2049/2049 flips caught
aegis-128l tag 128: 1025/1025 round trips, 2049/2049 flips caught
aegis-256 tag 256: 1025/1025 round trips, 2049/2049 flips caught
aegis-256 tag 128: 1025/1025 round trips, 2049/2049 flips caught
