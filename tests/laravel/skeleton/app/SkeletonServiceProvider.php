<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton;

use Illuminate\Support\Facades\Event;
use Illuminate\Support\Facades\Route;
use Illuminate\Support\ServiceProvider;
use SodiumCrypt\Laravel\Events\UserEncryptionReset;

/** The skeleton's routes and migrations, as an app's route and app providers would set them. */
class SkeletonServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        // The package's users migration, read where it lives (an app publishes a copy).
        $this->loadMigrationsFrom(dirname(__DIR__, 4).'/laravel/database/migrations');
        Route::middleware('web')->group(base_path('routes/web.php'));
        Route::middleware('api')->prefix('api')->group(base_path('routes/api.php'));
        // What an old key sealed is gone with it: an app deletes it.
        Event::listen(UserEncryptionReset::class, static fn (UserEncryptionReset $event) => $event->user->secrets()->delete());
    }
}
