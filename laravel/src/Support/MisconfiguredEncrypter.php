<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Contracts\Encryption\StringEncrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

/**
 * What the `encrypter` binding holds when the key configuration is unusable
 * (no APP_KEY, a wrong length, an unknown cipher). Resolving it never throws,
 * so that Laravel's exception handler can still build its session, cookies and
 * response factory and render its own error page; every operation throws the
 * configuration error, so nothing is written or read without a key. The
 * provider's boot check and the crypto:* commands throw it at once.
 */
final class MisconfiguredEncrypter implements EncrypterContract, StringEncrypter
{
    /** $reason: the InvalidConfiguration message (it names settings, never key text). */
    public function __construct(private readonly string $reason)
    {
    }

    public function fail(): never
    {
        throw new InvalidConfiguration($this->reason);
    }

    public function encrypt(#[\SensitiveParameter] $value, $serialize = true): never
    {
        $this->fail();
    }

    public function encryptString(#[\SensitiveParameter] $value): never
    {
        $this->fail();
    }

    public function decrypt($payload, $unserialize = true): never
    {
        $this->fail();
    }

    public function decryptString($payload): never
    {
        $this->fail();
    }

    public function getKey(): never
    {
        $this->fail();
    }

    public function getAllKeys(): never
    {
        $this->fail();
    }

    public function getPreviousKeys(): never
    {
        $this->fail();
    }
}
