<?php

use Illuminate\Support\Facades\Facade;
use Illuminate\Support\ServiceProvider;

// config/app.php as Laravel 10's skeleton ships it, where it matters here:
// the cipher is hard-coded to AES-256-CBC, and there is no 'previous_keys'
// entry (Laravel 11 added it). The package must work from .env alone.
return [
    'name' => env('APP_NAME', 'Laravel'),
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'url' => env('APP_URL', 'http://localhost'),
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',

    'key' => env('APP_KEY'),

    'cipher' => 'AES-256-CBC',

    'maintenance' => ['driver' => 'file'],

    'providers' => ServiceProvider::defaultProviders()->merge([
        SodiumCrypt\Laravel\SodiumCryptServiceProvider::class,
        SodiumCrypt\Laravel\Tests\Skeleton\SkeletonServiceProvider::class,
    ])->toArray(),

    'aliases' => Facade::defaultAliases()->toArray(),
];
