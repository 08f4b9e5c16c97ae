<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use SodiumCrypt\Laravel\HasEncryptedCasts;

/** ExtrasRecord read through HasEncryptedCasts (HasEncryptedCastsTest). */
final class ExtrasRecordWithTrait extends ExtrasRecord
{
    use HasEncryptedCasts;
}
