<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Contracts\Console\Kernel;
use Illuminate\Filesystem\Filesystem;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;
use Illuminate\Support\Facades\Facade;
use Illuminate\Support\Facades\Schema;
use Illuminate\Testing\TestResponse;
use SodiumCrypt\KeyContext;

/**
 * Boots the package's Laravel skeleton (tests/laravel/skeleton: a real Laravel
 * application, as Orchestra Testbench would give) with its own .env in a temporary
 * directory and a fresh database per test, migrated for real: an SQLite file,
 * or with SC_TEST_DB=pgsql|mysql a database of its own on the server that
 * scripts/test-laravel started (scripts/db-server; its DB_* are in the environment).
 */
abstract class TestCase extends BaseTestCase
{
    /** A fixed 32-byte test APP_KEY ("base64:" form), never a real one. */
    public const APP_KEY = 'base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

    protected ?string $envDir = null;

    /** The application's base path. */
    protected const SKELETON = __DIR__.'/skeleton';

    public function createApplication(): Application
    {
        if ($this->envDir === null) {
            $this->envDir = sys_get_temp_dir().'/sc-laravel-'.bin2hex(random_bytes(6));
            mkdir($this->envDir, 0700, true);
            file_put_contents($this->envDir.'/.env', "APP_KEY=".self::APP_KEY."\nAPP_CIPHER=Sodium_AEGIS256GCM\n");
            touch($this->envDir.'/db.sqlite');
        }

        $app = require self::SKELETON.'/bootstrap/app.php';
        $app->useEnvironmentPath($this->envDir);
        $app->make(Kernel::class)->bootstrap();
        // The env file is read once per process (Dotenv is immutable): set per test here.
        $app['config']->set([
            'app.key' => self::APP_KEY,
            'app.cipher' => 'Sodium_AEGIS256GCM',
            'app.previous_keys' => [],
        ] + $this->databaseConfig());
        return $app;
    }

    /** sqlite, pgsql or mysql (MariaDB): the database tests/laravel runs on. */
    protected static function driver(): string
    {
        return getenv('SC_TEST_DB') ?: 'sqlite';
    }

    /** This test's database on a pgsql/mysql server, created on first use. */
    private ?string $database = null;

    /** @return array<string, string> the configuration that points the app at this test's database */
    protected function databaseConfig(): array
    {
        $driver = self::driver();
        if ($driver === 'sqlite') {
            return ['database.default' => 'sqlite', 'database.connections.sqlite.database' => $this->envDir.'/db.sqlite'];
        }
        if ($this->database === null) {
            $this->database = 'sc_'.bin2hex(random_bytes(6));
            self::server()->exec("CREATE DATABASE {$this->database}");
        }
        return ['database.default' => $driver, "database.connections.$driver.database" => $this->database];
    }

    /** @return array<string, string> the same as .env lines, for a process of its own */
    protected function databaseEnv(): array
    {
        $env = ['DB_CONNECTION' => self::driver(), 'DB_DATABASE' => $this->database ?? $this->envDir.'/db.sqlite'];
        foreach (['DB_HOST', 'DB_PORT', 'DB_SOCKET', 'DB_USERNAME', 'DB_PASSWORD'] as $name) {
            if (self::driver() !== 'sqlite' && is_string(getenv($name))) {
                $env[$name] = getenv($name);
            }
        }
        return $env;
    }

