<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

/** The app's cipher, key or format cannot work: raised at boot, says what to run. */
final class InvalidConfiguration extends \RuntimeException implements SodiumCryptException
{
}
