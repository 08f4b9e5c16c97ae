<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

/**
 * A signed-in user's password was about to be saved without re-wrapping the
 * data key it wraps: their data would not open at the next sign-in. Nothing
 * was written. Says what the route needs.
 */
final class PasswordChangeWouldLockData extends \RuntimeException implements SodiumCryptException
{
}
