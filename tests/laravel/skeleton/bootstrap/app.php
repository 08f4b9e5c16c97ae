<?php

use SodiumCrypt\Laravel\Tests\Skeleton\Http\Kernel;

$app = new Illuminate\Foundation\Application(dirname(__DIR__));
// A served request or a queue worker of a test reads that test's .env.
if (($envPath = getenv('SC_SKELETON_ENV_PATH')) !== false && $envPath !== '') {
    $app->useEnvironmentPath($envPath);
}
$app->useAppPath(dirname(__DIR__).'/app');

$app->singleton(Illuminate\Contracts\Http\Kernel::class, Kernel::class);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, Illuminate\Foundation\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, Illuminate\Foundation\Exceptions\Handler::class);

return $app;
