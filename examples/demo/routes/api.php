<?php

use App\Http\Controllers\AuthController;
use Illuminate\Support\Facades\Route;

// API: Authorization: Bearer <api_token>, encryption token in X-Encryption-Token.
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login']);
Route::post('/encryption/recover', [AuthController::class, 'recover']);
Route::post('/encryption/reset', [AuthController::class, 'resetEncryption']);
// The records page: 100 records x 5 fields under the app key (make demo's load test).
Route::get('/records', fn () => ['records' => App\Models\Record::query()->orderBy('id')->limit(100)->get()]);
Route::middleware(['auth:api', 'user-encryption'])->group(base_path('routes/account.php'));
