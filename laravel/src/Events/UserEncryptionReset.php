<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Events;

use Illuminate\Database\Eloquent\Model;

/**
 * A user's key was replaced by a new one (resetUserEncryption): nothing the
 * old key encrypted can be read any more. Listen to delete or clear those
 * values (the rows of the User* casts of this user).
 */
final class UserEncryptionReset
{
    public function __construct(public readonly Model $user)
    {
    }
}
