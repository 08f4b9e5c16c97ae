<?php

use App\Http\Controllers\AuthController;
use Illuminate\Support\Facades\Route;

// Web: session auth, encryption token in the HTTP-only enc_token cookie.
Route::get('/', fn () => response()->json(['app' => config('app.name'), 'cipher' => app('encrypter') instanceof SodiumCrypt\Laravel\Encrypter ? app('encrypter')->cipher()->value : config('app.cipher')]));
Route::post('/register', [AuthController::class, 'register']);
Route::post('/login', [AuthController::class, 'login'])->name('login');
Route::post('/encryption/recover', [AuthController::class, 'recover']);
Route::post('/encryption/reset', [AuthController::class, 'resetEncryption']);
Route::middleware(['auth:web', 'user-encryption'])->group(base_path('routes/account.php'));
