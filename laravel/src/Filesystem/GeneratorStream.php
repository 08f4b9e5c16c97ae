<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

/**
 * A read-only PHP stream over a generator of strings, so that a disk can hand
 * out (and Flysystem adapters consume) ciphertext or plaintext produced one
 * chunk at a time. An exception the generator throws (a tampered chunk)
 * comes out of the fread() or stream_copy_to_stream() that asked for it.
 *
 * @internal
 */
final class GeneratorStream
{
    private const PROTOCOL = 'sodium-crypt.chunks';

    /** @var resource|null set by PHP for stream wrappers */
    public $context;

    private \Generator $chunks;
    private string $buffer = '';
    private int $offset = 0;
    private int $at = 0;

    /** @return resource */
    public static function open(\Generator $chunks)
    {
        if (!in_array(self::PROTOCOL, stream_get_wrappers(), true)) {
            stream_wrapper_register(self::PROTOCOL, self::class);
        }
        $stream = fopen(self::PROTOCOL.'://', 'rb', false, stream_context_create([self::PROTOCOL => ['chunks' => $chunks]]));
        if ($stream === false) {
            throw new \RuntimeException('Could not open a chunk stream');
        }
        // Readers such as stream_copy_to_stream() ask for the chunk size at a
        // time: one 64 KiB slice per call instead of eight 8 KiB ones.
        stream_set_chunk_size($stream, 1 << 16);
        return $stream;
    }

    public function stream_open(string $path, string $mode, int $options, ?string &$openedPath): bool
    {
        $chunks = stream_context_get_options($this->context)[self::PROTOCOL]['chunks'] ?? null;
        if (!$chunks instanceof \Generator || $mode !== 'rb') {
            return false;
        }
        $this->chunks = $chunks;
        return true;
    }

    /** At most $count bytes, from the current chunk only: no buffer is copied but the slice returned. */
    public function stream_read(int $count): string
    {
        while ($this->offset >= strlen($this->buffer)) {
            if (!$this->chunks->valid()) {
                return '';
            }
            $this->buffer = $this->chunks->current();
            $this->offset = 0;
            $this->chunks->next();
        }
        $out = substr($this->buffer, $this->offset, $count);
        $this->offset += strlen($out);
        $this->at += strlen($out);
        return $out;
    }

    public function stream_eof(): bool
    {
        return $this->offset >= strlen($this->buffer) && !$this->chunks->valid();
    }

    public function stream_tell(): int
    {
        return $this->at;
    }

    /** Not seekable: Flysystem does not rewind it, S3 uploads it as a stream. */
    public function stream_seek(int $offset, int $whence): bool
    {
        return false;
    }

    /** @return array<string, int>|false */
    public function stream_stat(): array|false
    {
        return false;
    }

    public function stream_close(): void
    {
        $this->buffer = '';
    }
}
