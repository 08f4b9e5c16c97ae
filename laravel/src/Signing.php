<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\Hasher;
use SodiumCrypt\Key;
use SodiumCrypt\SigningKey;

/**
 * laravel-crypto's Sign, on the extension: the same methods and outputs
 * (base64url without padding), keys in Key objects.
 *   blake2b  keyed BLAKE2b under CRYPTO_HMAC_KEY (output_bytes, 32 by default)
 *   hmac256  HMAC-SHA-512/256, libsodium's crypto_auth (laravel-crypto's "Sha256")
 *   hmac512  HMAC-SHA-512
 *   eddsa    Ed25519 under CRYPTO_EDDSA_KEY (or laravel-crypto's key file)
 * verify*() take the encoded signature, verify*Raw() the bytes; constant time.
 */
final class Signing
{
    /** @var array<string, Hasher> */
    private array $macs = [];
    private ?SigningKey $eddsa = null;

    /**
     * @param \Closure(): Key $hmacKey
     * @param \Closure(): SigningKey $eddsaKey
     */
    public function __construct(
        private readonly string $driver,
        private readonly \Closure $hmacKey,
        private readonly \Closure $eddsaKey,
        private readonly int $blake2bBytes = 32,
    ) {
    }

    public function sign(string $data): string
    {
        return Encoding::encode('base64url', $this->signRaw($data));
    }

    public function signRaw(string $data): string
    {
        return $this->driver === 'eddsa' ? $this->eddsaKey()->sign($data) : $this->mac($this->driver)->hash($data);
    }

    public function verify(string $message, string $signature): bool
    {
        $raw = Encoding::decode('base64url', $signature);
        return $raw !== null && $this->verifyRaw($message, $raw);
    }

    public function verifyRaw(string $message, string $signature): bool
    {
        return $this->driver === 'eddsa'
            ? SigningKey::verify($signature, $message, $this->eddsaKey()->publicKey())
            : $this->mac($this->driver)->verify($signature, $message);
    }

    public function blake2bSign(string $data): string
    {
        return Encoding::encode('base64url', $this->mac('blake2b')->hash($data));
    }

    public function blake2bSignRaw(string $data): string
    {
        return $this->mac('blake2b')->hash($data);
    }

    public function blake2bVerify(string $message, string $signature): bool
    {
        return $this->macVerify('blake2b', $message, $signature);
    }

    public function hmac256Sign(string $data): string
    {
        return Encoding::encode('base64url', $this->mac('hmac256')->hash($data));
    }

    public function hmac256SignRaw(string $data): string
    {
        return $this->mac('hmac256')->hash($data);
    }

    public function hmac256Verify(string $message, string $signature): bool
    {
        return $this->macVerify('hmac256', $message, $signature);
    }

    public function hmac512Sign(string $data): string
    {
        return Encoding::encode('base64url', $this->mac('hmac512')->hash($data));
    }

    public function hmac512SignRaw(string $data): string
    {
        return $this->mac('hmac512')->hash($data);
    }

    public function hmac512Verify(string $message, string $signature): bool
    {
        return $this->macVerify('hmac512', $message, $signature);
    }

    public function eddsaSign(string $data): string
    {
        return Encoding::encode('base64url', $this->eddsaKey()->sign($data));
    }

    public function eddsaSignRaw(string $data): string
    {
        return $this->eddsaKey()->sign($data);
    }

    public function eddsaVerify(string $message, string $signature): bool
    {
        $raw = Encoding::decode('base64url', $signature);
        return $raw !== null && SigningKey::verify($raw, $message, $this->eddsaKey()->publicKey());
    }

    /** The Ed25519 public key, base64url: what a verifier elsewhere needs. */
    public function eddsaPublicKey(): string
    {
        return Encoding::encode('base64url', $this->eddsaKey()->publicKey());
    }

    private function macVerify(string $driver, string $message, string $signature): bool
    {
        $raw = Encoding::decode('base64url', $signature);
        return $raw !== null && $this->mac($driver)->verify($raw, $message);
    }

    private function mac(string $driver): Hasher
    {
        return $this->macs[$driver] ??= match ($driver) {
            'blake2b' => new Hasher('blake2b', ($this->hmacKey)(), $this->blake2bBytes),
            'hmac256' => new Hasher('hmac-sha512/256', ($this->hmacKey)()),
            'hmac512' => new Hasher('hmac-sha512', ($this->hmacKey)()),
            default => throw new Exceptions\InvalidConfiguration(sprintf('sodium-crypt.signing.driver is "%s": it must be blake2b, hmac256, hmac512 or eddsa.', $driver)),
        };
    }

    private function eddsaKey(): SigningKey
    {
        return $this->eddsa ??= ($this->eddsaKey)();
    }
}
