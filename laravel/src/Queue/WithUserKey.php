<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Closure;
use Illuminate\Contracts\Encryption\StringEncrypter;
use SodiumCrypt\KeyContext;
use SodiumCrypt\MissingKeyContext;

/**
 * Job middleware: runs a CarriesUserKey job with the user key it carries
 * loaded into KeyContext, and clears it afterwards whatever happens.
 */
final class WithUserKey
{
    private const PREFIX = 'sodium-crypt.user-key:';

    /** What failed_jobs keeps in place of the carried key. */
    private const FORGOTTEN = 'sodium-crypt.user-key-removed';

    public function handle(object $job, Closure $next): mixed
    {
        $sealed = $job->sealedUserKey ?? null;
        if (!is_string($sealed)) {
            return $next($job);
        }
        if ($sealed === self::FORGOTTEN) {
            throw new MissingKeyContext('This job carried a user key, which was removed from failed_jobs when it failed (failed jobs keep no key): dispatch it again from a request of that user, with carryUserKey().');
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

    /**
     * The sealed key a serialized CarriesUserKey command holds (its
     * sealedUserKey property, as serialize() writes a string), with where it
     * stands: [sealed key, offset of the property's value, its length]. Only
     * a value that opens as a carried key counts: the same bytes inside some
     * other string of the command (a label a user typed) are not the
     * property.
     *
     * @return array{string, int, int}|null
     */
    public static function carriedIn(string $serialized): ?array
    {
        preg_match_all('/s:13:"sealedUserKey";(s:(\d+):")/', $serialized, $matches, PREG_SET_ORDER | PREG_OFFSET_CAPTURE);
        foreach ($matches as $m) {
            $start = $m[1][1];
            $value = substr($serialized, $start + strlen($m[1][0]), (int) $m[2][0]);
            if (substr($serialized, $start + strlen($m[1][0]) + strlen($value), 2) === '";' && self::isSealedKey($value)) {
                return [$value, $start, strlen($m[1][0]) + strlen($value) + 2]; // s:N:"…";
            }
        }
        return null;
    }

    /**
     * Whether a serialized command has a carried key in it that no
     * configured key opens (not one removed from failed_jobs): a key that
     * was dropped too early.
     */
    public static function carriesUnopenable(string $serialized): bool
    {
        return self::carriedIn($serialized) === null && str_contains($serialized, 's:13:"sealedUserKey";s:')
            && !str_contains($serialized, 's:13:"sealedUserKey";'.serialize(self::FORGOTTEN));
    }

    private static function isSealedKey(string $value): bool
    {
        try {
            $token = self::encrypter()->decryptString($value);
        } catch (\Throwable) {
            return false;
        }
        $is = str_starts_with($token, self::PREFIX);
        sodium_memzero($token);
        return $is;
    }

    /**
     * A queue payload with the carried key removed from its command (a
     * marker in its place; an encrypted command opened and sealed again),
     * or null when it carries none. What failed_jobs keeps: a retry fails
     * at once with MissingKeyContext saying why; the user's next request
     * dispatches it again.
     */
    public static function withoutCarriedKey(string $payload): ?string
    {
        $data = json_decode($payload, true);
        $command = $data['data']['command'] ?? null;
        if (!is_string($command)) {
            return null;
        }
        // ShouldBeEncrypted: Laravel encrypt()s the serialized command (serialized once more).
        $encrypted = !str_starts_with($command, 'O:');
        try {
            $serialized = $encrypted ? app('encrypter')->decrypt($command) : $command;
        } catch (\Throwable) {
            return null; // not ours to open: left as it is
        }
        if (!is_string($serialized)) {
            return null;
        }
        $carried = self::carriedIn($serialized);
        if ($carried === null) {
            return null;
        }
        $serialized = substr_replace($serialized, serialize(self::FORGOTTEN), $carried[1], $carried[2]);
        $data['data']['command'] = $encrypted ? app('encrypter')->encrypt($serialized) : $serialized;
        return json_encode($data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    }

    private static function encrypter(): StringEncrypter
    {
        return app(StringEncrypter::class);
    }
}
