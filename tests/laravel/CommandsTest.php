<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use SodiumCrypt\Key;

final class CommandsTest extends TestCase
{
    private function env(): string
    {
        return (string) file_get_contents($this->envDir.'/.env');
    }

    private static function envValue(string $env, string $name): ?string
    {
        return preg_match('/^'.$name.'=(.*)$/m', $env, $m) ? $m[1] : null;
    }

    public function test_about_has_a_sodium_crypt_section_with_key_ids_and_no_key_bytes(): void
    {
        $this->useCrypt('aegis-256', self::APP_KEY, [self::newKey()]);
        $this->assertSame(0, $this->artisanCall('about', ['--only' => 'sodium_crypt', '--json' => true]));
        $about = json_decode($this->artisanOutput, true, 512, JSON_THROW_ON_ERROR);
        $section = $about['sodium_crypt'] ?? $about[array_key_first($about)];
        $ids = Crypt::getFacadeRoot()->keyIds();
        $this->assertSame(phpversion('sodium_crypt'), $section['extension']);
        $this->assertSame('sodium_crypt', $section['encrypter']);
        $this->assertSame('aegis-256', $section['cipher']);
        $this->assertSame($ids[0], $section['current_key_id']);
        $this->assertSame($ids[1], $section['previous_key_ids']);
        $this->assertNotSame('unknown', $section['aegis_implementation']);
        $this->assertNotSame('unknown', $section['random_source']);
        $this->assertStringStartsWith('APP_KEY', $section['blind_index_key']);
        $this->assertStringNotContainsString(substr(self::APP_KEY, 7), $this->artisanOutput);
        $this->assertStringNotContainsString(bin2hex(self::raw(self::APP_KEY)), $this->artisanOutput);

        // A configuration that cannot make an encrypter: the reason, not a trace.
        $this->app['config']->set('app.key', 'base64:'.base64_encode('short'));
        $this->app->forgetInstance('encrypter');
        $this->assertSame(0, $this->artisanCall('about', ['--only' => 'sodium_crypt']));
        $this->assertMatchesRegularExpression('/Encrypter.*NOT USABLE/', $this->artisanOutput);
    }

    public function test_the_package_adds_no_migration_until_the_app_publishes_it(): void
    {
        $package = realpath(dirname((new \ReflectionClass(\SodiumCrypt\Laravel\SodiumCryptServiceProvider::class))->getFileName(), 2).'/database/migrations');
        $loaded = array_map('realpath', $this->app->make('migrator')->paths());
        // The skeleton asks for it itself (SkeletonServiceProvider), as a published copy would.
        $this->assertSame([$package], array_values(array_filter($loaded, static fn ($p) => $p === $package)));
        // Booting the provider again (the migrator is resolved, so a loadMigrationsFrom() would add at once).
        $provider = new \SodiumCrypt\Laravel\SodiumCryptServiceProvider($this->app);
        $before = count($this->app->make('migrator')->paths());
        $this->app->call([$provider, 'boot']);
        $this->assertCount($before, $this->app->make('migrator')->paths(), 'booting the provider registers no migration path');
        $this->assertSame([$package.'/2026_12_04_000000_add_user_encryption_columns_to_users_table.php'],
            array_map('realpath', glob($package.'/*.php')), 'one migration');
    }

    public function test_crypto_keys_on_a_fresh_app_whose_cache_table_is_not_migrated_yet(): void
    {
        // Laravel 11+'s skeleton: CACHE_STORE=database, and crypto:keys is run before migrate.
        $this->app['config']->set('cache.default', 'database');
        $this->app['config']->set('cache.stores.database', ['driver' => 'database', 'table' => 'no_cache_table_yet', 'connection' => null, 'lock_connection' => null]);
        file_put_contents($this->envDir.'/.env', "APP_NAME=x\nAPP_KEY=\n");
        $this->assertSame(0, $this->artisanCall('crypto:keys'));
        $this->assertNotSame('', (string) self::envValue($this->env(), 'APP_KEY'), 'the key is written');
        $this->assertStringContainsString('could not tell queue workers to restart', $this->artisanOutput);
        $this->assertStringContainsString('php artisan queue:restart', $this->artisanOutput);
    }

