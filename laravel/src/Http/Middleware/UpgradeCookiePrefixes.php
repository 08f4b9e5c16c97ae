<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Http\Middleware;

use Closure;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Cookie\CookieValuePrefix;
use Illuminate\Http\Request;
use SodiumCrypt\Laravel\Encrypter;
use Symfony\Component\HttpFoundation\Response;

/**
 * What Laravel 10 lacks for key rotation: its EncryptCookies checks a
 * cookie's value prefix (an HMAC of the cookie name) against the current key
 * only, so after a rotation every cookie and session is dropped. Laravel 11
 * checks every key. Prepended to the global middleware on Laravel 10 only:
 * a cookie whose prefix was made with a previous key gets the current key's
 * prefix (re-encrypted as it is read), and EncryptCookies then accepts it.
 * A cookie already under the current key (its V1 header says so) costs a
 * header check: no decryption, no key leaves the extension.
 */
final class UpgradeCookiePrefixes
{
    public function __construct(private readonly EncrypterContract $encrypter)
    {
    }

    /** Laravel 10's CookieValuePrefix::validate() takes one key; 11's takes them all. */
    public static function needed(): bool
    {
        $keys = (new \ReflectionMethod(CookieValuePrefix::class, 'validate'))->getParameters()[2] ?? null;
        return $keys !== null && $keys->getName() === 'key';
    }

    public function handle(Request $request, Closure $next): Response
    {
        if (!$this->encrypter instanceof Encrypter) {
            return $next($request); // Laravel's own encrypter here (a test, or the way back)
        }
        $previous = null;
        $current = null;
        foreach ($request->cookies->all() as $name => $value) {
            if (!is_string($value) || $value === '' || $this->encrypter->isCurrent($value)) {
                continue;
            }
            try {
                $plaintext = $this->encrypter->decryptString($value);
            } catch (DecryptException) {
                continue; // not ours to read: EncryptCookies decides
            }
            $current ??= $this->encrypter->getKey();
            if (str_starts_with($plaintext, CookieValuePrefix::create((string) $name, $current))) {
                continue;
            }
            $previous ??= $this->encrypter->getPreviousKeys();
            foreach ($previous as $key) {
                if (str_starts_with($plaintext, CookieValuePrefix::create((string) $name, $key))) {
                    $request->cookies->set($name, $this->encrypter->encryptString(
                        CookieValuePrefix::create((string) $name, $current).CookieValuePrefix::remove($plaintext)));
                    break;
                }
            }
            unset($key); // else it still holds a key string, which sodium_memzero() below would then not wipe
            sodium_memzero($plaintext);
        }
        foreach (array_keys($previous ?? []) as $i) {
            sodium_memzero($previous[$i]);
        }
        if ($current !== null) {
            sodium_memzero($current);
        }
        return $next($request);
    }
}
