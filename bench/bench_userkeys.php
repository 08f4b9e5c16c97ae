<?php
// Per-user key machinery: sodium_crypt beside the same derivations written in
// userland PHP on ext/sodium (laravel-crypto's way), in one run.
//   php -d extension=… bench/bench_userkeys.php [--quick]
declare(strict_types=1);
require __DIR__ . '/lib.php';

use SodiumCrypt\{BlindIndex, Key, KeyContext, KeyWrap};

$bench = Bench::fromArgv($argv);

// ---- userland equivalents (ext/sodium), written as a careful user would: sub-keys cached ----
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

$raw = random_bytes(32);
$bi = new BlindIndex(Key::fromBytes($raw));
$ul = new UserlandBlindIndex($raw);
$values = [];
for ($i = 0; $i < 1000; $i++) {
    $values[] = sprintf(' User%04d@Example.com ', $i);
}
$rows = [];
$add = function (string $what, array $ours, ?array $theirs, string $theirLabel) use (&$rows) {
    $rows[] = [$what, Bench::us($ours['median']), sprintf('±%.0f%%', 100 * $ours['spread']),
        $theirs ? Bench::us($theirs['median']) : '—', $theirLabel,
        $theirs ? sprintf('%.1f×', $theirs['median'] / $ours['median']) : '—'];
};

$add('blind index, one value', $bench->time(fn () => $bi->compute(' Alice@Example.COM ', 'email')),
    $bench->time(fn () => $ul->compute(' Alice@Example.COM ', 'email')), 'userland, sub-key cached');
$add('blind index, computeMany of 1,000', $bench->time(fn () => $bi->computeMany($values, 'email')),
    $bench->time(function () use ($ul, $values) { foreach ($values as $v) { $ul->compute($v, 'email'); } }),
    'userland loop');
$userKey = Key::generate();
$add('KeyContext set + clear', $bench->time(function () use ($userKey) { KeyContext::set($userKey); KeyContext::clear(); }),
    null, '');
$wrap = new KeyWrap();
$app = Key::generate();
$appRaw = $app->exportBytes();
$blob2 = $wrap->wrapWithServerKey($userKey, $app, '12345');
$add('mode 2 unwrap', $bench->time(fn () => $wrap->unwrapWithServerKey($blob2, $app, '12345')),
    $bench->time(fn () => userland_unwrap_server($blob2, $appRaw, '12345')), 'userland (ext/sodium)');
$blob1 = $wrap->wrapWithPassword($userKey, 'correct horse battery staple');
$slow = new Bench(2.0, 3);
$add('mode 1 unwrap (Argon2id, INTERACTIVE)', $slow->time(fn () => $wrap->unwrapWithPassword($blob1, 'correct horse battery staple')),
    $slow->time(fn () => sodium_crypto_pwhash(32, 'correct horse battery staple', substr($blob1, 1, 16),
        SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE, SODIUM_CRYPTO_PWHASH_MEMLIMIT_INTERACTIVE, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13)),
    'raw libsodium Argon2id only');

echo "| work | sodium_crypt | spread | compared with | what | speed-up |\n|---|---:|---:|---:|---|---:|\n";
foreach ($rows as $r) {
    echo "| {$r[0]} | {$r[1]} | {$r[2]} | {$r[3]} | {$r[4]} | {$r[5]} |\n";
}
