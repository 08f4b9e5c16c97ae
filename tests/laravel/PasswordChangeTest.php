<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\Route;
use Illuminate\Testing\TestResponse;
use SodiumCrypt\KeyContext;

/**
 * A password changed the way starter kits change it (Breeze's and
 * Fortify's "update password": Hash::make() then update(), no event of
 * this package) keeps the user's data readable: the key is re-wrapped in
 * the same save, or the save is refused with what to add. Nothing else.
 */
final class PasswordChangeTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        // Breeze's PasswordController::update, as an API route: with and without the package's middleware.
        $update = static function (Request $request) {
            $validated = $request->validate(['current_password' => ['required', 'current_password:api'], 'password' => ['required', 'confirmed']]);
            $request->user()->update(['password' => Hash::make($validated['password'])]);
            return response()->json(['status' => 'password-updated']);
        };
        Route::middleware(['api', 'auth:api'])->put('/api/breeze/password', $update);
        Route::middleware(['api', 'auth:api', 'user-encryption'])->put('/api/breeze/password-with-key', $update);
        // A change with no plaintext anywhere in the request (an admin tool, a script in a request).
        Route::middleware(['api', 'auth:api', 'user-encryption'])->put('/api/hashed-only', static function (Request $request) {
            $request->user()->forceFill(['password' => Hash::make('set elsewhere')])->save();
            return response()->json(['status' => 'changed']);
        });
    }

    private function api(string $method, string $uri, array $data = [], ?array $auth = null): TestResponse
    {
        $headers = ['Accept' => 'application/json'];
        if ($auth) {
            $headers['Authorization'] = 'Bearer '.$auth['api_token'];
            $headers['X-Encryption-Token'] = $auth['encryption_token'];
        }
        $this->app['auth']->forgetGuards();
        $response = $this->json($method, $uri, $data, $headers);
        $this->assertFalse(KeyContext::has(), "the key context is empty after $method $uri");
        return $response;
    }

    private function alice(): array
    {
        $alice = $this->api('POST', '/api/register', ['name' => 'alice', 'email' => 'alice@example.com', 'password' => 'first password'])->assertCreated()->json();
        $this->api('POST', '/api/secrets', ['label' => 'kept', 'ssn' => '123-45-6789'], $alice)->assertCreated();
        return $alice;
    }

    private function readsWith(string $password): void
    {
        $login = $this->api('POST', '/api/login', ['email' => 'alice@example.com', 'password' => $password])->assertOk()->json();
        $this->api('GET', '/api/secrets', [], $login)->assertOk()->assertJsonPath('secrets.0.label', 'kept');
    }

    public function test_breezes_update_password_without_the_packages_middleware_keeps_the_data(): void
    {
        $alice = $this->alice();
        $this->api('PUT', '/api/breeze/password', ['current_password' => 'first password', 'password' => 'second password',
            'password_confirmation' => 'second password'], ['api_token' => $alice['api_token'], 'encryption_token' => ''])->assertOk();
        $this->readsWith('second password');
    }

    public function test_breezes_update_password_with_the_key_loaded_keeps_the_data(): void
    {
        $alice = $this->alice();
        $this->api('PUT', '/api/breeze/password-with-key', ['current_password' => 'first password', 'password' => 'second password',
            'password_confirmation' => 'second password'], $alice)->assertOk();
        $this->readsWith('second password');
    }

    public function test_a_change_that_cannot_re_wrap_the_key_is_refused_and_writes_nothing(): void
    {
        $alice = $this->alice();
        $before = User::first()->only(['password', 'encryption_key']);
        $response = $this->api('PUT', '/api/hashed-only', [], $alice);
        $response->assertStatus(500);
        $this->assertSame($before, User::first()->only(['password', 'encryption_key']), 'nothing written');
        $this->readsWith('first password');
    }

    public function test_the_save_and_a_password_changed_event_after_it_wrap_the_key_once(): void
    {
        // The skeleton's own route saves the password, then fires PasswordChanged (as the README shows).
        $alice = $this->alice();
        $wraps = 0;
        \Illuminate\Support\Facades\DB::listen(function ($query) use (&$wraps) {
            if (preg_match('/^update [`"]?users\b.*encryption_key[`"]? = /i', $query->sql)) {
                $wraps++;
            }
        });
        $this->api('POST', '/api/password', ['current_password' => 'first password', 'new_password' => 'second password'], $alice)->assertOk();
        $this->assertSame(1, $wraps, 'one Argon2id wrapping written, not one by the save and another by the event');
        $this->readsWith('second password');
    }
}
