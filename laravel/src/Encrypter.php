<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Container\Container;
use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Contracts\Encryption\EncryptException;
use Illuminate\Contracts\Encryption\StringEncrypter;
use SodiumCrypt\Cipher;
use SodiumCrypt\CryptoException;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Encoding\Encoders;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\Ciphers;
use SodiumCrypt\Laravel\Support\Codec;
use SodiumCrypt\Laravel\Support\LaravelPayload;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;
use SodiumCrypt\PayloadFormat;

/**
 * Laravel's encrypter on a Keyring: writes the configured cipher and format,
 * reads V1, laravel-crypto and Laravel's own JSON payloads under the current
 * key or any previous one (Support\Codec), and reports what a payload is
 * (Keyring::inspect()) for status and rotation.
 */
final class Encrypter implements EncrypterContract, StringEncrypter
{
    private readonly Codec $codec;

    /**
     * @param ?list<string> $laravelReads the Laravel ciphers ('aes-256-cbc', …)
     *        whose payloads open; null: all (Ciphers::laravelReads())
     */
    public function __construct(
        private readonly Keyring $keyring,
        Encoders $encoders = new Encoders(allowedClasses: true),
        ?array $laravelReads = null,
    ) {
        $this->codec = new Codec($keyring, $encoders, $laravelReads);
    }

    /**
     * The app's encrypter as configured: app.key, app.previous_keys and
     * sodium-crypt.* (cipher, format, the ciphers it reads, encoders).
     *
     * @throws InvalidConfiguration with what to run
     */
    public static function fromConfig(Repository $config): self
    {
        $cipher = Ciphers::configured($config);
        $format = Ciphers::format((string) $config->get('sodium-crypt.format', 'v1'), $cipher);
        return new self(new Keyring(
            $cipher,
            AppKeys::requireLength(AppKeys::parse($config->get('app.key')), $cipher),
            AppKeys::parseList($config->get('app.previous_keys', [])),
            $format,
            Ciphers::reads($config, $cipher),
        ), Encoders::fromConfig($config, $format), Ciphers::laravelReads($config));
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

    /** Seal and open under APP_KEY, for the casts and BoundColumn. */
    public function codec(): Codec
    {
        return $this->codec;
    }

    public function encrypt(#[\SensitiveParameter] $value, $serialize = true): string
    {
        return $this->codec->encrypt($value, (bool) $serialize);
    }

    public function encryptString(#[\SensitiveParameter] $value): string
    {
        return $this->codec->encrypt($value, false);
    }

    public function decrypt($payload, $unserialize = true): mixed
    {
        return $this->codec->decrypt($payload, (bool) $unserialize);
    }

    public function decryptString($payload): string
    {
        return $this->codec->open($payload);
    }

    /** True when the payload is already in the current cipher, format and key (and bound, when asked: always V1). */
    public function isCurrent(string $payload, bool $bound = false): bool
    {
        return $this->keyring->isCurrent($payload, $bound);
    }

    /**
     * What a payload is and which of the ring's keys opens it, for
     * crypto:status: format ('v1', 'v1 bound', 'laravel-crypto', 'laravel'), cipher (enum
     * value, or Laravel's AES-256-CBC / AES-256-GCM …) and key (0 the current
     * key, i the i-th previous key + 1, null none). The ring reads its own
     * formats (Keyring::inspect()); Laravel's are tried key by key.
     *
     * @return array{format: string, cipher: string, key: ?int}|null null: not a payload of any known format
     */
    public function describe(string $payload): ?array
    {
        if (($json = LaravelPayload::json($payload)) !== null) {
            return ['format' => 'laravel', ...$this->codec->describeLaravel($json)];
        }
        if (($about = $this->keyring->inspect($payload)) === null) {
            return null;
        }
        $format = $about['format'] === PayloadFormat::V1 ? ($about['bound'] ? 'v1 bound' : 'v1') : 'laravel-crypto';
        return ['format' => $format, 'cipher' => $about['cipher']->value, 'key' => $about['key']];
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
        return array_map(static fn (Key $k) => $k->id(), $this->codec->keys());
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
}
