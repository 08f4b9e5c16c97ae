<?php
// make bench: sodium_crypt beside Laravel's own encrypter and the
// laravel-crypto formats in userland PHP on ext/sodium, in one process, on the
// same data. Prints Markdown; writes bench/results/bench.json and bench.svg.
//   php bench/bench.php [--quick] [--out=DIR]
// --quick (CI): short rounds; speed is reported, never asserted.
declare(strict_types=1);

require __DIR__ . '/lib.php';
require __DIR__ . '/userland.php';
require __DIR__ . '/../examples/demo/vendor/autoload.php';

use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use SodiumCrypt\{BlindIndex, Cipher, Hasher, Key, KeyContext, Keyring, KeyWrap, PayloadFormat, SigningKey};
use SodiumCrypt\Laravel\Encrypter as SodiumEncrypter;

$bench = Bench::fromArgv($argv);
$quick = in_array('--quick', $argv, true);
$out = __DIR__ . '/results';
foreach ($argv as $a) {
    if (str_starts_with($a, '--out=')) {
        $out = substr($a, 6);
    }
}

// ---- machine facts ----
$cpu = 'unknown';
$flags = [];
if (is_readable('/proc/cpuinfo')) {
    $info = (string) file_get_contents('/proc/cpuinfo');
    preg_match('/^model name\s*:\s*(.+)$/m', $info, $m) && $cpu = trim($m[1]);
    preg_match('/^(?:flags|Features)\s*:\s*(.+)$/m', $info, $m);
    $flags = array_values(array_intersect(['aes', 'pclmulqdq', 'avx', 'avx2', 'vaes', 'vpclmulqdq', 'avx512f', 'avx512vbmi', 'pmull'], explode(' ', $m[1] ?? '')));
}
// What the extension itself reports (php --ri sodium_crypt).
ob_start();
(new ReflectionExtension('sodium_crypt'))->info();
preg_match('/^Random source => (.+)$/m', (string) ob_get_clean(), $m);
$randomSource = $m[1] ?? 'unknown';
$facts = [
    'cpu' => $cpu,
    'cores' => (int) trim((string) @shell_exec('nproc')),
    'cpu_flags' => $flags,
    'php' => PHP_VERSION,
    'libsodium' => SODIUM_LIBRARY_VERSION,
    'sodium_crypt' => phpversion('sodium_crypt'),
    'aegis_implementation' => Cipher::Aegis256->implementation() ?? 'none',
    'random_source' => $randomSource,
    'laravel' => \Illuminate\Foundation\Application::VERSION,
    'mode' => $quick ? 'quick' : 'full',
    'date' => gmdate('Y-m-d H:i') . ' UTC',
];

// ---- the contenders ----
$key32 = random_bytes(32);
$key16 = random_bytes(16);
$contenders = [
    'Laravel AES-256-CBC' => new LaravelEncrypter($key32, 'aes-256-cbc'),
    'Laravel AES-256-GCM' => new LaravelEncrypter($key32, 'aes-256-gcm'),
];
foreach (['xchacha20-poly1305', 'aes-256-gcm', 'secretbox', 'aegis-256', 'aegis-128l'] as $c) {
    if (UserlandLaravelCrypto::available($c)) {
        $contenders["userland $c"] = new UserlandLaravelCrypto($c, $c === 'aegis-128l' ? $key16 : $key32);
    }
}
$keyrings = [];
foreach (Cipher::cases() as $cipher) {
    if (!$cipher->isAvailable()) {
        continue;
    }
    $key = Key::fromBytes($cipher->keyBytes() === 16 ? $key16 : $key32);
    $format = $cipher === Cipher::SecretBox ? PayloadFormat::LaravelCrypto : PayloadFormat::V1;
    $ring = new Keyring($cipher, $key, [], $format);
    $contenders["sodium_crypt {$cipher->value} (Crypt)"] = new SodiumEncrypter($ring);
    $keyrings["sodium_crypt {$cipher->value} (Keyring)"] = $ring;
}

