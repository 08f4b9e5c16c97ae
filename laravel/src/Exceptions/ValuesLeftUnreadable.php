<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

/**
 * A queued re-encryption chunk found values that open under no configured
 * key: it re-encrypted the rest of its rows and left those as they are. The
 * message names rows by key and column, never a value.
 */
final class ValuesLeftUnreadable extends \RuntimeException implements SodiumCryptException
{
}
