<?php

declare(strict_types=1);

// What a key kept in a PKCS#11 token costs, on a SoftHSM2 token of its own
// (tests/pkcs11/softhsm): a process's first unwrap (dlopen of the module,
// C_Initialize, login, C_UnwrapKey), measured in fresh PHP processes as a
// php-fpm worker pays it on its first request; an unwrap of a new reference
// once the module is up; a cached one (every later request of that worker);
// and the "base64:" key of .env parsed, beside them.
//   php bench/pkcs11.php [--quick]   prints one JSON object

require __DIR__.'/lib.php';

use SodiumCrypt\{Key, Pkcs11};

$quick = in_array('--quick', $argv, true);
$bench = Bench::fromArgv($argv);
$root = dirname(__DIR__);
$dir = sys_get_temp_dir().'/sc-bench-p11-'.bin2hex(random_bytes(4));
register_shutdown_function(static fn () => exec('rm -rf '.escapeshellarg($dir)));

exec(escapeshellarg("$root/tests/pkcs11/softhsm").' '.escapeshellarg($dir).' 2>/dev/null', $lines, $status);
if ($status !== 0) {
    echo json_encode(['skipped' => 'no SoftHSM2 token could be made (scripts/setup installs softhsm2 and opensc)']), "\n";
    exit(1);
}
$env = [];
foreach (preg_grep('/^[A-Z0-9_]+=/', $lines) as $line) {
    putenv($line);
    [$name, $value] = explode('=', $line, 2);
    $env[$name] = $value;
}
if (ini_get('sodium_crypt.pkcs11_module') !== $env['SC_PKCS11_MODULE']) {
    // A system setting: run again with it.
    passthru(implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-d', "sodium_crypt.pkcs11_module=$env[SC_PKCS11_MODULE]", __FILE__, ...array_slice($argv, 1)])), $status);
    exit($status);
}

// A process's first unwrap, in new processes (the median of several).
$reference = Pkcs11::generate('kek-1');
$first = [];
for ($i = 0; $i < ($quick ? 5 : 21); $i++) {
    $code = '$t = hrtime(true); SodiumCrypt\Pkcs11::unwrap($argv[1]); echo (hrtime(true) - $t) / 1e9;';
    $first[] = (float) shell_exec(implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-d', 'sodium_crypt.pkcs11_module='.ini_get('sodium_crypt.pkcs11_module'), '-r', $code, $reference])));
}
sort($first);

// Every later request of a worker: the process's cache (before the cache fills
// with the references below: it keeps 32 keys, and unwraps others each time).
$cached = $bench->time(static fn () => Pkcs11::unwrap($reference));

// A new reference each call, the module up: the token's own cost.
$references = [];
for ($i = 0; $i < ($quick ? 50 : 400); $i++) {
    $references[] = Pkcs11::generate('kek-1');
}
$times = [];
foreach ($references as $one) {
    $t = hrtime(true);
    Pkcs11::unwrap($one);
    $times[] = (hrtime(true) - $t) / 1e9;
}
sort($times);
$new = ['median' => $times[intdiv(count($times), 2)]];

$text = 'base64:'.base64_encode(random_bytes(32));
$plain = $bench->time(static fn () => Key::fromBase64($text));

echo json_encode([
    'module' => ini_get('sodium_crypt.pkcs11_module'),
    'first_unwrap_in_a_process' => $first[intdiv(count($first), 2)],
    'first_unwrap_processes' => count($first),
    'unwrap_new_reference' => $new['median'],
    'unwrap_cached' => $cached['median'],
    'key_from_base64' => $plain['median'],
]), "\n";