$sizes = ['64 B' => 64, '1 KiB' => 1024, '16 KiB' => 16384, '1 MiB' => 1 << 20];
$results = [];
foreach ($sizes as $label => $bytes) {
    $plaintext = random_bytes($bytes);
    $all = $contenders + $keyrings;
    foreach ($all as $name => $impl) {
        $ring = $impl instanceof Keyring;
        $payload = $ring ? $impl->seal($plaintext) : $impl->encryptString($plaintext);
        $back = $ring ? $impl->open($payload) : $impl->decryptString($payload);
        if ($back !== $plaintext) {
            fwrite(STDERR, "$name did not round-trip at $label\n");
            exit(1);
        }
        // Each call in a direct loop: a closure call per iteration would add
        // ~25-40 ns to every row, a tenth of the fastest ones.
        $enc = $bench->loop($ring
            ? function (int $n) use ($impl, $plaintext): void { for ($i = 0; $i < $n; $i++) { $impl->seal($plaintext); } }
            : function (int $n) use ($impl, $plaintext): void { for ($i = 0; $i < $n; $i++) { $impl->encryptString($plaintext); } });
        $dec = $bench->loop($ring
            ? function (int $n) use ($impl, $payload): void { for ($i = 0; $i < $n; $i++) { $impl->open($payload); } }
            : function (int $n) use ($impl, $payload): void { for ($i = 0; $i < $n; $i++) { $impl->decryptString($payload); } });
        $results[$label][$name] = ['encrypt' => $enc, 'decrypt' => $dec];
    }
}

// ---- per-user machinery, casts, memory ----
$extra = [];
$raw = random_bytes(32);
$bi = new BlindIndex(Key::fromBytes($raw));
$ul = new UserlandBlindIndex($raw);
$values = [];
for ($i = 0; $i < 1000; $i++) {
    $values[] = sprintf(' User%04d@Example.com ', $i);
}
$extra['blind index, one value'] = [$bench->time(fn () => $bi->compute($values[7], 'email')), $bench->time(fn () => $ul->compute($values[7], 'email'))];
$extra['blind index, one value with a typed context'] = [$bench->time(fn () => $bi->compute($values[7], 'email', true, ['tenant', 42])), null];
$extra['blind index, computeMany 1,000'] = [$bench->time(fn () => $bi->computeMany($values, 'email')),
    $bench->time(function () use ($ul, $values) { foreach ($values as $v) { $ul->compute($v, 'email'); } })];

// The Hashing and Sign facades' work, 1 KiB: the extension's Hasher/SigningKey
// against the ext/sodium and ext/hash calls laravel-crypto makes.
$kib = random_bytes(1024);
$macKey = Key::fromBytes($raw);
$edSeed = random_bytes(32);
$edSecret = sodium_crypto_sign_secretkey(sodium_crypto_sign_seed_keypair($edSeed));
$hashers = [
    'BLAKE2b-256 keyed, 1 KiB' => [new Hasher('blake2b', $macKey), fn () => sodium_crypto_generichash($kib, $raw, 32)],
    'SHA-512/256, 1 KiB' => [new Hasher('sha512/256'), fn () => hash('sha512/256', $kib, true)],
    'HMAC-SHA-512/256, 1 KiB' => [new Hasher('hmac-sha512/256', $macKey), fn () => sodium_crypto_auth($kib, $raw)],
    'HMAC-SHA-512, 1 KiB' => [new Hasher('hmac-sha512', $macKey), fn () => hash_hmac('sha512', $kib, $raw, true)],
];
foreach ($hashers as $work => [$ours, $theirs]) {
    $extra[$work] = [$bench->time(fn () => $ours->hash($kib)), $bench->time($theirs)];
}
$signer = new SigningKey(Key::fromBytes($edSeed));
$extra['Ed25519 sign, 1 KiB'] = [$bench->time(fn () => $signer->sign($kib)), $bench->time(fn () => sodium_crypto_sign_detached($kib, $edSecret))];

$wrap = new KeyWrap();
$userKey = Key::generate();
$appKey = Key::fromBytes($key32);
$blob2 = $wrap->wrapWithServerKey($userKey, $appKey, '42');
$extra['KeyContext set + clear'] = [$bench->time(function () use ($userKey) { KeyContext::set($userKey); KeyContext::clear(); }), null];
$extra['unwrap, mode 2 (server key)'] = [$bench->time(fn () => $wrap->unwrapWithServerKey($blob2, $appKey, '42')),
    $bench->time(fn () => userland_unwrap_server($blob2, $key32, '42'))];
