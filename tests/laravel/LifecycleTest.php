<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\Patient;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretJob;

/**
 * The adoption path of a real app, on a stock Laravel 10 config: data written
 * by Laravel's own AES-256-CBC encrypter, the switch, key rotations with
 * cipher changes, re-encryption, status, dropping old keys. Every step is a
 * deploy (the .env read afresh); nothing written at any step may be lost,
 * and nobody is logged out or locked out.
 */
final class LifecycleTest extends StockAppTestCase
{
    // ---- the whole life ----

    public function test_the_whole_life_of_an_app_loses_nothing(): void
    {
        // Before: Laravel's own encrypter (the package installed, encrypter not yet replaced).
        $this->editEnv(['SODIUM_CRYPT_REPLACE_ENCRYPTER' => 'false']);
        $this->deploy();
        $this->assertInstanceOf(LaravelEncrypter::class, $this->app['encrypter']);
        $this->patientsTable();

        $alice = $this->api('POST', '/api/register', ['name' => 'alice', 'email' => 'alice@example.com', 'password' => 'alice password', 'phone' => '555-0001'])->assertCreated()->json();
        $this->api('POST', '/api/secrets', ['label' => 'alice passport', 'ssn' => '111-11-1111'], $alice)->assertCreated();
        $bob = $this->legacyUser('bob');
        $this->api('POST', '/api/secrets', ['label' => 'bob lease'], $bob)->assertCreated();
        $jar = [];
        $this->browse('POST', '/register', ['name' => 'carol', 'email' => 'carol@example.com', 'password' => 'carol password'], $jar)->assertCreated();
        $this->browse('POST', '/secrets', ['label' => 'carol diary'], $jar)->assertCreated();
        KeyContext::set(KeyContext::fromToken($alice['encryption_token']));
        Patient::create(['ssn' => '111-11-1111']);
        WriteSecretJob::dispatch(User::where('name', 'alice')->first(), 'queued before the switch')->carryUserKey();
        KeyContext::clear();
        $this->assertStringStartsWith('eyJ', DB::table('users')->where('name', 'alice')->value('phone'));

        $everythingReads = function (string $when) use (&$alice, $bob, &$jar): void {
            $this->api('GET', '/api/secrets', [], $alice)->assertOk()->assertJsonPath('secrets.0.label', 'alice passport');
            $this->api('GET', '/api/secrets/search?ssn=111-11-1111', [], $alice)->assertOk()->assertJsonCount(1, 'matches');
            $this->api('GET', '/api/secrets', [], $bob)->assertOk()->assertJsonPath('secrets.0.label', 'bob lease');
            $this->browse('GET', '/secrets', [], $jar)->assertOk()->assertJsonPath('secrets.0.label', 'carol diary');
            $this->assertSame('555-0001', User::where('name', 'alice')->first()->phone, $when);
            $this->assertSame(1, Patient::whereBlindIndex('ssn', '111-11-1111')->count(), $when);
            $login = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'alice password'])->assertOk()->json();
            $this->assertSame($alice['encryption_token'], $login['encryption_token'], $when);
            $alice = $login;
        };

        // The switch.
        $this->editEnv(['SODIUM_CRYPT_REPLACE_ENCRYPTER' => null]);
        $this->deploy();
        $this->assertInstanceOf(\SodiumCrypt\Laravel\Encrypter::class, $this->app['encrypter']);
        $everythingReads('after the switch');

        // Three rotations, the cipher changing in between, new data at each step.
        $steps = [[], ['--cipher' => 'Sodium_XChaCha20Poly1305'], ['--cipher' => 'aegis-128l']];
        foreach ($steps as $i => $options) {
            $this->keys($options);
            $this->deploy();
            $everythingReads("after rotation $i");
            User::create(['name' => "u$i", 'email' => "u$i@example.com", 'password' => 'x', 'phone' => "phone $i"]);
        }

        // The job queued before the switch runs under the third key.
        $this->assertSame(0, $this->artisanCall('queue:work', ['--once' => true, '--stop-when-empty' => true]));
        $this->assertSame(0, DB::table('failed_jobs')->count());
        $this->api('GET', '/api/secrets', [], $alice)->assertJsonCount(2, 'secrets');

        // Re-encrypt, re-wrap, check the status, drop what nothing needs.
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User']), $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:rewrap-users'), $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertStringContainsString('Every value is under APP_KEY', $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--prune' => true, '--force' => true]), $this->artisanOutput);
        $this->assertSame('', (string) $this->envValue('APP_PREVIOUS_KEYS'));
        $this->deploy();
        $everythingReads('after dropping the old keys');
        foreach ($steps as $i => $options) {
            $this->assertSame("phone $i", User::where('name', "u$i")->first()->phone);
        }
    }
}
