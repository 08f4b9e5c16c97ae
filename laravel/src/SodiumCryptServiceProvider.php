<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Auth\Events\PasswordReset;
use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Contracts\Http\Kernel as HttpKernel;
use Illuminate\Filesystem\FilesystemManager;
use Illuminate\Foundation\Console\AboutCommand;
use Illuminate\Routing\Router;
use Illuminate\Routing\UrlGenerator;
use Illuminate\Support\ServiceProvider;
use SodiumCrypt\Laravel\Casts\EncryptedAttribute;
use SodiumCrypt\Laravel\Console\KeysCommand;
use SodiumCrypt\Laravel\Console\ReencryptCommand;
use SodiumCrypt\Laravel\Console\ReindexCommand;
use SodiumCrypt\Laravel\Console\RewrapUsersCommand;
use SodiumCrypt\Laravel\Console\StatusCommand;
use SodiumCrypt\Laravel\Events\PasswordChanged;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Http\Middleware\BootPerUserEncryption;
use SodiumCrypt\Laravel\Http\Middleware\UpgradeCookiePrefixes;
use SodiumCrypt\Laravel\Listeners\ClearKeyContext;
use SodiumCrypt\Laravel\Listeners\RewrapUserKey;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;
use SodiumCrypt\Laravel\Support\AboutSection;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\ListSetting;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;
use SodiumCrypt\Laravel\Support\Settings;

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
        $this->registerServices();
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
            $config->set(Settings::configKey('APP_PREVIOUS_KEYS'), ListSetting::items(env('APP_PREVIOUS_KEYS', '')));
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
            try {
                return Encrypter::fromConfig($app->make('config'));
            } catch (InvalidConfiguration $e) {
                return new MisconfiguredEncrypter($e->getMessage());
            }
        });
        $this->app->alias('encrypter', Encrypter::class);
    }

    /** Each service made from the configuration by its own fromConfig(). */
    private function registerServices(): void
    {
        foreach ([UserKeys::class, UserEncrypter::class, BlindIndexes::class, Hashing::class, Signing::class] as $class) {
            $this->app->singleton($class, static fn (Application $app): object => $class::fromConfig($app->make('config')));
        }
        $this->app->bind(BlindIndexRotator::class, static fn (Application $app): BlindIndexRotator => new BlindIndexRotator(
            $app->make(BlindIndexes::class), $app->make('config'), $app->path('Models'), $app->getNamespace()));
        $this->app->bind(BootPerUserEncryption::class, static fn (Application $app): BootPerUserEncryption => new BootPerUserEncryption(
            $app->make(UserKeys::class),
            (string) $app->make('config')->get('sodium-crypt.user.header'),
            (string) $app->make('config')->get('sodium-crypt.user.cookie'),
            $app->make('config')->get('session'),
        ));
        $this->callAfterResolving('filesystem', static function (FilesystemManager $filesystem): void {
            $filesystem->extend('sodium-encrypted', EncryptedDisk::fromConfig(...));
        });
        $this->app->extend('url', static fn (UrlGenerator $url): UrlGenerator => self::signWithKeysNotReferences($url));
    }

    /**
     * Laravel signs URLs with the text of APP_KEY (and, from 11 on, of each
     * previous key). A PKCS#11 reference is public: the URL generator gets
     * the "base64:" text of the key it wraps instead, so a stolen .env signs
     * nothing and URLs signed before the key was wrapped stay valid. Laravel's
     * own resolver still decides which keys (AppKeys::laravelText() maps each).
     */
    private static function signWithKeysNotReferences(UrlGenerator $url): UrlGenerator
    {
        if (!property_exists($url, 'keyResolver')) {
            return $url;
        }
        $laravels = (new \ReflectionProperty($url, 'keyResolver'))->getValue($url);
        if (!is_callable($laravels)) {
            return $url;
        }
        return $url->setKeyResolver(static function () use ($laravels): mixed {
            $keys = $laravels();
            return is_array($keys) ? array_map(AppKeys::laravelText(...), $keys) : AppKeys::laravelText($keys);
        });
    }

    public function boot(Repository $config, Router $router): void
    {
        $this->publishes([__DIR__.'/../config/sodium-crypt.php' => $this->app->configPath('sodium-crypt.php')], 'sodium-crypt-config');
        // Published, not loaded: only an app that asks for per-user encryption gets columns on users.
        $this->publishes([__DIR__.'/../database/migrations' => $this->app->databasePath('migrations')], 'sodium-crypt-migrations');

        $router->aliasMiddleware('user-encryption', BootPerUserEncryption::class);
        $this->app->make('events')->listen([PasswordChanged::class, PasswordReset::class], RewrapUserKey::class);
        ClearKeyContext::register($this->app);
        // The casts keep these per container (EncryptedAttribute::service()): one built anew
        // replaces the kept one.
        foreach (['encrypter', UserEncrypter::class, BlindIndexes::class] as $abstract) {
            $this->app->afterResolving($abstract, static fn () => EncryptedAttribute::forgetService($abstract));
        }
        // Bound casts seal to the attributes a row is written with (EncryptedAttribute::beforeWrite).
        $this->app->make('events')->listen(['eloquent.creating: *', 'eloquent.updating: *'], static function (string $event, array $models): void {
            EncryptedAttribute::beforeWrite($models[0]);
        });

        $replaces = (bool) $config->get('sodium-crypt.replace_encrypter', true);
        if ($replaces) {
            // So does an encrypter swapped in with instance(). rebinding() resolves it now: ours
            // never throws (a bad configuration is a MisconfiguredEncrypter), Laravel's can.
            $this->app->rebinding('encrypter', static fn () => EncryptedAttribute::forgetService('encrypter'));
        }
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
