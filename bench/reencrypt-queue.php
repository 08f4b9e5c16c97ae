<?php

declare(strict_types=1);

// crypto:reencrypt across queue workers, in the real demo app (examples/demo)
// on PostgreSQL with its queue on redis-server (both from scripts/db-server,
// on unix sockets): N users whose phone Laravel's AES-256-CBC wrote under the previous
// key, moved to the current key by the command in one process, then by
// `crypto:reencrypt User --queue=redis` and 1, 2 and 4 `queue:work` processes.
// A queued run is timed from the dispatch to the last worker's exit, worker
// start-up included, and checked: every row current afterwards; the workers'
// own CPU time (user + system, start-up included) says what a chunk costs them.
//   php bench/reencrypt-queue.php [rows]   prints one JSON object

use Illuminate\Bus\BatchRepository;
use Illuminate\Contracts\Console\Kernel;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;

$rows = (int) ($argv[1] ?? 20000);
$chunk = 1000;
$root = dirname(__DIR__);
$demo = "$root/examples/demo";
require $demo.'/vendor/autoload.php';

$dir = sys_get_temp_dir().'/sc-bench-queue-'.bin2hex(random_bytes(4));
mkdir($dir, 0755);
$servers = [];
$server = static function (string $kind) use ($dir, $root, &$servers): ?array {
    exec(escapeshellarg("$root/scripts/db-server")." start $kind ".escapeshellarg("$dir/$kind").' 2>&1', $lines, $status);
    if ($status !== 0) {
        return null;
    }
    $servers[] = "$dir/$kind";
    $settings = [];
    foreach ($lines as $line) {
        if (preg_match('/^([A-Z_]+)=(.*)$/', $line, $m)) {
            $settings[$m[1]] = $m[2];
        }
    }
    return $settings;
};
register_shutdown_function(static function () use (&$servers, $dir, $root): void {
    foreach ($servers as $server) {
        exec(escapeshellarg("$root/scripts/db-server").' stop '.escapeshellarg($server).' 2>&1');
    }
    exec('rm -rf '.escapeshellarg($dir));
});
$settings = ($pgsql = $server('pgsql')) !== null && ($redis = $server('redis')) !== null ? $pgsql + $redis : null;
if ($settings === null) {
    echo json_encode(['skipped' => 'PostgreSQL or redis-server could not be started here (scripts/db-server)']), "\n";
    exit(0);
}

// One environment for this process and every worker: process variables win over the demo's .env.
$old = random_bytes(32);
$env = $settings + ['APP_KEY' => 'base64:'.base64_encode(random_bytes(32)), 'APP_PREVIOUS_KEYS' => 'base64:'.base64_encode($old),
    'APP_ENV' => 'production', 'LOG_CHANNEL' => 'null', 'QUEUE_CONNECTION' => 'redis', 'REDIS_CLIENT' => 'predis',
    'CACHE_DRIVER' => 'array', 'SESSION_DRIVER' => 'array'];
foreach ($env as $name => $value) {
    putenv("$name=$value");
    $_ENV[$name] = $_SERVER[$name] = $value;
}
$app = require $demo.'/bootstrap/app.php';
$kernel = $app->make(Kernel::class);
$kernel->bootstrap();
$kernel->call('migrate', ['--force' => true]);

$seed = static function () use ($rows, $old): void {
    DB::table('users')->delete();
    $cbc = new LaravelEncrypter($old, 'AES-256-CBC');
    DB::transaction(static function () use ($rows, $cbc): void {
        foreach (array_chunk(range(1, $rows), 500) as $ids) {
            DB::table('users')->insert(array_map(static fn (int $i) => [
                'name' => "u$i", 'email' => "u$i@example.com", 'password' => 'x',
                'phone' => $cbc->encryptString(sprintf('555-%07d', $i)),
            ], $ids));
        }
    });
};
$current = static fn (): int => DB::table('users')->where('phone', 'like', 'sc1.%')->count();

$result = ['rows' => $rows, 'chunk' => $chunk, 'cores' => (int) shell_exec('nproc')];
$seed();
$t = hrtime(true);
$kernel->call('crypto:reencrypt', ['model' => 'User', '--chunk' => $chunk]);
$seconds = (hrtime(true) - $t) / 1e9;
$result['one_process'] = ['seconds' => $seconds, 'rows_per_second' => $rows / $seconds, 'current' => $current()];

$processEnv = $env + array_filter(['PATH' => getenv('PATH'), 'PHP_INI_SCAN_DIR' => getenv('PHP_INI_SCAN_DIR')], 'is_string');
foreach ([1, 2, 4] as $n) {
    $seed();
    $cpu = getrusage(1); // RUSAGE_CHILDREN: the workers, once proc_close() has reaped them
    $t = hrtime(true);
    $kernel->call('crypto:reencrypt', ['model' => 'User', '--queue' => 'redis', '--chunk' => $chunk]);
    preg_match('/batch ([0-9a-f-]{36})/', $kernel->output(), $m);
    $workers = [];
    for ($i = 0; $i < $n; $i++) {
        $workers[] = proc_open([PHP_BINARY, "$demo/artisan", 'queue:work', 'redis', '--stop-when-empty', '--sleep=0'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/worker.log", 'a'], 2 => ['file', "$dir/worker.log", 'a']], $pipes, $demo, $processEnv);
    }
    foreach ($workers as $worker) {
        while (proc_get_status($worker)['running']) {
            usleep(5_000);
        }
        proc_close($worker);
    }
    $seconds = (hrtime(true) - $t) / 1e9;
    $batch = isset($m[1]) ? $app->make(BatchRepository::class)->find($m[1]) : null;
    $after = getrusage(1);
    $workerCpu = array_sum(array_map(static fn (string $f): float => ($after["ru_$f.tv_sec"] - $cpu["ru_$f.tv_sec"]) + ($after["ru_$f.tv_usec"] - $cpu["ru_$f.tv_usec"]) / 1e6, ['utime', 'stime']));
    $result['queued'][$n] = ['seconds' => $seconds, 'rows_per_second' => $rows / $seconds, 'current' => $current(), 'worker_cpu_seconds' => $workerCpu,
        'chunks' => $batch?->totalJobs, 'finished' => (bool) $batch?->finished()];
}
// What one worker costs besides its chunks: a worker started on an empty queue.
$t = hrtime(true);
$idle = proc_open([PHP_BINARY, "$demo/artisan", 'queue:work', 'redis', '--stop-when-empty', '--sleep=0'],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, $demo, $processEnv);
while (proc_get_status($idle)['running']) {
    usleep(5_000);
}
proc_close($idle);
$result['worker_start_seconds'] = (hrtime(true) - $t) / 1e9;
echo json_encode($result), "\n";
