<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Storage;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretPlainJob;
use SodiumCrypt\Laravel\UserKeys;

/**
 * crypto:keys --prune drops a previous key only when nothing stored needs it:
 * besides the columns, files on encrypted disks under APP_KEY and user keys
 * sealed into queued and failed jobs. crypto:reencrypt --disk moves files.
 */
final class PruneTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        file_put_contents($this->envDir.'/.env', 'APP_KEY='.self::APP_KEY."\n");
        $this->app['config']->set([
            'filesystems.disks.plain' => ['driver' => 'local', 'root' => $this->envDir.'/files'],
            'filesystems.disks.vault' => ['driver' => 'sodium-encrypted', 'disk' => 'plain'],
            'filesystems.disks.mine' => ['driver' => 'sodium-encrypted', 'disk' => 'plain-mine', 'user' => true],
            'filesystems.disks.plain-mine' => ['driver' => 'local', 'root' => $this->envDir.'/mine'],
            'sodium-crypt.models' => [User::class],
        ]);
    }

    protected function tearDown(): void
    {
        $this->app && (new \Illuminate\Filesystem\Filesystem())->deleteDirectory($this->envDir.'/files');
        $this->app && (new \Illuminate\Filesystem\Filesystem())->deleteDirectory($this->envDir.'/mine');
        parent::tearDown();
    }

    private function env(string $name): ?string
    {
        return \Dotenv\Dotenv::parse((string) file_get_contents($this->envDir.'/.env'))[$name] ?? null;
    }

    public function test_prune_keeps_a_key_that_files_or_queued_user_keys_still_need_until_they_move(): void
    {
        $vault = Storage::disk('vault');
        $vault->put('reports/one.txt', 'first report');
        $vault->put('reports/deep/two.txt', str_repeat('second report ', 10_000));
        $alice = User::create(['name' => 'alice', 'email' => 'alice@example.com', 'password' => 'alice password']);
        $key = $this->app->make(UserKeys::class)->enroll($alice, 'alice password');
        KeyContext::set($key);
        WriteSecretPlainJob::dispatch($alice, 'queued before the rotation')->carryUserKey();
        WriteSecretPlainJob::dispatch($alice, 'failed before the rotation')->carryUserKey();
        KeyContext::clear();
        // The second job failed (as by a worker): its payload moves to failed_jobs as it is.
        $job = DB::table('jobs')->orderByDesc('id')->first();
        DB::table('failed_jobs')->insert(['uuid' => json_decode($job->payload)->uuid, 'connection' => 'database', 'queue' => 'default',
            'payload' => $job->payload, 'exception' => 'RuntimeException: a test failure', 'failed_at' => now()]);
        DB::table('jobs')->where('id', $job->id)->delete();

        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);
        Storage::forgetDisk('vault');
        $old = self::APP_KEY;
        $this->assertSame($old, $this->env('APP_PREVIOUS_KEYS'));

        // Everything that needs the old key is counted, by place.
        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/disk vault\s+file aegis-256\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+2\n/', $this->artisanOutput);
        $this->assertMatchesRegularExpression('/jobs\.payload\s+carried user key\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+1\n/', $this->artisanOutput);
        $this->assertMatchesRegularExpression('/failed_jobs\.payload\s+carried user key\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+1\n/', $this->artisanOutput);

        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]), $this->artisanOutput);
        $this->assertSame($old, $this->env('APP_PREVIOUS_KEYS'), 'the key stays');
        $this->assertStringContainsString('crypto:reencrypt --disk=vault', $this->artisanOutput);
        $this->assertStringContainsString('drain the queue', $this->artisanOutput);
        $this->assertStringContainsString('queue:retry', $this->artisanOutput);
        $this->assertStringNotContainsString('crypto:reencrypt and crypto:rewrap-users', $this->artisanOutput);
        $this->assertSame('first report', Storage::disk('vault')->get('reports/one.txt'));

        // Move what can move: the files, the queue, the failed job.
        // --memory: what grows is this PHPUnit process (every test before this one), not a worker;
        // at Laravel's 128 MB default the in-process worker stops at once with exit code 12.
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--disk' => 'vault']), $this->artisanOutput);
        $this->assertStringContainsString('2 of 2 files re-encrypted', $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['--disk' => 'vault']), $this->artisanOutput);
        $this->assertStringContainsString('0 of 2 files re-encrypted', $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('queue:work', ['--stop-when-empty' => true, '--memory' => 1024]));
        $this->assertSame(1, DB::table('failed_jobs')->count(), 'the failed job is still there');
        $this->assertSame(0, $this->artisanCall('queue:retry', ['id' => ['all']]));
        $this->assertSame(0, $this->artisanCall('queue:work', ['--stop-when-empty' => true, '--memory' => 1024]));
        $this->assertSame(0, DB::table('failed_jobs')->count());

        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]), $this->artisanOutput);
        $this->assertSame('', (string) $this->env('APP_PREVIOUS_KEYS'), 'nothing needs it any more');
        Storage::forgetDisk('vault');
        $this->assertSame('first report', Storage::disk('vault')->get('reports/one.txt'));
        $this->assertSame(str_repeat('second report ', 10_000), Storage::disk('vault')->get('reports/deep/two.txt'));
        KeyContext::set($this->app->make(UserKeys::class)->unlockWithPassword($alice->fresh(), 'alice password'));
        $this->assertEqualsCanonicalizing(['queued before the rotation', 'failed before the rotation'], $alice->fresh()->secrets->pluck('label')->all());
    }

    public function test_a_disk_scan_that_dies_resumes_where_it_stopped(): void
    {
        $this->app['config']->set('cache.default', 'file');
        $this->app['config']->set('cache.stores.file.path', $this->envDir.'/cache');
        $vault = Storage::disk('vault');
        for ($i = 0; $i < 2500; $i++) {
            $vault->put(sprintf('f/%04d.txt', $i), "file $i");
        }
        $usage = static fn () => \SodiumCrypt\Laravel\Rotation\KeyUsage::of(app(), \SodiumCrypt\Laravel\Encrypter::of(app()));
        // The first scan dies after 2,000 files (a deploy, an OOM kill).
        try {
            $usage()->scan([], static function (string $source, int $files): void {
                if ($files === 2000) {
                    throw new \RuntimeException('killed');
                }
            });
            $this->fail('the scan was not interrupted');
        } catch (\RuntimeException $e) {
            $this->assertSame('killed', $e->getMessage());
        }
        // The next one starts after the checkpoint and counts every file once.
        $seen = [];
        $rows = $usage()->scan([], static function (string $source, int $files) use (&$seen): void {
            $seen[] = $files;
        });
        $this->assertSame([['source' => 'disk vault', 'kind' => 'disk', 'what' => 'file aegis-256', 'key' => 0, 'count' => 2500]], $rows);
        $this->assertSame(2000, $seen[0] ?? null, 'resumed at the checkpoint: the first progress report is from there');
        // Done: the checkpoint is gone, a third scan reads everything again.
        $seen = [];
        $usage()->scan([], static function (string $source, int $files) use (&$seen): void {
            $seen[] = $files;
        });
        $this->assertSame([1000, 2000], $seen);
    }

    public function test_verifying_every_file_leaves_no_stream_open(): void
    {
        $vault = Storage::disk('vault');
        for ($i = 0; $i < 200; $i++) {
            $vault->put("v/$i.txt", "file $i");
        }
        $open = static fn () => count(scandir('/proc/self/fd'));
        $before = $open();
        $this->assertSame(0, $this->artisanCall('crypto:status', ['--verify' => true]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/disk vault\s+file aegis-256\s+\S+ \(APP_KEY\)\s+200\n/', $this->artisanOutput);
        $this->assertLessThan(10, $open() - $before, 'each file opened whole is closed again');
    }

    public function test_a_carried_key_under_a_key_dropped_by_hand_counts_as_unreadable(): void
    {
        $alice = User::create(['name' => 'alice', 'email' => 'alice@example.com', 'password' => 'alice password']);
        KeyContext::set($this->app->make(UserKeys::class)->enroll($alice, 'alice password'));
        WriteSecretPlainJob::dispatch($alice, 'queued')->carryUserKey();
        KeyContext::clear();
        // APP_KEY replaced by hand, the old one not kept: the job's key opens under nothing.
        $this->useCrypt('Sodium_AEGIS256GCM', self::newKey());
        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/jobs\.payload\s+carried user key\s+no configured key\s+1\n/', $this->artisanOutput);
        $this->assertStringContainsString('1 value(s) open under no configured key', $this->artisanOutput);
    }
}
