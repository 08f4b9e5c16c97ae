<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

use Illuminate\Contracts\Encryption\DecryptException;

/** A decrypted value that does not decode: says which encoding and why, never the bytes. */
final class ValueEncodingFailed extends DecryptException implements SodiumCryptException
{
}
