<?php
// What the benchmark compares sodium_crypt with: laravel-crypto v3's formats and
// per-user derivations written in userland PHP on ext/sodium, as a careful
// user would write them (sub-keys cached, one nonce per message).
declare(strict_types=1);

final class UserlandLaravelCrypto
{
    /** cipher => [nonce bytes, encrypt function, decrypt function]; secretbox has no AD. */
    private const CIPHERS = [
        'xchacha20-poly1305' => [24, 'sodium_crypto_aead_xchacha20poly1305_ietf_encrypt', 'sodium_crypto_aead_xchacha20poly1305_ietf_decrypt'],
        'aes-256-gcm' => [12, 'sodium_crypto_aead_aes256gcm_encrypt', 'sodium_crypto_aead_aes256gcm_decrypt'],
        'aegis-256' => [32, 'sodium_crypto_aead_aegis256_encrypt', 'sodium_crypto_aead_aegis256_decrypt'],
        'aegis-128l' => [16, 'sodium_crypto_aead_aegis128l_encrypt', 'sodium_crypto_aead_aegis128l_decrypt'],
        'secretbox' => [24, null, null],
    ];

    private int $nonceBytes;
    private ?string $enc;
    private ?string $dec;

    public function __construct(string $cipher, private string $key)
    {
        [$this->nonceBytes, $this->enc, $this->dec] = self::CIPHERS[$cipher];
    }

    public static function available(string $cipher): bool
    {
        $enc = self::CIPHERS[$cipher][1];
        return $cipher === 'aes-256-gcm' ? sodium_crypto_aead_aes256gcm_is_available() : ($enc === null || function_exists($enc));
    }

    public function encryptString(string $m): string
    {
        $nonce = random_bytes($this->nonceBytes);
        $ct = $this->enc === null ? sodium_crypto_secretbox($m, $nonce, $this->key) : ($this->enc)($m, $nonce, $nonce, $this->key);
        return sodium_bin2base64($nonce . $ct, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
    }

    public function decryptString(string $p): string
    {
        $raw = sodium_base642bin($p, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        $nonce = substr($raw, 0, $this->nonceBytes);
        $ct = substr($raw, $this->nonceBytes);
        $m = $this->dec === null ? sodium_crypto_secretbox_open($ct, $nonce, $this->key) : ($this->dec)($ct, $nonce, $nonce, $this->key);
        if ($m === false) {
            throw new RuntimeException('decryption failed');
        }
        return $m;
    }
}

final class UserlandBlindIndex
{
    private array $subkeys = [];

    public function __construct(private string $key) {}

    public function compute(string $value, string $column): string
    {
        $sub = $this->subkeys[$column] ??= sodium_crypto_kdf_derive_from_key(32, 1,
            substr(sodium_crypto_generichash($column, '', 16), 0, 8), $this->key);
        return sodium_crypto_generichash(mb_strtolower(trim($value)), $sub, 32);
    }
}

function userland_unwrap_server(string $blob, string $appKey, string $userId): string
{
    $kek = sodium_crypto_generichash('lc-user-key-wrap-v1' . $userId, $appKey, 32);
    $key = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt(substr($blob, 25), $userId, substr($blob, 1, 24), $kek);
    sodium_memzero($kek);
    return $key;
}

/** Mode 3 (what KeyWrap writes): the Argon2id limits come from the blob's header. */
function userland_unwrap_password(string $blob, string $password): string
{
    ['ops' => $ops, 'kib' => $kib] = unpack('Vops/Vkib', substr($blob, 1, 8));
    $salt = substr($blob, 9, 16);
    $nonce = substr($blob, 25, 24);
    $kek = sodium_crypto_pwhash(32, $password, $salt, $ops, $kib * 1024, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13);
    $key = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt(substr($blob, 49), substr($blob, 0, 49), $nonce, $kek);
    sodium_memzero($kek);
    if ($key === false) {
        throw new RuntimeException('userland mode-3 unwrap failed');
    }
    return $key;
}
