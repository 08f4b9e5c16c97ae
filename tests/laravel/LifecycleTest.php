<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use App\Models\User;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Keyring;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Laravel\Tests\Fixtures\Patient;
use SodiumCrypt\Laravel\Tests\Fixtures\WriteSecretJob;
use SodiumCrypt\Laravel\UserKeys;
use SodiumCrypt\PayloadFormat;

/**
 * The adoption path of a real app, on a stock Laravel 10 config: data written
 * by Laravel's own AES-256-CBC encrypter, the switch, key rotations with
 * cipher changes, re-encryption, status, dropping old keys. Every step is a
 * deploy (the .env read afresh); nothing written at any step may be lost,
 * and nobody is logged out or locked out.
 */
final class LifecycleTest extends StockAppTestCase
{
    private function patientsTable(): void
    {
        Schema::create('patients', function ($table) {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn');
            $table->char('ssn_index', 64)->index();
        });
    }

    private function keys(array $options = []): void
    {
        $this->assertSame(0, $this->artisanCall('crypto:keys', $options + ['--force' => true]), $this->artisanOutput);
    }

    // ---- 1. previous keys come from APP_PREVIOUS_KEYS, config or not ----

    public function test_previous_keys_are_read_from_the_env_on_a_stock_laravel_10_config(): void
    {
        $old = self::newKey();
        $id = DB::table('users')->insertGetId(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x',
            'phone' => (new LaravelEncrypter(self::raw($old), 'AES-256-CBC'))->encryptString('555-0100')]);
        $this->editEnv(['APP_PREVIOUS_KEYS' => $old]);
        $this->deploy();
        $this->assertArrayNotHasKey('previous_keys', require __DIR__.'/Fixtures/stock-laravel-10-config/app.php');
        $this->assertSame('555-0100', User::find($id)->phone);
        $this->assertSame([self::raw($old)], Crypt::getPreviousKeys());
        // In the repository itself, which is what config:cache writes out.
        $this->assertSame([$old], $this->app['config']->all()['app']['previous_keys']);
    }

    public function test_crypto_keys_keeps_every_old_row_readable_on_a_stock_laravel_10_config(): void
    {
        $this->useLaravelEncrypter(self::APP_KEY);
        $user = User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'secret123', 'phone' => '555-0101']);
        $this->keys();
        $this->deploy();
        $this->assertSame('555-0101', User::find($user->id)->phone);
    }

    // ---- 2. cookies and sessions survive rotation on Laravel 10 ----

    public function test_cookies_and_sessions_survive_crypto_keys_on_laravel_10(): void
    {
        $jar = [];
        $this->browse('POST', '/register', ['name' => 'web', 'email' => 'web@example.com', 'password' => 'correct horse'], $jar)->assertCreated();
        $this->browse('POST', '/secrets', ['label' => 'before rotation'], $jar)->assertCreated();
        $this->keys();
        $this->deploy();
        $this->browse('GET', '/secrets', [], $jar)->assertOk()->assertJsonPath('secrets.0.label', 'before rotation');
        // The response re-issued the cookies under the new key: they keep working.
        $this->deploy();
        $this->browse('GET', '/secrets', [], $jar)->assertOk()->assertJsonPath('secrets.0.label', 'before rotation');
    }

    // ---- 3. mode-2 users across rotation ----

    private function legacyUser(string $name): array
    {
        $user = User::create(['name' => $name, 'email' => "$name@example.com", 'password' => 'correct horse']);
        $token = "$name-api-token";
        $user->forceFill(['api_token' => hash('sha256', $token)])->save();
        return ['api_token' => $token, 'id' => $user->id];
    }

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

    // ---- 5. changing cipher keeps payloads of formats without a cipher id ----

    public function test_changing_cipher_keeps_laravel_crypto_and_secretbox_payloads(): void
    {
        $this->keys(['--cipher' => 'Sodium_SecretBox']);
        $this->deploy();
        $box = User::create(['name' => 's', 'email' => 's@example.com', 'password' => 'x', 'phone' => 'secretbox']);
        $this->assertStringStartsNotWith('sc1.', $box->getRawOriginal('phone'));

        $this->editEnv(['SODIUM_CRYPT_FORMAT' => 'laravel-crypto']);
        $this->keys(['--cipher' => 'Sodium_XChaCha20Poly1305']);
        $this->deploy();
        $lc = User::create(['name' => 'l', 'email' => 'l@example.com', 'password' => 'x', 'phone' => 'laravel-crypto xchacha']);
        $this->assertStringStartsNotWith('sc1.', $lc->getRawOriginal('phone'));

        $this->editEnv(['SODIUM_CRYPT_FORMAT' => null]);
        $this->keys(['--cipher' => 'aegis-128l']);
        $this->deploy();
        $this->assertSame('secretbox', User::find($box->id)->phone);
        $this->assertSame('laravel-crypto xchacha', User::find($lc->id)->phone);
        $this->assertSame(16, strlen(Crypt::getKey()));
    }

    /**
     * crypto:keys --cipher records the cipher it replaces (SODIUM_CRYPT_PREVIOUS_CIPHERS,
     * newest first); with SODIUM_CRYPT_STRICT_CIPHERS a key opens only payloads of
     * the written cipher and of those recorded ones, and every value the app wrote
     * still opens. Without it every cipher is read (a hand edit loses nothing).
     */
    public function test_crypto_keys_cipher_records_the_replaced_cipher_and_strict_reads_only_those(): void
    {
        $first = $this->envValue('APP_KEY');
        $aegis = User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => 'aegis-256']);
        // The stock config's app.cipher is Laravel's AES-256-CBC: its payloads (from before the switch) are recorded as read.
        $this->keys(['--cipher' => 'aegis-256']); // the cipher it already writes
        $this->assertSame('AES-256-CBC', $this->envValue('SODIUM_CRYPT_PREVIOUS_CIPHERS'));
        $this->deploy();
        $this->keys(['--cipher' => 'aegis-256']); // again: nothing new to record
        $this->assertSame('AES-256-CBC', $this->envValue('SODIUM_CRYPT_PREVIOUS_CIPHERS'));
        $this->keys(['--cipher' => 'Sodium_XChaCha20Poly1305']);
        $this->assertSame('Sodium_AEGIS256GCM,AES-256-CBC', $this->envValue('SODIUM_CRYPT_PREVIOUS_CIPHERS'));
        $this->deploy();
        $xchacha = User::create(['name' => 'x', 'email' => 'x@example.com', 'password' => 'x', 'phone' => 'xchacha']);
        $this->keys(['--cipher' => 'aegis-128l']);
        $this->assertSame('Sodium_XChaCha20Poly1305,Sodium_AEGIS256GCM,AES-256-CBC', $this->envValue('SODIUM_CRYPT_PREVIOUS_CIPHERS'));
        $this->keys(['--cipher' => 'Sodium_AEGIS256GCM']); // back again: current, so no longer "previous"
        $this->assertSame('Sodium_AEGIS128LGCM,Sodium_XChaCha20Poly1305,AES-256-CBC', $this->envValue('SODIUM_CRYPT_PREVIOUS_CIPHERS'));

        // A payload under the first key in a cipher this app never wrote.
        $other = Cipher::Aes256Gcm->isAvailable() ? Cipher::Aes256Gcm : Cipher::SecretBox;
        $foreign = (new Keyring($other, Key::fromBytes(self::raw($first)), [], $other === Cipher::SecretBox ? PayloadFormat::LaravelCrypto : PayloadFormat::V1))->seal('not ours');

        $this->editEnv(['SODIUM_CRYPT_STRICT_CIPHERS' => 'true']);
        $this->deploy();
        $this->assertSame('aegis-256', User::find($aegis->id)->phone);
        $this->assertSame('xchacha', User::find($xchacha->id)->phone);
        try {
            Crypt::decryptString($foreign);
            $this->fail('strict: a key opened a payload of a cipher the app never wrote');
        } catch (\Illuminate\Contracts\Encryption\DecryptException) {
        }

        $beforeTheSwitch = (new LaravelEncrypter(self::raw($first), 'AES-256-CBC'))->encryptString('laravel cbc');
        $this->assertSame('laravel cbc', Crypt::decryptString($beforeTheSwitch), 'Laravel CBC, recorded at the switch, opens in strict mode');
        // Laravel's own payloads are no exception: strict reads them only when their cipher is listed.
        $laravelPayload = (new LaravelEncrypter(self::raw((string) $this->envValue('APP_KEY')), 'AES-256-GCM'))->encryptString('laravel gcm');
        try {
            Crypt::decryptString($laravelPayload);
            $this->fail('strict: a key opened a Laravel AES-256-GCM payload though no list names that cipher');
        } catch (\Illuminate\Contracts\Encryption\DecryptException) {
        }
        $this->editEnv(['SODIUM_CRYPT_READ_CIPHERS' => 'AES-256-GCM']);
        $this->deploy();
        $this->assertSame('laravel gcm', Crypt::decryptString($laravelPayload), 'listed, it opens');
        $this->assertSame('xchacha', User::find($xchacha->id)->phone, 'and the recorded ciphers still do');

        $this->editEnv(['SODIUM_CRYPT_STRICT_CIPHERS' => null, 'SODIUM_CRYPT_READ_CIPHERS' => null]);
        $this->deploy();
        $this->assertSame('not ours', Crypt::decryptString($foreign), 'by default every cipher is read');
        $this->assertSame('laravel gcm', Crypt::decryptString($laravelPayload));
    }

    // ---- 6. "eyJ" is decided by what the text is ----

    public function test_a_laravel_crypto_payload_whose_nonce_reads_eyJ_opens(): void
    {
        // A laravel-crypto XChaCha20-Poly1305 payload whose random nonce happens to
        // start with the bytes of '{"i' (base64 "eyJp"), built with ext/sodium.
        $key = random_bytes(32);
        $nonce = '{"i'.random_bytes(21);
        $payload = sodium_bin2base64($nonce.sodium_crypto_aead_xchacha20poly1305_ietf_encrypt('unlucky nonce', $nonce, $nonce, $key),
            SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        $this->assertStringStartsWith('eyJ', $payload);
        $this->editEnv(['APP_KEY' => 'base64:'.base64_encode($key), 'SODIUM_CRYPT_CIPHER' => 'Sodium_XChaCha20Poly1305']);
        $this->deploy();
        $this->assertSame('unlucky nonce', Crypt::decryptString($payload));
        // Laravel's own JSON payloads still go to Laravel's reader.
        $this->assertSame('cbc', Crypt::decryptString((new LaravelEncrypter($key, 'AES-256-CBC'))->encryptString('cbc')));
    }

    // ---- 9. the way back ----

    public function test_the_way_back_to_laravels_own_encrypter(): void
    {
        $user = User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => '555-0199']);
        $this->assertStringStartsWith('sc1.', $user->getRawOriginal('phone'));
        $this->keys();
        $this->deploy();
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--to' => 'laravel']), $this->artisanOutput);
        $this->assertStringStartsWith('eyJ', DB::table('users')->value('phone'));

        $this->editEnv(['SODIUM_CRYPT_REPLACE_ENCRYPTER' => 'false']);
        $this->deploy();
        $this->assertInstanceOf(LaravelEncrypter::class, $this->app['encrypter']);
        $this->assertSame('555-0199', User::find($user->id)->phone);
    }

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
