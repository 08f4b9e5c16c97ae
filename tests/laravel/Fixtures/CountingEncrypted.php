<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\Casts\Encrypted;

/** Encrypted, counting decryptions (CastMemoTest). */
final class CountingEncrypted extends Encrypted
{
    use CountsOpenedValues;
}
