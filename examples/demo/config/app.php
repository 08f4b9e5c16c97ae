<?php

use Illuminate\Support\Facades\Facade;
use Illuminate\Support\ServiceProvider;

return [
    'name' => env('APP_NAME', 'sodium-crypt-demo'),
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'url' => env('APP_URL', 'http://localhost'),
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',

    // As Laravel 10's skeleton has them: the cipher hard-coded, no
    // 'previous_keys' (the package reads APP_PREVIOUS_KEYS itself). The cipher
    // sodium_crypt writes is its own setting, SODIUM_CRYPT_CIPHER (.env);
    // AES-256-CBC here is what Laravel's encrypter uses when the package's is off.
    'cipher' => 'AES-256-CBC',
    'key' => env('APP_KEY'),

    'maintenance' => ['driver' => 'file'],

    // Laravel 10 lists providers here; sodium-crypt/laravel is also
    // package-discovered. Laravel 11+: bootstrap/providers.php.
    'providers' => ServiceProvider::defaultProviders()->merge([
        App\Providers\AppServiceProvider::class,
        App\Providers\RouteServiceProvider::class,
        SodiumCrypt\Laravel\SodiumCryptServiceProvider::class,
    ])->toArray(),

    'aliases' => Facade::defaultAliases()->merge([
        'UserCrypt' => SodiumCrypt\Laravel\Facades\UserCrypt::class,
    ])->toArray(),
];
