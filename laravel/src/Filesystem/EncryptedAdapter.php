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
        $stream = $this->inner->readStream($path);
        try {
            $out = '';
            foreach ($this->opened($path, $stream) as $chunk) {
                $out .= $chunk;
            }
            return $out;
        } finally {
            is_resource($stream) && fclose($stream);
        }
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

    /** The plaintext size, from the stored size and the header (34 bytes read). */
    public function fileSize(string $path): FileAttributes
    {
        $stored = $this->inner->fileSize($path)->fileSize();
        $stream = $this->inner->readStream($path);
        try {
            $header = (string) fread($stream, 34);
            return new FileAttributes($path, $this->files->opener($header)->plaintextSize((int) $stored));
        } catch (CryptoException $e) {
            throw UnableToRetrieveMetadata::fileSize($path, $this->why($e));
        } finally {
            is_resource($stream) && fclose($stream);
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
     * Rewrites a file under the current key when a previous one wrote it
     * (after a rotation): streamed into a temporary file beside it, then
     * moved over it, so a crash leaves the original whole. False when the
     * file is already under the current key.
     */
    public function reencrypt(string $path, Config $config): bool
    {
        $stream = $this->inner->readStream($path);
        try {
            $header = (string) fread($stream, 34);
        } finally {
            is_resource($stream) && fclose($stream);
        }
        if ($this->files->isCurrent($header)) {
            return false;
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
        return $e instanceof \SodiumCrypt\DecryptionFailed
            ? "it does not decrypt on the '{$this->disk}' disk: it was not written through an encrypted disk, or it has been altered, cut short or had chunks moved"
            : $e->getMessage();
    }
}
