<?php

namespace App\Providers;

use Illuminate\Support\Facades\Event;
use Illuminate\Support\ServiceProvider;
use SodiumCrypt\Laravel\Events\UserEncryptionReset;

class AppServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        // A user started over with a new key: what the old one encrypted can
        // never be read again, so it goes.
        Event::listen(UserEncryptionReset::class, fn (UserEncryptionReset $event) => $event->user->secrets()->delete());
    }
}
