--TEST--
BlindIndex: every laravel-crypto vector reproduces (those with a context through computeLaravelCrypto); the same derivation in userland agrees on random Unicode text; verify, computeMany, truncation and errors
--EXTENSIONS--
sodium_crypt
mbstring
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{BlindIndex, Key};

foreach (sc_vectors('laravel-crypto-v3.json')['blind_indexes'] as $i => $v) {
    $bi = new BlindIndex(Key::fromBytes(hex2bin($v['key'])));
    // With a context, laravel-crypto's ambiguous input is computeLaravelCrypto()'s (see blind_index_context.phpt).
    $got = $bi->computeLaravelCrypto($v['value'], $v['column'], $v['normalise'], $v['context']);
    printf("%2d %-16s %s%s\n", $i, substr($v['column'], 0, 16), $got === hex2bin($v['index']) ? 'match' : 'DIFFERS',
        $v['context'] !== [] ? ' (laravel-crypto context)'
        : ($bi->verify(hex2bin($v['index']), $v['value'], $v['column'], $v['normalise']) && $bi->compute($v['value'], $v['column'], $v['normalise']) === $got ? ', verifies' : ''));
}

// The laravel-crypto derivation written in userland on ext/sodium.
function userland(string $key, string $value, string $column, bool $normalise, array $context): string
{
    $ctx = substr(sodium_crypto_generichash($column, '', 16), 0, 8);
    $sub = sodium_crypto_kdf_derive_from_key(32, 1, $ctx, $key);
    $input = $normalise ? mb_strtolower(trim($value)) : $value;
    if ($context) {
        $input .= '|' . implode('|', $context);
    }
    return sodium_crypto_generichash($input, $sub, 32);
}
$raw = random_bytes(32);
$bi = new BlindIndex(Key::fromBytes($raw));
$alphabet = ['A', 'z', ' ', "\t", "\0", "\x0B", 'İ', 'Σ', 'ς', 'ẞ', 'Ǆ', 'Ω', 'К', 'Ⅷ', 'Ⓐ', '𐐀', 'ﬀ', 'é', "e\u{301}", '😀', '|', "\xff", "\xc3"];
$agree = 0;
for ($n = 0; $n < 2000; $n++) {
    $value = '';
    for ($k = random_int(0, 12); $k > 0; $k--) {
        $value .= $alphabet[array_rand($alphabet)];
    }
    $normalise = (bool) random_int(0, 1);
    $context = random_int(0, 2) === 0 ? ['tenant-' . random_int(1, 9), random_int(0, 5)] : [];
    $column = ['ssn', 'email', 'passport_number', ''][random_int(0, 3)];
    $mine = $context ? $bi->computeLaravelCrypto($value, $column, $normalise, $context) : $bi->compute($value, $column, $normalise);
    $agree += (int) ($mine === userland($raw, $value, $column, $normalise, $context));
}
echo "userland agrees on $agree of 2000 random values\n";

$values = ['a' => ' Alice@Example.COM ', 3 => 'BOB', 'x' => ''];
$many = $bi->computeMany($values, 'email');
var_dump(array_keys($many) === array_keys($values));
var_dump($many['a'] === $bi->compute('alice@example.com', 'email'), $many[3] === $bi->compute('bob', 'email', false));
var_dump($bi->compute('Bob', 'email', false) !== $bi->compute('bob', 'email', false));
var_dump($bi->compute('bob', 'email') !== $bi->compute('bob', 'ssn'));
var_dump($bi->verify($many[3], 'bob', 'email'), $bi->verify($many[3], 'bobby', 'email'), $bi->verify(substr($many[3], 1), 'bob', 'email'));

// Truncated indexes are prefixes of the full one.
$short = new BlindIndex(Key::fromBytes($raw), 4);
var_dump(strlen($short->compute('bob', 'email')), $short->compute('bob', 'email') === substr($many[3], 0, 4));

// Many columns: beyond the cache, still right.
$ok = 0;
for ($c = 0; $c < 100; $c++) { $ok += (int) ($bi->compute('v', "col$c") === userland($raw, 'v', "col$c", true, [])); }
echo "columns: $ok of 100\n";

foreach ([
    fn () => new BlindIndex(Key::generate(16)),
    fn () => new BlindIndex(Key::generate(), 0),
    fn () => new BlindIndex(Key::generate(), 33),
    fn () => $bi->compute('v', 'c', true, [['nested']]),
    fn () => $bi->computeMany(['ok', 7], 'c'),
] as $fn) {
    echo sc_throws($fn), "\n";
}
?>
--EXPECT--
 0 ssn              match, verifies
 1 email            match, verifies
 2 passport_number  match, verifies
 3 c                match (laravel-crypto context)
 4 long_column_long match, verifies
 5 ssn              match, verifies
 6 email            match, verifies
 7 passport_number  match (laravel-crypto context)
 8 c                match, verifies
 9 long_column_long match, verifies
10 ssn              match, verifies
11 email            match (laravel-crypto context)
userland agrees on 2000 of 2000 random values
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
int(4)
bool(true)
columns: 100 of 100
ValueError: SodiumCrypt\BlindIndex::__construct(): Argument #1 ($key) must be a 32-byte key, 16-byte key given
ValueError: SodiumCrypt\BlindIndex::__construct(): Argument #2 ($outputBytes) must be between 1 and 32
ValueError: SodiumCrypt\BlindIndex::__construct(): Argument #2 ($outputBytes) must be between 1 and 32
TypeError: SodiumCrypt\BlindIndex::compute(): Argument #4 ($context) must contain only strings, ints, bools or null, array given
TypeError: SodiumCrypt\BlindIndex::computeMany(): Argument #1 ($values) must contain only strings, int given at index 1
