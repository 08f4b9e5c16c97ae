<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Casts\UserEncrypted;

/** UserEncrypted, counting decryptions (CastMemoTest). */
final class CountingUserEncrypted extends UserEncrypted
{
    use CountsOpenedValues;
}
