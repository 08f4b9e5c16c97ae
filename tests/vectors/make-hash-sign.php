<?php
// Writes laravel-crypto-hash-sign.json: what codelieutenant/laravel-crypto v3's
// Hashing and Sign facades return, computed here from their definitions with
// ext/sodium and ext/hash (the functions that package calls), not with
// sodium_crypt. Run once: php tests/vectors/make-hash-sign.php > tests/vectors/laravel-crypto-hash-sign.json
//   Hashing: blake2b = base64url-nopad(generichash(data, key or none, 32));
//            sha256 = hex(sha512/256(data)); sha512 = hex(sha512(data))
//   Sign:    blake2b = base64url-nopad(generichash(data, hmac key, 32));
//            hmac256 = base64url-nopad(crypto_auth(data, key)) (HMAC-SHA-512/256);
//            hmac512 = base64url-nopad(hash_hmac(sha512)); eddsa = base64url-nopad(sign_detached)
$b64 = fn (string $raw): string => sodium_bin2base64($raw, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
mt_srand(20261122);
$bytes = function (int $n): string {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
};
$hashKey = $bytes(32);
$hmacKey = $bytes(32);
$pair = sodium_crypto_sign_seed_keypair($bytes(32));
$sk = sodium_crypto_sign_secretkey($pair);
$pk = sodium_crypto_sign_publickey($pair);
$cases = [];
foreach ([0, 1, 3, 64, 127, 128, 129, 1024, 5000] as $n) {
    $data = $n === 3 ? 'abc' : $bytes($n);
    $cases[] = [
        'data_hex' => bin2hex($data),
        'hashing' => [
            'blake2b' => $b64(sodium_crypto_generichash($data, '', 32)),
            'blake2b_keyed' => $b64(sodium_crypto_generichash($data, $hashKey, 32)),
            'sha256' => hash('sha512/256', $data),
            'sha512' => hash('sha512', $data),
        ],
        'sign' => [
            'blake2b' => $b64(sodium_crypto_generichash($data, $hmacKey, 32)),
            'hmac256' => $b64(sodium_crypto_auth($data, $hmacKey)),
            'hmac512' => $b64(hash_hmac('sha512', $data, $hmacKey, true)),
            'eddsa' => $b64(sodium_crypto_sign_detached($data, $sk)),
        ],
    ];
}
echo json_encode([
    'about' => 'laravel-crypto v3 Hashing and Sign outputs, computed from their definitions with ext/sodium and ext/hash (tests/vectors/make-hash-sign.php)',
    'hashing_key' => 'base64:'.base64_encode($hashKey),
    'hmac_key' => 'base64:'.base64_encode($hmacKey),
    'eddsa_key_file' => bin2hex($pk)."\n".bin2hex($sk),
    'eddsa_public_key_b64url' => $b64($pk),
    'cases' => $cases,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
