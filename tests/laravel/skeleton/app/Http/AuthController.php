<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton\Http;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Cookie;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Str;
use Illuminate\Validation\ValidationException;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Events\PasswordChanged;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;

/**
 * Sign-up, sign-in, recovery and sign-out on both guards: under /api the
 * client gets an API token and the encryption token (for X-Encryption-Token);
 * on the web guard a session and the encryption token in the package's
 * HTTP-only cookie.
 */
final class AuthController
{
    public function register(Request $request): JsonResponse
    {
        $input = $request->validate([
            'name' => 'required|string|max:100',
            'email' => 'required|email|max:200|unique:users,email',
            'password' => 'required|string|min:8',
            'phone' => 'nullable|string|max:40',
        ]);
        $user = User::create($input);
        $token = $user->encodeEncryptionToken($user->initUserEncryption($input['password']));
        return $this->session($request, $user, $token, 201, ['recovery_code' => $user->createEncryptionRecoveryCode()]);
    }

    public function login(Request $request): JsonResponse
    {
        $input = $request->validate(['email' => 'required|email', 'password' => 'required|string']);
        $user = self::credentials($input);
        return $this->session($request, $user, $user->issueEncryptionToken($input['password']));
    }

    public function recover(Request $request): JsonResponse
    {
        $input = $request->validate(['email' => 'required|email', 'password' => 'required|string', 'recovery_code' => 'required|string']);
        $user = self::credentials($input);
        $token = $user->recoverUserEncryption($input['recovery_code'], $input['password']);
        return $this->session($request, $user, $token, 200, ['recovery_code' => $user->createEncryptionRecoveryCode()]);
    }

    public function reset(Request $request): JsonResponse
    {
        $input = $request->validate(['email' => 'required|email', 'password' => 'required|string', 'acknowledge_data_loss' => 'boolean']);
        $user = self::credentials($input);
        return $this->session($request, $user, $user->resetUserEncryption($input['password'], (bool) ($input['acknowledge_data_loss'] ?? false)));
    }

    public function recoveryCode(Request $request): JsonResponse
    {
        return new JsonResponse(['recovery_code' => $request->user()->createEncryptionRecoveryCode()]);
    }

    public function password(Request $request): JsonResponse
    {
        $input = $request->validate(['current_password' => 'required|string', 'new_password' => 'required|string|min:8']);
        $user = $request->user();
        if (!Hash::check($input['current_password'], $user->password)) {
            throw ValidationException::withMessages(['current_password' => 'The current password is wrong.']);
        }
        $user->forceFill(['password' => $input['new_password']])->save();
        event(new PasswordChanged($user, $input['new_password']));
        return new JsonResponse(['status' => 'password changed', 'key_mode' => $user->userEncryptionMode()]);
    }

    public function logout(Request $request): JsonResponse
    {
        if (self::api($request)) {
            $request->user()->forceFill(['api_token' => null])->save();
        } else {
            Auth::guard('web')->logout();
            $request->session()->invalidate();
        }
        KeyContext::clear();
        return (new JsonResponse(['status' => 'signed out']))->withCookie(Cookie::forget(config('sodium-crypt.user.cookie')));
    }

    private static function credentials(#[\SensitiveParameter] array $input): User
    {
        $user = User::query()->where('email', $input['email'])->first();
        if ($user === null || !Hash::check($input['password'], $user->password)) {
            throw ValidationException::withMessages(['email' => 'These credentials do not match our records.']);
        }
        return $user;
    }

    private static function api(Request $request): bool
    {
        return $request->route()->getPrefix() === 'api';
    }

    private function session(Request $request, User $user, #[\SensitiveParameter] string $encryptionToken, int $status = 200, array $more = []): JsonResponse
    {
        $body = ['user' => $user->only('id', 'name', 'email'), 'key_mode' => $user->userEncryptionMode()] + $more;
        if (self::api($request)) {
            $apiToken = Str::random(60);
            $user->forceFill(['api_token' => hash('sha256', $apiToken)])->save();
            return new JsonResponse($body + ['api_token' => $apiToken, 'encryption_token' => $encryptionToken], $status);
        }
        Auth::guard('web')->login($user);
        $request->session()->regenerate();
        $cookie = Cookie::make(config('sodium-crypt.user.cookie'), $encryptionToken, 0, null, null, null, true, false, 'lax');
        return (new JsonResponse($body, $status))->withCookie($cookie);
    }
}
