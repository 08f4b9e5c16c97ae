<?php

use Illuminate\Support\Facades\Facade;
use Illuminate\Support\ServiceProvider;

// As Laravel 10's skeleton has it: the cipher hard-coded, no 'previous_keys'
// (the package reads APP_PREVIOUS_KEYS and SODIUM_CRYPT_CIPHER itself); the
// test case sets both per test. StockAppTestCase boots on Laravel 10's stock file.
return [
    'name' => 'sodium-crypt-tests',
    'env' => env('APP_ENV', 'testing'),
    'debug' => (bool) env('APP_DEBUG', false),
    'url' => 'http://localhost',
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',
    'cipher' => 'AES-256-CBC',
    'key' => env('APP_KEY'),
    'maintenance' => ['driver' => 'file'],
    // Listed as well as discovered: with the repository's own vendor/ the
    // package is the root package, which discovery does not see.
    'providers' => ServiceProvider::defaultProviders()->merge([
        SodiumCrypt\Laravel\SodiumCryptServiceProvider::class,
        SodiumCrypt\Laravel\Tests\Skeleton\SkeletonServiceProvider::class,
    ])->toArray(),
    'aliases' => Facade::defaultAliases()->merge(['UserCrypt' => SodiumCrypt\Laravel\Facades\UserCrypt::class])->toArray(),
];
