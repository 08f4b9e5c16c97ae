<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Http\Middleware;

use Closure;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Http\Request;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Exceptions\UserKeyException;
use SodiumCrypt\Laravel\UserKeys;
use Symfony\Component\HttpFoundation\Cookie;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpFoundation\StreamedResponse;

/**
 * Loads the signed-in user's key into KeyContext for the request:
 * from the X-Encryption-Token header or the enc_token cookie (refused unless
 * the key is this user's), else from the server-wrapped blob (mode 2), else a
 * new mode-2 key for a user who has none. A mode-1 user without a token gets
 * 401; a foreign token 403 — both before the route runs, so nothing is
 * written. The context is cleared in finally and again on terminate, which
 * is what long-lived workers (Octane) rely on. A token that came in the
 * cookie is sent back in it (a browser-session cookie, encrypted like every
 * cookie), so the cookie is always under the current APP_KEY and dropping an
 * old key never signs out a browser that is in use.
 */
final class BootPerUserEncryption
{
    public function __construct(
        private readonly UserKeys $keys,
        private readonly string $header = 'X-Encryption-Token',
        private readonly string $cookie = 'enc_token',
        /** @var array<string, mixed> Laravel's session config: where the session cookie goes, this one goes */
        private readonly array $session = [],
    ) {
    }

    public function handle(Request $request, Closure $next): Response
    {
        KeyContext::clear();
        $user = $request->user();
        if (!UserKeys::supports($user)) {
            return $next($request);
        }
        $streamed = false;
        try {
            $token = $this->token($request);
            KeyContext::set($this->keyFor($user, $token));
            $response = $next($request);
            $streamed = $response instanceof StreamedResponse && self::keepKeyForBody($response);
        } finally {
            if (!$streamed) {
                KeyContext::clear();
            }
        }
        if ($token !== null && $token === $request->cookies->get($this->cookie) && !$this->setsCookie($response)) {
            $response->headers->setCookie(new Cookie(
                $this->cookie, $token, 0, $this->session['path'] ?? '/', $this->session['domain'] ?? null,
                $this->session['secure'] ?? null, true, false, $this->session['same_site'] ?? 'lax',
            ));
        }
        return $response;
    }

    /**
     * A streamed body (Storage::download() and response() of a per-user
     * disk, response()->stream()) is written after this middleware returns:
     * the key stays in the context for it and is cleared as soon as the body
     * is written, whatever happens (terminate() and the provider's request
     * hooks clear it too if the body is never sent). The key is the same
     * user's, in the same request.
     */
    private static function keepKeyForBody(StreamedResponse $response): bool
    {
        $body = method_exists($response, 'getCallback') ? $response->getCallback() : null;
        if ($body === null) {
            return false;
        }
        $response->setCallback(static function () use ($body): void {
            try {
                $body();
            } finally {
                KeyContext::clear();
            }
        });
        return true;
    }

    /** The route set or cleared the cookie itself (login, logout): leave it so. */
    private function setsCookie(Response $response): bool
    {
        foreach ($response->headers->getCookies() as $cookie) {
            if ($cookie->getName() === $this->cookie) {
                return true;
            }
        }
        return false;
    }

    public function terminate(Request $request, Response $response): void
    {
        KeyContext::clear();
    }

    private function keyFor(Model $user, #[\SensitiveParameter] ?string $token): \SodiumCrypt\Key
    {
        if ($token !== null) {
            return $this->keys->fromToken($user, $token);
        }
        return match ($this->keys->mode($user)) {
            0 => $this->keys->enroll($user),
            2 => $this->keys->unlockWithServerKey($user),
            default => throw UserKeyException::missing($this->header, $this->cookie),
        };
    }

    private function token(Request $request): ?string
    {
        $token = $request->headers->get($this->header);
        if ($token === null || $token === '') {
            $token = $request->cookies->get($this->cookie);
        }
        return is_string($token) && $token !== '' ? $token : null;
    }
}
