<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\Secret;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Support\Facades\DB;
use PHPUnit\Framework\Attributes\DataProvider;
use SodiumCrypt\KeyContext;
use Illuminate\Support\Facades\Crypt;
use SodiumCrypt\Laravel\Tests\Fixtures\EnrolUserJob;
use SodiumCrypt\Laravel\Tests\Fixtures\FailingCarriedEncryptedJob;
use SodiumCrypt\Laravel\Tests\Fixtures\FailingCarriedJob;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretJob;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteWithoutKeyJob;

/**
 * A real `php artisan queue:work` process, on the database and the Redis
 * drivers (Debian's redis-server, started here on a unix socket), handling
 * the jobs of several users in turn: no job ever starts with the key an
 * earlier job left in the context.
 */
final class QueueWorkerTest extends TestCase
{
    use StartsRedis;

    /** @return array<string, array{string}> */
    public static function drivers(): array
    {
        return ['database' => ['database'], 'redis' => ['redis']];
    }

    #[DataProvider('drivers')]
    public function test_a_worker_never_carries_one_users_key_into_the_next_job(string $driver): void
    {
        $env = ['APP_KEY' => self::APP_KEY, 'QUEUE_CONNECTION' => $driver,
            'SODIUM_CRYPT_ARGON2_OPSLIMIT' => '1', 'SODIUM_CRYPT_ARGON2_MEMLIMIT' => '8192'];
        if ($driver === 'redis') {
            $env += ['REDIS_CLIENT' => 'predis', 'REDIS_SOCKET' => $this->startRedis()];
            $this->app['config']->set(['database.redis.client' => 'predis', 'database.redis.default.path' => $this->redisSocket]);
        }
        $this->app['config']->set('queue.default', $driver);

        $alice = $this->register('alice');
        $bob = $this->register('bob');
        $carol = User::create(['name' => 'carol', 'email' => 'carol@example.com', 'password' => 'carol pw']);
        $dave = User::create(['name' => 'dave', 'email' => 'dave@example.com', 'password' => 'dave pw']);
        $probe = $this->envDir.'/probe';

        // Alternating users. The key-less jobs after an enrolment would run,
        // before the fix, under carol's (then dave's) key.
        EnrolUserJob::dispatch($carol, 'carol pw');
        WriteWithoutKeyJob::dispatch(User::find($alice['id']), 'alice, no key carried', $probe);
        $this->carrying($bob, fn () => WriteSecretJob::dispatch(User::find($bob['id']), 'bob, from the queue')->carryUserKey());
        WriteWithoutKeyJob::dispatch(User::find($bob['id']), 'bob, no key carried', $probe);
        $this->carrying($alice, fn () => WriteSecretJob::dispatch(User::find($alice['id']), 'alice, from the queue')->carryUserKey());
        EnrolUserJob::dispatch($dave, 'dave pw');
        WriteWithoutKeyJob::dispatch(User::find($alice['id']), 'alice, no key again', $probe);
        $this->carrying($bob, fn () => WriteSecretJob::dispatch(User::find($bob['id']), 'bob, again')->carryUserKey());

        $worker = $this->artisanProcess(['queue:work', $driver, '--stop-when-empty', '--tries=1', '--sleep=0'], $env);
        $this->assertSame(0, $worker['status'], $worker['output']);

        $this->assertSame("alice, no key carried: no key\nbob, no key carried: no key\nalice, no key again: no key\n",
            (string) file_get_contents($probe), 'every key-less job started with an empty key context');
        $failed = DB::table('failed_jobs')->pluck('exception')->all();
        $this->assertCount(3, $failed, 'the three jobs that carried no key failed');
        foreach ($failed as $exception) {
            $this->assertStringStartsWith('SodiumCrypt\\MissingKeyContext', $exception);
        }
        // Every row opens under its owner's key, and each user sees exactly their own.
        $this->assertSame(['alice, from the queue'], $this->labels($alice));
        $this->assertSame(['bob, again', 'bob, from the queue'], $this->labels($bob));
        foreach ([$carol, $dave] as $user) {
            $token = $user->fresh()->issueEncryptionToken($user->name.' pw');
            $this->assertSame(['enrolled in a job'], Secret::where('user_id', $user->id)->get()->pluck('label')->all());
            KeyContext::clear();
            $this->assertNotSame('', $token);
        }
        $this->assertSame(5, Secret::count(), 'no row was written by a job that failed');
    }

