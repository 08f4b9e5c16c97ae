<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

use Symfony\Component\HttpKernel\Exception\HttpException;

/**
 * The request's encryption token is missing, malformed, or not this user's.
 * An HTTP error (401/403): the request stops before any handler can write.
 */
final class UserKeyException extends HttpException implements SodiumCryptException
{
    public static function missing(string $header, string $cookie): self
    {
        return new self(401, sprintf('This account\'s data is encrypted with its password: send the %s header or the %s cookie.', $header, $cookie));
    }

    public static function foreign(): self
    {
        return new self(403, 'The encryption token does not belong to this user.');
    }

    public static function dataLossNotAcknowledged(): self
    {
        return new self(422, 'Resetting encryption gives this account a new key: everything encrypted under the old one cannot be read by anyone, ever. Acknowledge the data loss to go ahead.');
    }

    public static function malformed(): self
    {
        return new self(400, 'The encryption token is malformed.');
    }
}
