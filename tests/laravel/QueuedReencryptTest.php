<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Bus\Batch;
use Illuminate\Bus\BatchRepository;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Redis;
use Illuminate\Support\Facades\Schema;
use PHPUnit\Framework\Attributes\DataProvider;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\LedgerEntry;
use SodiumCrypt\Laravel\Tests\Fixtures\Patient;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use SodiumCrypt\Laravel\UserKeys;

/**
 * crypto:reencrypt MODEL --queue: the table as a batch of id-range chunk
 * jobs, run by real `queue:work` processes on Redis (Debian's redis-server
 * on a unix socket) against the test database. Every row ends current and
 * readable with 1, 2 or 4 workers, with a worker killed (SIGKILL) while it
 * holds a chunk, run twice, or cancelled; a value no key opens fails its
 * chunk, named by id, and nothing else. The same for an encrypted disk's
 * files (--disk --queue) and for global blind indexes (crypto:reindex --queue).
 */
final class QueuedReencryptTest extends TestCase
{
    use StartsRedis;

    private const ROWS = 600;

    /** @var array<string, string> the workers' .env */
    private array $workerEnv = [];

    protected function setUp(): void
    {
        parent::setUp();
        Schema::create('ledger_entries', static function ($table): void {
            $table->id();
            $table->text('note')->nullable();
            $table->text('ssn')->nullable();
        });
        $this->workerEnv = ['APP_KEY' => self::APP_KEY, 'APP_CIPHER' => 'Sodium_AEGIS256GCM', 'QUEUE_CONNECTION' => 'redis',
            'REDIS_CLIENT' => 'predis', 'REDIS_SOCKET' => $this->startRedis(), 'REDIS_QUEUE_RETRY_AFTER' => '2'];
        $this->app['config']->set(['database.redis.client' => 'predis', 'database.redis.default.path' => $this->redisSocket]);
    }

    protected function tearDown(): void
    {
        $this->stopRedis();
        parent::tearDown();
    }

    /** Rows as Laravel's own encrypter wrote them under APP_KEY, before the switch: what crypto:reencrypt moves. */
    private function laravelRows(int $rows): void
    {
        $laravel = new LaravelEncrypter(base64_decode(substr(self::APP_KEY, 7)), 'AES-256-CBC');
        foreach (array_chunk(range(1, $rows), 200) as $ids) {
            DB::table('ledger_entries')->insert(array_map(static fn (int $i): array => [
                'id' => $i, 'note' => $laravel->encryptString("note $i"), 'ssn' => $laravel->encryptString(sprintf('%03d-45-%04d', $i % 1000, $i)),
            ], $ids));
        }
    }

