<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Route;
use Illuminate\Support\Facades\URL;
use SodiumCrypt\Laravel\Support\Settings;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use SodiumCrypt\Pkcs11;

/**
 * Keys wrapped under a key-encryption key in a PKCS#11 token (a SoftHSM2
 * token of this class's own, tests/pkcs11/softhsm): crypto:keys --kms=pkcs11
 * leaves no key in .env and loses nothing, --rewrap-kek moves every key under
 * a new KEK without touching data, and a token that cannot unwrap stops the
 * boot with its reason.
 */
final class Pkcs11KeysTest extends StockAppTestCase
{
    private static string $tokenDir;

    public static function setUpBeforeClass(): void
    {
        parent::setUpBeforeClass();
        self::$tokenDir = sys_get_temp_dir().'/sc-p11-'.bin2hex(random_bytes(4));
        exec(escapeshellarg(__DIR__.'/../pkcs11/softhsm').' '.escapeshellarg(self::$tokenDir).' 2>&1', $lines, $rc);
        self::assertSame(0, $rc, implode("\n", $lines));
        foreach (preg_grep('/^(SOFTHSM2_CONF|SODIUM_CRYPT_PKCS11_PIN)=/', $lines) as $line) {
            putenv($line); // the extension reads both from the process environment
        }
        self::assertSame(getenv('SC_PKCS11_MODULE'), ini_get('sodium_crypt.pkcs11_module'), 'scripts/test-laravel sets the module');
    }

    public static function tearDownAfterClass(): void
    {
        exec('rm -rf '.escapeshellarg(self::$tokenDir));
        putenv('SODIUM_CRYPT_PKCS11_PIN=1234');
        parent::tearDownAfterClass();
    }

    protected function tearDown(): void
    {
        putenv('SODIUM_CRYPT_PKCS11_PIN=1234');
        parent::tearDown();
    }