$blob1 = $wrap->wrapWithPassword($userKey, 'correct horse battery');
$slow = $quick ? new Bench(0.0, 1) : new Bench(1.0, 3); // Argon2id: ~70 ms a call
$extra['unwrap, mode 3 (Argon2id INTERACTIVE)'] = [$slow->time(fn () => $wrap->unwrapWithPassword($blob1, 'correct horse battery')),
    $slow->time(fn () => userland_unwrap_password($blob1, 'correct horse battery'))];

// 1,000 rows through Eloquent's 'encrypted' cast on SQLite, once with each encrypter.
$db = new \Illuminate\Database\Capsule\Manager();
$db->addConnection(['driver' => 'sqlite', 'database' => ':memory:']);
$db->setAsGlobal();
$db->bootEloquent();
$db->schema()->create('people', function ($t) { $t->id(); $t->text('ssn'); });
final class Person extends \Illuminate\Database\Eloquent\Model
{
    public $timestamps = false;
    protected $casts = ['ssn' => 'encrypted'];
}
$castRead = function (object $encrypter) use ($db, $bench) {
    Person::encryptUsing($encrypter);
    $db->table('people')->truncate();
    $rows = [];
    for ($i = 0; $i < 1000; $i++) {
        $rows[] = ['ssn' => $encrypter->encryptString(sprintf('%03d-45-%04d', $i % 1000, $i))];
    }
    $db->table('people')->insert($rows);
    return $bench->time(function () {
        foreach (Person::all() as $p) {
            $p->ssn;
        }
    });
};
$extra['read 1,000 rows, encrypted cast'] = [$castRead($contenders['sodium_crypt aegis-256 (Crypt)']), $castRead($contenders['Laravel AES-256-CBC'])];
Person::encryptUsing(null);

// The same read through the package's Encrypted cast, bound to table, column, row and owner, and unbound.
\Illuminate\Container\Container::getInstance()->instance('encrypter', $contenders['sodium_crypt aegis-256 (Crypt)']);
$db->schema()->create('records', function ($t) { $t->id(); $t->integer('user_id'); $t->text('ssn'); });
final class BoundRecord extends \Illuminate\Database\Eloquent\Model
{
    public static string $cast = '';
    protected $table = 'records';
    public $timestamps = false;
    protected $guarded = [];
    public function getCasts(): array
    {
        return ['ssn' => self::$cast] + parent::getCasts();
    }
}
$boundRead = function (string $cast) use ($db, $bench) {
    BoundRecord::$cast = $cast;
    $db->table('records')->truncate();
    for ($i = 1; $i <= 1000; $i++) {
        (new BoundRecord(['id' => $i, 'user_id' => $i % 50, 'ssn' => sprintf('%03d-45-%04d', $i % 1000, $i)]))->save();
    }
    return $bench->time(function () {
        foreach (BoundRecord::all() as $r) {
            $r->ssn;
        }
    });
};
$extra['read 1,000 rows, Encrypted:bound,user_id cast'] = [$boundRead(\SodiumCrypt\Laravel\Casts\Encrypted::class.':bound,user_id'),
    $boundRead(\SodiumCrypt\Laravel\Casts\Encrypted::class)];

// crypto:reencrypt of a 1-column model in the real demo app (bench/reencrypt.php), a child process.
$reencrypt = json_decode((string) shell_exec(escapeshellarg(PHP_BINARY).' '.escapeshellarg(__DIR__.'/reencrypt.php').' '.($quick ? 5000 : 20000)), true);
if (!is_array($reencrypt) || $reencrypt['exit'] !== 0 || $reencrypt['converted'] !== $reencrypt['rows']) {
    fwrite(STDERR, "bench: crypto:reencrypt did not convert every row\n");
    exit(1);
}

// crypto:reencrypt across 1, 2 and 4 queue workers on PostgreSQL and Redis (bench/reencrypt-queue.php), a child process.
$queued = json_decode((string) shell_exec(escapeshellarg(PHP_BINARY).' '.escapeshellarg(__DIR__.'/reencrypt-queue.php').' '.($quick ? 5000 : 50000)), true);
if (!is_array($queued) || isset($queued['skipped'])
    || array_filter([$queued['one_process'], ...$queued['queued']], static fn (array $r): bool => $r['current'] !== $queued['rows']) !== []) {
    fwrite(STDERR, 'bench: queued crypto:reencrypt '.($queued['skipped'] ?? 'did not convert every row')." (make bench installs PostgreSQL and redis-server through scripts/setup)\n");
    exit(1);
}

