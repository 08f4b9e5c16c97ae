<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\SecretController;
use Illuminate\Support\Facades\Route;

// Web: session auth, encryption token in the HTTP-only enc_token cookie.
Route::get('/', fn () => response()->json(['app' => config('app.name'), 'cipher' => config('app.cipher')]));
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login'])->name('login');

Route::middleware(['auth:web', 'user-encryption'])->group(function () {
    Route::get('/secrets', [SecretController::class, 'index']);
    Route::post('/secrets', [SecretController::class, 'store']);
    Route::get('/secrets/search', [SecretController::class, 'search']);
    Route::post('/password', [AuthController::class, 'changePassword']);
    Route::post('/logout', [AuthController::class, 'logout']);
});
