<?php

use Illuminate\Support\Facades\Route;
use SodiumCrypt\Laravel\Tests\Skeleton\Http\AuthController;

// The session guard; the encryption token rides in the package's cookie.
Route::get('/', static fn () => ['cipher' => app('encrypter') instanceof SodiumCrypt\Laravel\Encrypter ? app('encrypter')->cipher()->value : config('app.cipher')]);
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login'])->name('login');
Route::post('/encryption/recover', [AuthController::class, 'recover']);
Route::post('/encryption/reset', [AuthController::class, 'reset']);
Route::middleware(['auth:web', 'user-encryption'])->group(__DIR__.'/account.php');