// A key kept in a PKCS#11 token (SoftHSM2): a process's first unwrap, and after (bench/pkcs11.php), a child process.
$pkcs11 = json_decode((string) shell_exec(escapeshellarg(PHP_BINARY).' '.escapeshellarg(__DIR__.'/pkcs11.php').($quick ? ' --quick' : '')), true);
if (!is_array($pkcs11) || isset($pkcs11['skipped']) || !isset($pkcs11['first_unwrap_in_a_process'])) {
    fwrite(STDERR, 'bench: bench/pkcs11.php '.($pkcs11['skipped'] ?? 'failed')."\n");
    exit(1);
}

// Eloquent in the real demo app (bench/app.php), a child process: reads, inserts, a blind-index search.
$appLevel = json_decode((string) shell_exec(escapeshellarg(PHP_BINARY).' '.escapeshellarg(__DIR__.'/app.php').($quick ? ' --quick' : '')), true);
if (!is_array($appLevel) || !isset($appLevel['contenders'])) {
    fwrite(STDERR, "bench: bench/app.php failed\n");
    exit(1);
}

// The HTTP page (bench/http.php): nginx + php-fpm serving 100 records x 5 fields, a child process.
$http = json_decode((string) shell_exec(escapeshellarg(PHP_BINARY).' '.escapeshellarg(__DIR__.'/http.php').($quick ? ' --quick' : '')), true);
if (!is_array($http) || (!isset($http['contenders']) && !isset($http['skipped'])) || ($http['errors'] ?? 0) !== 0) {
    fwrite(STDERR, "bench: bench/http.php failed\n");
    exit(1);
}

// CipherSweet, the userland peer for searchable encryption, when it can be installed here.
$cipherSweet = class_exists(\ParagonIE\CipherSweet\CipherSweet::class) ? null : (static function (): string {
    $url = 'https://repo.packagist.org/p2/paragonie/ciphersweet.json';
    $ch = curl_init($url);
    curl_setopt_array($ch, [CURLOPT_NOBODY => true, CURLOPT_TIMEOUT => 10, CURLOPT_RETURNTRANSFER => true]);
    curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    return $status === 200
        ? 'not installed in examples/demo (composer require paragonie/ciphersweet spatie/laravel-ciphersweet there to compare)'
        : sprintf('not run: the Composer registry this machine reaches does not serve paragonie/ciphersweet or spatie/laravel-ciphersweet (HTTP %s for %s)', $status ?: 'no answer', $url);
})();

// Peak memory of one 1 MiB encryptString, over the baseline, in a child process each.
$peak = function (string $code): float {
    $php = PHP_BINARY;
    $autoload = escapeshellarg(__DIR__ . '/../examples/demo/vendor/autoload.php');
    $script = 'require ' . $autoload . '; $m = random_bytes(1 << 20); $k = random_bytes(32); memory_reset_peak_usage(); $base = memory_get_usage(); '
        . $code . ' echo (memory_get_peak_usage() - $base) / 1048576;';
    return (float) shell_exec(escapeshellarg($php) . ' -r ' . escapeshellarg($script));
};
// The 'sodium-encrypted' disk over the local driver against the local driver
// alone: one file written with writeStream() and read back through readStream().
$diskMiB = $quick ? 16 : 100;
$diskDir = sys_get_temp_dir() . '/sc-bench-disk-' . getmypid();
@mkdir($diskDir);
$srcFile = "$diskDir/source.bin";
$fh = fopen($srcFile, 'wb');
for ($i = 0; $i < $diskMiB; $i++) {
    fwrite($fh, random_bytes(1 << 20));
}
fclose($fh);
$local = new \League\Flysystem\Local\LocalFilesystemAdapter("$diskDir/root");
$diskKey = Key::fromBytes($key32);
$vault = new \SodiumCrypt\Laravel\Filesystem\EncryptedAdapter($local,
    new \SodiumCrypt\Laravel\Filesystem\ChunkedFiles($diskKey));
