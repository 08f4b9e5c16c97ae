<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Route;

/**
 * A live app switching from Laravel's AES-256-CBC encrypter to sodium_crypt
 * keeps its visitors' cookies and sessions: both are written by Laravel's own
 * encrypter through the real middleware, then read back after the switch.
 */
final class SwitchFromLaravelTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $this->routes();
    }

    private function routes(): void
    {
        Route::middleware('web')->group(function () {
            Route::get('/t/put', function (Request $request) {
                $request->session()->put('cart', ['book' => 2]);
                return response('stored')->withCookie(cookie('theme', 'dark'));
            });
            Route::get('/t/get', fn (Request $request) => response()->json([
                'cart' => $request->session()->get('cart'),
                'theme' => $request->cookie('theme'),
            ]));
        });
    }

    /** @return array<string, string> the response's cookies, as the browser would keep them */
    private static function cookies($response): array
    {
        $jar = [];
        foreach ($response->headers->getCookies() as $cookie) {
            $jar[$cookie->getName()] = $cookie->getValue();
        }
        return $jar;
    }

    public function test_cookies_and_sessions_written_by_laravel_cbc_survive_the_switch(): void
    {
        $this->useLaravelEncrypter(self::APP_KEY, 'AES-256-CBC');
        $jar = self::cookies($this->get('/t/put')->assertOk());
        $this->assertArrayHasKey('theme', $jar);
        $this->assertStringStartsWith('eyJ', $jar['theme']);
        $stored = DB::table('sessions')->value('payload');
        $this->assertStringStartsWith('eyJ', base64_decode($stored), 'the session row is Laravel-encrypted');

        // Deploy: the package's encrypter, same APP_KEY, a new cipher.
        $this->restartApplication();
        $this->routes();
        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY);
        $this->assertInstanceOf(\SodiumCrypt\Laravel\Encrypter::class, $this->app['encrypter']);

        $response = $this->withUnencryptedCookies($jar)->get('/t/get')->assertOk();
        $this->assertSame(['cart' => ['book' => 2], 'theme' => 'dark'], $response->json());

        // The session is written back in the new format, and still reads.
        $payload = base64_decode(DB::table('sessions')->value('payload'));
        $this->assertStringStartsWith('sc1.', $payload);
        $jar = array_merge($jar, self::cookies($response));
        $this->assertStringStartsWith('sc1.', $jar[config('session.cookie')]);
        $this->restartApplication();
        $this->routes();
        $this->assertSame(['book' => 2], $this->withUnencryptedCookies($jar)->get('/t/get')->json('cart'));
    }

    public function test_a_cookie_from_another_key_is_dropped_not_an_error(): void
    {
        $this->useLaravelEncrypter(self::newKey(), 'AES-256-CBC');
        $jar = self::cookies($this->get('/t/put'));
        $this->restartApplication();
        $this->routes();
        $this->withUnencryptedCookies($jar + ['theme' => 'sc1.garbage'])->get('/t/get')
            ->assertOk()->assertExactJson(['cart' => null, 'theme' => null]);
    }
    public function test_without_the_extension_the_app_says_what_to_install(): void
    {
        // This PHP's ini files, less whatever loads sodium_crypt.
        $dir = $this->envDir.'/ini-without-extension';
        mkdir($dir);
        foreach (array_filter(explode(',', (string) php_ini_scanned_files())) as $file) {
            $file = trim($file);
            if (!str_contains((string) file_get_contents($file), 'sodium_crypt')) {
                copy($file, $dir.'/'.basename($file));
            }
        }
        $cmd = sprintf('cd %s && PHP_INI_SCAN_DIR=%s %s artisan about 2>&1', escapeshellarg(self::SKELETON),
            escapeshellarg($dir), escapeshellarg(PHP_BINARY));
        exec($cmd, $out, $status);
        $text = implode("\n", $out);
        array_map('unlink', glob($dir.'/*'));
        rmdir($dir);
        $this->assertNotSame(0, $status, $text);
        $this->assertStringContainsString('The sodium_crypt PHP extension is not loaded', $text);
        $this->assertStringContainsString('extension=sodium_crypt', $text);
        $this->assertStringNotContainsString('Class "SodiumCrypt', $text);
    }
}
