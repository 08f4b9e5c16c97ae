<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Container\Container;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Encryption\EncryptException;
use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Contracts\Encryption\StringEncrypter;
use SodiumCrypt\Cipher;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Encoding\Encoders;
use SodiumCrypt\Laravel\Support\LaravelPayload;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;
use SodiumCrypt\PayloadFormat;

/**
 * Laravel's encrypter on a Keyring: writes the configured cipher and format,
 * reads V1, laravel-crypto and Laravel's own JSON payloads under the current
 * key or any previous one.
 */
final class Encrypter implements EncrypterContract, StringEncrypter
{
    /** V1's cipher ids, and the flag of a bound payload in the same byte. */
    private const V1_CIPHERS = [1 => Cipher::Aegis256, 2 => Cipher::Aegis128L, 3 => Cipher::XChaCha20Poly1305, 4 => Cipher::Aes256Gcm];
    private const V1_BOUND = 0x80;

    /** @var array<string, Keyring> one key, one cipher, laravel-crypto format: what opened a payload (describe, isCurrent) */
    private array $probes = [];

    /**
     * @param list<Cipher> $reads the ciphers the ring reads besides its own (the
     *        Keyring's $alsoRead), for describe(); the ring itself enforces them
     * @param ?list<string> $laravelReads the Laravel ciphers ('aes-256-cbc', …)
     *        whose payloads open; null: all (Ciphers::laravelReads())
     */
    public function __construct(
        private readonly Keyring $keyring,
        private readonly array $reads = [],
        private readonly Encoders $encoders = new Encoders(allowedClasses: true),
        private readonly ?array $laravelReads = null,
    ) {
    }

    /**
     * The app's encrypter when it is this one; null when the app keeps Laravel's
     * (sodium-crypt.replace_encrypter false). Throws InvalidConfiguration when
     * the key configuration is unusable (see MisconfiguredEncrypter).
     */
    public static function of(Container $app): ?self
    {
        $encrypter = $app->make('encrypter');
        if ($encrypter instanceof MisconfiguredEncrypter) {
            $encrypter->fail();
        }
        return $encrypter instanceof self ? $encrypter : null;
    }

