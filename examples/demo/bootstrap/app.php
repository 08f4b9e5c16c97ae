<?php

$app = new Illuminate\Foundation\Application(
    $_ENV['APP_BASE_PATH'] ?? dirname(__DIR__)
);
// tests/laravel serves this app with a .env of its own test's (the demo's is examples/demo/.env).
if (($envPath = getenv('SC_DEMO_ENV_PATH')) !== false && $envPath !== '') {
    $app->useEnvironmentPath($envPath);
}

$app->singleton(Illuminate\Contracts\Http\Kernel::class, App\Http\Kernel::class);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, App\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, App\Exceptions\Handler::class);

return $app;