$disk = [];
foreach (['local driver' => $local, 'sodium-encrypted over local' => $vault] as $name => $adapter) {
    $times = ['write' => [], 'read' => []];
    for ($round = 0; $round < ($quick ? 1 : 5); $round++) {
        $plainIn = fopen($srcFile, 'rb');
        $t = hrtime(true);
        $adapter->writeStream('big.bin', $plainIn, new \League\Flysystem\Config());
        $times['write'][] = (hrtime(true) - $t) / 1e9;
        fclose($plainIn);
        $t = hrtime(true);
        $readBack = $adapter->readStream('big.bin');
        while (!feof($readBack)) {
            fread($readBack, 1 << 16);
        }
        fclose($readBack);
        $times['read'][] = (hrtime(true) - $t) / 1e9;
    }
    sort($times['write']);
    sort($times['read']);
    $disk[$name] = ['write' => $times['write'][intdiv(count($times['write']), 2)], 'read' => $times['read'][intdiv(count($times['read']), 2)]];
}
array_map('unlink', glob("$diskDir/root/*") ?: []);
@rmdir("$diskDir/root");
unlink($srcFile);
@rmdir($diskDir);

$memory = [
    'sodium_crypt aegis-256 (Crypt)' => $peak('$e = new SodiumCrypt\Laravel\Encrypter(new SodiumCrypt\Keyring(SodiumCrypt\Cipher::Aegis256, SodiumCrypt\Key::fromBytes($k))); $p = $e->encryptString($m);'),
    'Laravel AES-256-CBC' => $peak('$e = new Illuminate\Encryption\Encrypter($k, "aes-256-cbc"); $p = $e->encryptString($m);'),
    'userland xchacha20-poly1305' => $peak('$n = random_bytes(24); $p = sodium_bin2base64($n . sodium_crypto_aead_xchacha20poly1305_ietf_encrypt($m, $n, $n, $k), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);'),
];

// ---- report ----
$base = 'Laravel AES-256-CBC';
$md = "## sodium_crypt benchmark\n\n";
$md .= sprintf("%s, %d cores (%s); PHP %s; libsodium %s; AEGIS: %s; random source: %s; Laravel %s; %s run, %s.\n\n",
    $facts['cpu'], $facts['cores'], implode(' ', $facts['cpu_flags']), $facts['php'], $facts['libsodium'],
    $facts['aegis_implementation'], $facts['random_source'], $facts['laravel'], $facts['mode'], $facts['date']);
$md .= "Median per call (spread = (max − min) / median over the rounds); × = how many times faster than $base in this run. "
    . "The per-size tables call each implementation in a direct loop; the other rows through a closure per call, which adds ~25–40 ns to both columns.\n\n";
