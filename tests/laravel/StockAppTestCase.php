<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Contracts\Console\Kernel;
use Illuminate\Foundation\Application;
use Illuminate\Support\Env;
use Illuminate\Support\Facades\Schema;
use Illuminate\Testing\TestResponse;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Support\Settings;

/**
 * The skeleton booted with a stock Laravel 10 config/app.php (no
 * 'previous_keys', cipher hard-coded to AES-256-CBC) and nothing set by the
 * test but the database: everything else comes from the .env file, read
 * afresh at every deploy() as a new process would read it.
 */
abstract class StockAppTestCase extends TestCase
{
    /** The .env the first boot sees. */
    protected function initialEnv(): string
    {
        return 'APP_KEY='.self::APP_KEY."\n";
    }

    public function createApplication(): Application
    {
        if ($this->envDir === null) {
            $this->envDir = sys_get_temp_dir().'/sc-laravel-'.bin2hex(random_bytes(6));
            mkdir($this->envDir, 0700, true);
            file_put_contents($this->envDir.'/.env', $this->initialEnv());
            touch($this->envDir.'/db.sqlite');
        }
        self::forgetEnv();

        $app = require self::SKELETON.'/bootstrap/app.php';
        $app->useEnvironmentPath($this->envDir);
        $app->useConfigPath(__DIR__.'/Fixtures/stock-laravel-10-config');
        $app->make(Kernel::class)->bootstrap();
        $app['config']->set($this->databaseConfig());
        return $app;
    }

    protected function tearDown(): void
    {
        parent::tearDown();
        self::forgetEnv(); // the next test class boots from its own .env
    }

    /** A new release of the same app: new process, .env read again, nothing kept in memory. */
    protected function deploy(): void
    {
        $this->restartApplication();
    }

    /** Sets lines of the .env file by hand, as an operator would. */
    protected function editEnv(array $values): void
    {
        $env = (string) file_get_contents($this->envDir.'/.env');
        foreach ($values as $name => $value) {
            $line = $value === null ? '' : "$name=$value\n";
            $env = preg_match("/^$name=.*\\n?/m", $env)
                ? (string) preg_replace("/^$name=.*\\n?/m", $line, $env)
                : $env.$line;
        }
        file_put_contents($this->envDir.'/.env', $env);
    }

    protected function envValue(string $name): ?string
    {
        return preg_match("/^$name=(.*)$/m", (string) file_get_contents($this->envDir.'/.env'), $m) ? $m[1] : null;
    }

    private static function forgetEnv(): void
    {
        // Every variable a test's .env may set (Dotenv never overwrites one already set).
        foreach ([...array_keys(Settings::ENV), 'APP_CIPHER'] as $name) {
            unset($_ENV[$name], $_SERVER[$name]);
            putenv($name);
        }
        Env::enablePutenv(); // drops the repository, which remembered the old values
    }

    /** A JSON API call as a fresh HTTP request. */
    protected function api(string $method, string $uri, array $data = [], ?array $auth = null): TestResponse
    {
        $headers = ['Accept' => 'application/json'];
        if ($auth) {
            $headers['Authorization'] = 'Bearer '.$auth['api_token'];
            if (isset($auth['encryption_token'])) {
                $headers['X-Encryption-Token'] = $auth['encryption_token'];
            }
        }
        $this->app['auth']->forgetGuards();
        $response = $this->json($method, $uri, $data, $headers);
        $this->assertFalse(KeyContext::has(), "the key context is empty after $method $uri");
        return $response;
    }

    /** The patients table of Fixtures\Patient: a user, an encrypted ssn and its blind index. */
    protected function patientsTable(): void
    {
        Schema::create('patients', function ($table) {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn');
            $table->char('ssn_index', 64)->index();
        });
    }

    /** crypto:keys with --force; fails the test unless it succeeds. */
    protected function keys(array $options = []): void
    {
        $this->assertSame(0, $this->artisanCall('crypto:keys', $options + ['--force' => true]), $this->artisanOutput);
    }

    /** A user from before per-user encryption, signed in by API token: ['api_token' => …, 'id' => …]. */
    protected function legacyUser(string $name): array
    {
        $user = User::create(['name' => $name, 'email' => "$name@example.com", 'password' => 'correct horse']);
        $token = "$name-api-token";
        $user->forceFill(['api_token' => hash('sha256', $token)])->save();
        return ['api_token' => $token, 'id' => $user->id];
    }
}
