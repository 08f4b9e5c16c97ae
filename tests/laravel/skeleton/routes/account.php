<?php

use Illuminate\Support\Facades\Route;
use SodiumCrypt\Laravel\Tests\Skeleton\Http\AccountController;
use SodiumCrypt\Laravel\Tests\Skeleton\Http\AuthController;

// Signed in, the user's key loaded for the request: the same on both guards.
Route::get('/me', static fn (Illuminate\Http\Request $request) => $request->user());
Route::get('/secrets', [AccountController::class, 'secrets']);
Route::post('/secrets', [AccountController::class, 'store']);
Route::get('/secrets/search', [AccountController::class, 'search']);
Route::post('/files', [AccountController::class, 'upload']);
Route::get('/files/{name}', [AccountController::class, 'download']);
Route::post('/password', [AuthController::class, 'password']);
Route::post('/encryption/recovery-code', [AuthController::class, 'recoveryCode']);
Route::post('/logout', [AuthController::class, 'logout']);
