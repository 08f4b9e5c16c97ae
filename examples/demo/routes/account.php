<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\FileController;
use App\Http\Controllers\SecretController;
use Illuminate\Support\Facades\Route;

// The signed-in routes, the same for web and API (each file adds its guard).
// 'user-encryption' loads the user's key for the request and clears it after.
Route::get('/me', fn (\Illuminate\Http\Request $request) => $request->user());
Route::get('/secrets', [SecretController::class, 'index']);
Route::post('/secrets', [SecretController::class, 'store']);
Route::get('/secrets/search', [SecretController::class, 'search']);
Route::post('/files', [FileController::class, 'store']);
Route::get('/files/{name}', [FileController::class, 'show']);
Route::post('/password', [AuthController::class, 'changePassword']);
Route::post('/encryption/recovery-code', [AuthController::class, 'recoveryCode']);
Route::post('/logout', [AuthController::class, 'logout']);