foreach ($sizes as $label => $_) {
    $md .= "### $label\n\n| implementation | encrypt | × | decrypt | × |\n|---|---:|---:|---:|---:|\n";
    $b = $results[$label][$base];
    foreach ($results[$label] as $name => $r) {
        $md .= sprintf("| %s | %s ±%d%% | %.1f× | %s ±%d%% | %.1f× |\n", $name,
            Bench::us($r['encrypt']['median']), $r['encrypt']['spread'] * 100, $b['encrypt']['median'] / $r['encrypt']['median'],
            Bench::us($r['decrypt']['median']), $r['decrypt']['spread'] * 100, $b['decrypt']['median'] / $r['decrypt']['median']);
    }
    $md .= "\n";
}
$md .= "### Per-user keys, casts\n\n| work | sodium_crypt | alternative | × |\n|---|---:|---:|---:|\n";
$alt = [
    'blind index, one value' => 'userland ext/sodium',
    'blind index, one value with a typed context' => 'no userland equivalent',
    'blind index, computeMany 1,000' => 'userland loop',
    'KeyContext set + clear' => 'no userland equivalent',
    'unwrap, mode 2 (server key)' => 'userland ext/sodium',
    'unwrap, mode 3 (Argon2id INTERACTIVE)' => 'userland ext/sodium',
    'BLAKE2b-256 keyed, 1 KiB' => 'ext/sodium generichash',
    'SHA-512/256, 1 KiB' => 'ext/hash',
    'HMAC-SHA-512/256, 1 KiB' => 'ext/sodium crypto_auth',
    'HMAC-SHA-512, 1 KiB' => 'ext/hash hash_hmac',
    'Ed25519 sign, 1 KiB' => 'ext/sodium sign_detached',
    'read 1,000 rows, encrypted cast' => 'Laravel AES-256-CBC',
    'read 1,000 rows, Encrypted:bound,user_id cast' => 'sodium_crypt, the same cast unbound',
];
foreach ($extra as $work => [$ours, $theirs]) {
    $md .= $theirs === null
        ? sprintf("| %s | %s | (%s) | — |\n", $work, Bench::us($ours['median']), $alt[$work])
        : sprintf("| %s | %s | %s (%s) | %.1f× |\n", $work, Bench::us($ours['median']), Bench::us($theirs['median']), $alt[$work], $theirs['median'] / $ours['median']);
}
$md .= sprintf("\n### crypto:reencrypt, 1-column model, SQLite (%s rows written by Laravel AES-256-CBC)\n\n| how | rows/s | × |\n|---|---:|---:|\n", number_format($reencrypt['rows']));
$md .= sprintf("| crypto:reencrypt (chunked transactions, conditional UPDATEs) | %s | %.1f× |\n| Eloquent loop: read, assign, save() | %s | 1.0× |\n",
    number_format($reencrypt['command_rows_per_second']), $reencrypt['command_rows_per_second'] / $reencrypt['eloquent_loop_rows_per_second'],
    number_format($reencrypt['eloquent_loop_rows_per_second']));
$md .= sprintf("\n### crypto:reencrypt across queue workers, PostgreSQL, Redis (%s rows, chunks of %s, %d cores)\n\nFrom the dispatch to the last worker's exit, each worker's start (%s) included; × = against the command in one process; workers' CPU (user + system, start included) per chunk.\n\n| how | rows/s | × | worker CPU per chunk |\n|---|---:|---:|---:|\n",
    number_format($queued['rows']), number_format($queued['chunk']), $queued['cores'], Bench::us($queued['worker_start_seconds']));
$md .= sprintf("| crypto:reencrypt, one process | %s | 1.0× | |\n", number_format($queued['one_process']['rows_per_second']));
foreach ($queued['queued'] as $n => $r) {
    $md .= sprintf("| --queue=redis, %d queue:work process%s | %s | %.1f× | %s |\n", $n, $n > 1 ? 'es' : '', number_format($r['rows_per_second']),
        $r['rows_per_second'] / $queued['one_process']['rows_per_second'], Bench::us($r['worker_cpu_seconds'] / $r['chunks']));
}
$md .= sprintf("\n### APP_KEY from a PKCS#11 token (SoftHSM2 %s)\n\nWhat a process pays to have a key a `pkcs11:` reference wraps: the first unwrap of a process (a php-fpm worker's first request, a queue worker's start) loads and initialises the module, logs in and unwraps (median of %d new PHP processes); every later use is the process's cache.\n\n| | per key |\n|---|---:|\n| first unwrap in a process (dlopen, C_Initialize, login, C_UnwrapKey) | %s |\n| unwrap of another reference, module up (session, login, C_UnwrapKey) | %s |\n| unwrap again: the process's locked cache | %s |\n| `Key::fromBase64()` of a key in `.env`, for comparison | %s |\n",
    $pkcs11['module'], $pkcs11['first_unwrap_processes'], Bench::us($pkcs11['first_unwrap_in_a_process']), Bench::us($pkcs11['unwrap_new_reference']),
    Bench::us($pkcs11['unwrap_cached']), Bench::us($pkcs11['key_from_base64']));
$cbcApp = $appLevel['contenders']['Laravel AES-256-CBC, encrypted cast'];
$md .= sprintf("\n### App level: Eloquent in the demo app, SQLite file\n\nReading 1,000 rows × 3 encrypted fields, each field read twice (`toArray()`, then as attributes); inserting %s rows × 3 fields through `Model::create()` in one transaction, the median of %d interleaved rounds. × = against Laravel's CBC in this run.\n\n| contender | read | × CBC | insert rows/s | × CBC |\n|---|---:|---:|---:|---:|\n",
    number_format($appLevel['rows_inserted']), $appLevel['insert_rounds']);
