<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretJob;

/** crypto:status counts what each key still holds; crypto:keys --prune drops only the keys nothing needs. */
final class StatusAndPruneTest extends StockAppTestCase
{
    // ---- status, and dropping keys only when nothing needs them ----

    public function test_status_counts_values_per_key_and_format_and_prune_drops_only_unused_keys(): void
    {
        $this->useLaravelEncrypter(self::APP_KEY);
        User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => 'cbc']);
        $this->keys();
        $this->deploy();
        User::create(['name' => 'b', 'email' => 'b@example.com', 'password' => 'x', 'phone' => 'v1']);
        $old = Key::fromBase64(self::APP_KEY)->id();
        $new = Key::fromBase64((string) $this->envValue('APP_KEY'))->id();

        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertMatchesRegularExpression("/users\\.phone\\s+laravel AES-256-CBC\\s+$old \\(APP_PREVIOUS_KEYS\\[0\\]\\)\\s+1/", $this->artisanOutput);
        $this->assertMatchesRegularExpression("/users\\.phone\\s+v1 aegis-256\\s+$new \\(APP_KEY\\)\\s+1/", $this->artisanOutput);

        $previous = $this->envValue('APP_PREVIOUS_KEYS');
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]));
        $this->assertStringContainsString("$old is still needed by 1 stored value", $this->artisanOutput);
        $this->assertStringContainsString('users.phone (laravel AES-256-CBC): 1, to move: php artisan crypto:reencrypt', $this->artisanOutput);
        $this->assertSame($previous, $this->envValue('APP_PREVIOUS_KEYS'), 'nothing dropped');

        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User']));
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]), $this->artisanOutput);
        $this->assertSame('', (string) $this->envValue('APP_PREVIOUS_KEYS'));
        $this->deploy();
        $this->assertSame(['cbc', 'v1'], User::orderBy('id')->get()->pluck('phone')->all());
    }

    public function test_status_sees_server_wrapped_keys_queued_jobs_and_sessions_and_prune_keeps_their_key(): void
    {
        $bob = $this->legacyUser('bob');
        $this->api('POST', '/api/secrets', ['label' => 'x'], $bob)->assertCreated();   // a mode-2 key under APP_KEY
        $jar = [];
        $this->browse('POST', '/register', ['name' => 'carol', 'email' => 'carol@example.com', 'password' => 'carol password'], $jar)
            ->assertCreated();                                                          // an encrypted session row
        WriteSecretJob::dispatch(User::where('name', 'bob')->first(), 'queued');        // an encrypted queued job
        $this->keys();
        $this->deploy();
        $old = Key::fromBase64(self::APP_KEY)->id();

        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        foreach (['users\\.encryption_key\\s+server-wrapped user key', 'jobs\\.payload\\s+v1 aegis-256', 'sessions\\.payload\\s+v1 aegis-256'] as $what) {
            $this->assertMatchesRegularExpression("/$what\\s+$old \\(APP_PREVIOUS_KEYS\\[0\\]\\)\\s+1\\n/", $this->artisanOutput);
        }
        $previous = $this->envValue('APP_PREVIOUS_KEYS');
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]));
        $this->assertStringContainsString("$old is still needed by 3 stored value(s)", $this->artisanOutput);
        // Each place with what moves it: sessions expire and queues drain, no command re-encrypts them.
        $this->assertStringContainsString('users.encryption_key (server-wrapped user key): 1, to move: php artisan crypto:rewrap-users', $this->artisanOutput);
        $this->assertStringContainsString('jobs.payload (v1 aegis-256): 1, to move: drain the queue', $this->artisanOutput);
        $this->assertStringContainsString('sessions.payload (v1 aegis-256): 1, to move: let the sessions expire', $this->artisanOutput);
        $this->assertSame($previous, $this->envValue('APP_PREVIOUS_KEYS'));

        $this->assertSame(1, $this->artisanCall('crypto:status', ['models' => ['NoSuchModel']]));
        $this->assertStringContainsString('No Eloquent model "NoSuchModel"', $this->artisanOutput);
    }
}
