<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Support\Facades\DB;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\Patient;
use SodiumCrypt\Laravel\UserKeys;

/**
 * Global blind indexes never depend on APP_KEY; the index key rotated on
 * purpose keeps every row searchable while crypto:reindex moves them, and an
 * interrupted reindex leaves whole rows and resumes.
 */
final class BlindIndexRotationTest extends StockAppTestCase
{
    // ---- 4. global blind indexes do not depend on APP_KEY ----

    public function test_global_blind_indexes_keep_matching_after_rotation(): void
    {
        $this->patientsTable();
        KeyContext::set(Key::generate());
        Patient::create(['ssn' => '123-45-6789']);
        KeyContext::clear();
        $this->keys();
        $this->assertNotNull($this->envValue('BLIND_INDEX_KEY'), 'crypto:keys gave the index key its own line');
        $this->deploy();
        $this->assertSame(1, Patient::whereBlindIndex('ssn', '123-45-6789')->count());
        $this->keys(['--cipher' => 'aegis-128l']);
        $this->deploy();
        $this->assertSame(1, Patient::whereBlindIndex('ssn', '123-45-6789')->count());
    }

    public function test_a_hand_rotated_app_key_without_an_index_key_is_an_error_not_an_empty_result(): void
    {
        $this->patientsTable();
        KeyContext::set(Key::generate());
        Patient::create(['ssn' => '123-45-6789']);
        KeyContext::clear();
        $this->editEnv(['APP_KEY' => self::newKey(), 'APP_PREVIOUS_KEYS' => self::APP_KEY]);
        $this->deploy();
        $this->expectException(\SodiumCrypt\Laravel\Exceptions\InvalidConfiguration::class);
        $this->expectExceptionMessage('BLIND_INDEX_KEY');
        Patient::whereBlindIndex('ssn', '123-45-6789')->count();
    }

    // ---- 4b. the index key itself rotated on purpose ----

    /** A deploy of an app that lists its models with global indexes in sodium-crypt.models. */
    private function deployWithPatients(): void
    {
        $this->deploy();
        $this->app['config']->set('sodium-crypt.models', [Patient::class, User::class]);
    }

    /** A patient row of $user's, under that user's key. */
    private function patientOf(User $user, Key $key, string $ssn): int
    {
        KeyContext::set($key);
        try {
            return Patient::create(['user_id' => $user->id, 'ssn' => $ssn])->id;
        } finally {
            KeyContext::clear();
        }
    }

    private function indexOf(int $patient): string
    {
        return (string) DB::table('patients')->where('id', $patient)->value('ssn_index');
    }

    private static function indexUnder(string $keyText, string $ssn): string
    {
        return bin2hex((new \SodiumCrypt\BlindIndex(Key::fromBase64($keyText)))->compute($ssn, 'ssn'));
    }

    public function test_rotating_the_blind_index_key_keeps_every_row_searchable_and_crypto_reindex_moves_them(): void
    {
        $this->patientsTable();
        $this->keys();
        $this->deployWithPatients();
        $keys = $this->app->make(UserKeys::class);
        $bob = User::create(['name' => 'bob', 'email' => 'bob@example.com', 'password' => 'bob password']);
        $bobRow = $this->patientOf($bob, $keys->enroll($bob), '111-11-1111');
        $ann = User::create(['name' => 'ann', 'email' => 'ann@example.com', 'password' => 'ann password']);
        $annRow = $this->patientOf($ann, $keys->enroll($ann, 'ann password'), '222-22-2222');
        $this->assertSame([2, 1], [$bob->userEncryptionMode(), $ann->userEncryptionMode()]);

        $old = (string) $this->envValue('BLIND_INDEX_KEY');
        $appKey = $this->envValue('APP_KEY');
        $this->keys(['--blind-index' => true]);
        $new = (string) $this->envValue('BLIND_INDEX_KEY');
        $this->assertNotSame($old, $new);
        $this->assertSame($old, $this->envValue('BLIND_INDEX_PREVIOUS_KEYS'));
        $this->assertSame($appKey, $this->envValue('APP_KEY'), '--blind-index rotates the index key only');
        $this->assertStringNotContainsString($new, $this->artisanOutput);
        $this->deployWithPatients();

        // During the transition a search matches rows under either key; new rows are under the new one.
        $this->assertSame(1, Patient::whereBlindIndex('ssn', '111-11-1111')->count());
        $this->assertSame(1, Patient::whereBlindIndex('ssn', '222-22-2222')->count());
        $carl = User::create(['name' => 'carl', 'email' => 'carl@example.com', 'password' => 'x']);
        $carlRow = $this->patientOf($carl, $this->app->make(UserKeys::class)->enroll($carl), '333-33-3333');
        $this->assertSame(self::indexUnder($new, '333-33-3333'), $this->indexOf($carlRow));

        // Offline: every row of a server-wrapped user; password-wrapped users' rows wait for their sign-in.
        $this->assertSame(0, $this->artisanCall('crypto:reindex', ['--chunk' => 1]), $this->artisanOutput);
        $this->assertStringContainsString('1 re-indexed', $this->artisanOutput);
        $this->assertStringContainsString('1 already current', $this->artisanOutput);
        $this->assertStringContainsString('1 row(s) of 1 password-wrapped user(s)', $this->artisanOutput);
        $this->assertSame(self::indexUnder($new, '111-11-1111'), $this->indexOf($bobRow));
        $this->assertSame(self::indexUnder($old, '222-22-2222'), $this->indexOf($annRow));
        $this->assertFalse(KeyContext::has(), 'no user key is left in the context');

        // Again: nothing left to do for the server-wrapped rows.
        $this->assertSame(0, $this->artisanCall('crypto:reindex'), $this->artisanOutput);
        $this->assertStringContainsString('0 re-indexed, 2 already current', $this->artisanOutput);

        // Ann signs in: her rows move under the new key on the way.
        $this->api('POST', '/api/login', ['email' => 'ann@example.com', 'password' => 'ann password'])->assertOk();
        $this->assertSame(self::indexUnder($new, '222-22-2222'), $this->indexOf($annRow));

        $this->editEnv(['BLIND_INDEX_PREVIOUS_KEYS' => null]);
        $this->deployWithPatients();
        foreach (['111-11-1111', '222-22-2222', '333-33-3333'] as $ssn) {
            $this->assertSame(1, Patient::whereBlindIndex('ssn', $ssn)->count(), $ssn);
        }
    }

