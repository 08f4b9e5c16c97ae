<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

use Illuminate\Contracts\Encryption\DecryptException;

/**
 * A file on an encrypted disk that does not open. A DecryptException, not a
 * Flysystem UnableToReadFile: Laravel's disks turn those into a null from
 * get() unless 'throw' is set, and a tampered file must never read as
 * "no file".
 */
final class FileDecryptionFailed extends DecryptException implements SodiumCryptException
{
}
