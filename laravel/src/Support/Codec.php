<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Encryption\EncryptException;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Encoding\Encoders;

/**
 * Values to payloads and back on one Keyring, in Laravel's exceptions: what
 * the app encrypter (APP_KEY) and the user encrypter (the request's user key)
 * share. Strings are sealed by the ring, with or without a binding (associated
 * data naming where the value belongs); other values are encoded first.
 * Laravel's own JSON payloads (AES-CBC/GCM, also laravel-crypto's per-user
 * format) open under the ring's keys too; nothing of the ring's formats is
 * known here.
 */
final class Codec
{
    /**
     * @param ?list<string> $laravelReads the Laravel ciphers ('aes-256-cbc', …)
     *        whose payloads open; null: all (Ciphers::laravelReads())
     */
    public function __construct(
        private readonly Keyring $keyring,
        private readonly Encoders $encoders = new Encoders(allowedClasses: true),
        private readonly ?array $laravelReads = null,
    ) {
    }

    public function keyring(): Keyring
    {
        return $this->keyring;
    }

    /** A value encoded (serialize), or a string as it is, sealed. */
    public function encrypt(#[\SensitiveParameter] mixed $value, bool $serialize = true): string
    {
        if (!$serialize && !is_string($value)) {
            throw new EncryptException('Could not encrypt the data: a string is required, '.get_debug_type($value).' given.');
        }
        return $this->seal($serialize ? $this->encoders->encode($value) : $value);
    }

    public function decrypt(mixed $payload, bool $unserialize = true): mixed
    {
        $plaintext = $this->open($payload);
        return $unserialize ? $this->encoders->decode($plaintext) : $plaintext;
    }

    /** $binding: null, or what the value belongs to (BoundColumn builds it): it opens only under the same one. */
    public function seal(#[\SensitiveParameter] string $plaintext, ?string $binding = null): string
    {
        try {
            return $this->keyring->seal($plaintext, $binding);
        } catch (CryptoException|\ValueError $e) {
            throw new EncryptException('Could not encrypt the data: '.$e->getMessage(), 0, $e);
        }
    }

    /** @throws DecryptException unless the payload opens under one of the ring's keys, with the binding it was sealed with */
    public function open(mixed $payload, ?string $binding = null): string
    {
        if (!is_string($payload) || $payload === '') {
            throw new DecryptException('The payload is invalid.');
        }
        if ($binding === null && ($json = LaravelPayload::json($payload)) !== null) {
            return $this->openLaravel($json);
        }
        try {
            return $this->keyring->open($payload, $binding);
        } catch (CryptoException|\ValueError $e) {
            throw new DecryptException('The payload is invalid.', 0, $e);
        }
    }

    /**
     * Which of the ring's keys (0 the current one) opens a Laravel payload,
     * and as which Laravel cipher: for crypto:status.
     *
     * @return array{cipher: string, key: ?int}
     */
    public function describeLaravel(array $json): array
    {
        $gcm = LaravelPayload::isGcm($json);
        foreach ($this->keys() as $i => $key) {
            if ($this->readsLaravel($key, $gcm) && LaravelPayload::opens($key, $json)) {
                return ['cipher' => strtoupper((string) LaravelPayload::cipher($key, $gcm)), 'key' => $i];
            }
        }
        return ['cipher' => $gcm ? 'AES-GCM' : 'AES-CBC', 'key' => null];
    }

    /** @return list<Key> the current key, then the previous ones */
    public function keys(): array
    {
        return [$this->keyring->currentKey(), ...$this->keyring->previousKeys()];
    }

    /** Whether a Laravel payload of this mode is read under $key (strict: only listed Laravel ciphers). */
    private function readsLaravel(Key $key, bool $gcm): bool
    {
        return $this->laravelReads === null || in_array(LaravelPayload::cipher($key, $gcm), $this->laravelReads, true);
    }

    /** Laravel's AES-CBC/GCM payloads, tried under each key in turn (strict: each key its listed ciphers only). */
    private function openLaravel(array $json): string
    {
        $gcm = LaravelPayload::isGcm($json);
        foreach ($this->keys() as $key) {
            if ($this->readsLaravel($key, $gcm) && ($plaintext = LaravelPayload::open($key, $json)) !== null) {
                return $plaintext;
            }
        }
        throw new DecryptException('The payload is invalid.');
    }
}