    #[DataProvider('drivers')]
    public function test_failed_jobs_keep_no_user_key(string $driver): void
    {
        $env = ['APP_KEY' => self::APP_KEY, 'QUEUE_CONNECTION' => $driver];
        if ($driver === 'redis') {
            $env += ['REDIS_CLIENT' => 'predis', 'REDIS_SOCKET' => $this->startRedis()];
            $this->app['config']->set(['database.redis.client' => 'predis', 'database.redis.default.path' => $this->redisSocket]);
        }
        $this->app['config']->set('queue.default', $driver);
        $alice = $this->register('alice');
        // A note a user typed that reads like the property: not taken for it.
        $note = 's:13:"sealedUserKey";s:4:"fake";';
        $this->carrying($alice, fn () => FailingCarriedJob::dispatch($note)->carryUserKey());
        $this->carrying($alice, fn () => FailingCarriedEncryptedJob::dispatch($note)->carryUserKey());

        $worker = $this->artisanProcess(['queue:work', $driver, '--stop-when-empty', '--sleep=0'], $env);
        $this->assertSame(0, $worker['status'], $worker['output']);
        $rows = DB::table('failed_jobs')->orderBy('id')->get();
        $this->assertCount(2, $rows, $worker['output']);
        foreach ($rows as $row) {
            $command = json_decode($row->payload, true)['data']['command'];
            $serialized = str_starts_with($command, 'O:') ? $command : Crypt::decrypt($command);
            $this->assertStringContainsString('s:13:"sealedUserKey";s:29:"sodium-crypt.user-key-removed";', $serialized, 'the carried key is gone from failed_jobs');
            $this->assertStringNotContainsString('sc1.', $serialized);
            $this->assertSame($note, unserialize($serialized, ['allowed_classes' => [FailingCarriedJob::class, FailingCarriedEncryptedJob::class]])->note);
            $this->assertStringContainsString('this job fails', $row->exception);
        }
        // A retry fails at once with the reason, and carries no key again.
        $this->assertSame(0, $this->artisanCall('queue:retry', ['id' => ['all']]));
        $again = $this->artisanProcess(['queue:work', $driver, '--stop-when-empty', '--sleep=0'], $env);
        $this->assertSame(0, $again['status'], $again['output']);
        $this->assertCount(2, DB::table('failed_jobs')->get());
        foreach (DB::table('failed_jobs')->pluck('exception') as $exception) {
            $this->assertStringStartsWith('SodiumCrypt\\MissingKeyContext: This job carried a user key, which was removed from failed_jobs', $exception);
        }
    }

