<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Encoding\Encoders;
use SodiumCrypt\Laravel\Support\Ciphers;
use SodiumCrypt\Laravel\Support\Codec;
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
    private ?Codec $codec = null;
    private ?BlindIndexes $index = null;

    public function __construct(
        private readonly Cipher $cipher = Cipher::Aegis256,
        private readonly PayloadFormat $format = PayloadFormat::V1,
        private readonly Encoders $encoders = new Encoders(allowedClasses: true),
    ) {
    }

    /** As sodium-crypt.user.cipher and .format say, with the app's encoders. @throws InvalidConfiguration */
    public static function fromConfig(Repository $config): self
    {
        $cipher = Ciphers::resolve((string) $config->get('sodium-crypt.user.cipher'), 'sodium-crypt.user.cipher');
        $format = Ciphers::format((string) $config->get('sodium-crypt.user.format'), $cipher);
        return new self($cipher, $format, Encoders::fromConfig($config, $format));
    }

    public function encryptString(#[\SensitiveParameter] string $value): string
    {
        return $this->codec()->seal($value);
    }

    public function decryptString(string $payload): string
    {
        return $this->codec()->open($payload);
    }

    public function encrypt(#[\SensitiveParameter] mixed $value, bool $serialize = true): string
    {
        return $this->codec()->encrypt($value, $serialize);
    }

    public function decrypt(string $payload, bool $unserialize = true): mixed
    {
        return $this->codec()->decrypt($payload, $unserialize);
    }

    /** The user-scoped blind index of a value, as hex. */
    public function blindIndex(#[\SensitiveParameter] string $value, string $column, bool $normalise = true): string
    {
        return $this->forContextKey()->index->compute($value, $column, $normalise);
    }

    /** Blind indexes under the context key, for UserEncryptedWithIndex: MissingKeyContext without one. */
    public function blindIndexes(): BlindIndexes
    {
        return $this->forContextKey()->index;
    }

    /** @return array<array-key, string> hex indexes, keys preserved */
    public function blindIndexMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array
    {
        return $this->forContextKey()->index->computeMany($values, $column, $normalise);
    }

    /** Seal and open under the context key, for the casts and BoundColumn: MissingKeyContext without one. */
    public function codec(): Codec
    {
        return $this->forContextKey()->codec;
    }

    /** Built for the context key, again only when it changes: KeyContext::get() is the same Key until clear(). */
    private function forContextKey(): self
    {
        $key = KeyContext::get();
        if ($key !== $this->key) {
            $this->codec = new Codec(new Keyring($this->cipher, $key, [], $this->format), $this->encoders);
            $this->index = new BlindIndexes(new BlindIndex($key));
            $this->key = $key;
        }
        return $this;
    }
}
