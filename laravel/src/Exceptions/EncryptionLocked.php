<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Exceptions;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Symfony\Component\HttpKernel\Exception\HttpException;

/**
 * The password is right but does not open the user's key: it was reset
 * without the key (a forgot-password reset from a request that did not have
 * it). HTTP 409, and the user is not signed in: the key comes back with the
 * recovery code (HasUserEncryption::recoverUserEncryption()), or the account
 * starts over with a new key and loses what the old one encrypted
 * (resetUserEncryption(…, acknowledgeDataLoss: true)).
 */
final class EncryptionLocked extends HttpException implements SodiumCryptException
{
    public function __construct(public readonly bool $recoveryCodeSet)
    {
        parent::__construct(409, $recoveryCodeSet
            ? 'This account\'s encrypted data is locked under its previous password, which was reset. Enter the recovery code to restore it.'
            : 'This account\'s encrypted data is locked under its previous password, which was reset, and no recovery code was set: it can be read only with the previous password, or the account can start over with a new key, losing that data.');
    }

    public function render(Request $request): ?JsonResponse
    {
        return $request->expectsJson()
            ? new JsonResponse(['message' => $this->getMessage(), 'recovery_code_set' => $this->recoveryCodeSet], 409)
            : null;
    }
}