    public function test_a_value_that_does_not_open_stops_neither_crypto_reindex_nor_its_owners_sign_in(): void
    {
        $this->patientsTable();
        $this->keys();
        $this->deployWithPatients();
        $keys = $this->app->make(UserKeys::class);
        $bob = User::create(['name' => 'bob', 'email' => 'bob@example.com', 'password' => 'bob password']);
        $bobKey = $keys->enroll($bob);
        $bobBad = $this->patientOf($bob, $bobKey, '111-11-1111');
        $bobGood = $this->patientOf($bob, $bobKey, '111-11-2222');
        $ann = User::create(['name' => 'ann', 'email' => 'ann@example.com', 'password' => 'ann password']);
        $annKey = $keys->enroll($ann, 'ann password');
        $annBad = $this->patientOf($ann, $annKey, '222-22-1111');
        $annGood = $this->patientOf($ann, $annKey, '222-22-2222');
        // Each owner has one value that no longer opens under their key (a restore gone wrong, a bad edit).
        foreach ([$bobBad, $annBad] as $id) {
            $ssn = (string) DB::table('patients')->where('id', $id)->value('ssn');
            DB::table('patients')->where('id', $id)->update(['ssn' => substr($ssn, 0, -4).strrev(substr($ssn, -4))]);
        }
        $this->keys(['--blind-index' => true]);
        $new = (string) $this->envValue('BLIND_INDEX_KEY');
        $this->deployWithPatients();

        $this->assertSame(1, $this->artisanCall('crypto:reindex', ['--chunk' => 1]), $this->artisanOutput);
        $this->assertStringContainsString('1 re-indexed', $this->artisanOutput);
        $this->assertStringContainsString("1 row(s) cannot be re-indexed (patients ids $bobBad)", $this->artisanOutput);
        $this->assertSame(self::indexUnder($new, '111-11-2222'), $this->indexOf($bobGood));
        $this->assertFalse(KeyContext::has());

        // Ann signs in: her readable row moves, the other stays as it was, and she is signed in.
        $before = $this->indexOf($annBad);
        $this->api('POST', '/api/login', ['email' => 'ann@example.com', 'password' => 'ann password'])->assertOk();
        $this->assertSame(self::indexUnder($new, '222-22-2222'), $this->indexOf($annGood));
        $this->assertSame($before, $this->indexOf($annBad));
    }

    public function test_crypto_reindex_interrupted_leaves_whole_rows_and_resumes(): void
    {
        $this->patientsTable();
        $this->keys();
        $this->deployWithPatients();
        $keys = $this->app->make(UserKeys::class);
        $rows = [];
        foreach (['a', 'b', 'c'] as $i => $name) {
            $u = User::create(['name' => $name, 'email' => "$name@example.com", 'password' => 'x']);
            $rows[] = $this->patientOf($u, $keys->enroll($u), "00$i-00-0000");
        }
        $orphan = DB::table('patients')->insertGetId(['user_id' => null, 'ssn' => 'sc1.x', 'ssn_index' => str_repeat('0', 64)]);
        $this->keys(['--blind-index' => true]);
        $new = (string) $this->envValue('BLIND_INDEX_KEY');
        $this->deployWithPatients();

        // The process dies in its second chunk.
        $updates = 0;
        DB::listen(function ($query) use (&$updates) {
            if (preg_match('/^update [`"]?patients\b/i', $query->sql) && ++$updates === 2) {
                throw new \RuntimeException('killed');
            }
        });
        try {
            $this->artisanCall('crypto:reindex', ['--chunk' => 1]);
            $this->fail('the command was not interrupted');
        } catch (\RuntimeException $e) {
            $this->assertSame('killed', $e->getMessage());
        }
        KeyContext::clear();
        $this->assertSame(self::indexUnder($new, '000-00-0000'), $this->indexOf($rows[0]), 'the first chunk is committed');
        $this->assertSame(self::indexUnder((string) $this->envValue('BLIND_INDEX_PREVIOUS_KEYS'), '001-00-0000'), $this->indexOf($rows[1]), 'the second is rolled back whole');

        $this->deployWithPatients();
        $this->assertSame(1, $this->artisanCall('crypto:reindex'), 'a row with no owner fails the run');
        $this->assertStringContainsString('2 re-indexed, 1 already current', $this->artisanOutput);
        $this->assertStringContainsString("1 row(s) cannot be re-indexed (patients ids $orphan)", $this->artisanOutput);
        foreach ($rows as $i => $id) {
            $this->assertSame(self::indexUnder($new, "00$i-00-0000"), $this->indexOf($id));
        }
    }
}
