<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

/**
 * Every exception this package defines, whatever it extends (Laravel's
 * DecryptException, an HttpException, a RuntimeException): one type to catch
 * or report. The extension's own exceptions are SodiumCrypt\CryptoException.
 */
interface SodiumCryptException extends \Throwable
{
}