    public function test_crypto_keys_writes_a_new_key_and_keeps_the_old_one(): void
    {
        file_put_contents($this->envDir.'/.env', "APP_NAME=x\nAPP_KEY=".self::APP_KEY."\nAPP_PREVIOUS_KEYS=base64:b2xkZXIgb2xkZXIgb2xkZXI=\nDB_X=1\n");
        $this->assertSame(0, $this->artisanCall('crypto:keys'));
        $env = $this->env();
        $key = self::envValue($env, 'APP_KEY');
        $this->assertNotSame(self::APP_KEY, $key);
        $this->assertSame(32, Key::fromBase64($key)->length());
        $this->assertSame(self::APP_KEY.',base64:b2xkZXIgb2xkZXIgb2xkZXI=', self::envValue($env, 'APP_PREVIOUS_KEYS'));
        $this->assertStringContainsString("APP_NAME=x\n", $env);
        $this->assertStringContainsString("DB_X=1\n", $env);
        $this->assertStringNotContainsString(substr($key, 7), $this->artisanOutput, 'the key is not printed');

        // The running app uses it at once, and still reads what the old key wrote.
        $this->assertSame($key, config('app.key'));
        $this->assertSame('before', Crypt::decryptString(
            (new \SodiumCrypt\Laravel\Encrypter(new \SodiumCrypt\Keyring(\SodiumCrypt\Cipher::Aegis256, Key::fromBase64(self::APP_KEY))))->encryptString('before')));
    }

    /** @return array<string, array{string, string}> a .env as phpdotenv reads it, and the APP_KEY in effect */
    public static function envSpellings(): array
    {
        $key = self::APP_KEY;
        $stale = 'base64:'.base64_encode(str_repeat('s', 32));
        return [
            'export' => ["APP_NAME=x\nexport APP_KEY=$key\n", $key],
            'spaces around =' => ["APP_KEY = $key\nDB_X=1\n", $key],
            'indented' => ["  APP_KEY=$key\n", $key],
            'double quotes' => ["APP_KEY=\"$key\"\n", $key],
            'single quotes, comment' => ["APP_KEY='$key' # the app key\n", $key],
            'duplicated: the last one counts' => ["APP_KEY=$stale\nAPP_NAME=x\nAPP_KEY=$key\n", $key],
            'previous keys duplicated' => ["APP_PREVIOUS_KEYS=$stale\nAPP_KEY=$key\nAPP_PREVIOUS_KEYS=\n", $key],
        ];
    }

