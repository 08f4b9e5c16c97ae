<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Events;

use Illuminate\Database\Eloquent\Model;

/**
 * Dispatch after saving a new password, in a request that carries the user's
 * key: RewrapUserKey wraps the same key under the new password. The password
 * is kept out of traces and serialisation.
 */
final class PasswordChanged
{
    public function __construct(public readonly Model $user, #[\SensitiveParameter] private readonly string $newPassword)
    {
    }

    public function newPassword(): string
    {
        return $this->newPassword;
    }

    public function __serialize(): array
    {
        throw new \LogicException('PasswordChanged carries a password and is not serialisable; handle it synchronously.');
    }
}
