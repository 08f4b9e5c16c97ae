<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use Illuminate\Contracts\Encryption\DecryptException;

/** A decrypted value that does not decode: says which encoding and why, never the bytes. */
final class ValueEncodingFailed extends DecryptException
{
}
