<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use League\Flysystem\Config;
use League\Flysystem\FileAttributes;
use League\Flysystem\FilesystemAdapter;
use League\Flysystem\UnableToRetrieveMetadata;
use League\MimeTypeDetection\ExtensionMimeTypeDetector;
use League\MimeTypeDetection\MimeTypeDetector;
use SodiumCrypt\CryptoException;
use SodiumCrypt\DecryptionFailed;
use SodiumCrypt\Laravel\Exceptions\FileDecryptionFailed;

/**
 * The 'sodium-encrypted' disk: any Flysystem adapter (the inner disk's), with
 * every file encrypted in chunks on the way in and opened on the way out.
 * Paths, directories, visibility and timestamps are the inner disk's;
 * contents and sizes are the plaintext's. Streams stay streams: memory holds
 * two chunks, whatever the file size.
 */
final class EncryptedAdapter implements FilesystemAdapter
{
    private readonly MimeTypeDetector $mimeTypes;

    public function __construct(
        private readonly FilesystemAdapter $inner,
        private readonly ChunkedFiles $files,
        private readonly string $disk = 'encrypted',
    ) {
        $this->mimeTypes = new ExtensionMimeTypeDetector();
    }

    public function __serialize(): array
    {
        throw new \LogicException('An encrypted disk holds keys and cannot be serialised.');
    }

    public function fileExists(string $path): bool
    {
        return $this->inner->fileExists($path);
    }

    public function directoryExists(string $path): bool
    {
        return $this->inner->directoryExists($path);
    }

