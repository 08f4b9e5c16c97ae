<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\BlindIndex;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Encoding\Encoders;
use SodiumCrypt\PayloadFormat;

/**
 * Encryption under the request's user key (KeyContext), behind the UserCrypt
 * facade and the User* casts. Writes the configured cipher and format; reads
 * V1, laravel-crypto, and laravel-crypto's per-user format (Laravel AES-256-CBC
 * payloads under the user key). Without a key in the context every call
 * raises MissingKeyContext: nothing is ever written under another key.
 */
final class UserEncrypter
{
    private ?Key $key = null;
    private ?Encrypter $encrypter = null;
    private ?BlindIndexes $index = null;

    public function __construct(
        private readonly Cipher $cipher = Cipher::Aegis256,
        private readonly PayloadFormat $format = PayloadFormat::V1,
        private readonly Encoders $encoders = new Encoders(allowedClasses: true),
    ) {
    }

    public function encryptString(#[\SensitiveParameter] string $value): string
    {
        return $this->bound()->encrypter->encryptString($value);
    }

    public function decryptString(string $payload): string
    {
        return $this->bound()->encrypter->decryptString($payload);
    }

    public function encrypt(#[\SensitiveParameter] mixed $value, bool $serialize = true): string
    {
        return $this->bound()->encrypter->encrypt($value, $serialize);
    }

    public function decrypt(string $payload, bool $unserialize = true): mixed
    {
        return $this->bound()->encrypter->decrypt($payload, $unserialize);
    }

    /** Bound to $binding (see Encrypter::encryptStringBound()). */
    public function encryptStringBound(#[\SensitiveParameter] string $value, string $binding): string
    {
        return $this->bound()->encrypter->encryptStringBound($value, $binding);
    }

    public function decryptStringBound(string $payload, string $binding): string
    {
        return $this->bound()->encrypter->decryptStringBound($payload, $binding);
    }

    /** The user-scoped blind index of a value, as hex. */
    public function blindIndex(#[\SensitiveParameter] string $value, string $column, bool $normalise = true): string
    {
        return $this->bound()->index->compute($value, $column, $normalise);
    }

    /** @return array<array-key, string> hex indexes, keys preserved */
    public function blindIndexMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array
    {
        return $this->bound()->index->computeMany($values, $column, $normalise);
    }

    /** Bound to the context key, rebuilt only when it changes: KeyContext::get() is the same Key until clear(). */
    private function bound(): self
    {
        $key = KeyContext::get();
        if ($key !== $this->key) {
            $this->encrypter = new Encrypter(new Keyring($this->cipher, $key, [], $this->format), [], $this->encoders);
            $this->index = new BlindIndexes(new BlindIndex($key));
            $this->key = $key;
        }
        return $this;
    }
}
