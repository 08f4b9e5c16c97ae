<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

use Symfony\Component\HttpKernel\Exception\HttpException;

/** The recovery code does not open this user's key (or none was set). HTTP 422; nothing is changed. */
final class InvalidRecoveryCode extends HttpException implements SodiumCryptException
{
    public function __construct(string $message = 'The recovery code is not this account\'s.')
    {
        parent::__construct(422, $message);
    }
}