foreach ($appLevel['contenders'] as $name => $c) {
    $md .= sprintf("| %s | %s ±%d%% | %.2f× | %s ±%d%% | %.2f× |\n", $name, Bench::us($c['read_1000x3_twice']['median']), round($c['read_1000x3_twice']['spread'] * 100),
        $cbcApp['read_1000x3_twice']['median'] / $c['read_1000x3_twice']['median'], number_format($c['insert_rows_per_second']),
        round($c['insert_spread'] * 100), $c['insert_rows_per_second'] / $cbcApp['insert_rows_per_second']);
}
$md .= "\nWhere a cast's read goes, per call (through a closure): ".implode('; ', array_map(
    static fn (string $what, array $t) => $what.' '.Bench::us($t['median']), array_keys($appLevel['per_call']), $appLevel['per_call'])).".\n";
$profiled = array_filter($appLevel['profile'], static fn (array $v): bool => !isset($v['median'])); // contender => stage => time
$md .= "\nA profile of the 1,000-row read: the read cut into stages, each timed on its own (each includes those before it; the whole read is timed again here), and the 3,000 decryptions alone.\n\n| stage | ".implode(' | ', array_keys($profiled))." |\n|---|".str_repeat('---:|', count($profiled))."\n";
foreach (array_keys(reset($profiled)) as $stage) {
    $md .= "| $stage | ".implode(' | ', array_map(static fn (array $p) => Bench::us($p[$stage]['median']), $profiled))." |\n";
}
foreach (array_diff_key($appLevel['profile'], $profiled) as $what => $t) {
    $md .= "| $what |".str_repeat(' |', count($profiled) - 1).' '.Bench::us($t['median'])." |\n";
}
if (isset($appLevel['search_100000'])) {
    $md .= "\nA blind-index search (`whereBlindIndex`, user key) among 100,000 rows, the index column as hex (CHAR(64)) and as 32 raw bytes (`,binary`), with the size of that column's index in the SQLite file:\n\n| index column | search | found | index size |\n|---|---:|---:|---:|\n";
    foreach ($appLevel['search_100000'] as $form => $s) {
        $md .= sprintf("| %s (%s rows) | %s | %d | %.1f MiB |\n", $form, number_format($s['rows']), Bench::us($s['median']), $s['found'], $s['index_bytes'] / 1048576);
    }
}
if (isset($http['contenders'])) {
    $cbcHttp = $http['contenders']['Laravel AES-256-CBC, encrypted cast']['requests_per_second'];
    $md .= sprintf("\n### App level: an HTTP page through nginx + php-fpm\n\nGET of 100 records × 5 encrypted fields as JSON, Eloquent in the demo app on SQLite; php-fpm with %d workers, %d concurrent keep-alive clients on loopback, the median of %d interleaved rounds of %.0f s; every answer checked. The machine's cores serve php-fpm, nginx and the client alike.\n\n| contender | requests/s | × CBC |\n|---|---:|---:|\n",
        $http['workers'], $http['clients'], $http['rounds'], $http['seconds_per_round']);
    foreach ($http['contenders'] as $name => $c) {
        $md .= sprintf("| %s | %.0f ±%d%% | %.2f× |\n", $name, $c['requests_per_second'], round($c['spread'] * 100), $c['requests_per_second'] / $cbcHttp);
    }
} else {
    $md .= "\n### App level: an HTTP page\n\nSkipped: {$http['skipped']}.\n";
}
if ($cipherSweet !== null) {
    $md .= "\nCipherSweet: $cipherSweet.\n";
}
$md .= sprintf("\n### Encrypted disk: one %d MiB file, writeStream() then readStream() (median of %d)\n\n| disk | write MiB/s | read MiB/s | write time × plain | read time × plain |\n|---|---:|---:|---:|---:|\n", $diskMiB, $quick ? 1 : 5);
foreach ($disk as $name => $d) {
    $md .= sprintf("| %s | %s | %s | %.2f× | %.2f× |\n", $name, number_format($diskMiB / $d['write']), number_format($diskMiB / $d['read']),
        $d['write'] / $disk['local driver']['write'], $d['read'] / $disk['local driver']['read']);
}
$md .= "\n### Peak memory of one 1 MiB encryptString (over baseline)\n\n| implementation | MiB |\n|---|---:|\n";
foreach ($memory as $name => $mib) {
    $md .= sprintf("| %s | %.2f |\n", $name, $mib);
}
echo $md;

