<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton\Http;

use Illuminate\Foundation\Http\Kernel as HttpKernel;

/** Laravel's web and api groups, without CSRF (the tests post as API clients do). */
class Kernel extends HttpKernel
{
    protected $middleware = [
        \Illuminate\Foundation\Http\Middleware\ValidatePostSize::class,
        \Illuminate\Foundation\Http\Middleware\ConvertEmptyStringsToNull::class,
    ];

    protected $middlewareGroups = [
        'web' => [
            \Illuminate\Cookie\Middleware\EncryptCookies::class,
            \Illuminate\Cookie\Middleware\AddQueuedCookiesToResponse::class,
            \Illuminate\Session\Middleware\StartSession::class,
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
        'api' => [\Illuminate\Routing\Middleware\SubstituteBindings::class],
    ];

    // 'user-encryption' is the package's own.
    protected $middlewareAliases = ['auth' => \Illuminate\Auth\Middleware\Authenticate::class];
}
