<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\SecretController;
use Illuminate\Support\Facades\Route;

// API: Authorization: Bearer <api_token>, encryption token in X-Encryption-Token.
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login']);

Route::middleware(['auth:api', 'user-encryption'])->group(function () {
    Route::get('/secrets', [SecretController::class, 'index']);
    Route::post('/secrets', [SecretController::class, 'store']);
    Route::get('/secrets/search', [SecretController::class, 'search']);
    Route::post('/password', [AuthController::class, 'changePassword']);
    Route::post('/logout', [AuthController::class, 'logout']);
});
