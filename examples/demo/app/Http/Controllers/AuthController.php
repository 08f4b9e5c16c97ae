<?php

namespace App\Http\Controllers;

use App\Models\User;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Cookie;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Str;
use Illuminate\Validation\ValidationException;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Events\PasswordChanged;

/**
 * Register, login, password change, logout. The web routes keep the
 * encryption token in the HTTP-only enc_token cookie (encrypted like every
 * cookie); the API returns it for the client's X-Encryption-Token header.
 */
class AuthController
{
    public function register(Request $request): JsonResponse
    {
        $data = $request->validate([
            'name' => ['required', 'string', 'max:100'],
            'email' => ['required', 'email', 'max:200', 'unique:users,email'],
            'password' => ['required', 'string', 'min:8'],
            'phone' => ['nullable', 'string', 'max:40'],
        ]);
        $user = User::create($data);
        $token = $user->encodeEncryptionToken($user->initUserEncryption($data['password']));
        // Shown once: with it, a forgot-password reset loses nothing.
        return $this->signedIn($request, $user, $token, 201, ['recovery_code' => $user->createEncryptionRecoveryCode()]);
    }

    public function login(Request $request): JsonResponse
    {
        $data = $request->validate(['email' => ['required', 'email'], 'password' => ['required', 'string']]);
        $user = $this->checked($data);
        // EncryptionLocked (409) when the password was reset without the key.
        return $this->signedIn($request, $user, $user->issueEncryptionToken($data['password']));
    }

    /** After a forgot-password reset (login answered 409): the key back from the recovery code. */
    public function recover(Request $request): JsonResponse
    {
        $data = $request->validate(['email' => ['required', 'email'], 'password' => ['required', 'string'], 'recovery_code' => ['required', 'string']]);
        $user = $this->checked($data);
        $token = $user->recoverUserEncryption($data['recovery_code'], $data['password']);
        // The code is used up: a new one, shown once.
        return $this->signedIn($request, $user, $token, 200, ['recovery_code' => $user->createEncryptionRecoveryCode()]);
    }

    /** Without a recovery code: a new key, the old data dropped (see AppServiceProvider). */
    public function resetEncryption(Request $request): JsonResponse
    {
        $data = $request->validate(['email' => ['required', 'email'], 'password' => ['required', 'string'], 'acknowledge_data_loss' => ['boolean']]);
        $user = $this->checked($data);
        return $this->signedIn($request, $user, $user->resetUserEncryption($data['password'], (bool) ($data['acknowledge_data_loss'] ?? false)));
    }

    public function recoveryCode(Request $request): JsonResponse
    {
        return response()->json(['recovery_code' => $request->user()->createEncryptionRecoveryCode()]);
    }

    private function checked(#[\SensitiveParameter] array $data): User
    {
        $user = User::where('email', $data['email'])->first();
        if (!$user || !Hash::check($data['password'], $user->password)) {
            throw ValidationException::withMessages(['email' => 'These credentials do not match our records.']);
        }
        return $user;
    }

    public function changePassword(Request $request): JsonResponse
    {
        $data = $request->validate([
            'current_password' => ['required', 'string'],
            'new_password' => ['required', 'string', 'min:8'],
        ]);
        $user = $request->user();
        if (!Hash::check($data['current_password'], $user->password)) {
            throw ValidationException::withMessages(['current_password' => 'The current password is wrong.']);
        }
        $user->password = $data['new_password'];
        $user->save();
        // The key stays the same (the token too); only its wrapping changes.
        event(new PasswordChanged($user, $data['new_password']));
        return response()->json(['status' => 'password changed', 'key_mode' => $user->userEncryptionMode()]);
    }

    public function logout(Request $request): JsonResponse
    {
        if ($request->route()->getPrefix() === 'api') {
            $request->user()->forceFill(['api_token' => null])->save();
        } else {
            Auth::guard('web')->logout();
            $request->session()->invalidate();
        }
        KeyContext::clear();
        return response()->json(['status' => 'signed out'])->withCookie(Cookie::forget(config('sodium-crypt.user.cookie')));
    }

    private function signedIn(Request $request, User $user, #[\SensitiveParameter] string $encryptionToken, int $status = 200, array $extra = []): JsonResponse
    {
        $body = ['user' => ['id' => $user->id, 'name' => $user->name, 'email' => $user->email], 'key_mode' => $user->userEncryptionMode()] + $extra;
        if ($request->route()->getPrefix() === 'api') {
            $apiToken = Str::random(60);
            $user->forceFill(['api_token' => hash('sha256', $apiToken)])->save();
            return response()->json($body + ['api_token' => $apiToken, 'encryption_token' => $encryptionToken], $status);
        }
        Auth::guard('web')->login($user);
        $request->session()->regenerate();
        return response()->json($body, $status)
            ->withCookie(cookie(config('sodium-crypt.user.cookie'), $encryptionToken, 0, null, null, null, true, false, 'lax'));
    }
}
