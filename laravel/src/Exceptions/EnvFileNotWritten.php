<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

/** A .env that cannot be read or rewritten safely: nothing was written. Carries no value. */
final class EnvFileNotWritten extends \RuntimeException implements SodiumCryptException
{
}
