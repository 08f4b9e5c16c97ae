<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;
use SodiumCrypt\PayloadFormat;

/**
 * The encoders of encrypt($value, serialize: true) and decrypt(): one writes,
 * every one reads.
 *
 * php writes serialize() output unchanged (Laravel's bytes). The others,
 * in V1 payloads, put a two-byte tag in front ("\xC1" and j, i or m; 0xC1 is
 * a byte none of the four encodings can start with), so a value written
 * with any encoder reads back whatever the encoder is today. Untagged values
 * (Laravel's, laravel-crypto's, or written in the laravel-crypto format,
 * which its readers must understand) are recognised: serialize() output by
 * its shape, igbinary by its header, and anything else is read with
 * sodium-crypt.encoder.untagged: the encoder laravel-crypto was configured
 * with.
 */
final class Encoders
{
    private const TAG = "\xC1";
    private const TAGS = ['json' => 'j', 'igbinary' => 'i', 'msgpack' => 'm'];

    /** @var array<string, Encoder> */
    private array $made = [];

    /**
     * @param bool|list<class-string> $allowedClasses
     * @param bool $tag whether writes carry the tag (V1) or not (laravel-crypto format)
     */
    public function __construct(
        private readonly string $write = 'php',
        private readonly string $untagged = 'php',
        private readonly bool|array $allowedClasses = false,
        private readonly bool $tag = true,
        private readonly bool $jsonAssoc = true,
    ) {
        foreach (['write' => $write, 'untagged' => $untagged] as $what => $name) {
            if (!in_array($name, ['php', 'json', 'igbinary', 'msgpack'], true)) {
                throw new InvalidConfiguration(sprintf('sodium-crypt.encoder.%s is "%s": it must be php, json, igbinary or msgpack.', $what, $name));
            }
        }
        $this->encoder($write); // an encoder whose extension is missing fails now, not at the first write
    }

    /** As sodium-crypt.encoder.* says, for payloads of $format (only V1 carries the encoding tag). */
    public static function fromConfig(Repository $config, PayloadFormat $format): self
    {
        $allowed = $config->get('sodium-crypt.encoder.allowed_classes', false);
        return new self(
            (string) $config->get('sodium-crypt.encoder.write', 'php'),
            (string) $config->get('sodium-crypt.encoder.untagged', 'php'),
            is_array($allowed) ? array_values($allowed) : (bool) $allowed,
            $format === PayloadFormat::V1,
            (bool) $config->get('sodium-crypt.encoder.json_assoc', true),
        );
    }

    public function encode(#[\SensitiveParameter] mixed $value): string
    {
        $bytes = $this->encoder($this->write)->encode($value);
        return $this->write === 'php' || !$this->tag ? $bytes : self::TAG.self::TAGS[$this->write].$bytes;
    }

    public function decode(#[\SensitiveParameter] string $bytes): mixed
    {
        if (str_starts_with($bytes, self::TAG) && strlen($bytes) >= 2) {
            $name = array_search($bytes[1], self::TAGS, true);
            if ($name === false) {
                throw new ValueEncodingFailed('The decrypted value carries an encoding tag this version does not know.');
            }
            return $this->encoder($name)->decode(substr($bytes, 2));
        }
        if (preg_match('/\A(?:N;|[bidsaOCE]:)/', $bytes) === 1) {
            return $this->encoder('php')->decode($bytes);
        }
        if (str_starts_with($bytes, "\x00\x00\x00\x02") || str_starts_with($bytes, "\x00\x00\x00\x01")) {
            return $this->encoder('igbinary')->decode($bytes);
        }
        return $this->encoder($this->untagged)->decode($bytes);
    }

    public function writes(): string
    {
        return $this->write;
    }

    public function encoder(string $name): Encoder
    {
        return $this->made[$name] ??= match ($name) {
            'php' => new PhpEncoder($this->allowedClasses),
            'json' => new JsonEncoder($this->jsonAssoc),
            'igbinary' => new IgbinaryEncoder($this->allowedClasses),
            'msgpack' => new MessagePackEncoder(),
        };
    }

    /** A decoder call on untrusted bytes, its notices and warnings silenced: the caller checks the result. */
    public static function quietly(\Closure $decode): mixed
    {
        set_error_handler(static fn (): bool => true);
        try {
            return $decode();
        } finally {
            restore_error_handler();
        }
    }

    public static function requireExtension(string $name): void
    {
        if (!extension_loaded($name)) {
            throw new InvalidConfiguration(sprintf('This value encoding needs the %s PHP extension, which is not loaded here (PHP %s, %s SAPI). Install it (Debian: apt-get install php-%s) or use php or json.', $name, PHP_VERSION, PHP_SAPI, $name));
        }
    }
}