    public function encrypt(#[\SensitiveParameter] $value, $serialize = true): string
    {
        return $this->encryptString($serialize ? $this->encoders->encode($value) : $value);
    }

    public function encryptString(#[\SensitiveParameter] $value): string
    {
        if (!is_string($value)) {
            throw new EncryptException('Could not encrypt the data: a string is required, '.get_debug_type($value).' given.');
        }
        try {
            return $this->keyring->seal($value);
        } catch (CryptoException $e) {
            throw new EncryptException('Could not encrypt the data.', 0, $e);
        }
    }

    public function decrypt($payload, $unserialize = true): mixed
    {
        $plaintext = $this->decryptString($payload);
        return $unserialize ? $this->encoders->decode($plaintext) : $plaintext;
    }

    public function decryptString($payload): string
    {
        if (!is_string($payload) || $payload === '') {
            throw new DecryptException('The payload is invalid.');
        }
        // Laravel's JSON payloads all start with "eyJ" ('{"' in base64): others skip the call.
        if (str_starts_with($payload, 'eyJ') && ($json = LaravelPayload::json($payload)) !== null) {
            return $this->openLaravel($json);
        }
        try {
            return $this->keyring->open($payload);
        } catch (CryptoException|\ValueError $e) {
            throw new DecryptException('The payload is invalid.', 0, $e);
        }
    }

    /**
     * A string sealed bound to $binding (Support\BoundColumn builds it): V1
     * with the binding in its AD, so that it opens only under the same one.
     */
    public function encryptStringBound(#[\SensitiveParameter] string $value, string $binding): string
    {
        try {
            return $this->keyring->seal($value, $binding);
        } catch (CryptoException|\ValueError $e) {
            throw new EncryptException('Could not encrypt the data: '.($e instanceof \ValueError ? $e->getMessage() : 'the plaintext is too long.'), 0, $e);
        }
    }

    /** @throws DecryptException unless the payload was sealed bound to $binding under a configured key */
    public function decryptStringBound(string $payload, string $binding): string
    {
        try {
            return $this->keyring->open($payload, $binding);
        } catch (CryptoException|\ValueError $e) {
            throw new DecryptException('The payload is invalid.', 0, $e);
        }
    }

    /** True when the payload is already in the current cipher, format and key (and bound, when asked: always V1). */
    public function isCurrent(string $payload, bool $bound = false): bool
    {
        if ($bound || $this->keyring->format() === PayloadFormat::V1) {
            return $this->keyring->isCurrent($payload, $bound);
        }
        return !str_starts_with($payload, 'sc1.') && LaravelPayload::json($payload) === null
            && $this->opensWith(0, $this->keyring->cipher(), $payload);
    }

    /**
     * What a payload is and which of the ring's keys opens it, for
     * crypto:status: format ('v1', 'v1 bound', 'laravel-crypto', 'laravel'), cipher (enum
     * value, or Laravel's AES-256-CBC / AES-256-GCM …) and key (0 the current
     * key, i the i-th previous key + 1, null none). A V1 payload is judged by
     * its header alone (key id, cipher id); the others by opening them.
     *
     * @return array{format: string, cipher: string, key: ?int}|null null: not a payload of any known format
     */
    public function describe(string $payload): ?array
    {
        $keys = $this->keys();
        if (str_starts_with($payload, 'sc1.')) {
            $head = base64_decode(strtr(substr($payload, 4, 8), '-_', '+/'), true);
            $byte = $head === false || strlen($head) < 5 ? 0 : ord($head[0]);
            $cipher = self::V1_CIPHERS[$byte & ~self::V1_BOUND] ?? null;
            if ($cipher === null) {
                return null;
            }
            $format = $byte & self::V1_BOUND ? 'v1 bound' : 'v1';
            $id = bin2hex(substr($head, 1, 4));
            foreach ($keys as $i => $key) {
                if ($key->id() === $id && $key->length() === $cipher->keyBytes()) {
                    return ['format' => $format, 'cipher' => $cipher->value, 'key' => $i];
                }
            }
            return ['format' => $format, 'cipher' => $cipher->value, 'key' => null];
        }
        if (($json = LaravelPayload::json($payload)) !== null) {
            $gcm = LaravelPayload::isGcm($json);
            foreach ($keys as $i => $key) {
                if ($this->readsLaravel($key, $gcm) && LaravelPayload::opens($key, $json)) {
                    return ['format' => 'laravel', 'cipher' => strtoupper((string) LaravelPayload::cipher($key, $gcm)), 'key' => $i];
                }
            }
            return ['format' => 'laravel', 'cipher' => $gcm ? 'AES-GCM' : 'AES-CBC', 'key' => null];
        }
        foreach ($keys as $i => $key) {
            foreach (Cipher::cases() as $cipher) {
                if ($cipher->keyBytes() === $key->length() && $cipher->isAvailable() && $this->reads($cipher)
                        && $this->opensWith($i, $cipher, $payload)) {
                    return ['format' => 'laravel-crypto', 'cipher' => $cipher->value, 'key' => $i];
                }
            }
        }
        return null;
    }

    /** Whether key $i alone, with $cipher alone, opens a laravel-crypto payload. */
    private function opensWith(int $i, Cipher $cipher, string $payload): bool
    {
        $this->probes[$i.$cipher->value] ??= new Keyring($cipher, $this->keys()[$i], [], PayloadFormat::LaravelCrypto);
        try {
            $this->probes[$i.$cipher->value]->open($payload);
            return true;
        } catch (CryptoException|\ValueError) {
            return false;
        }
    }

    /** Laravel's own AES-CBC payload under the current key: what crypto:reencrypt --to=laravel writes. */
    public function sealLaravel(#[\SensitiveParameter] string $plaintext): string
    {
        try {
            return LaravelPayload::sealCbc($this->keyring->currentKey(), $plaintext);
        } catch (\ValueError) {
            throw new EncryptException('The current key is not 16 or 32 bytes: Laravel\'s AES-CBC cannot use it.');
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

    /** @return list<string> the public ids of the current key, then of the previous ones */
    public function keyIds(): array
    {
        return array_map(static fn (Key $k) => $k->id(), $this->keys());
    }

    /** Dumps show the cipher, format and key ids; no property of this object holds key bytes. */
    public function __debugInfo(): array
    {
        try {
            $ids = $this->keyIds();
        } catch (CryptoException) {
            $ids = 'wiped (KeyContext::clear())';
        }
        return ['cipher' => $this->keyring->cipher()->value, 'format' => $this->keyring->format()->name, 'keyIds' => $ids];
    }

    public function __serialize(): array
    {
        throw new \LogicException('An encrypter holds keys and cannot be serialised.');
    }

    /** The current key's length in bytes (public: it follows from the cipher). */
    public function keyLength(): int
    {
        return $this->keyring->currentKey()->length();
    }

    /** @return list<Key> the current key, then the previous ones */
    private function keys(): array
    {
        return [$this->keyring->currentKey(), ...$this->keyring->previousKeys()];
    }

    private function reads(Cipher $cipher): bool
    {
        return $cipher === $this->keyring->cipher() || in_array($cipher, $this->reads, true);
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
