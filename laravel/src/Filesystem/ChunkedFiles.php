<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\StreamOpener;
use SodiumCrypt\StreamSealer;

/**
 * The file format of the encrypted disk, as generators over PHP streams:
 * StreamSealer/StreamOpener (the C extension) seal and open each chunk; this
 * class only reads whole chunks and knows which one is the last (the one
 * the file ends with). Memory: two chunks at a time, whatever the file size.
 *
 * @internal
 */
final class ChunkedFiles
{
    /**
     * @param ?Key $writeKey the key new files are written under; null: the
     *        request's user key (KeyContext), and only it reads
     * @param list<Key> $readKeys every other key a file may have been written under
     */
    public function __construct(
        private readonly ?Key $writeKey,
        private readonly array $readKeys = [],
        private readonly int $chunkBytes = 65536,
    ) {
    }

    /** Key ids and chunk size: never a key. */
    public function __debugInfo(): array
    {
        return [
            'writeKeyId' => $this->writeKey?->id() ?? 'the request\'s user key',
            'readKeyIds' => array_map(static fn (Key $k): string => $k->id(), $this->readKeys),
            'chunkBytes' => $this->chunkBytes,
        ];
    }

    public function __serialize(): array
    {
        throw new \LogicException('An encrypted disk holds keys and cannot be serialised.');
    }

    private function writeKey(): Key
    {
        return $this->writeKey ?? KeyContext::get();
    }

    /**
     * Ciphertext of the plaintext stream $source, one sealed chunk at a time.
     *
     * @param resource $source
     * @return \Generator<int, string>
     */
    public function seal($source): \Generator
    {
        $sealer = new StreamSealer($this->writeKey(), $this->chunkBytes);
        yield $sealer->header();
        $chunk = self::readFull($source, $this->chunkBytes);
        while (true) {
            $next = self::readFull($source, $this->chunkBytes);
            yield $sealer->push($chunk, $next === '');
            if ($next === '') {
                return;
            }
            $chunk = $next;
        }
    }

    /** The ciphertext of a string, whole. */
    public function sealString(#[\SensitiveParameter] string $contents): string
    {
        $sealer = new StreamSealer($this->writeKey(), $this->chunkBytes);
        $out = $sealer->header();
        $last = max(0, intdiv(strlen($contents) - 1, $this->chunkBytes));
        for ($i = 0; $i <= $last; $i++) {
            $out .= $sealer->push(substr($contents, $i * $this->chunkBytes, $this->chunkBytes), $i === $last);
        }
        return $out;
    }

    /**
     * Plaintext of the ciphertext stream $source, one chunk at a time; a
     * chunk that does not open (tampered, reordered, moved, cut short) throws
     * DecryptionFailed before any of its bytes come out.
     *
     * @param resource $source
     * @return \Generator<int, string>
     */
    public function open($source): \Generator
    {
        $opener = $this->opener(self::header($source));
        $sealed = $opener->chunkBytes() + StreamSealer::tagBytes();
        $chunk = self::readFull($source, $sealed);
        while (true) {
            $next = self::readFull($source, $sealed);
            yield $opener->pull($chunk, $next === '');
            if ($next === '') {
                return;
            }
            $chunk = $next;
        }
    }

    /**
     * The header at the start of $source (fewer bytes only for a file too
     * short to have one), read through short reads as chunks are.
     *
     * @param resource $source
     */
    public static function header($source): string
    {
        return self::readFull($source, StreamSealer::headerBytes());
    }

    /** The reader of a file with this header: picks its key by the header's key id. */
    public function opener(string $header): StreamOpener
    {
        return new StreamOpener($header, [$this->writeKey(), ...$this->readKeys]);
    }

    /** The id of the key new files are written under. */
    public function writeKeyId(): string
    {
        return $this->writeKey()->id();
    }

    /** Whether a file with this header is under the key new files are written under. */
    public function isCurrent(string $header): bool
    {
        return $this->opener($header)->keyId() === $this->writeKey()->id();
    }

    /**
     * Up to $bytes from $source: fewer only at its end (network streams
     * return short reads).
     *
     * @param resource $source
     */
    private static function readFull($source, int $bytes): string
    {
        $out = '';
        while (strlen($out) < $bytes && !feof($source)) {
            $part = fread($source, $bytes - strlen($out));
            if ($part === false) {
                throw new \RuntimeException('Reading the file failed');
            }
            if ($part === '' && self::stalled($source)) {
                break;
            }
            $out .= $part;
        }
        return $out;
    }

    /** @param resource $source */
    private static function stalled($source): bool
    {
        $meta = stream_get_meta_data($source);
        return $meta['timed_out'] || $meta['eof'];
    }
}
