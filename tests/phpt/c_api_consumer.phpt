--TEST--
C API: a second extension seals, opens, reads the context and computes blind indexes through the versioned table, in either load order; a future version or a missing sodium_crypt is a clear status; only the getter and get_module are exported
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php
if (!getenv('SC_CONSUMER') || !getenv('SC_EXTENSION')) die('skip needs SC_CONSUMER (tests/consumer/build) and SC_EXTENSION');
--FILE--
<?php
$ext = getenv('SC_EXTENSION');
$consumer = getenv('SC_CONSUMER');
$code = <<<'PHP'
use SodiumCrypt\{BlindIndex, Cipher, Key, KeyContext, Keyring};
echo sc_consumer_status(), " | v2: ", sc_consumer_status(2), " | v0: ", sc_consumer_status(0), "\n";
$ring = new Keyring(Cipher::Aegis256, Key::generate());
echo "seal via C, open in PHP: ", $ring->open(sc_consumer_seal($ring, 'from C')), "\n";
echo "seal in PHP, open via C: ", sc_consumer_open($ring, $ring->seal('to C')), "\n";
try { sc_consumer_open($ring, 'garbage'); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(sc_consumer_context());
$key = Key::generate();
KeyContext::set($key);
var_dump(sc_consumer_context()?->equals($key));
$bi = new BlindIndex(Key::generate());
var_dump(sc_consumer_blind($bi, ' Bob ', 'email') === $bi->compute('bob', 'email'));
PHP;
$run = function (array $extensions, string $code): string {
    $args = '';
    foreach ($extensions as $e) {
        $args .= ' -d extension=' . escapeshellarg($e);
    }
    return (string) shell_exec(PHP_BINARY . ' -n' . $args . ' -r ' . escapeshellarg($code) . ' 2>&1');
};
echo "-- sodium_crypt first\n", $run([$ext, $consumer], $code);
echo "-- consumer first\n", $run([$consumer, $ext], $code);
echo "-- consumer alone\n", $run([$consumer], 'echo sc_consumer_status(), "\n";');

// nm -D: sodium_crypt exports only get_module and the API getter; the consumer
// imports nothing of sodium_crypt (it looks the getter up at run time).
$defined = array_filter(array_map(fn ($l) => preg_split('/\s+/', trim($l))[2] ?? null,
    explode("\n", (string) shell_exec('nm -D --defined-only ' . escapeshellarg($ext)))));
sort($defined);
echo "exported: ", implode(', ', $defined), "\n";
echo "consumer imports of sodium_crypt: ", substr_count((string) shell_exec('nm -D --undefined-only ' . escapeshellarg($consumer)), 'sodium_crypt'), "\n";
?>
--EXPECTF--
-- sodium_crypt first
ok v1 size 80 ext %d.%d.%d | v2: wrong version | v0: wrong version
seal via C, open in PHP: from C
seal in PHP, open via C: to C
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
NULL
bool(true)
bool(true)
-- consumer first
ok v1 size 80 ext %d.%d.%d | v2: wrong version | v0: wrong version
seal via C, open in PHP: from C
seal in PHP, open via C: to C
SodiumCrypt\DecryptionFailed: The payload could not be decrypted
NULL
bool(true)
bool(true)
-- consumer alone
not loaded
exported: get_module, php_sodium_crypt_get_api
consumer imports of sodium_crypt: 0
