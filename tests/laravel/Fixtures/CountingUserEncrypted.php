<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Casts\UserEncrypted;

/** UserEncrypted, counting decryptions the same way. */
final class CountingUserEncrypted extends UserEncrypted
{
    public static int $opened = 0;

    protected function decode(#[\SensitiveParameter] string $plaintext): mixed
    {
        self::$opened++;
        return $plaintext;
    }
}
