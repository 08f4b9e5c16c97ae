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

    // Any of: Sodium_AEGIS256GCM, Sodium_AEGIS128LGCM, Sodium_XChaCha20Poly1305,
    // Sodium_AES256GCM, Sodium_SecretBox, the SodiumCrypt\Cipher values, or
    // Laravel's own AES-256-CBC (upgraded to AEGIS-256 on write, still read).
    'cipher' => env('APP_CIPHER', 'Sodium_AEGIS256GCM'),
    'key' => env('APP_KEY'),
    'previous_keys' => array_filter(explode(',', (string) env('APP_PREVIOUS_KEYS', ''))),

    'maintenance' => ['driver' => 'file'],

    // Laravel 10 lists providers here; sodium-crypt/laravel is also
    // package-discovered. Laravel 11+: bootstrap/providers.php.
    'providers' => ServiceProvider::defaultProviders()->merge([
        App\Providers\RouteServiceProvider::class,
        SodiumCrypt\Laravel\SodiumCryptServiceProvider::class,
    ])->toArray(),

    'aliases' => Facade::defaultAliases()->merge([
        'UserCrypt' => SodiumCrypt\Laravel\Facades\UserCrypt::class,
    ])->toArray(),
];