    /** A connection to the server itself (not to a test's database), for CREATE/DROP DATABASE. */
    private static function server(): \PDO
    {
        $dsn = self::driver() === 'pgsql'
            ? sprintf('pgsql:host=%s;port=%s;dbname=postgres', getenv('DB_HOST'), getenv('DB_PORT') ?: '5432')
            : sprintf('mysql:unix_socket=%s', getenv('DB_SOCKET'));
        return new \PDO($dsn, (string) getenv('DB_USERNAME'), (string) getenv('DB_PASSWORD'), [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
    }

    protected function setUp(): void
    {
        parent::setUp();
        $this->assertSame(0, $this->artisanCall('migrate', ['--force' => true]));
    }

    protected function tearDown(): void
    {
        KeyContext::clear();
        parent::tearDown();
        if ($this->database !== null) {
            self::server()->exec(self::driver() === 'pgsql'
                ? "DROP DATABASE {$this->database} WITH (FORCE)" : "DROP DATABASE {$this->database}");
            $this->database = null;
        }
        // Workers' home directories, caches, vaults: everything a test made under it.
        $this->envDir === null || (new Filesystem())->deleteDirectory($this->envDir);
        $this->envDir = null;
    }

    /** Runs a command for real (no mocked console): exit code; output in $this->artisanOutput. */
    protected function artisanCall(string $command, array $parameters = []): int
    {
        $kernel = $this->app->make(Kernel::class);
        $status = $kernel->call($command, $parameters);
        $this->artisanOutput = $kernel->output();
        return $status;
    }

    protected string $artisanOutput = '';

    /** A new application on the same .env and database: like the next deploy, nothing kept in memory. */
    protected function restartApplication(): void
    {
        KeyContext::clear();
        $this->refreshApplication();
    }

    /** Reconfigure the app's encrypter as a deploy would: new config, new instance. */
    protected function useCrypt(string $cipher, string $key, array $previous = [], string $format = 'v1'): void
    {
        $this->app['config']->set([
            'app.cipher' => $cipher,
            'app.key' => $key,
            'app.previous_keys' => $previous,
            'sodium-crypt.format' => $format,
        ]);
        $this->app->forgetInstance('encrypter');
        Facade::clearResolvedInstance('encrypter');
    }

    /** Swap in Laravel's own encrypter, as the app ran before switching. */
    protected function useLaravelEncrypter(string $key, string $cipher = 'AES-256-CBC'): void
    {
        $this->app->instance('encrypter', new \Illuminate\Encryption\Encrypter(self::raw($key), $cipher));
        Facade::clearResolvedInstance('encrypter');
    }

    protected static function raw(string $key): string
    {
        return base64_decode(substr($key, 7), true);
    }

    protected static function newKey(int $bytes = 32): string
    {
        return 'base64:'.base64_encode(random_bytes($bytes));
    }

    /** @param array<string, string> $jar the browser's cookies, updated from the response */
    protected function browse(string $method, string $uri, array $data, array &$jar): TestResponse
    {
        $this->app['auth']->forgetGuards();
        $this->app->forgetInstance('session.store');
        $response = $this->call($method, $uri, $data, $jar, [], ['HTTP_ACCEPT' => 'application/json']);
        foreach ($response->headers->getCookies() as $cookie) {
            $jar[$cookie->getName()] = $cookie->getValue();
            if ($cookie->isCleared()) {
                unset($jar[$cookie->getName()]);
            }
        }
        $this->assertFalse(KeyContext::has(), "the key context is empty after $method $uri");
        return $response;
    }

    /**
     * The skeleton served by PHP's built-in web server, a web SAPI as php-fpm
     * is (runningInConsole() is false, so the provider's boot check runs), on
     * this test's Laravel major, with $env as its .env file. One GET.
     *
     * @param array<string, string> $env
     * @return array{status: int, body: string, log: string} log: what the app logged (LOG_CHANNEL=stderr)
     */
    protected function serveDemoOnce(string $path, array $env): array
    {
        $envDir = $this->envDir.'/served';
        $processEnv = $this->processEnv($envDir, $env + ['APP_ENV' => 'production', 'APP_DEBUG' => 'false']);

        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr((string) stream_socket_get_name($socket, false), strlen('127.0.0.1:'));
        fclose($socket);
        $public = self::SKELETON.'/public';
        $stderr = $envDir.'/server.stderr';
        $server = proc_open([PHP_BINARY, '-S', "127.0.0.1:$port", '-t', $public, $public.'/index.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', $stderr, 'w']], $pipes, $public, $processEnv);
        try {
            for ($i = 0; $i < 100 && !@fsockopen('127.0.0.1', $port); $i++) {
                usleep(50_000);
            }
            $body = @file_get_contents("http://127.0.0.1:$port$path", false, stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 30]]));
            $this->assertIsString($body, 'the server answered');
            $status = (int) explode(' ', $http_response_header[0] ?? 'HTTP/1.1 0')[1];
        } finally {
            proc_terminate($server);
            proc_close($server);
        }
        $log = (string) file_get_contents($stderr);
        array_map('unlink', array_filter(glob($envDir.'/{,.}*', GLOB_BRACE) ?: [], 'is_file'));
        rmdir($envDir);
        return ['status' => $status, 'body' => $body, 'log' => $log];
    }

    /**
     * The environment of a process of its own running the skeleton (a web
     * server, a queue worker) on this test's Laravel major and database, with
     * $env as its .env file in $envDir.
     *
     * @param array<string, string> $env
     * @return array<string, string>
     */
    protected function processEnv(string $envDir, array $env): array
    {
        is_dir($envDir) || mkdir($envDir, 0700);
        $env += ['LOG_CHANNEL' => 'stderr', 'SESSION_DRIVER' => 'file', 'CACHE_DRIVER' => 'array'] + $this->databaseEnv();
        file_put_contents($envDir.'/.env', implode('', array_map(static fn (string $k, string $v) => "$k=$v\n", array_keys($env), $env)));
        return ['SC_SKELETON_ENV_PATH' => $envDir]
            + array_filter(array_map(static fn (string $n) => getenv($n), array_combine(self::PASSED_ENV, self::PASSED_ENV)), 'is_string');
    }

    /**
     * `php artisan …` of the skeleton as a process of its own (a real queue
     * worker), with $env as its .env; waits for it, at most $seconds.
     *
     * @param list<string> $arguments
     * @param array<string, string> $env
     * @return array{status: int, output: string}
     */
    protected function artisanProcess(array $arguments, array $env, int $seconds = 120): array
    {
        $envDir = $this->envDir.'/process';
        $processEnv = $this->processEnv($envDir, $env + ['APP_ENV' => 'testing', 'APP_DEBUG' => 'false']);
        $out = $envDir.'/output';
        $process = proc_open([PHP_BINARY, self::SKELETON.'/artisan', ...$arguments],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $out, 'w'], 2 => ['file', $out, 'a']], $pipes, self::SKELETON, $processEnv);
        $deadline = microtime(true) + $seconds;
        while (($status = proc_get_status($process))['running'] && microtime(true) < $deadline) {
            usleep(20_000);
        }
        if ($status['running']) {
            proc_terminate($process, 9);
        }
        proc_close($process);
        $output = (string) file_get_contents($out);
        array_map('unlink', array_filter(glob($envDir.'/{,.}*', GLOB_BRACE) ?: [], 'is_file'));
        rmdir($envDir);
        $this->assertFalse($status['running'], "artisan ".implode(' ', $arguments)." ended within {$seconds}s: $output");
        return ['status' => $status['exitcode'], 'output' => $output];
    }

    /** What a served process inherits: this PHP's ini files, and the Laravel major's vendor and caches. */
    private const PASSED_ENV = ['PATH', 'PHP_INI_SCAN_DIR', 'COMPOSER_VENDOR_DIR', 'APP_PACKAGES_CACHE', 'APP_SERVICES_CACHE'];

    /** @return array<string, mixed> */
    protected static function vectors(): array
    {
        $path = __DIR__.'/../vectors/laravel-crypto-v3.json';
        if (!is_file($path)) {
            throw new \RuntimeException('tests/vectors/laravel-crypto-v3.json is missing.');
        }
        return json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The table of Fixtures\Record and Fixtures\CountedRecord: an owner, bound and unbound encrypted text. */
    protected function recordsTable(): void
    {
        Schema::create('records', function ($table) {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn')->nullable();
            $table->text('note')->nullable();
            $table->text('diary')->nullable();
        });
    }
}