    public function test_prune_counts_jobs_waiting_in_redis(): void
    {
        $this->startRedis();
        $this->app['config']->set(['database.redis.client' => 'predis', 'database.redis.default.path' => $this->redisSocket,
            'queue.default' => 'redis']);
        file_put_contents($this->envDir.'/.env', 'APP_KEY='.self::APP_KEY."\n");
        $alice = $this->register('alice');
        // One encrypted job, one that carries a user key in the clear-serialized command, one delayed.
        $this->carrying($alice, fn () => WriteSecretJob::dispatch(User::find($alice['id']), 'encrypted job'));
        $this->carrying($alice, fn () => \SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretPlainJob::dispatch(User::find($alice['id']), 'plain job')->carryUserKey());
        $this->carrying($alice, fn () => WriteSecretJob::dispatch(User::find($alice['id']), 'later')->onQueue('reports')->delay(3600));
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);

        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/redis queues:default\s+v1 aegis-256\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+1\n/', $this->artisanOutput);
        $this->assertMatchesRegularExpression('/redis queues:default\s+carried user key\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+1\n/', $this->artisanOutput);
        $this->assertMatchesRegularExpression('/redis queues:reports:delayed\s+v1 aegis-256\s+\S+ \(APP_PREVIOUS_KEYS\[0\]\)\s+1\n/', $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]), $this->artisanOutput);
        $this->assertStringContainsString('redis queues:default (carried user key): 1, to move: drain the queue', $this->artisanOutput);
    }

    public function test_prune_stops_when_the_default_queue_is_redis_and_cannot_be_read(): void
    {
        // The default queue's jobs cannot be counted: nothing may be dropped.
        file_put_contents($this->envDir.'/.env', 'APP_KEY='.self::newKey()."\nAPP_PREVIOUS_KEYS=".self::APP_KEY."\n");
        $this->useCrypt('Sodium_AEGIS256GCM', self::newKey(), [self::APP_KEY]);
        $this->app['config']->set(['database.redis.client' => 'predis', 'database.redis.default.path' => $this->envDir.'/no-redis.sock',
            'queue.default' => 'redis']);
        $before = (string) file_get_contents($this->envDir.'/.env');
        try {
            $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]);
            $this->fail('prune went on without the default queue');
        } catch (\Throwable $e) {
            $this->assertStringContainsString('no-redis.sock', $e->getMessage());
        }
        $this->assertSame($before, (string) file_get_contents($this->envDir.'/.env'), 'nothing dropped');
        // Not the default: passed over (Laravel's skeleton configures a redis connection in every app).
        $this->app['config']->set('queue.default', 'database');
        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
    }

    public function test_crypto_keys_tells_running_workers_to_restart(): void
    {
        // A worker started before the rotation holds the old keys: it must stop after its current job.
        $cache = $this->envDir.'/cache';
        mkdir($cache);
        $this->app['config']->set(['cache.default' => 'file', 'cache.stores.file.path' => $cache]);
        $env = $this->processEnv($this->envDir.'/worker', ['APP_KEY' => self::APP_KEY, 'APP_ENV' => 'testing',
            'CACHE_DRIVER' => 'file', 'CACHE_PATH' => $cache, 'QUEUE_CONNECTION' => 'database']);
        $log = $this->envDir.'/worker.log';
        // A first job: once the worker has run it, it has read the restart time it compares
        // against (Laravel reads it before its loop). A fixed sleep lost that race to a slow start.
        $probe = $this->envDir.'/probe';
        $user = User::create(['name' => 'erin', 'email' => 'erin@example.com', 'password' => 'erin pw']);
        WriteWithoutKeyJob::dispatch($user, 'the worker is up', $probe)->onConnection('database');
        $worker = proc_open([PHP_BINARY, self::SKELETON.'/artisan', 'queue:work', 'database', '--sleep=1', '--tries=1'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']], $pipes, self::SKELETON, $env);
        try {
            for ($i = 0; $i < 600 && !is_file($probe) && proc_get_status($worker)['running']; $i++) {
                usleep(100_000);
            }
            $this->assertFileExists($probe, 'the worker ran its first job within 60 s: '.@file_get_contents($log));
            $this->assertTrue(proc_get_status($worker)['running'], 'the worker runs: '.@file_get_contents($log));
            file_put_contents($this->envDir.'/.env', 'APP_KEY='.self::APP_KEY."\n");
            $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);
            $this->assertStringContainsString('queue:restart', $this->artisanOutput);
            for ($i = 0; $i < 100 && proc_get_status($worker)['running']; $i++) {
                usleep(100_000);
            }
            $this->assertFalse(proc_get_status($worker)['running'], 'the worker stopped by itself after the rotation');
        } finally {
            proc_terminate($worker, 9);
            proc_close($worker);
        }
    }

    public function test_a_job_on_the_sync_driver_runs_inside_the_request_and_leaves_its_key(): void
    {
        $this->app['config']->set('queue.default', 'sync');
        $alice = $this->register('alice');
        $probe = $this->envDir.'/probe';
        KeyContext::set(KeyContext::fromToken($alice['encryption_token']));
        WriteWithoutKeyJob::dispatch(User::find($alice['id']), 'alice, inline', $probe);
        $this->assertTrue(KeyContext::has(), 'the request keeps its key after a sync job');
        $this->assertSame("alice, inline: a key was set\n", (string) file_get_contents($probe));
        KeyContext::clear();
        $this->assertSame(['alice, inline'], $this->labels($alice));
    }

    /** @param array{encryption_token: string} $user */
    private function carrying(array $user, \Closure $dispatch): void
    {
        KeyContext::set(KeyContext::fromToken($user['encryption_token']));
        try {
            $dispatch();
        } finally {
            KeyContext::clear();
        }
    }

    /** @return list<string> the user's secrets' labels, read with their own key over the API */
    private function labels(array $user): array
    {
        $this->app['auth']->forgetGuards();
        $response = $this->json('GET', '/api/secrets', [], ['Accept' => 'application/json',
            'Authorization' => 'Bearer '.$user['api_token'], 'X-Encryption-Token' => $user['encryption_token']]);
        $response->assertOk();
        $labels = array_column($response->json('secrets'), 'label');
        sort($labels);
        return $labels;
    }

    /** @return array{id: int, api_token: string, encryption_token: string} */
    private function register(string $name): array
    {
        $this->app['auth']->forgetGuards();
        $response = $this->json('POST', '/api/register', ['name' => $name, 'email' => "$name@example.com", 'password' => 'correct horse'],
            ['Accept' => 'application/json']);
        $response->assertSuccessful();
        KeyContext::clear();
        return ['id' => User::where('name', $name)->value('id')] + $response->json();
    }

    protected function tearDown(): void
    {
        $this->stopRedis();
        parent::tearDown();
    }
}