    public function test_kms_pkcs11_wraps_every_key_and_everything_encrypted_before_still_opens(): void
    {
        $this->keys(); // a first rotation in plain: APP_KEY, APP_PREVIOUS_KEYS, BLIND_INDEX_KEY, the facades' keys
        $this->deploy();
        $user = User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => '555-0100']);
        $signed = $this->signedUrl();
        $plain = [];
        foreach (Settings::KEY_SETTINGS as $name) {
            $plain[$name] = $this->envValue($name);
        }
        $this->assertNotNull($plain['APP_PREVIOUS_KEYS']);

        $this->keys(['--kms' => 'pkcs11', '--kek' => 'kek-1']);
        $this->assertStringContainsString('every key is wrapped under the PKCS#11 key "kek-1" (.env holds no key)', $this->artisanOutput);
        foreach (Settings::KEY_SETTINGS as $name) {
            foreach (array_filter(explode(',', (string) $this->envValue($name))) as $value) {
                $this->assertMatchesRegularExpression('/^pkcs11:kek-1:[A-Za-z0-9_-]+$/', $value, "$name holds only references");
            }
        }
        $env = (string) file_get_contents($this->envDir.'/.env');
        $this->assertStringNotContainsString('base64:', $env, 'no key in plain is left in .env');

        $this->deploy();
        $this->assertSame('555-0100', User::find($user->id)->phone, 'a row of the key before still opens');
        // The old key, now wrapped, is the same key: same id, same bytes as the plain one.
        $this->assertSame(
            array_map(fn (string $k) => \SodiumCrypt\Laravel\Support\AppKeys::parse($k)->id(), [$plain['APP_KEY'], ...explode(',', $plain['APP_PREVIOUS_KEYS'])]),
            array_slice(Crypt::getFacadeRoot()->keyIds(), 1));
        $after = User::create(['name' => 'b', 'email' => 'b@example.com', 'password' => 'x', 'phone' => '555-0101']);
        $this->deploy();
        $this->assertSame('555-0101', User::find($after->id)->phone);
        foreach (Settings::FACADE_KEYS as $name) {
            $this->assertSame(\SodiumCrypt\Laravel\Support\AppKeys::parse($plain[$name])->id(), \SodiumCrypt\Laravel\Support\AppKeys::parse($this->envValue($name))->id(), "$name: the same key, wrapped");
        }

        // Signed URLs: one signed before still verifies under the old key, now wrapped (the
        // HMAC key is the key's text, not the reference's; Laravel 10 checks APP_KEY alone,
        // so there a rotation ends such URLs whatever the keys' form), and the public
        // reference signs nothing.
        $this->assertSame(version_compare($this->app->version(), '11', '>='), URL::hasValidSignature(Request::create($signed)), 'a URL signed before the wrapping');
        $fresh = $this->signedUrl();
        $this->assertTrue(URL::hasValidSignature(Request::create($fresh)));
        [$base] = explode('&signature=', $fresh);
        $forged = $base.'&signature='.hash_hmac('sha256', $base, (string) $this->envValue('APP_KEY'));
        $this->assertFalse(URL::hasValidSignature(Request::create($forged)), 'the reference in .env is no signing key');
    }

    public function test_rewrap_kek_moves_every_key_under_a_new_kek_and_touches_no_data(): void
    {
        $this->keys(['--kms' => 'pkcs11', '--kek' => 'kek-1']);
        $this->deploy();
        $user = User::create(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => '555-0102']);
        $stored = DB::table('users')->where('id', $user->id)->value('phone');
        $ids = Crypt::getFacadeRoot()->keyIds();
        $signed = $this->signedUrl();

        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--rewrap-kek' => true, '--kek' => 'kek-2', '--force' => true]), $this->artisanOutput);
        $this->assertStringContainsString('no key changed, nothing to re-encrypt', $this->artisanOutput);
        foreach (Settings::KEY_SETTINGS as $name) {
            foreach (array_filter(explode(',', (string) $this->envValue($name))) as $value) {
                $this->assertStringStartsWith('pkcs11:kek-2:', $value, $name);
            }
        }
        $this->deploy();
        $this->assertSame($ids, Crypt::getFacadeRoot()->keyIds(), 'the same keys');
        $this->assertSame($stored, DB::table('users')->where('id', $user->id)->value('phone'), 'no row was written');
        $this->assertSame('555-0102', User::find($user->id)->phone);
        $this->assertTrue(URL::hasValidSignature(Request::create($signed)), 'a URL signed before the new KEK');

        // Run again: everything is under kek-2 already.
        $before = file_get_contents($this->envDir.'/.env');
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--rewrap-kek' => true, '--kek' => 'kek-2', '--force' => true]), $this->artisanOutput);
        $this->assertSame($before, file_get_contents($this->envDir.'/.env'));
    }

    public function test_a_token_that_cannot_unwrap_stops_with_its_reason_and_nothing_is_written(): void
    {
        $this->keys(['--kms' => 'pkcs11', '--kek' => 'kek-1']);
        $env = (string) file_get_contents($this->envDir.'/.env');

        // A KEK label the token does not hold: nothing is made, nothing written.
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--kms' => 'pkcs11', '--kek' => 'no-such-kek', '--force' => true]));
        $this->assertStringContainsString('the token holds no secret key with that label; key label "no-such-kek"', $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--kms' => 'vault', '--force' => true]));
        $this->assertStringContainsString('--kms=vault is not a key store this package speaks', $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--rewrap-kek' => true, '--force' => true]));
        $this->assertStringContainsString('--rewrap-kek needs the label of the new key-encryption key', $this->artisanOutput);
        $this->assertSame($env, file_get_contents($this->envDir.'/.env'));

        // A process whose PIN is wrong (this one has its keys cached: a new process is asked).
        $bad = $this->artisanProcess(['crypto:status'], $this->pkcs11Env(['SODIUM_CRYPT_PKCS11_PIN' => '918273']));
        $this->assertNotSame(0, $bad['status']);
        $this->assertOutputSays('APP_KEY could not be unwrapped: PKCS#11: the token refused the PIN (CKR_PIN_INCORRECT)', $bad['output']);
        $this->assertStringNotContainsString('918273', $bad['output'], 'the PIN is in no message');
        $good = $this->artisanProcess(['crypto:status'], $this->pkcs11Env([]));
        $this->assertSame(0, $good['status'], $good['output']);

        // A damaged reference: the reason, not a key of another app.
        $damaged = preg_replace('/^(pkcs11:kek-1:)A/', '$1B', (string) $this->envValue('APP_KEY'), 1, $n) ?? '';
        $n === 1 || $damaged = preg_replace('/^(pkcs11:kek-1:)./', '$1A', (string) $this->envValue('APP_KEY'));
        $broken = $this->artisanProcess(['crypto:status'], $this->pkcs11Env(['APP_KEY' => $damaged]));
        $this->assertNotSame(0, $broken['status']);
        $this->assertOutputSays('APP_KEY could not be unwrapped: PKCS#11: the wrapped key does not unwrap under that key-encryption key', $broken['output']);
    }

    public function test_a_key_from_the_token_never_shows_in_a_dump_or_the_config(): void
    {
        $this->keys(['--kms' => 'pkcs11', '--kek' => 'kek-1']);
        $this->deploy();
        $reference = (string) $this->envValue('APP_KEY');
        $raw = Pkcs11::unwrap($reference)->exportBytes();
        $this->assertSame($reference, config('app.key'), 'config keeps the public reference');
        $seen = print_r(Crypt::getFacadeRoot(), true).var_export(config()->all(), true).json_encode(config()->all());
        $this->assertStringNotContainsString(base64_encode($raw), $seen);
        $this->assertStringNotContainsString($raw, $seen);
    }

    /** The console wraps long lines: compared without white space. */
    private function assertOutputSays(string $message, string $output): void
    {
        $this->assertStringContainsString(preg_replace('/\s+/', '', $message), preg_replace('/\s+/', '', $output), $output);
    }

    /** A signed URL of a route of this test's own (the stock config loads no named route). */
    private function signedUrl(): string
    {
        Route::get('/p11-probe', static fn () => 'ok')->name('p11-probe');
        $this->app['router']->getRoutes()->refreshNameLookups();
        return URL::signedRoute('p11-probe', ['next' => 'home']);
    }

    /** The .env of a process of its own: this app's, with the token's settings. */
    private function pkcs11Env(array $env): array
    {
        $lines = [];
        foreach (explode("\n", (string) file_get_contents($this->envDir.'/.env')) as $line) {
            if (preg_match('/^([A-Z0-9_]+)=(.*)$/', $line, $m)) {
                $lines[$m[1]] = $m[2];
            }
        }
        return $env + $lines + ['SOFTHSM2_CONF' => (string) getenv('SOFTHSM2_CONF'), 'SODIUM_CRYPT_PKCS11_PIN' => '1234'];
    }
}
