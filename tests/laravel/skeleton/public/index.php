<?php

// The requests tests/laravel serves over a web SAPI (PHP's built-in server).
require (getenv('COMPOSER_VENDOR_DIR') ?: __DIR__.'/../../../../vendor').'/autoload.php';

$app = require __DIR__.'/../bootstrap/app.php';
$kernel = $app->make(Illuminate\Contracts\Http\Kernel::class);
$response = $kernel->handle($request = Illuminate\Http\Request::capture())->send();
$kernel->terminate($request, $response);
