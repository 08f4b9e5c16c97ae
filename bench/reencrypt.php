<?php

declare(strict_types=1);

// crypto:reencrypt in the real demo app (examples/demo) on a SQLite file:
// N rows of a 1-column model written by Laravel's AES-256-CBC, moved to the
// app's cipher (AEGIS-256, V1) by the command; beside it, the loop one would
// write by hand (Eloquent read, assign, save) over the same rows.
//   php bench/reencrypt.php [rows]   prints one JSON object

use App\Models\User;
use Illuminate\Contracts\Console\Kernel;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;

$rows = (int) ($argv[1] ?? 20000);
$demo = __DIR__.'/../examples/demo';
require $demo.'/vendor/autoload.php';

$dir = sys_get_temp_dir().'/sc-bench-reencrypt-'.bin2hex(random_bytes(4));
mkdir($dir, 0700);
$old = random_bytes(32);
$env = 'APP_KEY=base64:'.base64_encode(random_bytes(32))."\nAPP_PREVIOUS_KEYS=base64:".base64_encode($old)."\nAPP_ENV=production\nLOG_CHANNEL=null\n";
file_put_contents("$dir/.env", $env);
touch("$dir/db.sqlite");

$app = require $demo.'/bootstrap/app.php';
$app->useEnvironmentPath($dir);
$kernel = $app->make(Kernel::class);
$kernel->bootstrap();
$app['config']->set('database.connections.sqlite.database', "$dir/db.sqlite");
$kernel->call('migrate', ['--force' => true]);

$seed = function () use ($rows, $old): void {
    DB::table('users')->delete();
    $cbc = new LaravelEncrypter($old, 'AES-256-CBC');
    DB::transaction(function () use ($rows, $cbc) {
        foreach (array_chunk(range(1, $rows), 500) as $chunk) {
            DB::table('users')->insert(array_map(static fn (int $i) => [
                'name' => "u$i", 'email' => "u$i@example.com", 'password' => 'x',
                'phone' => $cbc->encryptString(sprintf('555-%07d', $i)),
            ], $chunk));
        }
    });
};

$seed();
$t = hrtime(true);
$status = $kernel->call('crypto:reencrypt', ['model' => 'User']);
$command = (hrtime(true) - $t) / 1e9;
$current = DB::table('users')->where('phone', 'like', 'sc1.%')->count();

$seed();
$t = hrtime(true);
User::query()->chunkById(1000, function ($users) {
    foreach ($users as $user) {
        $user->phone = $user->phone; // decrypt, re-encrypt under the current key
        $user->save();
    }
});
$loop = (hrtime(true) - $t) / 1e9;

foreach (glob("$dir/{,.}*", GLOB_BRACE) ?: [] as $file) {
    is_file($file) && unlink($file);
}
rmdir($dir);
echo json_encode(['rows' => $rows, 'exit' => $status, 'converted' => $current,
    'command_seconds' => $command, 'command_rows_per_second' => $rows / $command,
    'eloquent_loop_seconds' => $loop, 'eloquent_loop_rows_per_second' => $rows / $loop]), "\n";
