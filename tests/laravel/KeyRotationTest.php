<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\PayloadFormat;

/**
 * APP_KEY rotations on a stock Laravel 10 config: previous keys read from the
 * env, old rows, cookies and sessions still open; cipher changes keep the
 * payloads of formats without a cipher id; the way back to Laravel's own
 * encrypter. Every step is a deploy (the .env read afresh).
 */
final class KeyRotationTest extends StockAppTestCase
{
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
}
