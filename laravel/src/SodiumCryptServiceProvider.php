<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Auth\Events\PasswordReset;
use Illuminate\Contracts\Config\Repository;
use Illuminate\Foundation\Console\AboutCommand;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Contracts\Http\Kernel as HttpKernel;
use Illuminate\Filesystem\FilesystemAdapter;
use Illuminate\Filesystem\FilesystemManager;
use Illuminate\Queue\Events\JobExceptionOccurred;
use Illuminate\Queue\Events\JobFailed;
use Illuminate\Queue\Events\JobProcessed;
use Illuminate\Queue\Events\JobProcessing;
use Illuminate\Queue\Jobs\SyncJob;
use Illuminate\Routing\Router;
use Illuminate\Support\Arr;
use Illuminate\Support\ServiceProvider;
use League\Flysystem\Filesystem as Flysystem;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Keyring;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Laravel\Casts\EncryptedAttribute;
use SodiumCrypt\Laravel\Console\KeysCommand;
use SodiumCrypt\Laravel\Console\ReencryptCommand;
use SodiumCrypt\Laravel\Console\ReindexCommand;
use SodiumCrypt\Laravel\Console\RewrapUsersCommand;
use SodiumCrypt\Laravel\Console\StatusCommand;
use SodiumCrypt\Laravel\Encoding\Encoders;
use SodiumCrypt\Laravel\Events\PasswordChanged;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Filesystem\DiskKeys;
use SodiumCrypt\Laravel\Filesystem\EncryptedAdapter;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Http\Middleware\BootPerUserEncryption;
use SodiumCrypt\Laravel\Http\Middleware\UpgradeCookiePrefixes;
use SodiumCrypt\Laravel\Listeners\RewrapUserKey;
use SodiumCrypt\Laravel\Queue\ForgetFailedJobKeys;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;
use SodiumCrypt\Laravel\Support\AboutSection;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\Ciphers;
use SodiumCrypt\Laravel\Support\ListSetting;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;
use SodiumCrypt\Laravel\Support\SigningKeys;
use SodiumCrypt\PayloadFormat;
use SodiumCrypt\SigningKey;

/**
 * Makes sodium_crypt Laravel's encrypter. Package discovery registers it; an
 * app without discovery lists it in bootstrap/providers.php (Laravel 11+) or
 * config/app.php 'providers' (Laravel 10), after Laravel's own.
 */
