<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Support\Facades\DB;
use SodiumCrypt\Key;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Laravel\UserKeys;

/** Server-wrapped (mode-2) user keys across APP_KEY rotations: read under previous keys, rewrapped on first use or by crypto:rewrap-users. */
final class UserKeyRotationTest extends StockAppTestCase
{
    // ---- 3. mode-2 users across rotation ----

    public function test_mode_2_users_open_under_previous_keys_and_are_rewrapped_on_first_use(): void
    {
        $bob = $this->legacyUser('bob');
        $this->api('POST', '/api/secrets', ['label' => 'server-wrapped'], $bob)->assertCreated();
        $this->assertSame(2, User::find($bob['id'])->userEncryptionMode());
        $before = User::find($bob['id'])->encryption_key;

        $this->keys();
        $this->deploy();
        $this->api('GET', '/api/secrets', [], $bob)->assertOk()->assertJsonPath('secrets.0.label', 'server-wrapped');

        // Re-wrapped under the new APP_KEY: the old one is no longer needed for bob.
        $after = User::find($bob['id'])->encryption_key;
        $this->assertNotSame($before, $after);
        $blob = sodium_base642bin($after, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        (new KeyWrap())->unwrapWithServerKey($blob, Key::fromBase64((string) $this->envValue('APP_KEY')), (string) $bob['id']);
        $this->editEnv(['APP_PREVIOUS_KEYS' => null]);
        $this->deploy();
        $this->api('GET', '/api/secrets', [], $bob)->assertOk()->assertJsonPath('secrets.0.label', 'server-wrapped');
    }

    public function test_the_rewrap_on_first_use_is_conditional(): void
    {
        $bob = $this->legacyUser('bob');
        $this->api('POST', '/api/secrets', ['label' => 'x'], $bob)->assertCreated();
        $this->keys();
        $this->deploy();
        $stale = User::find($bob['id']);
        // Another request re-wraps first.
        $this->api('GET', '/api/secrets', [], $bob)->assertOk();
        $winner = DB::table('users')->where('id', $bob['id'])->value('encryption_key');
        // This one, holding the old blob, opens the same key and writes nothing.
        $key = $this->app->make(UserKeys::class)->unlockWithServerKey($stale);
        $this->assertSame($winner, DB::table('users')->where('id', $bob['id'])->value('encryption_key'));
        $this->assertTrue($this->app->make(UserKeys::class)->belongs(User::find($bob['id']), $key));
    }

    public function test_crypto_rewrap_users_moves_every_mode_2_blob_to_the_current_key_and_resumes(): void
    {
        $ids = [];
        foreach (['b1', 'b2', 'b3'] as $name) {
            $u = $this->legacyUser($name);
            $this->api('POST', '/api/secrets', ['label' => $name], $u)->assertCreated();
            $ids[] = $u;
        }
        $this->keys();
        $this->deploy();
        $this->assertSame(0, $this->artisanCall('crypto:rewrap-users', ['--chunk' => 2]), $this->artisanOutput);
        $this->assertStringContainsString('3 re-wrapped', $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:rewrap-users'));
        $this->assertStringContainsString('0 re-wrapped', $this->artisanOutput);
        $this->editEnv(['APP_PREVIOUS_KEYS' => null]);
        $this->deploy();
        foreach ($ids as $u) {
            $this->api('GET', '/api/secrets', [], $u)->assertOk()->assertJsonCount(1, 'secrets');
        }
    }
}