    public function write(string $path, #[\SensitiveParameter] string $contents, Config $config): void
    {
        $this->inner->write($path, $this->files->sealString($contents), $config);
    }

    public function writeStream(string $path, $contents, Config $config): void
    {
        $this->inner->writeStream($path, GeneratorStream::open($this->files->seal($contents)), $config);
    }

    public function read(string $path): string
    {
        $out = '';
        foreach ($this->opened($path, $this->inner->readStream($path)) as $chunk) {
            $out .= $chunk;
        }
        return $out;
    }

    public function readStream(string $path)
    {
        return GeneratorStream::open($this->opened($path, $this->inner->readStream($path)));
    }

    public function delete(string $path): void
    {
        $this->inner->delete($path);
    }

    public function deleteDirectory(string $path): void
    {
        $this->inner->deleteDirectory($path);
    }

    public function createDirectory(string $path, Config $config): void
    {
        $this->inner->createDirectory($path, $config);
    }

    public function setVisibility(string $path, string $visibility): void
    {
        $this->inner->setVisibility($path, $visibility);
    }

    public function visibility(string $path): FileAttributes
    {
        return $this->inner->visibility($path);
    }

    /** From the extension: the content is ciphertext to the inner disk. */
    public function mimeType(string $path): FileAttributes
    {
        $type = $this->mimeTypes->detectMimeTypeFromPath($path);
        if ($type === null) {
            throw UnableToRetrieveMetadata::mimeType($path, 'the file is encrypted, so only its extension can tell its type, and this one is not known');
        }
        return new FileAttributes($path, null, null, null, $type);
    }

    public function lastModified(string $path): FileAttributes
    {
        return $this->inner->lastModified($path);
    }

    /** The plaintext size, from the stored size and the header (the only bytes read). */
    public function fileSize(string $path): FileAttributes
    {
        $stored = (int) $this->inner->fileSize($path)->fileSize();
        try {
            return new FileAttributes($path, $this->files->opener($this->header($path))->plaintextSize($stored));
        } catch (CryptoException $e) {
            throw UnableToRetrieveMetadata::fileSize($path, $this->why($e));
        }
    }

    /** Listed sizes would be the ciphertext's: they are left out (size() has the plaintext's). */
    public function listContents(string $path, bool $deep): iterable
    {
        foreach ($this->inner->listContents($path, $deep) as $item) {
            yield $item instanceof FileAttributes
                ? new FileAttributes($item->path(), null, $item->visibility(), $item->lastModified(), null, $item->extraMetadata())
                : $item;
        }
    }

    public function move(string $source, string $destination, Config $config): void
    {
        $this->inner->move($source, $destination, $config);
    }

    public function copy(string $source, string $destination, Config $config): void
    {
        $this->inner->copy($source, $destination, $config);
    }

    /**
     * Every stored file's path, deep, in the inner disk's order; a temporary
     * file a crashed reencrypt() left beside its original is not one.
     *
     * @return \Generator<int, string>
     */
    public function paths(): \Generator
    {
        foreach ($this->inner->listContents('', true) as $item) {
            if ($item instanceof FileAttributes && !preg_match(self::TEMPORARY, $item->path())) {
                yield $item->path();
            }
        }
    }

    /**
     * The id of the key a stored file is under (public: its header says it),
     * or null when it names none of the disk's keys or is no encrypted file.
     * $verify: the whole file is opened, and a chunk that does not open
     * makes it null too.
     */
    public function keyIdOf(string $path, bool $verify = false): ?string
    {
        try {
            $id = $this->files->opener($this->header($path))->keyId();
            if ($verify) {
                foreach ($this->files->open($this->inner->readStream($path)) as $chunk) {
                    sodium_memzero($chunk);
                }
            }
            return $id;
        } catch (CryptoException) {
            return null;
        }
    }

    public function currentKeyId(): string
    {
        return $this->files->writeKeyId();
    }

    /** Leftovers of reencrypt() runs that died: removed by the next run over the disk. */
    public function removeTemporaryFiles(): int
    {
        $removed = 0;
        foreach ($this->inner->listContents('', true) as $item) {
            if ($item instanceof FileAttributes && preg_match(self::TEMPORARY, $item->path())) {
                $this->inner->delete($item->path());
                $removed++;
            }
        }
        return $removed;
    }

    private const TEMPORARY = '/\.reencrypt-[0-9a-f]{8}$/';

    /**
     * Rewrites a file under the current key when a previous one wrote it
     * (after a rotation): streamed into a temporary file beside it, then
     * moved over it, so a crash leaves the original whole. False when the
     * file is already under the current key.
     */
    public function reencrypt(string $path, Config $config): bool
    {
        try {
            if ($this->files->isCurrent($this->header($path))) {
                return false;
            }
        } catch (CryptoException $e) {
            throw new FileDecryptionFailed(sprintf('Unable to re-encrypt file at location: %s. %s', $path, $this->why($e)), 0, $e);
        }
        $temporary = $path.'.reencrypt-'.bin2hex(random_bytes(4));
        $plain = $this->readStream($path);
        try {
            $this->writeStream($temporary, $plain, $config);
        } catch (\Throwable $e) {
            $this->inner->fileExists($temporary) && $this->inner->delete($temporary);
            throw $e;
        } finally {
            is_resource($plain) && fclose($plain);
        }
        $this->inner->move($temporary, $path, $config);
        return true;
    }

    /** The first bytes of a stored file: its header, or fewer for a file too short to have one. */
    private function header(string $path): string
    {
        $stream = $this->inner->readStream($path);
        try {
            return ChunkedFiles::header($stream);
        } finally {
            is_resource($stream) && fclose($stream);
        }
    }

    /**
     * @param resource $stream
     * @return \Generator<int, string>
     */
    private function opened(string $path, $stream): \Generator
    {
        try {
            yield from $this->files->open($stream);
        } catch (CryptoException $e) {
            throw new FileDecryptionFailed(sprintf('Unable to read file from location: %s. %s', $path, $this->why($e)), 0, $e);
        } finally {
            is_resource($stream) && fclose($stream);
        }
    }

    private function why(CryptoException $e): string
    {
        return $e instanceof DecryptionFailed
            ? "it does not decrypt on the '{$this->disk}' disk: it was not written through an encrypted disk, or it has been altered, cut short or had chunks moved"
            : $e->getMessage();
    }
}
