<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\Hasher;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\SigningKeys;
use SodiumCrypt\Laravel\Support\TextCodec;
use SodiumCrypt\SigningKey;

/**
 * laravel-crypto's Sign, on the extension: the same methods and outputs
 * (base64url without padding), keys in Key objects.
 *   blake2b  keyed BLAKE2b under CRYPTO_HMAC_KEY (output_bytes, 32 by default)
 *   hmac256  HMAC-SHA-512/256, libsodium's crypto_auth (laravel-crypto's "Sha256")
 *   hmac512  HMAC-SHA-512
 *   eddsa    Ed25519 under CRYPTO_EDDSA_KEY (or laravel-crypto's key file)
 * verify*() take the encoded signature, verify*Raw() the bytes; constant time.
 * A key that is not configured is an InvalidConfiguration at its first use,
 * so an app that signs one way needs only that key.
 */
final class Signing
{
    /** The MAC drivers and their Hasher algorithms. */
    private const MACS = ['blake2b' => 'blake2b', 'hmac256' => 'hmac-sha512/256', 'hmac512' => 'hmac-sha512'];

    /** @var array<string, Hasher> */
    private array $macs = [];

    /**
     * @param Key|string $hmacKey the key, or why there is none
     * @param SigningKey|string $eddsaKey the key, or why there is none
     */
    public function __construct(
        private readonly string $driver,
        private readonly Key|string $hmacKey,
        private readonly SigningKey|string $eddsaKey,
        private readonly int $blake2bBytes = 32,
    ) {
        if ($driver !== 'eddsa' && !isset(self::MACS[$driver])) {
            throw new InvalidConfiguration(sprintf('sodium-crypt.signing.driver is "%s": it must be blake2b, hmac256, hmac512 or eddsa.', $driver));
        }
    }

    /**
     * A key that is not configured is kept as the reason, thrown at its first
     * use: an app that signs one way needs only that key. Nothing here keeps
     * key text (a closure over it would show in dump()).
     */
    public static function fromConfig(Repository $config): self
    {
        $reason = static function (\Closure $load): object|string {
            try {
                return $load();
            } catch (InvalidConfiguration $e) {
                return $e->getMessage();
            }
        };
        return new self(
            (string) $config->get('sodium-crypt.signing.driver', 'blake2b'),
            $reason(static fn (): Key => AppKeys::parse($config->get('sodium-crypt.signing.hmac_key'), 'CRYPTO_HMAC_KEY')),
            $reason(static fn (): SigningKey => SigningKeys::load(
                $config->get('sodium-crypt.signing.eddsa_key'), $config->get('sodium-crypt.signing.eddsa_key_file'))),
            (int) $config->get('sodium-crypt.signing.output_bytes', 32),
        );
    }

    public function sign(string $data): string
    {
        return TextCodec::encode('base64url', $this->raw($this->driver, $data));
    }

    public function signRaw(string $data): string
    {
        return $this->raw($this->driver, $data);
    }

    public function verify(string $message, string $signature): bool
    {
        return $this->verifyText($this->driver, $message, $signature);
    }

    public function verifyRaw(string $message, string $signature): bool
    {
        return $this->verifyBytes($this->driver, $message, $signature);
    }

    public function blake2bSign(string $data): string
    {
        return TextCodec::encode('base64url', $this->raw('blake2b', $data));
    }

    public function blake2bSignRaw(string $data): string
    {
        return $this->raw('blake2b', $data);
    }

    public function blake2bVerify(string $message, string $signature): bool
    {
        return $this->verifyText('blake2b', $message, $signature);
    }

    public function hmac256Sign(string $data): string
    {
        return TextCodec::encode('base64url', $this->raw('hmac256', $data));
    }

    public function hmac256SignRaw(string $data): string
    {
        return $this->raw('hmac256', $data);
    }

    public function hmac256Verify(string $message, string $signature): bool
    {
        return $this->verifyText('hmac256', $message, $signature);
    }

    public function hmac512Sign(string $data): string
    {
        return TextCodec::encode('base64url', $this->raw('hmac512', $data));
    }

    public function hmac512SignRaw(string $data): string
    {
        return $this->raw('hmac512', $data);
    }

    public function hmac512Verify(string $message, string $signature): bool
    {
        return $this->verifyText('hmac512', $message, $signature);
    }

    public function eddsaSign(string $data): string
    {
        return TextCodec::encode('base64url', $this->raw('eddsa', $data));
    }

    public function eddsaSignRaw(string $data): string
    {
        return $this->raw('eddsa', $data);
    }

    public function eddsaVerify(string $message, string $signature): bool
    {
        return $this->verifyText('eddsa', $message, $signature);
    }

    /** The Ed25519 public key, base64url: what a verifier elsewhere needs. */
    public function eddsaPublicKey(): string
    {
        return TextCodec::encode('base64url', $this->eddsa()->publicKey());
    }

    /** The driver and which keys are there (ids, the public key): never a secret. */
    public function __debugInfo(): array
    {
        return [
            'driver' => $this->driver,
            'hmacKeyId' => $this->hmacKey instanceof Key ? $this->hmacKey->id() : null,
            'eddsaPublicKey' => $this->eddsaKey instanceof SigningKey ? $this->eddsaPublicKey() : null,
        ];
    }

    public function __serialize(): array
    {
        throw new \LogicException('The Signing service holds keys and cannot be serialised.');
    }

    private function raw(string $driver, string $data): string
    {
        return $driver === 'eddsa' ? $this->eddsa()->sign($data) : $this->mac($driver)->hash($data);
    }

    private function verifyBytes(string $driver, string $message, string $signature): bool
    {
        return $driver === 'eddsa'
            ? SigningKey::verify($signature, $message, $this->eddsa()->publicKey())
            : $this->mac($driver)->verify($signature, $message);
    }

    private function verifyText(string $driver, string $message, string $signature): bool
    {
        $raw = TextCodec::decode('base64url', $signature);
        return $raw !== null && $this->verifyBytes($driver, $message, $raw);
    }

    private function mac(string $driver): Hasher
    {
        if (!$this->hmacKey instanceof Key) {
            throw new InvalidConfiguration($this->hmacKey);
        }
        return $this->macs[$driver] ??= new Hasher(self::MACS[$driver], $this->hmacKey, $driver === 'blake2b' ? $this->blake2bBytes : 0);
    }

    private function eddsa(): SigningKey
    {
        return $this->eddsaKey instanceof SigningKey ? $this->eddsaKey : throw new InvalidConfiguration($this->eddsaKey);
    }
}
