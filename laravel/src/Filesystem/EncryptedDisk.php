<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use Illuminate\Filesystem\FilesystemAdapter;

/**
 * Laravel's disk object for the 'sodium-encrypted' driver: everything of
 * FilesystemAdapter, except URLs, which would hand out ciphertext.
 */
final class EncryptedDisk extends FilesystemAdapter
{
    /**
     * Rewrites the file under the current key if a previous key wrote it
     * (true), else leaves it (false). Old files stay readable without it, as
     * long as their key is among the previous keys.
     */
    public function reencrypt(string $path): bool
    {
        /** @var EncryptedAdapter $adapter */
        $adapter = $this->adapter;
        return $adapter->reencrypt($path, new \League\Flysystem\Config($this->config));
    }

    public function url($path)
    {
        throw $this->noUrls('url');
    }

    public function providesTemporaryUrls()
    {
        return false;
    }

    public function temporaryUrl($path, $expiration, array $options = [])
    {
        throw $this->noUrls('temporaryUrl');
    }

    public function temporaryUploadUrl($path, $expiration, array $options = [])
    {
        throw $this->noUrls('temporaryUploadUrl');
    }

    private function noUrls(string $method): \RuntimeException
    {
        return new \RuntimeException(sprintf('%s() is not available on a sodium-encrypted disk: the inner disk holds only ciphertext, so a URL to it would serve ciphertext and a direct upload would skip encryption. Serve the file through a route instead (Storage::disk(...)->download() or response()->stream() over readStream()).', $method));
    }
}
