<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Auth\Events\PasswordReset;
use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Routing\Router;
use Illuminate\Support\ServiceProvider;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Keyring;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Laravel\Console\KeysCommand;
use SodiumCrypt\Laravel\Console\ReencryptCommand;
use SodiumCrypt\Laravel\Events\PasswordChanged;
use SodiumCrypt\Laravel\Http\Middleware\BootPerUserEncryption;
use SodiumCrypt\Laravel\Listeners\RewrapUserKey;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\Ciphers;

/**
 * Makes sodium_crypt Laravel's encrypter. Package discovery registers it; an
 * app without discovery lists it in bootstrap/providers.php (Laravel 11+) or
 * config/app.php 'providers' (Laravel 10), after Laravel's own.
 */
final class SodiumCryptServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        $this->mergeConfigFrom(__DIR__.'/../config/sodium-crypt.php', 'sodium-crypt');

        if ($this->app->make('config')->get('sodium-crypt.replace_encrypter', true)) {
            $this->registerEncrypter();
        }

        $this->app->singleton(UserKeys::class, static function (Application $app): UserKeys {
            $config = $app->make('config');
            $ops = $config->get('sodium-crypt.user.argon2_opslimit');
            $mem = $config->get('sodium-crypt.user.argon2_memlimit');
            return new UserKeys(
                AppKeys::parse($config->get('app.key')),
                new KeyWrap($ops === null ? null : (int) $ops, $mem === null ? null : (int) $mem),
                (string) $config->get('sodium-crypt.user.key_column'),
                (string) $config->get('sodium-crypt.user.check_column'),
            );
        });

        $this->app->singleton(UserEncrypter::class, static function (Application $app): UserEncrypter {
            $config = $app->make('config');
            $cipher = Ciphers::resolve((string) $config->get('sodium-crypt.user.cipher'));
            return new UserEncrypter(
                $cipher,
                Ciphers::format((string) $config->get('sodium-crypt.user.format'), $cipher),
            );
        });

        $this->app->singleton(BlindIndexes::class, static function (Application $app): BlindIndexes {
            $config = $app->make('config');
            $key = $config->get('sodium-crypt.blind_index_key');
            $what = $key ? 'BLIND_INDEX_KEY' : 'APP_KEY (used for blind indexes when BLIND_INDEX_KEY is not set)';
            $key = AppKeys::parse($key ?: $config->get('app.key'), $what);
            if ($key->length() !== 32) {
                throw new Exceptions\InvalidConfiguration(sprintf('%s is %d bytes; blind indexes need a 32-byte key: set BLIND_INDEX_KEY (php artisan crypto:keys --show --cipher=aegis-256 prints one).', $what, $key->length()));
            }
            return new BlindIndexes(new BlindIndex($key));
        });

        $this->app->bind(BootPerUserEncryption::class, static function (Application $app): BootPerUserEncryption {
            $config = $app->make('config');
            return new BootPerUserEncryption(
                $app->make(UserKeys::class),
                (string) $config->get('sodium-crypt.user.header'),
                (string) $config->get('sodium-crypt.user.cookie'),
            );
        });
    }

    /** Crypt::, the contracts, cookies, sessions, encrypted casts and jobs: all on a Keyring. */
    private function registerEncrypter(): void
    {
        $this->app->singleton('encrypter', static function (Application $app): Encrypter {
            $config = $app->make('config');
            $cipher = Ciphers::resolve((string) $config->get('app.cipher', 'AES-256-CBC'), $config->get('sodium-crypt.laravel_cipher_upgrade'));
            return new Encrypter(new Keyring(
                $cipher,
                AppKeys::requireLength(AppKeys::parse($config->get('app.key')), $cipher),
                AppKeys::parseList($config->get('app.previous_keys', [])),
                Ciphers::format((string) $config->get('sodium-crypt.format', 'v1'), $cipher),
            ));
        });
        $this->app->alias('encrypter', Encrypter::class);
    }

    public function boot(Repository $config, Router $router): void
    {
        $this->publishes([__DIR__.'/../config/sodium-crypt.php' => $this->app->configPath('sodium-crypt.php')], 'sodium-crypt-config');
        $this->publishes([__DIR__.'/../database/migrations' => $this->app->databasePath('migrations')], 'sodium-crypt-migrations');
        $this->loadMigrationsFrom(__DIR__.'/../database/migrations');

        $router->aliasMiddleware('user-encryption', BootPerUserEncryption::class);
        $this->app->make('events')->listen([PasswordChanged::class, PasswordReset::class], RewrapUserKey::class);
        // Long-lived workers (Octane, queue workers) never reach the extension's request shutdown.
        $this->app->terminating(static fn () => KeyContext::clear());

        if ($this->app->runningInConsole()) {
            $this->commands([KeysCommand::class, ReencryptCommand::class]);
            return;
        }
        if (!$config->get('sodium-crypt.replace_encrypter', true)) {
            return;
        }
        // Serving requests: a wrong key length or an unavailable cipher stops the app
        // here, with what to run, instead of at the first cookie.
        $this->app->make('encrypter');
    }
}
