<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\HasEncryptedCasts;

/** CountedRecord read through HasEncryptedCasts (CastMemoTest). */
final class CountedRecordWithTrait extends CountedRecord
{
    use HasEncryptedCasts;
}
