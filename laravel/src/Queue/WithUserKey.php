<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Closure;
use Illuminate\Contracts\Encryption\StringEncrypter;
use SodiumCrypt\KeyContext;

/**
 * Job middleware: runs a CarriesUserKey job with the user key it carries
 * loaded into KeyContext, and clears it afterwards whatever happens.
 */
final class WithUserKey
{
    private const PREFIX = 'sodium-crypt.user-key:';

    public function handle(object $job, Closure $next): mixed
    {
        $sealed = $job->sealedUserKey ?? null;
        if (!is_string($sealed)) {
            return $next($job);
        }
        $token = self::encrypter()->decryptString($sealed);
        if (!str_starts_with($token, self::PREFIX)) {
            throw new \UnexpectedValueException('The job\'s sealed user key is not one.');
        }
        $key = KeyContext::fromToken(substr($token, strlen(self::PREFIX)));
        sodium_memzero($token);
        KeyContext::set($key);
        try {
            return $next($job);
        } finally {
            KeyContext::clear();
        }
    }

    /** The request's user key, sealed under APP_KEY for the queue payload. */
    public static function sealContextKey(): string
    {
        return self::encrypter()->encryptString(self::PREFIX.KeyContext::toToken(KeyContext::get()));
    }

    private static function encrypter(): StringEncrypter
    {
        return app(StringEncrypter::class);
    }
}
