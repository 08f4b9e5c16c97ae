<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Encryption\DecryptException;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Support\BoundColumn;

/**
 * One stored value at a time: is it already what the app writes now, and
 * if not, the same plaintext under the current key. The target is the
 * configured cipher and format, or (toLaravel) Laravel's own AES-CBC under
 * the current key: the way back to Laravel's encrypter. A bound column's
 * target is always its bound V1 form.
 */
final class ColumnRotator
{
    public function __construct(private readonly Encrypter $encrypter, private readonly bool $toLaravel = false)
    {
    }

    /**
     * $bound: how the column binds its values (Encrypted:bound), null for an
     * unbound column; $binding: this row's. A bound value is current only if
     * it opens under exactly that binding (one bound before databases were
     * is rewritten).
     */
    public function needsReEncrypt(string $payload, ?BoundColumn $bound = null, string $binding = ''): bool
    {
        if ($bound !== null) {
            return !$this->encrypter->isCurrent($payload, true) || !$bound->opensAsWritten($this->encrypter->codec(), $payload, $binding);
        }
        if (!$this->toLaravel) {
            return !$this->encrypter->isCurrent($payload);
        }
        $about = $this->encrypter->describe($payload);
        return $about === null || $about['format'] !== 'laravel' || $about['key'] !== 0 || !str_ends_with($about['cipher'], 'CBC');
    }

    /**
     * The value sealed as the column writes it now: bound to $binding when
     * the column is bound (an unbound value is read when the cast says "migrate").
     *
     * @throws DecryptException when no configured key opens it
     */
    public function reEncrypt(string $payload, ?BoundColumn $bound = null, string $binding = ''): string
    {
        $plaintext = $this->open($payload, $bound, $binding);
        try {
            return match (true) {
                $bound !== null => $this->encrypter->codec()->seal($plaintext, $binding),
                $this->toLaravel => $this->encrypter->sealLaravel($plaintext),
                default => $this->encrypter->encryptString($plaintext),
            };
        } finally {
            sodium_memzero($plaintext);
        }
    }

    /** What a dry run does: the decryption alone. @throws DecryptException */
    public function check(string $payload, ?BoundColumn $bound = null, string $binding = ''): void
    {
        $plaintext = $this->open($payload, $bound, $binding);
        sodium_memzero($plaintext);
    }

    private function open(string $payload, ?BoundColumn $bound, string $binding): string
    {
        return $bound !== null ? $bound->open($this->encrypter->codec(), $payload, $binding) : $this->encrypter->decryptString($payload);
    }
}
