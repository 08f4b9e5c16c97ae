<?php
// make bench's HTTP page: bench/http/index.php (the demo app) behind nginx +
// php-fpm, each contender's GET /bench/{contender} (100 records x 5 fields as
// JSON) loaded in turn by many clients at once over loopback, rounds
// interleaved so drift hits every contender alike. Every answer is checked
// (status, 100 records, the plaintext). Prints one JSON line.
//   php bench/http.php [--quick]
// php-fpm loads the extension this PHP loads (under make bench, the build's:
// scripts/with-ext's PHP_INI_SCAN_DIR is inherited); the machine's cores are
// shared by php-fpm, nginx and this client. Without nginx and php-fpm, bin/serve
// falls back to php -S, which is not this page: it is reported as skipped.
declare(strict_types=1);

use Illuminate\Contracts\Console\Kernel;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\Laravel\Encrypter;

$quick = in_array('--quick', $argv, true);
$root = dirname(__DIR__);
require $root.'/examples/demo/vendor/autoload.php';
require __DIR__.'/http/models.php';
require $root.'/examples/demo/bin/http.php'; // demo_load_page()

$serve = $root.'/examples/demo/bin/serve';

$dir = sys_get_temp_dir().'/sc-bench-http-'.bin2hex(random_bytes(4));
mkdir("$dir/run", 0700, true);
$env = [
    'APP_KEY' => 'base64:'.base64_encode(random_bytes(32)),
    'SC_BENCH_CBC_KEY' => base64_encode(random_bytes(32)),
    'APP_ENV' => 'production', 'APP_DEBUG' => 'false', 'LOG_CHANNEL' => 'null', 'SESSION_DRIVER' => 'array', 'CACHE_DRIVER' => 'array',
    'DB_CONNECTION' => 'sqlite', 'DB_DATABASE' => "$dir/db.sqlite",
    'SERVE_INDEX' => __DIR__.'/http/index.php', 'SERVE_RUN' => "$dir/run", 'DEMO_PORT' => '8093',
];
foreach ($env as $name => $value) {
    putenv("$name=$value");
    $_ENV[$name] = $_SERVER[$name] = $value;
}
touch("$dir/db.sqlite");

$workers = 2;
exec(escapeshellarg($serve).' start '.$workers.' 2>&1', $out, $status);
register_shutdown_function(static function () use ($serve, $dir): void { // however this ends
    exec(escapeshellarg($serve).' stop');
    exec('rm -rf '.escapeshellarg($dir));
});
if ($status !== 0 || !str_contains(implode("\n", $out), 'nginx + php-fpm')) {
    if ($status === 0) {
        echo json_encode(['skipped' => 'needs nginx and php-fpm (scripts/setup installs them)']), "\n";
        exit(0);
    }
    fwrite(STDERR, "bench/http.php: the servers did not start:\n".implode("\n", $out)."\n");
    exit(1);
}

// Seed: 100 records per contender, written through the same models.
$app = require $root.'/examples/demo/bootstrap/app.php';
$app->make(Kernel::class)->bootstrap();
if (!app('encrypter') instanceof Encrypter) {
    fwrite(STDERR, "bench/http.php: the demo app's encrypter is not sodium_crypt's\n");
    exit(1);
}
foreach (BenchHttp\CONTENDERS as $path => [, $model]) {
    Schema::create((new $model())->getTable(), static function ($t): void {
        $t->id();
        foreach (BenchHttp\FIELDS as $field) {
            $t->text($field);
        }
    });
    BenchHttp\use_encrypter_for($path);
    for ($i = 1; $i <= 100; $i++) {
        $model::create(['id' => $i] + App\Models\Record::sample($i));
    }
}
BenchHttp\use_encrypter_for('');

$base = 'http://127.0.0.1:'.$env['DEMO_PORT'].'/bench/';
$clients = 8;
$rounds = $quick ? 1 : 3;
$seconds = $quick ? 1.0 : 3.0;
$samples = [];
foreach (array_keys(BenchHttp\CONTENDERS) as $path) {
    demo_load_page($base.$path, $clients, 0.5); // warm-up: opcache, the workers' first requests
}
for ($r = 0; $r < $rounds; $r++) {
    foreach (array_keys(BenchHttp\CONTENDERS) as $path) {
        $samples[$path][] = demo_load_page($base.$path, $clients, $seconds);
    }
}
$result = ['workers' => $workers, 'clients' => $clients, 'rounds' => $rounds, 'seconds_per_round' => $seconds, 'contenders' => []];
$errors = 0;
foreach (BenchHttp\CONTENDERS as $path => [$label]) {
    $rates = array_column($samples[$path], 'requests_per_second');
    sort($rates);
    $errors += array_sum(array_column($samples[$path], 'errors'));
    $result['contenders'][$label] = ['requests_per_second' => $rates[intdiv(count($rates), 2)],
        'spread' => (end($rates) - $rates[0]) / max($rates[intdiv(count($rates), 2)], 1e-9),
        'requests' => array_sum(array_column($samples[$path], 'requests'))];
}
$result['errors'] = $errors;
echo json_encode($result), "\n";
exit($errors === 0 ? 0 : 1);