    /** Queues the table; returns the batch id. */
    private function queue(int $chunk): string
    {
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => LedgerEntry::class, '--queue' => 'redis', '--chunk' => $chunk]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/batch ([0-9a-f-]{36})/', $this->artisanOutput);
        preg_match('/batch ([0-9a-f-]{36})/', $this->artisanOutput, $m);
        return $m[1];
    }

    /**
     * $n `queue:work redis` processes, each its own PHP.
     *
     * @return list<resource>
     */
    private function workers(int $n, bool $untilEmpty = true): array
    {
        $dir = $this->envDir.'/workers';
        $env = $this->processEnv($dir, $this->workerEnv + ['APP_ENV' => 'testing', 'APP_DEBUG' => 'false']);
        $workers = [];
        for ($i = 0; $i < $n; $i++) {
            $workers[] = proc_open([PHP_BINARY, self::SKELETON.'/artisan', 'queue:work', 'redis', '--sleep=0', ...($untilEmpty ? ['--stop-when-empty'] : [])],
                [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/worker-$i.log", 'w'], 2 => ['file', "$dir/worker-$i.log", 'a']], $pipes, self::SKELETON, $env);
        }
        return $workers;
    }

    /** @param list<resource> $workers waited for, at most $seconds */
    private function waitFor(array $workers, int $seconds = 90): void
    {
        $deadline = microtime(true) + $seconds;
        foreach ($workers as $i => $worker) {
            while (($status = proc_get_status($worker))['running'] && microtime(true) < $deadline) {
                usleep(20_000);
            }
            if ($status['running']) {
                proc_terminate($worker, 9);
            }
            proc_close($worker);
            $this->assertFalse($status['running'], "worker $i stopped: ".@file_get_contents($this->envDir."/workers/worker-$i.log"));
        }
    }

    /** @param list<resource> $workers asked to stop (SIGTERM: each finishes its job first), and waited for */
    private function stop(array $workers): void
    {
        foreach ($workers as $worker) {
            proc_terminate($worker);
        }
        $this->waitFor($workers, 30);
    }

    private function batch(string $id): Batch
    {
        $batch = $this->app->make(BatchRepository::class)->find($id);
        $this->assertNotNull($batch);
        return $batch;
    }

    /** Every row in the package's format under the current key, and reading as written. */
    private function assertEveryRowCurrent(int $rows): void
    {
        $crypt = $this->app['encrypter'];
        $this->assertSame($rows, DB::table('ledger_entries')->count());
        foreach (DB::table('ledger_entries')->orderBy('id')->get() as $row) {
            foreach (['note', 'ssn'] as $column) {
                $this->assertTrue($crypt->isCurrent($row->$column), "row $row->id $column is current");
            }
        }
        foreach (LedgerEntry::query()->orderBy('id')->get() as $entry) {
            $this->assertSame(["note $entry->id", sprintf('%03d-45-%04d', $entry->id % 1000, $entry->id)], [$entry->note, $entry->ssn]);
        }
    }

    /** @return array<string, array{int}> */
    public static function workerCounts(): array
    {
        return ['1 worker' => [1], '2 workers' => [2], '4 workers' => [4]];
    }

    #[DataProvider('workerCounts')]
    public function test_every_row_is_re_encrypted_by_the_workers_sharing_the_batch(int $workers): void
    {
        $this->laravelRows(self::ROWS);
        $id = $this->queue(50);
        $this->assertStringContainsString('Queued 12 chunk job(s) of up to 50 rows', $this->artisanOutput);
        $this->assertSame(0, DB::table('ledger_entries')->where('note', 'like', 'sc1.%')->count(), 'nothing is written before a worker runs');

        $this->waitFor($this->workers($workers));

        $batch = $this->batch($id);
        $this->assertTrue($batch->finished(), 'the batch finished');
        $this->assertSame([12, 0, 0], [$batch->totalJobs, $batch->pendingJobs, $batch->failedJobs]);
        $this->assertEveryRowCurrent(self::ROWS);

        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--status' => true]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/'.preg_quote($id, '/').'.*LedgerEntry.*12 of 12 \(100%\).*finished/', $this->artisanOutput);
    }

    public function test_a_worker_killed_while_it_holds_a_chunk_loses_nothing_and_the_batch_finishes(): void
    {
        $rows = 3000;
        $this->laravelRows($rows);
        $id = $this->queue(1000);

        // One worker takes a chunk; it is killed while the chunk is reserved to it, before it is done.
        [$first] = $this->workers(1, false);
        $deadline = microtime(true) + 60;
        while (Redis::connection()->zcard('queues:default:reserved') === 0 && microtime(true) < $deadline) {
            usleep(2_000);
        }
        $this->assertSame(1, Redis::connection()->zcard('queues:default:reserved'), 'the worker holds a chunk');
        posix_kill(proc_get_status($first)['pid'], SIGKILL);
        proc_close($first);
        $this->assertLessThan(3, $this->batch($id)->processedJobs(), 'killed before the batch was done');
        $this->assertSame(1, Redis::connection()->zcard('queues:default:reserved'), 'the killed worker\'s chunk is still reserved');

        // Four workers, as a deployment runs them: the reserved chunk comes back after retry_after and runs again.
        $workers = $this->workers(4, false);
        $deadline = microtime(true) + 60;
        while (!$this->batch($id)->finished() && microtime(true) < $deadline) {
            usleep(50_000);
        }
        $this->stop($workers);

        $batch = $this->batch($id);
        $this->assertTrue($batch->finished());
        $this->assertSame([3, 0, 0], [$batch->totalJobs, $batch->pendingJobs, $batch->failedJobs]);
        $this->assertSame(0, DB::table('failed_jobs')->count());
        $this->assertEveryRowCurrent($rows);
    }

    public function test_queued_again_it_changes_nothing_current_and_a_cancelled_batch_writes_nothing(): void
    {
        $this->laravelRows(100);
        $cancelled = $this->queue(10);
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--cancel' => $cancelled]), $this->artisanOutput);
        $this->waitFor($this->workers(1));
        $this->assertTrue($this->batch($cancelled)->cancelled());
        $this->assertSame(100, DB::table('ledger_entries')->where('note', 'like', 'eyJ%')->count(), 'a cancelled batch wrote nothing');
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--status' => true]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/'.preg_quote($cancelled, '/').'.*cancelled/', $this->artisanOutput);

        $this->queue(10);
        $this->waitFor($this->workers(2));
        $this->assertEveryRowCurrent(100);
        $written = DB::table('ledger_entries')->orderBy('id')->pluck('ssn', 'id')->all();

        $again = $this->queue(30);
        $this->waitFor($this->workers(2));
        $this->assertTrue($this->batch($again)->finished());
        $this->assertSame($written, DB::table('ledger_entries')->orderBy('id')->pluck('ssn', 'id')->all(), 'rows already current are not rewritten');
    }

    public function test_a_value_no_key_opens_fails_its_chunk_by_id_and_the_rest_is_re_encrypted(): void
    {
        $this->laravelRows(40);
        $other = new LaravelEncrypter(random_bytes(32), 'AES-256-CBC');
        DB::table('ledger_entries')->where('id', 17)->update(['ssn' => $other->encryptString('not under APP_KEY')]);
        $id = $this->queue(10);
        $this->waitFor($this->workers(1));

        $batch = $this->batch($id);
        $this->assertSame([4, 1, 1], [$batch->totalJobs, $batch->pendingJobs, $batch->failedJobs], 'a failed chunk stays pending, as Laravel counts it');
        $exception = (string) DB::table('failed_jobs')->value('exception');
        $this->assertStringContainsString('ValuesLeftUnreadable', $exception);
        $this->assertStringContainsString('1 row(s) of '.LedgerEntry::class.' keep a value that opens under no configured key', $exception);
        $this->assertStringContainsString('id=17 (ssn)', $exception);
        $this->assertStringNotContainsString('not under APP_KEY', $exception);
        $this->assertSame(39, DB::table('ledger_entries')->where('ssn', 'like', 'sc1.%')->count(), 'every other row is re-encrypted');
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--status' => true]), $this->artisanOutput);
        $this->assertStringContainsString('with failed chunks', $this->artisanOutput);
    }

    public function test_an_encrypted_disk_is_re_encrypted_by_the_workers_and_a_file_no_key_opens_fails_its_job(): void
    {
        $root = $this->envDir.'/vault';
        $this->app['config']->set(['filesystems.disks.vault' => ['driver' => 'sodium-encrypted', 'disk' => 'vault-files'],
            'filesystems.disks.vault-files' => ['driver' => 'local', 'root' => $root]]); // the workers': SC_VAULT_ROOT
        $vault = \Illuminate\Support\Facades\Storage::disk('vault');
        foreach (range(1, 24) as $i) {
            $vault->put("reports/$i.txt", str_repeat("report $i ", $i * 100));
        }
        mkdir("$root/plain");
        file_put_contents("$root/plain/not-encrypted.txt", 'written around the disk');
        file_put_contents("$root/reports/1.txt.reencrypt-0badf00d", 'left by a run that died');
        $new = self::newKey();
        $this->workerEnv = ['APP_KEY' => $new, 'APP_PREVIOUS_KEYS' => self::APP_KEY, 'SC_VAULT_ROOT' => $root] + $this->workerEnv;

        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--disk' => 'vault', '--queue' => 'redis', '--chunk' => 10]), $this->artisanOutput);
        $this->assertStringContainsString('Removed 1 temporary file(s)', $this->artisanOutput);
        $this->assertStringContainsString('Queued 3 chunk job(s) of up to 10 files (crypto:reencrypt disk:vault)', $this->artisanOutput);
        preg_match('/batch ([0-9a-f-]{36})/', $this->artisanOutput, $m);
        $this->waitFor($this->workers(2));

        $batch = $this->batch($m[1]);
        $this->assertSame([3, 1, 1], [$batch->totalJobs, $batch->pendingJobs, $batch->failedJobs]);
        $exception = (string) DB::table('failed_jobs')->value('exception');
        $this->assertStringContainsString('1 file(s) of the "vault" disk open under none of its keys', $exception);
        $this->assertStringContainsString('plain/not-encrypted.txt', $exception);
        $this->assertSame('written around the disk', file_get_contents("$root/plain/not-encrypted.txt"), 'left as it was');

        // Every other file opens under the new key alone.
        $this->app['config']->set(['app.key' => $new, 'app.previous_keys' => []]);
        \Illuminate\Support\Facades\Storage::forgetDisk('vault');
        foreach (range(1, 24) as $i) {
            $this->assertSame(str_repeat("report $i ", $i * 100), \Illuminate\Support\Facades\Storage::disk('vault')->get("reports/$i.txt"));
        }
    }

    public function test_crypto_reindex_queued_moves_every_server_wrapped_users_rows_to_the_new_index_key(): void
    {
        Schema::create('patients', static function ($table): void {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn');
            $table->char('ssn_index', 64)->index();
        });
        $old = self::newKey();
        $new = self::newKey();
        $this->app['config']->set(['sodium-crypt.blind_index_key' => $old, 'sodium-crypt.models' => [Patient::class, User::class]]);
        $keys = $this->app->make(UserKeys::class);
        foreach (['bob', 'carl', 'dana'] as $name) {
            $user = User::create(['name' => $name, 'email' => "$name@example.com", 'password' => "$name password"]);
            KeyContext::set($keys->enroll($user)); // server-wrapped: a worker can unwrap it with APP_KEY
            foreach (range(1, 15) as $i) {
                Patient::create(['user_id' => $user->id, 'ssn' => sprintf('%s-%02d', $name, $i)]);
            }
            KeyContext::clear();
        }
        $this->workerEnv = ['BLIND_INDEX_KEY' => $new, 'BLIND_INDEX_PREVIOUS_KEYS' => $old] + $this->workerEnv;

        $this->assertSame(0, $this->artisanCall('crypto:reindex', ['--queue' => 'redis', '--chunk' => 10]), $this->artisanOutput);
        $this->assertStringContainsString('Queued 5 chunk job(s) of up to 10 rows (crypto:reindex '.Patient::class.')', $this->artisanOutput);
        preg_match('/batch ([0-9a-f-]{36})/', $this->artisanOutput, $m);
        $this->waitFor($this->workers(2));

        $batch = $this->batch($m[1]);
        $this->assertSame([5, 0, 0], [$batch->totalJobs, $batch->pendingJobs, $batch->failedJobs]);
        $index = new \SodiumCrypt\BlindIndex(Key::fromBase64(substr($new, 7)));
        $rows = DB::table('patients')->orderBy('id')->get();
        $this->assertCount(45, $rows);
        foreach ($rows as $row) {
            KeyContext::set($keys->unlockWithServerKey(User::find($row->user_id)));
            $ssn = Patient::find($row->id)->ssn;
            KeyContext::clear();
            $this->assertSame(bin2hex($index->compute($ssn, 'ssn')), $row->ssn_index, "patient $row->id under the new index key");
        }
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--status' => true]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/crypto:reindex .*5 of 5 \(100%\).*finished/', $this->artisanOutput);
    }

    public function test_what_cannot_be_queued_says_why_and_queues_nothing(): void
    {
        $this->laravelRows(10);
        $cases = [
            [['--queue' => 'sync'], 'The queue connection "sync" is sync'],
            [['--queue' => 'nowhere'], 'No queue connection "nowhere"'],
            [['--queue' => 'redis', '--dry-run' => true], '--queue writes; a dry run'],
        ];
        foreach ($cases as [$options, $message]) {
            $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => LedgerEntry::class] + $options), $this->artisanOutput);
            $this->assertStringContainsString($message, $this->artisanOutput);
            $this->assertStringContainsString('Nothing was queued', $this->artisanOutput);
        }
        Schema::drop('job_batches');
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => LedgerEntry::class, '--queue' => 'redis']), $this->artisanOutput);
        $this->assertStringContainsString('"job_batches" table', $this->artisanOutput);
        $this->assertSame(0, Redis::connection()->llen('queues:default'), 'nothing was queued');
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['--cancel' => 'no-such-batch']), $this->artisanOutput);
    }
}
