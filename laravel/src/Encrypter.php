<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Encryption\EncryptException;
use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Contracts\Encryption\StringEncrypter;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use SodiumCrypt\Cipher;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\PayloadFormat;

/**
 * Laravel's encrypter on a Keyring: writes the configured cipher and format,
 * reads V1, laravel-crypto and Laravel's own JSON payloads under the current
 * key or any previous one.
 */
final class Encrypter implements EncrypterContract, StringEncrypter
{
    /** @var array<int, LaravelEncrypter>|null built on the first Laravel payload only */
    private ?array $legacy = null;

    /** The current key alone, laravel-crypto format: isCurrent() for that format. */
    private ?Keyring $currentOnly = null;

    public function __construct(private readonly Keyring $keyring)
    {
    }

    public function encrypt(#[\SensitiveParameter] $value, $serialize = true): string
    {
        return $this->seal($serialize ? serialize($value) : $value);
    }

    public function encryptString(#[\SensitiveParameter] $value): string
    {
        return $this->seal($value);
    }

    public function decrypt($payload, $unserialize = true): mixed
    {
        $plaintext = $this->open($payload);
        return $unserialize ? unserialize($plaintext) : $plaintext;
    }

    public function decryptString($payload): string
    {
        return $this->open($payload);
    }

    /** True when the payload is already in the current cipher, format and key. */
    public function isCurrent(string $payload): bool
    {
        if ($this->keyring->format() === PayloadFormat::V1) {
            return $this->keyring->isCurrent($payload);
        }
        if (str_starts_with($payload, 'sc1.') || self::isLaravelPayload($payload)) {
            return false;
        }
        $this->currentOnly ??= new Keyring($this->keyring->cipher(), $this->keyring->currentKey(), [], PayloadFormat::LaravelCrypto);
        try {
            $this->currentOnly->open($payload);
            return true;
        } catch (CryptoException) {
            return false;
        }
    }

    public function cipher(): Cipher
    {
        return $this->keyring->cipher();
    }

    /** The raw current key: Laravel's contract demands it (cookie prefixes use it). */
    public function getKey(): string
    {
        return $this->keyring->currentKey()->exportBytes();
    }

    /** @return list<string> the raw current key, then the previous ones */
    public function getAllKeys(): array
    {
        return [$this->getKey(), ...$this->getPreviousKeys()];
    }

    /** @return list<string> */
    public function getPreviousKeys(): array
    {
        return array_map(static fn (Key $k) => $k->exportBytes(), $this->keyring->previousKeys());
    }

    /** Dumps show the cipher, format and key ids, never the keys Laravel's own encrypters hold. */
    public function __debugInfo(): array
    {
        return [
            'cipher' => $this->keyring->cipher()->value,
            'format' => $this->keyring->format()->name,
            'keyIds' => array_map(static fn (Key $k) => $k->id(), [$this->keyring->currentKey(), ...$this->keyring->previousKeys()]),
        ];
    }

    public function __serialize(): array
    {
        throw new \LogicException('An encrypter holds keys and cannot be serialised.');
    }

    private function seal(#[\SensitiveParameter] mixed $plaintext): string
    {
        if (!is_string($plaintext)) {
            throw new EncryptException('Could not encrypt the data: a string is required, '.get_debug_type($plaintext).' given.');
        }
        try {
            return $this->keyring->seal($plaintext);
        } catch (CryptoException $e) {
            throw new EncryptException('Could not encrypt the data.', 0, $e);
        }
    }

    private function open(mixed $payload): string
    {
        if (!is_string($payload) || $payload === '') {
            throw new DecryptException('The payload is invalid.');
        }
        if (self::isLaravelPayload($payload)) {
            return $this->openLaravel($payload);
        }
        try {
            return $this->keyring->open($payload);
        } catch (CryptoException|\ValueError $e) {
            throw new DecryptException('The payload is invalid.', 0, $e);
        }
    }

    /** Laravel's own format: base64 of a JSON object; "eyJ" is base64 of '{"'. */
    private static function isLaravelPayload(string $payload): bool
    {
        return is_string($payload) && str_starts_with($payload, 'eyJ');
    }

    /**
     * Laravel's AES-CBC/GCM payloads, read through Illuminate's own Encrypter
     * (which needs the key as a string), tried under each key in turn.
     */
    private function openLaravel(string $payload): string
    {
        $json = json_decode((string) base64_decode($payload, true), true);
        if (!is_array($json)) {
            throw new DecryptException('The payload is invalid.');
        }
        $gcm = isset($json['tag']) && is_string($json['tag']) && $json['tag'] !== '';
        foreach ($this->legacyEncrypters($gcm) as $encrypter) {
            try {
                return $encrypter->decrypt($payload, false);
            } catch (DecryptException) {
                // the next key
            }
        }
        throw new DecryptException('The payload is invalid.');
    }

    /** @return iterable<LaravelEncrypter> */
    private function legacyEncrypters(bool $gcm): iterable
    {
        $keys = [$this->keyring->currentKey(), ...$this->keyring->previousKeys()];
        foreach ($keys as $i => $key) {
            $length = $key->length();
            if ($length !== 16 && $length !== 32) {
                continue;
            }
            $slot = $i * 2 + (int) $gcm;
            $this->legacy[$slot] ??= new LaravelEncrypter($key->exportBytes(), sprintf('aes-%d-%s', $length * 8, $gcm ? 'gcm' : 'cbc'));
            yield $this->legacy[$slot];
        }
    }
}