    #[\PHPUnit\Framework\Attributes\DataProvider('envSpellings')]
    public function test_crypto_keys_reads_and_rewrites_the_env_as_phpdotenv_does(string $env, string $inEffect): void
    {
        file_put_contents($this->envDir.'/.env', $env);
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);
        // What Laravel will load at the next deploy: phpdotenv's own reading of the file.
        $loaded = \Dotenv\Dotenv::parse($this->env());
        $this->assertNotSame($inEffect, $loaded['APP_KEY']);
        $this->assertSame($loaded['APP_KEY'], config('app.key'), 'the file holds the key the command reported');
        $this->assertSame([$inEffect], explode(',', $loaded['APP_PREVIOUS_KEYS']), 'the key in effect, and only it, leads APP_PREVIOUS_KEYS');
        $this->assertSame($inEffect, $loaded['BLIND_INDEX_KEY']);
        foreach (\Dotenv\Dotenv::parse($env) as $name => $value) {
            if (!in_array($name, ['APP_KEY', 'APP_PREVIOUS_KEYS'], true)) {
                $this->assertSame($value, $loaded[$name], "$name is as it was");
            }
        }
    }

    public function test_the_fresh_process_read_back_of_a_written_env_refuses_a_mismatch(): void
    {
        // What EnvFile runs before it renames the written file over .env.
        $file = $this->envDir.'/written.env';
        file_put_contents($file, "APP_KEY=".self::APP_KEY."\nAPP_NAME=x\n");
        $env = new \SodiumCrypt\Laravel\Support\EnvFile($this->envDir.'/.env');
        $verify = new \ReflectionMethod($env, 'verifyInFreshProcess');
        $verify->invoke($env, $file, ['APP_KEY' => self::APP_KEY, 'APP_NAME' => 'x']);
        try {
            $verify->invoke($env, $file, ['APP_KEY' => self::newKey(), 'APP_NAME' => 'x']);
            $this->fail('a file holding other values passed the read-back');
        } catch (\SodiumCrypt\Laravel\Exceptions\EnvFileNotWritten $e) {
            $this->assertStringContainsString('read back by phpdotenv in a new PHP process', $e->getMessage());
            $this->assertStringNotContainsString(substr(self::APP_KEY, 7), $e->getMessage());
        }
    }

    /** @return array<string, array{string, string}> */
    public static function unsafeEnvs(): array
    {
        $key = self::APP_KEY;
        return [
            'interpolated' => ["OTHER=$key\nAPP_KEY=\${OTHER}\n", 'APP_KEY'],
            'unterminated quote' => ["APP_KEY=\"$key\nAPP_NAME=x\n", '.env'],
            'a multi-line value that holds the last APP_KEY= line' => ["APP_KEY=$key\nNOTE=\"first\nAPP_KEY=inside a quoted value\"\n", 'APP_KEY'],
        ];
    }

    #[\PHPUnit\Framework\Attributes\DataProvider('unsafeEnvs')]
    public function test_crypto_keys_refuses_an_env_it_cannot_rewrite_safely_and_writes_nothing(string $env, string $named): void
    {
        file_put_contents($this->envDir.'/.env', $env);
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);
        $this->assertStringContainsString($named, $this->artisanOutput);
        $this->assertStringNotContainsString(substr(self::APP_KEY, 7), $this->artisanOutput, 'no key text in the message');
        $this->assertSame($env, $this->env(), 'nothing written');
        $this->assertSame(self::APP_KEY, config('app.key'), 'the running app keeps its key');
        $this->assertSame([], glob($this->envDir.'/*.tmp*') ?: [], 'no temporary file left');
    }

    public function test_crypto_keys_creates_missing_lines_and_sizes_keys_for_the_cipher(): void
    {
        file_put_contents($this->envDir.'/.env', "APP_NAME=x");
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--cipher' => 'Sodium_AEGIS128LGCM']));
        $env = $this->env();
        $this->assertSame(16, Key::fromBase64(self::envValue($env, 'APP_KEY'))->length());
        // The package's own setting: app.cipher stays Laravel's (the skeleton hard-codes it).
        $this->assertSame('Sodium_AEGIS128LGCM', self::envValue($env, 'SODIUM_CRYPT_CIPHER'));
        $this->assertNull(self::envValue($env, 'APP_CIPHER'));
        $this->assertNull(self::envValue($env, 'APP_PREVIOUS_KEYS'), 'no old key to keep');
        $this->assertStringStartsWith("APP_NAME=x\n", $env);
        $this->assertSame('x', Crypt::decryptString(Crypt::encryptString('x')), 'the new 128L key works at once');
    }

    public function test_a_16_byte_app_key_is_refused_where_it_would_strand_a_disk_or_the_way_back(): void
    {
        // An encrypted disk under APP_KEY needs a 32-byte key: the rotation is refused, nothing written.
        $this->app['config']->set([
            'filesystems.disks.plain' => ['driver' => 'local', 'root' => $this->envDir.'/files'],
            'filesystems.disks.vault' => ['driver' => 'sodium-encrypted', 'disk' => 'plain'],
        ]);
        $before = $this->env();
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--cipher' => 'aegis-128l', '--force' => true]), $this->artisanOutput);
        $this->assertStringContainsString('vault', $this->artisanOutput);
        $this->assertSame($before, $this->env());
        // With its own key the disk does not care.
        $this->app['config']->set('filesystems.disks.vault.key', self::newKey());
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--cipher' => 'aegis-128l', '--force' => true]), $this->artisanOutput);

        // The way back to Laravel's encrypter under a 16-byte APP_KEY would end in a 500 at boot: refused first.
        DB::table('users')->insert(['name' => 'a', 'email' => 'a@example.com', 'password' => 'x', 'phone' => Crypt::encryptString('555')]);
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--to' => 'laravel']), $this->artisanOutput);
        $this->assertStringContainsString('crypto:keys --cipher=aegis-256', $this->artisanOutput);
        $this->assertSame('555', Crypt::decryptString((string) DB::table('users')->value('phone')), 'nothing rewritten');
    }

    public function test_crypto_keys_show_and_bad_cipher_write_nothing(): void
    {
        $before = $this->env();
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--show' => true, '--cipher' => 'aes-128-cbc']));
        $this->assertMatchesRegularExpression('/base64:[A-Za-z0-9+\/]{22}==/', $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--cipher' => 'ROT13']));
        $this->assertStringContainsString('Unknown cipher "ROT13" given to --cipher', $this->artisanOutput);
        $this->assertStringNotContainsString('app.cipher', $this->artisanOutput);
        $this->assertSame($before, $this->env());
    }

    public function test_crypto_keys_asks_in_production(): void
    {
        $this->app['env'] = 'production';
        $before = $this->env();
        // Not interactive: the confirmation is declined.
        $this->assertSame(1, $this->artisanCall('crypto:keys', ['--no-interaction' => true]));
        $this->assertSame($before, $this->env());
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]));
        $this->assertNotSame($before, $this->env());
    }

    private function seedPhones(): array
    {
        $old = self::newKey();
        $laravel = new LaravelEncrypter(self::raw($old), 'AES-256-CBC');
        $ids = [];
        for ($i = 0; $i < 25; $i++) {
            $ids[] = DB::table('users')->insertGetId([
                'name' => "u$i", 'email' => "u$i@example.com", 'password' => 'x',
                'phone' => $laravel->encryptString("555-01$i"),
            ]);
        }
        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY, [$old]);
        // A few rows already current.
        foreach (array_slice($ids, 0, 5) as $id) {
            DB::table('users')->where('id', $id)->update(['phone' => Crypt::encryptString('555-01'.($id - 1))]);
        }
        return $ids;
    }

    public function test_a_corrupted_value_under_the_current_key_is_no_all_clear_for_dry_run_or_status_verify(): void
    {
        $ids = $this->seedPhones();
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User']), $this->artisanOutput);
        // One value still names APP_KEY in its header, but its ciphertext was damaged.
        $phone = (string) DB::table('users')->where('id', $ids[3])->value('phone');
        $middle = intdiv(strlen($phone), 2);
        DB::table('users')->where('id', $ids[3])->update(['phone' => substr_replace($phone, $phone[$middle] === 'A' ? 'B' : 'A', $middle, 1)]);

        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--dry-run' => true]), $this->artisanOutput);
        $this->assertStringContainsString("id={$ids[3]} (phone)", $this->artisanOutput);

        // Without --verify: the headers alone, as before (fast). With it: every value opened.
        $this->assertSame(0, $this->artisanCall('crypto:status'), $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:status', ['--verify' => true]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/users\.phone\s+unreadable\s+no configured key\s+1\n/', $this->artisanOutput);
        $this->assertMatchesRegularExpression('/users\.phone\s+v1 aegis-256\s+\S+ \(APP_KEY\)\s+24\n/', $this->artisanOutput);
        $this->assertStringContainsString('1 value(s) open under no configured key', $this->artisanOutput);
    }

    public function test_crypto_reencrypt_dry_run_then_real_then_resumed(): void
    {
        $this->seedPhones();
        $before = DB::table('users')->orderBy('id')->pluck('phone', 'id')->all();

        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--dry-run' => true, '--chunk' => 7]));
        $this->assertStringContainsString('20 of 25', $this->artisanOutput);
        $this->assertSame($before, DB::table('users')->orderBy('id')->pluck('phone', 'id')->all(), 'a dry run writes nothing');

        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => User::class, '--chunk' => 7]));
        $this->assertStringContainsString('Re-encrypted 20 of 25', $this->artisanOutput);
        foreach (User::orderBy('id')->get() as $i => $user) {
            $this->assertSame("555-01$i", $user->phone);
            $this->assertTrue($this->app['encrypter']->isCurrent($user->getRawOriginal('phone')));
        }

        // Resumable: a second run finds nothing to do, and the old key can go.
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User']));
        $this->assertStringContainsString('Re-encrypted 0 of 25', $this->artisanOutput);
        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY);
        $this->assertSame('555-0124', User::find(25)->phone);
    }

    public function test_crypto_reencrypt_leaves_unreadable_rows_as_they_are(): void
    {
        $ids = $this->seedPhones();
        DB::table('users')->where('id', $ids[10])->update(['phone' => 'sc1.AAAAtampered']);
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User']));
        $this->assertStringContainsString('id='.$ids[10].' (phone)', $this->artisanOutput);
        $this->assertSame('sc1.AAAAtampered', DB::table('users')->where('id', $ids[10])->value('phone'));
        $this->assertSame(25, DB::table('users')->count());
        // Every other row was re-encrypted; the tampered one still counts among 'sc1.' rows.
        $this->assertSame(25, DB::table('users')->where('phone', 'like', 'sc1.%')->count());
    }

    public function test_crypto_reencrypt_refuses_unknown_models(): void
    {
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'Nope']));
        $this->assertStringContainsString('No Eloquent model "Nope"', $this->artisanOutput);
    }

    public function test_crypto_reencrypt_dry_run_decrypts_and_lists_what_would_fail(): void
    {
        $ids = $this->seedPhones();
        // A payload under a key the app does not have: not current, and it will not open.
        $foreign = (new \SodiumCrypt\Laravel\Encrypter(new \SodiumCrypt\Keyring(\SodiumCrypt\Cipher::Aegis256, Key::generate())))->encryptString('x');
        DB::table('users')->where('id', $ids[12])->update(['phone' => $foreign]);
        $before = DB::table('users')->orderBy('id')->pluck('phone', 'id')->all();

        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--dry-run' => true]));
        $this->assertStringContainsString('19 of 25', $this->artisanOutput);
        $this->assertStringContainsString('id='.$ids[12].' (phone)', $this->artisanOutput);
        $this->assertSame($before, DB::table('users')->orderBy('id')->pluck('phone', 'id')->all(), 'a dry run writes nothing');
    }

    public function test_crypto_reencrypt_refuses_unknown_columns_and_options(): void
    {
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--columns' => 'phone,nope']));
        $this->assertStringContainsString('users has no column "nope"', $this->artisanOutput);
        $this->assertSame(1, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--to' => 'rot13']));
        $this->assertStringContainsString('--to must be', $this->artisanOutput);
    }

    public function test_a_model_named_by_class_needs_no_app_namespace(): void
    {
        // An app whose app path composer.json does not map: Laravel cannot tell its namespace.
        $this->app->useAppPath(sys_get_temp_dir());
        User::create(['name' => 'n', 'email' => 'n@example.com', 'password' => 'correct horse', 'phone' => '555']);
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => User::class, '--dry-run' => true]), $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:status', ['models' => [User::class]]), $this->artisanOutput);
    }

    public function test_crypto_reencrypt_commits_whole_chunks_and_resumes_after_a_crash(): void
    {
        $this->seedPhones();
        // The third chunk's UPDATE fails (as if the process died there): the
        // first two chunks are committed whole, nothing of the third is.
        foreach ([
            'sqlite' => ["CREATE TRIGGER crash BEFORE UPDATE ON users WHEN NEW.id = 17 BEGIN SELECT RAISE(ABORT, 'crash'); END"],
            'pgsql' => ["CREATE FUNCTION crash() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN IF NEW.id = 17 THEN RAISE EXCEPTION 'crash'; END IF; RETURN NEW; END \$\$",
                'CREATE TRIGGER crash BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION crash()'],
            'mysql' => ["CREATE TRIGGER crash BEFORE UPDATE ON users FOR EACH ROW BEGIN IF NEW.id = 17 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'crash'; END IF; END"],
        ][self::driver()] as $sql) {
            DB::statement($sql);
        }
        try {
            $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--chunk' => 7]);
            $this->fail('the crash did not surface');
        } catch (\Illuminate\Database\QueryException $e) {
            $this->assertStringContainsString('crash', $e->getMessage());
        }
        $current = fn () => DB::table('users')->orderBy('id')->pluck('phone', 'id')->filter(fn ($p) => $this->app['encrypter']->isCurrent($p))->keys()->all();
        $this->assertSame(range(1, 14), $current(), 'chunks 1-2 committed, chunk 3 rolled back');
        DB::statement(self::driver() === 'pgsql' ? 'DROP TRIGGER crash ON users' : 'DROP TRIGGER crash');
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => 'User', '--chunk' => 7]));
        $this->assertStringContainsString('Re-encrypted 11 of 25', $this->artisanOutput);
        $this->assertSame(range(1, 25), $current());
    }

    public function test_crypto_keys_keeps_the_env_files_mode_owner_and_symlink(): void
    {
        $real = $this->envDir.'/shared.env';
        rename($this->envDir.'/.env', $real);
        symlink($real, $this->envDir.'/.env');
        chmod($real, 0600);
        $owner = fileowner($real);
        if (posix_geteuid() === 0) {
            chown($real, 65534); // as root: a file owned by another user (nobody)
            $owner = 65534;
        }
        $this->assertSame(0, $this->artisanCall('crypto:keys'));
        clearstatcache();
        $this->assertTrue(is_link($this->envDir.'/.env'), 'still a symlink');
        $this->assertSame($real, readlink($this->envDir.'/.env'));
        $this->assertSame(0600, fileperms($real) & 0777);
        $this->assertSame($owner, fileowner($real));
        $this->assertSame(self::APP_KEY, self::envValue((string) file_get_contents($real), 'APP_PREVIOUS_KEYS'));
        $this->assertSame([], glob($this->envDir.'/*.tmp*') ?: [], 'no temporary file left');
    }

    public function test_crypto_keys_warns_when_the_configuration_is_cached(): void
    {
        $cache = $this->envDir.'/config-cache.php';
        file_put_contents($cache, '<?php return [];');
        $_SERVER['APP_CONFIG_CACHE'] = $_ENV['APP_CONFIG_CACHE'] = $cache;
        $this->app->forgetInstance('config_loaded_from_cache'); // Laravel 12 remembers what it found at boot
        try {
            $this->assertTrue($this->app->configurationIsCached());
            $this->assertSame(0, $this->artisanCall('crypto:keys'));
            $this->assertStringContainsString('configuration is cached', $this->artisanOutput);
            $this->assertStringContainsString('config:cache', $this->artisanOutput);
        } finally {
            unset($_SERVER['APP_CONFIG_CACHE'], $_ENV['APP_CONFIG_CACHE']);
        }
    }

    public function test_the_package_ships_its_licence_and_says_how_to_install_a_release(): void
    {
        $root = dirname(__DIR__, 2);
        $composer = json_decode((string) file_get_contents($root.'/composer.json'), true);
        $this->assertSame('MIT', $composer['license']);
        $this->assertStringContainsString('MIT License', (string) @file_get_contents($root.'/LICENSE'));
        $readme = (string) file_get_contents($root.'/README.md');
        // A tagged release from a VCS repository: no @dev (tests/newuser runs it).
        $this->assertStringContainsString('composer require sodium-crypt/laravel:^0.9', $readme);
        $this->assertStringNotContainsString('@dev', $readme);
        $this->assertStringNotContainsString('still to come', $readme);
    }
}
