<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Encryption\DecryptException;
use SodiumCrypt\Laravel\Encrypter;

/**
 * One stored value at a time: is it already what the app writes now, and
 * if not, the same plaintext under the current key. The target is the
 * configured cipher and format, or (toLaravel) Laravel's own AES-CBC under
 * the current key: the way back to Laravel's encrypter.
 */
final class ColumnRotator
{
    public function __construct(private readonly Encrypter $encrypter, private readonly bool $toLaravel = false)
    {
    }

    public function needsReEncrypt(string $payload): bool
    {
        if (!$this->toLaravel) {
            return !$this->encrypter->isCurrent($payload);
        }
        $about = $this->encrypter->describe($payload);
        return $about === null || $about['format'] !== 'laravel' || $about['key'] !== 0 || !str_ends_with($about['cipher'], 'CBC');
    }

    /** @throws DecryptException when no configured key opens it */
    public function reEncrypt(string $payload): string
    {
        $plaintext = $this->encrypter->decryptString($payload);
        try {
            return $this->toLaravel
                ? $this->encrypter->sealLaravel($plaintext)
                : $this->encrypter->encryptString($plaintext);
        } finally {
            sodium_memzero($plaintext);
        }
    }

    /** What a dry run does: the decryption alone. @throws DecryptException */
    public function check(string $payload): void
    {
        $plaintext = $this->encrypter->decryptString($payload);
        sodium_memzero($plaintext);
    }
}
