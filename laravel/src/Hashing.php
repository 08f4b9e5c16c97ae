<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\Hasher;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\TextCodec;

/**
 * laravel-crypto's Hashing, on the extension's Hasher: the same methods and
 * the same outputs. blake2b() is BLAKE2b (keyed with
 * CRYPTO_BLAKE2B_HASHING_KEY when it is set) in base64url without padding;
 * sha256() is SHA-512/256 and sha512() SHA-512, in hex, as there. *Raw()
 * give bytes. Verification is constant time.
 */
final class Hashing
{
    /** laravel-crypto's driver names: the Hasher algorithm and the text form. */
    private const DRIVERS = ['blake2b' => ['blake2b', 'base64url'], 'sha256' => ['sha512/256', 'hex'], 'sha512' => ['sha512', 'hex']];

    /** @var array<string, Hasher> */
    private array $hashers = [];

    public function __construct(
        private readonly string $driver = 'blake2b',
        private readonly ?Key $blake2bKey = null,
        private readonly int $blake2bBytes = 32,
    ) {
        if (!isset(self::DRIVERS[$driver])) {
            throw new InvalidConfiguration(sprintf('sodium-crypt.hashing.driver is "%s": it must be blake2b, sha256 or sha512.', $driver));
        }
    }

    public static function fromConfig(Repository $config): self
    {
        $key = $config->get('sodium-crypt.hashing.key');
        return new self(
            (string) $config->get('sodium-crypt.hashing.driver', 'blake2b'),
            $key ? AppKeys::parse($key, 'CRYPTO_BLAKE2B_HASHING_KEY') : null,
            (int) $config->get('sodium-crypt.hashing.output_bytes', 32),
        );
    }

    public function hash(#[\SensitiveParameter] string $data): string
    {
        return $this->text($this->driver, $data);
    }

    public function hashRaw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher($this->driver)->hash($data);
    }

    public function verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->verifyText($this->driver, $hash, $data);
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
        return $this->text('blake2b', $data);
    }

    public function blake2bRaw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('blake2b')->hash($data);
    }

    public function blake2bVerify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->verifyText('blake2b', $hash, $data);
    }

    public function blake2bVerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('blake2b')->verify($hash, $data);
    }

    public function sha256(#[\SensitiveParameter] string $data): string
    {
        return $this->text('sha256', $data);
    }

    public function sha256Raw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('sha256')->hash($data);
    }

    public function sha256Verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->verifyText('sha256', $hash, $data);
    }

    public function sha256VerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('sha256')->verify($hash, $data);
    }

    public function sha512(#[\SensitiveParameter] string $data): string
    {
        return $this->text('sha512', $data);
    }

    public function sha512Raw(#[\SensitiveParameter] string $data): string
    {
        return $this->hasher('sha512')->hash($data);
    }

    public function sha512Verify(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->verifyText('sha512', $hash, $data);
    }

    public function sha512VerifyRaw(string $hash, #[\SensitiveParameter] string $data): bool
    {
        return $this->hasher('sha512')->verify($hash, $data);
    }

    /** The driver and whether BLAKE2b is keyed: never the key. */
    public function __debugInfo(): array
    {
        return ['driver' => $this->driver, 'blake2bKeyId' => $this->blake2bKey?->id()];
    }

    public function __serialize(): array
    {
        throw new \LogicException('The Hashing service holds a key and cannot be serialised.');
    }

    private function text(string $driver, string $data): string
    {
        return TextCodec::encode(self::DRIVERS[$driver][1], $this->hasher($driver)->hash($data));
    }

    private function verifyText(string $driver, string $hash, string $data): bool
    {
        $raw = TextCodec::decode(self::DRIVERS[$driver][1], $hash);
        return $raw !== null && $this->hasher($driver)->verify($raw, $data);
    }

    private function hasher(string $driver): Hasher
    {
        $algorithm = self::DRIVERS[$driver][0];
        return $this->hashers[$driver] ??= $algorithm === 'blake2b'
            ? new Hasher('blake2b', $this->blake2bKey, $this->blake2bBytes)
            : new Hasher($algorithm);
    }
}