@mkdir($out, 0777, true);
file_put_contents("$out/bench.md", $md);
file_put_contents("$out/bench.json", json_encode(['machine' => $facts, 'aead' => $results,
    'per_user' => array_map(fn ($p) => ['sodium_crypt' => $p[0], 'alternative' => $p[1]], $extra),
    'reencrypt' => $reencrypt, 'reencrypt_queued' => $queued, 'pkcs11' => $pkcs11, 'app_level' => $appLevel, 'http_page' => $http, 'ciphersweet' => $cipherSweet, 'encrypted_disk_seconds' => ['mib' => $diskMiB] + $disk, 'peak_memory_mib' => $memory], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE));
file_put_contents("$out/bench.svg", svg_chart($results, $facts));
fwrite(STDERR, "wrote $out/bench.md, bench.json, bench.svg\n");

/** Encrypt time per size (bars, log scale) for the Crypt-path contenders. */
function svg_chart(array $results, array $facts): string
{
    $series = array_values(array_filter(array_keys(reset($results)), fn ($n) => !str_contains($n, '(Keyring)')));
    $colors = ['#b33', '#e77', '#888', '#aaa', '#ccc', '#bbb', '#999', '#036', '#07c', '#3ae', '#6cf', '#9df'];
    $w = 960; $h = 420; $left = 70; $top = 40; $bottom = 120; $plotH = $h - $top - $bottom;
    $min = INF; $max = 0;
    foreach ($results as $rows) {
        foreach ($series as $s) {
            $v = $rows[$s]['encrypt']['median'] * 1e6;
            $min = min($min, $v); $max = max($max, $v);
        }
    }
    $lo = floor(log10($min)); $hi = ceil(log10($max));
    $y = fn (float $us) => $top + $plotH * (1 - (log10($us) - $lo) / ($hi - $lo));
    $groupW = ($w - $left - 20) / count($results); $barW = ($groupW - 20) / count($series);
    $svg = "<svg xmlns='http://www.w3.org/2000/svg' width='$w' height='$h' font-family='sans-serif' font-size='12'>\n";
    $svg .= "<rect width='100%' height='100%' fill='white'/>\n";
    $svg .= sprintf("<text x='%d' y='20' font-size='14'>encryptString time per call (µs, log scale; lower is better) — %s, PHP %s, libsodium %s</text>\n",
        $left, htmlspecialchars($facts['cpu']), $facts['php'], $facts['libsodium']);
    for ($e = $lo; $e <= $hi; $e++) {
        $yy = $y(10 ** $e);
        $svg .= sprintf("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>\n",
            $left, $w - 20, $yy, $yy, $left - 5, $yy + 4, 10 ** $e >= 1 ? number_format(10 ** $e) : rtrim(sprintf('%.3f', 10 ** $e), '0'));
    }
    $g = 0;
    foreach ($results as $label => $rows) {
        $x0 = $left + 10 + $g * $groupW;
        foreach ($series as $i => $s) {
            $us = $rows[$s]['encrypt']['median'] * 1e6;
            $yy = $y($us);
            $svg .= sprintf("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %.2f µs</title></rect>\n",
                $x0 + $i * $barW, $yy, $barW - 1, $top + $plotH - $yy, $colors[$i % count($colors)], htmlspecialchars($s), $label, $us);
        }
        $svg .= sprintf("<text x='%.1f' y='%d' text-anchor='middle' font-size='13'>%s</text>\n", $x0 + ($groupW - 20) / 2, $top + $plotH + 18, $label);
        $g++;
    }
    foreach ($series as $i => $s) {
        $lx = $left + ($i % 3) * 290; $ly = $top + $plotH + 38 + intdiv($i, 3) * 16;
        $svg .= sprintf("<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d'>%s</text>\n",
            $lx, $ly - 9, $colors[$i % count($colors)], $lx + 14, $ly, htmlspecialchars($s));
    }
    return $svg . "</svg>\n";
}
