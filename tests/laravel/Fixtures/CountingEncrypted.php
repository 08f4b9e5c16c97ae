<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Casts\Encrypted;

/** Encrypted, counting decryptions: decode() runs once for each value opened. */
final class CountingEncrypted extends Encrypted
{
    public static int $opened = 0;

    protected function decode(#[\SensitiveParameter] string $plaintext): mixed
    {
        self::$opened++;
        return $plaintext;
    }
}
