<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

/** For a cast: counts decryptions, since decode() runs once for each value opened. */
trait CountsOpenedValues
{
    public static int $opened = 0;

    protected function decode(#[\SensitiveParameter] string $plaintext): mixed
    {
        self::$opened++;
        return $plaintext;
    }
}
