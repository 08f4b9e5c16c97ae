<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use Illuminate\Contracts\Foundation\Application;
use Illuminate\Filesystem\FilesystemAdapter;
use Illuminate\Support\Arr;
use League\Flysystem\Filesystem as Flysystem;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

/**
 * Laravel's disk object for the 'sodium-encrypted' driver: everything of
 * FilesystemAdapter, except URLs, which would hand out ciphertext.
 */
final class EncryptedDisk extends FilesystemAdapter
{
    /**
     * The 'sodium-encrypted' driver: 'disk' names the disk it wraps; files are
     * under 'key' (default APP_KEY) and open under it or 'previous_keys'
     * (default APP_PREVIOUS_KEYS); 'user' => true puts them under the
     * request's user key (KeyContext) instead.
     *
     * @throws InvalidConfiguration
     */
    public static function fromConfig(Application $app, array $config): self
    {
        $inner = $config['disk'] ?? null;
        if (!is_string($inner) || $inner === '') {
            throw new InvalidConfiguration("A 'sodium-encrypted' disk needs 'disk' => the name of the disk it wraps (local, s3, …).");
        }
        $disk = $app->make('filesystem')->disk($inner);
        if (!$disk instanceof FilesystemAdapter) {
            throw new InvalidConfiguration(sprintf("The disk '%s' that a 'sodium-encrypted' disk wraps is not a Flysystem disk.", $inner));
        }
        $adapter = new EncryptedAdapter($disk->getAdapter(), DiskKeys::files($app->make('config'), $config), $inner);
        // The disk keeps its config (Laravel's FilesystemAdapter::$config): not the key text.
        $config = Arr::except($config, ['key', 'previous_keys']);
        return new self(new Flysystem($adapter, Arr::only($config, ['directory_visibility', 'visibility'])), $adapter, $config);
    }

    /**
     * Rewrites the file under the current key if a previous key wrote it
     * (true), else leaves it (false). Old files stay readable without it, as
     * long as their key is among the previous keys.
     */
    public function reencrypt(string $path): bool
    {
        return $this->encrypted()->reencrypt($path, new \League\Flysystem\Config($this->config));
    }

    /**
     * Each file's path and the id of the key it is under (null: none of the
     * disk's keys, or not an encrypted file), reading only headers; with
     * $verify each file is opened whole.
     *
     * @return \Generator<string, ?string>
     */
    public function keyIds(bool $verify = false): \Generator
    {
        foreach ($this->encrypted()->paths() as $path) {
            yield $path => $this->encrypted()->keyIdOf($path, $verify);
        }
    }

    /** The id of the key one file is under; see keyIds(). */
    public function keyIdOf(string $path, bool $verify = false): ?string
    {
        return $this->encrypted()->keyIdOf($path, $verify);
    }

    /** @return \Generator<int, string> every file's path, deep */
    public function paths(): \Generator
    {
        return $this->encrypted()->paths();
    }

    /** Removes what re-encryptions that died left beside the originals (which are whole); how many. */
    public function removeTemporaryFiles(): int
    {
        return $this->encrypted()->removeTemporaryFiles();
    }

    /** The id of the key new files are written under (public). */
    public function currentKeyId(): string
    {
        return $this->encrypted()->currentKeyId();
    }

    private function encrypted(): EncryptedAdapter
    {
        /** @var EncryptedAdapter */
        return $this->adapter;
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