final class SodiumCryptServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        if (!extension_loaded('sodium_crypt')) {
            // Before anything names a class of the extension: say what to install, not "Class not found".
            throw new InvalidConfiguration(sprintf('The sodium_crypt PHP extension is not loaded in this PHP (%s SAPI, PHP %s), and sodium-crypt/laravel runs on it. Install it (`pie install sodium-crypt/sodium-crypt`, or `make install` in a clone of the extension), enable it with extension=sodium_crypt in the php.ini of every SAPI that runs the app (`php --ini` lists the CLI\'s; php-fpm has its own), then restart php-fpm.',
                PHP_SAPI, PHP_VERSION));
        }
        $this->mergeConfigFrom(__DIR__.'/../config/sodium-crypt.php', 'sodium-crypt');
        $this->registerPreviousKeys();

        if ($this->app->make('config')->get('sodium-crypt.replace_encrypter', true)) {
            $this->registerEncrypter();
        }
        $this->registerUserKeys();
        $this->registerUserEncrypter();
        $this->registerBlindIndexes();
        $this->registerMiddleware();
        $this->registerHashingAndSigning();
        $this->registerEncryptedDisk();
    }

    /**
     * Laravel 10's config/app.php has no 'previous_keys' (11 added it): without
     * this, the first rotation would strand every payload of the old key.
     * Merged here, so `config:cache` keeps it too.
     */
    private function registerPreviousKeys(): void
    {
        $config = $this->app->make('config');
        if (!$config->has('app.previous_keys')) {
            $config->set('app.previous_keys', ListSetting::items(env('APP_PREVIOUS_KEYS', '')));
        }
    }

    /**
     * Crypt::, the contracts, cookies, sessions, encrypted casts and jobs: all on
     * a Keyring. A configuration that cannot make one resolves to a
     * MisconfiguredEncrypter (every use throws why) instead of throwing at each
     * resolution: Laravel's error page resolves the encrypter too (session,
     * cookies, response factory) and would otherwise render nothing.
     */
    private function registerEncrypter(): void
    {
        $this->app->singleton('encrypter', static function (Application $app): Encrypter|MisconfiguredEncrypter {
            $config = $app->make('config');
            try {
                $cipher = Ciphers::configured($config);
                $reads = Ciphers::reads($config, $cipher);
                $format = Ciphers::format((string) $config->get('sodium-crypt.format', 'v1'), $cipher);
                return new Encrypter(new Keyring(
                    $cipher,
                    AppKeys::requireLength(AppKeys::parse($config->get('app.key')), $cipher),
                    AppKeys::parseList($config->get('app.previous_keys', [])),
                    $format,
                    $reads,
                ), self::encoders($config, $format), Ciphers::laravelReads($config));
            } catch (InvalidConfiguration $e) {
                return new MisconfiguredEncrypter($e->getMessage());
            }
        });
        $this->app->alias('encrypter', Encrypter::class);
    }

    private static function encoders(Repository $config, PayloadFormat $format): Encoders
    {
        $allowed = $config->get('sodium-crypt.encoder.allowed_classes', false);
        return new Encoders(
            (string) $config->get('sodium-crypt.encoder.write', 'php'),
            (string) $config->get('sodium-crypt.encoder.untagged', 'php'),
            is_array($allowed) ? array_values($allowed) : (bool) $allowed,
            $format === PayloadFormat::V1,
            (bool) $config->get('sodium-crypt.encoder.json_assoc', true),
        );
    }

    /**
     * The Hashing and Sign facades. A Sign key that is not configured is kept
     * as the reason, thrown at its first use: an app that signs one way needs
     * only that key. Nothing here keeps key text (a closure over it would
     * show in dump()).
     */
    private function registerHashingAndSigning(): void
    {
        $this->app->singleton(Hashing::class, static function (Application $app): Hashing {
            $config = $app->make('config');
            $key = $config->get('sodium-crypt.hashing.key');
            return new Hashing(
                (string) $config->get('sodium-crypt.hashing.driver', 'blake2b'),
                $key ? AppKeys::parse($key, 'CRYPTO_BLAKE2B_HASHING_KEY') : null,
                (int) $config->get('sodium-crypt.hashing.output_bytes', 32),
            );
        });
        $this->app->singleton(Signing::class, static function (Application $app): Signing {
            $config = $app->make('config');
            $reason = static function (\Closure $load): object|string {
                try {
                    return $load();
                } catch (InvalidConfiguration $e) {
                    return $e->getMessage();
                }
            };
            return new Signing(
                (string) $config->get('sodium-crypt.signing.driver', 'blake2b'),
                $reason(static fn (): Key => AppKeys::parse($config->get('sodium-crypt.signing.hmac_key'), 'CRYPTO_HMAC_KEY')),
                $reason(static fn (): SigningKey => SigningKeys::load(
                    $config->get('sodium-crypt.signing.eddsa_key'), $config->get('sodium-crypt.signing.eddsa_key_file'))),
                (int) $config->get('sodium-crypt.signing.output_bytes', 32),
            );
        });
    }

    /**
     * The 'sodium-encrypted' Storage driver: 'disk' names the disk it wraps;
     * files are under 'key' (default APP_KEY) and open under it or
     * 'previous_keys' (default APP_PREVIOUS_KEYS); 'user' => true puts them
     * under the request's user key (KeyContext) instead.
     */
    private function registerEncryptedDisk(): void
    {
        $this->callAfterResolving('filesystem', static function (FilesystemManager $filesystem, Application $app): void {
            $filesystem->extend('sodium-encrypted', static function (Application $app, array $config): EncryptedDisk {
                $inner = $config['disk'] ?? null;
                if (!is_string($inner) || $inner === '') {
                    throw new InvalidConfiguration("A 'sodium-encrypted' disk needs 'disk' => the name of the disk it wraps (local, s3, …).");
                }
                $disk = $app->make('filesystem')->disk($inner);
                if (!$disk instanceof FilesystemAdapter) {
                    throw new InvalidConfiguration(sprintf("The disk '%s' that a 'sodium-encrypted' disk wraps is not a Flysystem disk.", $inner));
                }
                $adapter = new EncryptedAdapter($disk->getAdapter(), DiskKeys::files($app->make('config'), $config), $inner);
                // The disk keeps its config (Laravel's FilesystemAdapter::$config): not the key text.
                $config = Arr::except($config, ['key', 'previous_keys']);
                return new EncryptedDisk(new Flysystem($adapter, Arr::only($config, ['directory_visibility', 'visibility'])), $adapter, $config);
            });
        });
    }

    private function registerUserKeys(): void
    {
        $this->app->singleton(UserKeys::class, static function (Application $app): UserKeys {
            $config = $app->make('config');
            $ops = $config->get('sodium-crypt.user.argon2_opslimit');
            $mem = $config->get('sodium-crypt.user.argon2_memlimit');
            return new UserKeys(
                AppKeys::parse($config->get('app.key')),
                new KeyWrap($ops === null ? null : (int) $ops, $mem === null ? null : (int) $mem),
                (string) $config->get('sodium-crypt.user.key_column'),
                (string) $config->get('sodium-crypt.user.check_column'),
                AppKeys::parseList($config->get('app.previous_keys', [])),
                (string) $config->get('sodium-crypt.user.recovery_column', 'encryption_key_recovery'),
            );
        });
    }

    private function registerUserEncrypter(): void
    {
        $this->app->singleton(UserEncrypter::class, static function (Application $app): UserEncrypter {
            $config = $app->make('config');
            $cipher = Ciphers::resolve((string) $config->get('sodium-crypt.user.cipher'), 'sodium-crypt.user.cipher');
            $format = Ciphers::format((string) $config->get('sodium-crypt.user.format'), $cipher);
            return new UserEncrypter($cipher, $format, self::encoders($config, $format));
        });
    }

    /**
     * Global blind indexes under their own key (BLIND_INDEX_KEY). Without one,
     * APP_KEY serves, but only while it has never been rotated: after a
     * rotation by hand every search would silently find nothing. The keys of
     * BLIND_INDEX_PREVIOUS_KEYS are searched too until crypto:reindex is done.
     */
    private function registerBlindIndexes(): void
    {
        $this->app->singleton(BlindIndexes::class, static function (Application $app): BlindIndexes {
            $config = $app->make('config');
            $key = $config->get('sodium-crypt.blind_index_key');
            if (!$key && $config->get('app.previous_keys')) {
                throw new InvalidConfiguration('BLIND_INDEX_KEY is not set and APP_KEY has been rotated (APP_PREVIOUS_KEYS is not empty): global blind indexes are made under the index key, which was APP_KEY until now, so under the new APP_KEY no search would match. Set BLIND_INDEX_KEY to the APP_KEY the indexes were made with (`php artisan crypto:keys` does this itself when it rotates).');
            }
            $what = $key ? 'BLIND_INDEX_KEY' : 'APP_KEY (used for blind indexes when BLIND_INDEX_KEY is not set)';
            $key = AppKeys::parse($key ?: $config->get('app.key'), $what);
            if ($key->length() !== 32) {
                throw new InvalidConfiguration(sprintf('%s is %d bytes; blind indexes need a 32-byte key: set BLIND_INDEX_KEY (php artisan crypto:keys --show --cipher=aegis-256 prints one).', $what, $key->length()));
            }
            $previous = [];
            foreach (AppKeys::parseList($config->get('sodium-crypt.blind_index_previous_keys'), 'BLIND_INDEX_PREVIOUS_KEYS') as $i => $one) {
                if ($one->length() !== 32) {
                    throw new InvalidConfiguration(sprintf('BLIND_INDEX_PREVIOUS_KEYS[%d] is %d bytes; blind index keys are 32 bytes.', $i, $one->length()));
                }
                $previous[] = new BlindIndex($one);
            }
            return new BlindIndexes(new BlindIndex($key), $previous);
        });
        $this->app->bind(BlindIndexRotator::class, static fn (Application $app): BlindIndexRotator => new BlindIndexRotator(
            $app->make(BlindIndexes::class), $app->make('config'), $app->path('Models'), $app->getNamespace()));
    }

    private function registerMiddleware(): void
    {
        $this->app->bind(BootPerUserEncryption::class, static function (Application $app): BootPerUserEncryption {
            $config = $app->make('config');
            return new BootPerUserEncryption(
                $app->make(UserKeys::class),
                (string) $config->get('sodium-crypt.user.header'),
                (string) $config->get('sodium-crypt.user.cookie'),
                $config->get('session'),
            );
        });
    }

    /**
     * Long-lived workers (queue workers, Octane) never reach the extension's
     * request shutdown: the context is cleared before and after every job
     * (a job that loads a key, initUserEncryption() say, leaves it for the
     * next, which may be another user's) and around every Octane request,
     * task and tick. A job on the sync driver runs inside the request that
     * dispatched it, and keeps its key. A failed job's row keeps no carried
     * user key (ForgetFailedJobKeys). The Octane events are named, not
     * imported: without Octane they never fire.
     */
    private function clearKeyContextBetweenUnitsOfWork(): void
    {
        $clear = static function (?object $event = null): void {
            // A sync job runs inside the request that dispatched it, on that request's key.
            if (!(($event->job ?? null) instanceof SyncJob)) {
                KeyContext::clear();
            }
        };
        $this->app->terminating($clear);
        $events = $this->app->make('events');
        $app = $this->app;
        $events->listen(JobProcessing::class, static function () use ($events, $app): void {
            ForgetFailedJobKeys::listen($events, $app);
        });
        $events->listen([
            JobProcessing::class, JobProcessed::class, JobExceptionOccurred::class, JobFailed::class,
            'Laravel\Octane\Events\RequestReceived', 'Laravel\Octane\Events\RequestTerminated',
            'Laravel\Octane\Events\TaskReceived', 'Laravel\Octane\Events\TaskTerminated',
            'Laravel\Octane\Events\TickReceived', 'Laravel\Octane\Events\TickTerminated',
        ], $clear);
    }

    public function boot(Repository $config, Router $router): void
    {
        $this->publishes([__DIR__.'/../config/sodium-crypt.php' => $this->app->configPath('sodium-crypt.php')], 'sodium-crypt-config');
        // Published, not loaded: only an app that asks for per-user encryption gets columns on users.
        $this->publishes([__DIR__.'/../database/migrations' => $this->app->databasePath('migrations')], 'sodium-crypt-migrations');

        $router->aliasMiddleware('user-encryption', BootPerUserEncryption::class);
        $this->app->make('events')->listen([PasswordChanged::class, PasswordReset::class], RewrapUserKey::class);
        $this->clearKeyContextBetweenUnitsOfWork();
        // Bound casts seal to the attributes a row is written with (EncryptedAttribute::beforeWrite).
        $this->app->make('events')->listen(['eloquent.creating: *', 'eloquent.updating: *'], static function (string $event, array $models): void {
            EncryptedAttribute::beforeWrite($models[0]);
        });

        $replaces = (bool) $config->get('sodium-crypt.replace_encrypter', true);
        if ($replaces && UpgradeCookiePrefixes::needed() && $this->app->bound(HttpKernel::class)) {
            $this->app->make(HttpKernel::class)->prependMiddleware(UpgradeCookiePrefixes::class);
        }

        if ($this->app->runningInConsole()) {
            AboutCommand::add('sodium_crypt', fn (): array => AboutSection::rows($this->app));
            $this->commands([KeysCommand::class, ReencryptCommand::class, ReindexCommand::class, RewrapUsersCommand::class, StatusCommand::class]);
            return;
        }
        if (!$replaces) {
            return;
        }
        // Serving requests: a wrong key length or an unavailable cipher stops the
        // request here, with what to run, instead of at the first cookie; the
        // handler still renders Laravel's error page (the binding itself resolves).
        Encrypter::of($this->app);
    }
}
