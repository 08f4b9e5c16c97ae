<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Contracts\Queue\ShouldBeEncrypted;

/** The same, ShouldBeEncrypted: the whole command sealed under APP_KEY. */
final class FailingCarriedEncryptedJob extends FailingCarriedJob implements ShouldBeEncrypted
{
}
