<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\Hasher;
use SodiumCrypt\Key;

/**
 * laravel-crypto's Hashing, on the extension's Hasher: the same methods and
 * the same outputs. blake2b() is BLAKE2b (keyed with
 * CRYPTO_BLAKE2B_HASHING_KEY when it is set) in base64url without padding;
 * sha256() is SHA-512/256 and sha512() SHA-512, in hex, as there. *Raw()
 * give bytes. Verification is constant time.
 */
final class Hashing
{
    /** @var array<string, Hasher> */
    private array $hashers = [];

    /**
     * @param \Closure(): ?Key $blake2bKey
     */
    public function __construct(
        private readonly string $driver = 'blake2b',
        private readonly ?\Closure $blake2bKey = null,
        private readonly int $blake2bBytes = 32,
    ) {
    }

    public function hash(#[\SensitiveParameter] string $data): string
    {
        return $this->encode($this->driver, $this->hasher($this->driver)->hash($data));
    }

    public function hashRaw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher($this->driver)->hash($data);
    }

    public function verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        $raw = Encoding::decode($this->driver === 'blake2b' ? 'base64url' : 'hex', $hash);
        return $raw !== null && $this->hasher($this->driver)->verify($raw, $data);
    }

    public function verifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher($this->driver)->verify($hash, $data);
    }

    public function equals(string $a, string $b): bool
    {
        return hash_equals($a, $b);
    }

    public function blake2b(#[\SensitiveParameter] string $data): string
    {
        return $this->encode('blake2b', $this->hasher('blake2b')->hash($data));
    }

    public function blake2bRaw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('blake2b')->hash($data);
    }

    public function blake2bVerify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        $raw = Encoding::decode('base64url', $hash);
        return $raw !== null && $this->hasher('blake2b')->verify($raw, $data);
    }

    public function blake2bVerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('blake2b')->verify($hash, $data);
    }

    public function sha256(#[\SensitiveParameter] string $data): string
    {
        return bin2hex($this->hasher('sha256')->hash($data));
    }

    public function sha256Raw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('sha256')->hash($data);
    }

    public function sha256Verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        $raw = Encoding::decode('hex', $hash);
        return $raw !== null && $this->hasher('sha256')->verify($raw, $data);
    }

    public function sha256VerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('sha256')->verify($hash, $data);
    }

    public function sha512(#[\SensitiveParameter] string $data): string
    {
        return bin2hex($this->hasher('sha512')->hash($data));
    }

    public function sha512Raw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('sha512')->hash($data);
    }

    public function sha512Verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        $raw = Encoding::decode('hex', $hash);
        return $raw !== null && $this->hasher('sha512')->verify($raw, $data);
    }

    public function sha512VerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('sha512')->verify($hash, $data);
    }

    private function encode(string $driver, string $raw): string
    {
        return $driver === 'blake2b' ? Encoding::encode('base64url', $raw) : bin2hex($raw);
    }

    /** laravel-crypto's names: its "sha256" is SHA-512/256. */
    private function hasher(string $driver): Hasher
    {
        return $this->hashers[$driver] ??= match ($driver) {
            'blake2b' => new Hasher('blake2b', $this->blake2bKey ? ($this->blake2bKey)() : null, $this->blake2bBytes),
            'sha256' => new Hasher('sha512/256'),
            'sha512' => new Hasher('sha512'),
            default => throw new Exceptions\InvalidConfiguration(sprintf('sodium-crypt.hashing.driver is "%s": it must be blake2b, sha256 or sha512.', $driver)),
        };
    }
}
