<?php

use Illuminate\Support\Facades\Route;
use SodiumCrypt\Laravel\Tests\Skeleton\Http\AuthController;

// Bearer API tokens; the encryption token in X-Encryption-Token.
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login']);
Route::post('/encryption/recover', [AuthController::class, 'recover']);
Route::post('/encryption/reset', [AuthController::class, 'reset']);
Route::middleware(['auth:api', 'user-encryption'])->group(__DIR__.'/account.php');
