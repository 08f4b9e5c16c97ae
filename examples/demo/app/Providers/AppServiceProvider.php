<?php

namespace App\Providers;

use Illuminate\Support\Facades\Event;
use Illuminate\Support\ServiceProvider;
use SodiumCrypt\Laravel\Events\UserEncryptionReset;

class AppServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        // This app uses per-user encryption, so it runs the package's users
        // migration. An app of its own publishes it instead
        // (php artisan vendor:publish --tag=sodium-crypt-migrations); this
        // one reads it from the clone it lives in, so that it never goes stale.
        $this->loadMigrationsFrom(dirname(__DIR__, 4).'/laravel/database/migrations');

        // A user started over with a new key: what the old one encrypted can
        // never be read again, so it goes.
        Event::listen(UserEncryptionReset::class, fn (UserEncryptionReset $event) => $event->user->secrets()->delete());
    }
}
