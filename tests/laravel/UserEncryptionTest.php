<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\Secret;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Auth\Events\PasswordReset;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use Illuminate\Testing\TestResponse;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Facades\UserCrypt;
use SodiumCrypt\Laravel\Tests\Fixtures\Patient;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretJob;
use SodiumCrypt\Laravel\UserKeys;
use SodiumCrypt\MissingKeyContext;

/** Per-user encryption through real HTTP requests to the skeleton's routes. */
final class UserEncryptionTest extends TestCase
{
    private function api(string $method, string $uri, array $data = [], ?array $auth = null, ?string $encToken = null): TestResponse
    {
        $headers = ['Accept' => 'application/json'];
        if ($auth) {
            $headers['Authorization'] = 'Bearer '.$auth['api_token'];
        }
        if ($encToken ?? $auth['encryption_token'] ?? null) {
            $headers['X-Encryption-Token'] = $encToken ?? $auth['encryption_token'];
        }
        $this->app['auth']->forgetGuards(); // each request authenticates afresh, as over HTTP
        $response = $this->json($method, $uri, $data, $headers);
        $this->assertFalse(KeyContext::has(), "the key context is empty after $method $uri");
        return $response;
    }

    /** The wrapped key as stored (base64url text) decoded. */
    private static function blob(User $user): string
    {
        return sodium_base642bin($user->encryption_key, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
    }

    private function register(string $name, string $password = 'correct horse'): array
    {
        return $this->api('POST', '/api/register', ['name' => $name, 'email' => "$name@example.com", 'password' => $password])
            ->assertCreated()->json();
    }

    public function test_register_store_search_login_again_and_read_back(): void
    {
        $alice = $this->register('alice');
        $this->assertSame(1, $alice['key_mode']);
        $this->assertSame(43, strlen($alice['encryption_token']));

        $this->api('POST', '/api/secrets', ['label' => 'passport', 'ssn' => '123-45-6789', 'notes' => ['kids' => 2]], $alice)->assertCreated();
        $this->api('POST', '/api/secrets', ['label' => 'other', 'ssn' => '987-65-4321'], $alice)->assertCreated();

        // Stored: ciphertext under alice's key, a hex index, nothing in the clear.
        $row = DB::table('secrets')->first();
        foreach (['label', 'ssn', 'notes'] as $column) {
            $this->assertStringStartsWith('sc1.', $row->{$column});
        }
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $row->ssn_index);
        $this->assertStringNotContainsString('123-45', json_encode(DB::table('secrets')->get()));

        $this->api('GET', '/api/secrets/search?ssn='.urlencode(' 123-45-6789 '), [], $alice)
            ->assertOk()->assertJsonPath('matches.0.label', 'passport')->assertJsonCount(1, 'matches');

        // A second login: a new API token, the same encryption token.
        $again = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'correct horse'])->assertOk()->json();
        $this->assertSame($alice['encryption_token'], $again['encryption_token']);
        $this->api('GET', '/api/secrets', [], $again)->assertOk()
            ->assertJsonPath('secrets.0.ssn', '123-45-6789')->assertJsonPath('secrets.0.notes', ['kids' => 2]);

        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'wrong'])->assertStatus(422);
    }

    public function test_web_routes_carry_the_token_in_an_http_only_encrypted_cookie(): void
    {
        $jar = [];
        $response = $this->browse('POST', '/register', ['name' => 'web', 'email' => 'web@example.com', 'password' => 'correct horse'], $jar)->assertCreated();
        $cookie = collect($response->headers->getCookies())->first(fn ($c) => $c->getName() === 'enc_token');
        $this->assertTrue($cookie->isHttpOnly());
        $this->assertStringStartsWith('sc1.', $cookie->getValue(), 'encrypted by EncryptCookies');

        $this->browse('POST', '/secrets', ['label' => 'web secret', 'ssn' => '111-11-1111'], $jar)->assertCreated();
        $this->browse('GET', '/secrets/search', ['ssn' => '111-11-1111'], $jar)->assertOk()->assertJsonPath('matches.0.label', 'web secret');

        // Signed in, but without the token: asked for it, nothing written.
        $withoutToken = array_diff_key($jar, ['enc_token' => 1]);
        $this->browse('POST', '/secrets', ['label' => 'no'], $withoutToken)->assertStatus(401);
        $this->assertSame(1, Secret::count());

        $this->browse('POST', '/logout', [], $jar)->assertOk();
        $this->assertArrayNotHasKey('enc_token', $jar);
        $this->browse('GET', '/secrets', [], $jar)->assertStatus(401);
        $this->browse('POST', '/login', ['email' => 'web@example.com', 'password' => 'correct horse'], $jar)->assertOk();
        $this->browse('GET', '/secrets', [], $jar)->assertOk()->assertJsonPath('secrets.0.ssn', '111-11-1111');
    }

    public function test_a_foreign_or_garbled_token_is_refused_and_writes_nothing(): void
    {
        $alice = $this->register('alice');
        $bob = $this->register('bob');
        $this->api('POST', '/api/secrets', ['label' => 'a'], $alice)->assertCreated();
        $rows = DB::table('secrets')->count();
        $users = DB::table('users')->get()->toJson();

        $tokens = [
            'bob\'s token' => [$bob['encryption_token'], 403],
            'random key' => [KeyContext::toToken(Key::generate()), 403],
            'garbled' => ['%%%not-a-token', 400],
            'too short' => [substr($alice['encryption_token'], 0, 20), 400],
            'flipped char' => [($alice['encryption_token'][0] === 'A' ? 'B' : 'A').substr($alice['encryption_token'], 1), 403],
        ];
        foreach ($tokens as $what => [$token, $status]) {
            $this->api('POST', '/api/secrets', ['label' => 'must not be written', 'ssn' => '1'], $alice, $token)->assertStatus($status);
            $this->api('GET', '/api/secrets', [], $alice, $token)->assertStatus($status);
        }
        $this->api('POST', '/api/secrets', ['label' => 'x'], ['api_token' => $alice['api_token']])->assertStatus(401);
        $this->assertSame($rows, DB::table('secrets')->count());
        $this->assertSame($users, DB::table('users')->get()->toJson(), 'no user row changed');
    }

    public function test_each_user_sees_only_their_own_data(): void
    {
        $alice = $this->register('alice');
        $bob = $this->register('bob');
        $this->api('POST', '/api/secrets', ['label' => 'alice only', 'ssn' => '123-45-6789'], $alice)->assertCreated();
        $this->api('POST', '/api/secrets', ['label' => 'bob only', 'ssn' => '123-45-6789'], $bob)->assertCreated();
        $this->api('GET', '/api/secrets', [], $bob)->assertJsonCount(1, 'secrets')->assertJsonPath('secrets.0.label', 'bob only');
        // Same SSN, different users: different per-user indexes.
        $this->assertCount(2, DB::table('secrets')->distinct()->pluck('ssn_index'));
    }

    public function test_a_user_without_a_key_is_enrolled_in_mode_2_and_promoted_at_login(): void
    {
        $user = User::create(['name' => 'legacy', 'email' => 'legacy@example.com', 'password' => 'correct horse']);
        $token = 'legacy-api-token';
        $user->forceFill(['api_token' => hash('sha256', $token)])->save();
        $auth = ['api_token' => $token];

        $this->api('POST', '/api/secrets', ['label' => 'auto'], $auth)->assertCreated();
        $this->assertSame(2, $user->fresh()->userEncryptionMode());
        $this->api('GET', '/api/secrets', [], $auth)->assertJsonPath('secrets.0.label', 'auto');

        $login = $this->api('POST', '/api/login', ['email' => 'legacy@example.com', 'password' => 'correct horse'])->json();
        $this->assertSame(1, $login['key_mode']);
        $this->assertSame(97, strlen(self::blob($user->fresh())), 'promoted to mode 3 (Argon2 limits recorded)');
        $this->api('GET', '/api/secrets', [], $login)->assertJsonPath('secrets.0.label', 'auto');
        $this->api('GET', '/api/secrets', [], ['api_token' => $login['api_token']])->assertStatus(401);
    }

    public function test_changing_the_argon2_limits_locks_nobody_out_and_sign_in_upgrades_the_blob(): void
    {
        $this->app['config']->set('sodium-crypt.user.argon2_opslimit', 1);
        $this->app['config']->set('sodium-crypt.user.argon2_memlimit', 65536);
        $this->app->forgetInstance(UserKeys::class);
        $alice = $this->register('alice');
        $this->api('POST', '/api/secrets', ['label' => 'kept'], $alice)->assertCreated();
        $this->assertSame([1, 64], array_values(unpack('V2', substr(self::blob(User::first()), 1, 8))));

        // The operator raises the limits (sodium_crypt.argon2_* or the config).
        $this->app['config']->set('sodium-crypt.user.argon2_opslimit', 2);
        $this->app['config']->set('sodium-crypt.user.argon2_memlimit', 131072);
        $this->app->forgetInstance(UserKeys::class);
        $login = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'correct horse'])->assertOk()->json();
        $this->assertSame($alice['encryption_token'], $login['encryption_token']);
        $this->api('GET', '/api/secrets', [], $login)->assertJsonPath('secrets.0.label', 'kept');
        $this->assertSame([2, 128], array_values(unpack('V2', substr(self::blob(User::first()), 1, 8))), 're-wrapped under the new limits at sign-in');

        // A laravel-crypto mode-1 blob (no limits recorded) opens under the configured limits and is upgraded.
        $user = User::first();
        $key = KeyContext::fromToken($alice['encryption_token']);
        $legacy = sodium_bin2base64(self::mode1Blob($key, 'correct horse', 2, 131072), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        DB::table('users')->where('id', $user->id)->update(['encryption_key' => $legacy]);
        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'correct horse'])->assertOk()
            ->assertJsonPath('encryption_token', $alice['encryption_token']);
        $this->assertSame(97, strlen(self::blob(User::first())));
    }

    /** laravel-crypto's mode-1 blob, written here from its definition with ext/sodium. */
    private static function mode1Blob(Key $key, string $password, int $ops, int $mem): string
    {
        $salt = random_bytes(16);
        $nonce = random_bytes(24);
        $kek = sodium_crypto_pwhash(32, $password, $salt, $ops, $mem, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13);
        return "\x01".$salt.$nonce.sodium_crypto_aead_xchacha20poly1305_ietf_encrypt($key->exportBytes(), $salt.$nonce, $nonce, $kek);
    }

    public function test_the_wrapped_key_never_leaves_the_server_in_arrays_or_json(): void
    {
        $alice = $this->register('alice');
        $user = User::first();
        $this->assertNotNull($user->encryption_key);
        $me = $this->api('GET', '/api/me', [], $alice)->assertOk();
        foreach ([$me->getContent(), json_encode($user), $user->toJson(), json_encode(User::all()), json_encode($user->toArray())] as $json) {
            $this->assertStringContainsString('alice@example.com', $json);
            $this->assertStringNotContainsString('encryption_key', $json);
            $this->assertStringNotContainsString($user->encryption_key, $json);
            $this->assertStringNotContainsString((string) $user->encryption_key_check, $json);
        }
    }

    public function test_enrolment_is_conditional_so_concurrent_first_requests_share_one_key(): void
    {
        $user = User::create(['name' => 'late', 'email' => 'late@example.com', 'password' => 'correct horse']);
        $stale = User::find($user->id); // another request read the row before the key existed
        $keys = $this->app->make(UserKeys::class);
        $first = $keys->enroll($user);
        $blob = DB::table('users')->where('id', $user->id)->value('encryption_key');
        $second = $keys->enroll($stale);
        $this->assertTrue($first->equals($second), 'the second enrolment returns the key the first wrote');
        $this->assertSame($blob, DB::table('users')->where('id', $user->id)->value('encryption_key'), 'and writes nothing');
        $this->assertSame($blob, $stale->encryption_key);
        $this->assertTrue($keys->enroll(User::find($user->id), 'correct horse')->equals($first), 'also when enrolling with a password');
    }

    // ---- a password reset while logged out: recovery, or an acknowledged reset ----

    /** Laravel's own forgot-password reset, from a request without the user's key. */
    private function forgotPasswordReset(string $email, string $newPassword): void
    {
        $user = User::where('email', $email)->first();
        // A request of its own, signed out (the reset form).
        $this->app->instance('request', \Illuminate\Http\Request::create('/reset-password', 'POST'));
        $this->app['auth']->forgetGuards();
        $status = \Illuminate\Support\Facades\Password::reset(
            ['email' => $email, 'password' => $newPassword, 'password_confirmation' => $newPassword,
                'token' => \Illuminate\Support\Facades\Password::createToken($user)],
            function (User $user, string $password) {
                $user->forceFill(['password' => $password])->save();
                event(new PasswordReset($user));
            });
        $this->assertSame(\Illuminate\Support\Facades\Password::PASSWORD_RESET, $status);
        $this->assertFalse(KeyContext::has());
    }

    public function test_login_after_a_logged_out_reset_is_a_clear_409_and_no_session(): void
    {
        $alice = $this->register('alice', 'first password');
        $this->api('POST', '/api/secrets', ['label' => 'kept'], $alice)->assertCreated();
        $this->forgotPasswordReset('alice@example.com', 'reset password');

        $jar = [];
        $this->browse('POST', '/login', ['email' => 'alice@example.com', 'password' => 'reset password'], $jar)
            ->assertStatus(409)->assertJsonPath('recovery_code_set', true)
            ->assertJsonPath('message', fn ($m) => str_contains($m, 'recovery code'));
        $this->browse('GET', '/secrets', [], $jar)->assertStatus(401);
        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'reset password'])->assertStatus(409);
        // A plainly wrong password is still just that.
        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'first password'])->assertStatus(422);

        // An app that signs the user in first (Auth::attempt, as Breeze does) is signed out again.
        $this->app['auth']->forgetGuards();
        \Illuminate\Support\Facades\Auth::shouldUse('web');
        $this->assertTrue(\Illuminate\Support\Facades\Auth::attempt(['email' => 'alice@example.com', 'password' => 'reset password']));
        try {
            User::where('email', 'alice@example.com')->first()->issueEncryptionToken('reset password');
            $this->fail('no EncryptionLocked');
        } catch (\SodiumCrypt\Laravel\Exceptions\EncryptionLocked $e) {
            $this->assertTrue($e->recoveryCodeSet);
        }
        $this->assertFalse(\Illuminate\Support\Facades\Auth::check(), 'nobody stays signed in without a key');
    }

    public function test_a_recovery_code_restores_access_after_a_logged_out_reset(): void
    {
        $alice = $this->register('alice', 'first password');
        $this->assertMatchesRegularExpression('/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/', $alice['recovery_code']);
        $this->api('POST', '/api/secrets', ['label' => 'kept', 'ssn' => '123-45-6789'], $alice)->assertCreated();
        $this->forgotPasswordReset('alice@example.com', 'reset password');

        $recover = ['email' => 'alice@example.com', 'password' => 'reset password'];
        $this->api('POST', '/api/encryption/recover', $recover + ['recovery_code' => str_repeat('AAAA-', 7).'AAAA'])->assertStatus(422);
        $before = User::first()->encryption_key;
        $this->assertSame($before, User::first()->encryption_key, 'a wrong code changes nothing');

        $done = $this->api('POST', '/api/encryption/recover', $recover + ['recovery_code' => strtolower(str_replace('-', ' ', $alice['recovery_code']))])
            ->assertOk()->json();
        $this->assertSame($alice['encryption_token'], $done['encryption_token'], 'the same key, restored');
        // A recovery code works once: used, it is gone (the app shows a new one).
        $this->api('POST', '/api/encryption/recover', $recover + ['recovery_code' => $alice['recovery_code']])->assertStatus(422);
        $this->assertNotSame($alice['recovery_code'], $done['recovery_code'] ?? null);
        $this->assertTrue($this->app->make(UserKeys::class)->unlockWithRecoveryCode(User::first(), $done['recovery_code'])
            ->equals(KeyContext::fromToken($done['encryption_token'])), 'the new code opens the same key');
        $login = $this->api('POST', '/api/login', $recover)->assertOk()->json();
        $this->api('GET', '/api/secrets', [], $login)->assertOk()->assertJsonPath('secrets.0.label', 'kept');
        $this->api('GET', '/api/secrets/search?ssn=123-45-6789', [], $login)->assertJsonCount(1, 'matches');

        // A new code replaces the old one.
        $code = $this->api('POST', '/api/encryption/recovery-code', [], $login)->assertOk()->json('recovery_code');
        $this->assertNotSame($alice['recovery_code'], $code);
        $this->assertTrue($this->app->make(UserKeys::class)->unlockWithRecoveryCode(User::first(), $code)->equals(KeyContext::fromToken($login['encryption_token'])));
        $this->expectException(\SodiumCrypt\Laravel\Exceptions\InvalidRecoveryCode::class);
        $this->app->make(UserKeys::class)->unlockWithRecoveryCode(User::first(), $alice['recovery_code']);
    }

    public function test_without_a_recovery_code_only_an_acknowledged_reset_unlocks_and_it_says_what_is_lost(): void
    {
        $alice = $this->register('alice', 'first password');
        $this->api('POST', '/api/secrets', ['label' => 'lost'], $alice)->assertCreated();
        $this->forgotPasswordReset('alice@example.com', 'reset password');
        $auth = ['email' => 'alice@example.com', 'password' => 'reset password'];

        $this->api('POST', '/api/encryption/reset', $auth)->assertStatus(422)
            ->assertJsonPath('message', fn ($m) => str_contains($m, 'cannot be read'));
        $this->assertSame(1, DB::table('secrets')->count());
        $reset = $this->api('POST', '/api/encryption/reset', $auth + ['acknowledge_data_loss' => true])->assertOk()->json();
        $this->assertNotSame($alice['encryption_token'], $reset['encryption_token']);
        $this->assertSame(0, DB::table('secrets')->count(), 'the app drops what the old key encrypted (UserEncryptionReset)');
        $login = $this->api('POST', '/api/login', $auth)->assertOk()->json();
        $this->api('GET', '/api/secrets', [], $login)->assertOk()->assertJsonCount(0, 'secrets');
        $this->api('POST', '/api/secrets', ['label' => 'new'], $login)->assertCreated();
    }

    public function test_sign_in_needs_no_blind_index_key_when_no_index_key_is_being_rotated(): void
    {
        // A 16-byte APP_KEY (AEGIS-128L) and no BLIND_INDEX_KEY: no global index can exist, and
        // nothing about signing in may depend on one.
        $this->useCrypt('Sodium_AEGIS128LGCM', 'base64:'.base64_encode(random_bytes(16)));
        $this->app->forgetInstance(UserKeys::class);
        $this->app->forgetInstance(\SodiumCrypt\Laravel\BlindIndexes::class);
        $alice = $this->register('alice');
        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'correct horse'])->assertOk()
            ->assertJsonPath('encryption_token', $alice['encryption_token']);
    }

    public function test_password_change_rewraps_the_same_key(): void
    {
        $alice = $this->register('alice', 'first password');
        $this->api('POST', '/api/secrets', ['label' => 'kept'], $alice)->assertCreated();
        $this->api('POST', '/api/password', ['current_password' => 'first password', 'new_password' => 'second password'], $alice)
            ->assertOk()->assertJsonPath('key_mode', 1);

        $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'first password'])->assertStatus(422);
        $login = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'second password'])->assertOk()->json();
        $this->assertSame($alice['encryption_token'], $login['encryption_token']);
        $this->api('GET', '/api/secrets', [], $login)->assertJsonPath('secrets.0.label', 'kept');

        $user = User::first();
        $this->expectException(\SodiumCrypt\DecryptionFailed::class);
        $this->app->make(UserKeys::class)->unlockWithPassword($user, 'first password');
    }

    public function test_rewrap_with_the_old_password_and_promotion_keep_one_key(): void
    {
        $alice = $this->register('alice', 'first password');
        $user = User::first();
        $user->rewrapUserEncryption('first password', 'second password');
        $keys = $this->app->make(UserKeys::class);
        $this->assertSame($alice['encryption_token'], $user->encodeEncryptionToken($keys->unlockWithPassword($user->fresh(), 'second password')));
        try {
            $user->fresh()->rewrapUserEncryption('wrong password', 'third password');
            $this->fail('re-wrapped with a wrong password');
        } catch (\SodiumCrypt\DecryptionFailed) {
            $this->assertSame($user->encryption_key, $user->fresh()->encryption_key, 'the blob is unchanged');
        }
    }

    public function test_password_reset_keeps_data_readable_through_the_server_key(): void
    {
        $alice = $this->register('alice', 'first password');
        $this->api('POST', '/api/secrets', ['label' => 'kept'], $alice)->assertCreated();
        $user = User::first();
        KeyContext::set(KeyContext::fromToken($alice['encryption_token']));
        event(new PasswordReset($user));
        KeyContext::clear();
        $this->assertSame(2, $user->fresh()->userEncryptionMode());
        $user->fresh()->forceFill(['password' => 'reset password'])->save();
        $login = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => 'reset password'])->json();
        $this->assertSame($alice['encryption_token'], $login['encryption_token']);
        $this->assertSame(1, $login['key_mode']);
    }

    public function test_user_crypt_facade_and_laravel_crypto_per_user_payloads(): void
    {
        $key = Key::generate();
        KeyContext::set($key);
        $this->assertSame('x', UserCrypt::decryptString(UserCrypt::encryptString('x')));
        $this->assertSame(['a' => [1]], UserCrypt::decrypt(UserCrypt::encrypt(['a' => [1]])));
        $this->assertSame(UserCrypt::blindIndex('A@B.c ', 'email'), UserCrypt::blindIndex('a@b.c', 'email'));
        $this->assertCount(2, UserCrypt::blindIndexMany(['x', 'y'], 'email'));

        // laravel-crypto's per-user format: Laravel AES-256-CBC payloads under the user key.
        $legacy = (new LaravelEncrypter($key->exportBytes(), 'AES-256-CBC'))->encryptString('from laravel-crypto');
        $this->assertSame('from laravel-crypto', UserCrypt::decryptString($legacy));

        KeyContext::clear();
        $this->expectException(MissingKeyContext::class);
        UserCrypt::encryptString('no key, no write');
    }

    public function test_casts_without_a_key_write_nothing(): void
    {
        $user = User::create(['name' => 'n', 'email' => 'n@example.com', 'password' => 'correct horse']);
        try {
            $user->secrets()->create(['label' => 'x', 'ssn' => '123-45-6789']);
            $this->fail('written without a key');
        } catch (MissingKeyContext) {
            $this->assertSame(0, Secret::count());
        }
    }

    public function test_a_failing_cast_keeps_the_value_out_of_the_trace(): void
    {
        // The extension's own exceptions never carry arguments; this one is PHP's
        // (invalid UTF-8 for JSON), made while the package's frames hold the value.
        $user = User::create(['name' => 'n', 'email' => 'n@example.com', 'password' => 'correct horse']);
        KeyContext::set(Key::generate());
        $ignoreArgs = ini_set('zend.exception_ignore_args', '0'); // as on a development box
        try {
            $user->secrets()->create(['label' => 'x', 'notes' => ['ssn' => "123-45-6789 \xff"]]);
            $this->fail('invalid UTF-8 was encoded');
        } catch (\JsonException $e) {
            $ours = array_filter($e->getTrace(), static fn (array $f) => str_starts_with($f['class'] ?? '', 'SodiumCrypt\\Laravel\\'));
            $this->assertGreaterThanOrEqual(2, count($ours), 'encode() and set() at least');
            foreach ($ours as $frame) {
                $this->assertArrayHasKey('args', $frame);
                $this->assertStringNotContainsString('123-45-6789', print_r($frame['args'], true), $frame['class'].'::'.$frame['function']);
            }
            $this->assertSame(0, Secret::count());
        } finally {
            ini_set('zend.exception_ignore_args', (string) $ignoreArgs);
        }
    }

    public function test_global_blind_index_finds_rows_across_users(): void
    {
        Schema::create('patients', function ($table) {
            $table->id();
            $table->text('ssn');
            $table->char('ssn_index', 64)->index();
        });
        foreach (['123-45-6789', '555-55-5555'] as $ssn) {
            KeyContext::set(Key::generate());
            Patient::create(['ssn' => $ssn]);
            KeyContext::clear();
        }
        KeyContext::set(Key::generate());
        $this->assertSame(1, Patient::whereBlindIndex('ssn', '123-45-6789 ')->count());
        $this->assertSame(0, Patient::whereBlindIndex('ssn', '000-00-0000')->count());
        $this->expectException(\InvalidArgumentException::class);
        Patient::whereBlindIndex('id', '1');
    }

    public function test_queued_jobs_are_encrypted_and_carry_the_user_key(): void
    {
        $alice = $this->register('alice');
        $user = User::first();
        KeyContext::set(KeyContext::fromToken($alice['encryption_token']));
        WriteSecretJob::dispatch($user, 'from the queue')->carryUserKey();
        KeyContext::clear();

        $payload = json_decode(DB::table('jobs')->value('payload'), true);
        $this->assertStringStartsWith('sc1.', $payload['data']['command'], 'ShouldBeEncrypted through the extension');
        $this->assertStringNotContainsString($alice['encryption_token'], DB::table('jobs')->value('payload'));

        $this->assertSame(0, $this->artisanCall('queue:work', ['--once' => true, '--stop-when-empty' => true]));
        $this->assertFalse(KeyContext::has());
        $this->assertSame(0, DB::table('failed_jobs')->count());
        $this->api('GET', '/api/secrets', [], $alice)->assertJsonPath('secrets.0.label', 'from the queue');
    }

    public function test_a_file_on_the_per_user_disk_streams_to_its_owner_and_the_key_goes_with_the_body(): void
    {
        $this->app['config']->set('filesystems.disks.local-user-files.root', $this->envDir.'/user-files');
        $alice = $this->register('alice');
        $bytes = random_bytes(150_000);
        $headers = ['Authorization' => 'Bearer '.$alice['api_token'], 'X-Encryption-Token' => $alice['encryption_token'], 'Accept' => 'application/json'];
        $this->app['auth']->forgetGuards();
        $this->call('POST', '/api/files?name=scan.bin', [], [], [], $this->transformHeadersToServerVars($headers), $bytes)->assertCreated();
        KeyContext::clear();

        // As public/index.php runs a request: handle, send the body, terminate.
        $this->app['auth']->forgetGuards();
        $kernel = $this->app->make(\Illuminate\Contracts\Http\Kernel::class);
        $request = \Illuminate\Http\Request::create('/api/files/scan.bin', 'GET', [], [], [], $this->transformHeadersToServerVars($headers));
        $response = $kernel->handle($request);
        $this->assertSame(200, $response->getStatusCode());
        $this->assertTrue(KeyContext::has(), 'the body is not written yet: the key waits for it');
        ob_start();
        $response->sendContent();
        $body = ob_get_clean();
        $this->assertFalse(KeyContext::has(), 'the key is gone once the body is written');
        $kernel->terminate($request, $response);
        $this->assertSame(strlen($bytes), strlen($body));
        $this->assertTrue($bytes === $body, 'the file as uploaded');
        (new \Illuminate\Filesystem\Filesystem())->deleteDirectory($this->envDir.'/user-files');
    }

    public function test_the_key_check_binds_a_key_to_its_user(): void
    {
        $alice = $this->register('alice');
        $bob = $this->register('bob');
        $keys = $this->app->make(UserKeys::class);
        $aliceKey = KeyContext::fromToken($alice['encryption_token']);
        $this->assertTrue($keys->belongs(User::find(1), $aliceKey));
        $this->assertFalse($keys->belongs(User::find(2), $aliceKey));
        // Copying alice's blob and check onto bob does not make her key his: the check covers the user id.
        User::find(2)->forceFill(['encryption_key' => User::find(1)->encryption_key, 'encryption_key_check' => User::find(1)->encryption_key_check])->save();
        $this->api('GET', '/api/secrets', [], ['api_token' => $bob['api_token']], $alice['encryption_token'])->assertStatus(403);
    }

    public function test_the_middleware_itself_clears_the_context_even_when_the_route_throws(): void
    {
        // Called directly: no kernel terminate, no request shutdown, as in a long-lived worker.
        $alice = $this->register('alice');
        $request = \Illuminate\Http\Request::create('/x', 'GET', [], [], [], ['HTTP_X_ENCRYPTION_TOKEN' => $alice['encryption_token']]);
        $request->setUserResolver(fn () => User::first());
        $middleware = $this->app->make(\SodiumCrypt\Laravel\Http\Middleware\BootPerUserEncryption::class);
        $seen = null;
        $middleware->handle($request, function () use (&$seen) {
            $seen = KeyContext::get()->id();
            return response('ok');
        });
        $this->assertSame(KeyContext::fromToken($alice['encryption_token'])->id(), $seen);
        $this->assertFalse(KeyContext::has());
        try {
            $middleware->handle($request, fn () => throw new \RuntimeException('route failed'));
            $this->fail('the exception was swallowed');
        } catch (\RuntimeException) {
            $this->assertFalse(KeyContext::has());
        }
    }
}
