<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Listeners;

use Illuminate\Auth\Events\PasswordReset;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Events\PasswordChanged;
use SodiumCrypt\Laravel\UserKeys;

/**
 * Keeps a user's data readable across password changes: PasswordChanged
 * re-wraps the request's key under the new password; Laravel's PasswordReset
 * (which carries no password) re-wraps it under the server key when the
 * request has it, and the next login promotes it back to mode 1.
 */
final class RewrapUserKey
{
    public function __construct(private readonly UserKeys $keys)
    {
    }

    public function handle(PasswordChanged|PasswordReset $event): void
    {
        $user = $event->user;
        if (!UserKeys::supports($user)) {
            return;
        }
        if ($event instanceof PasswordChanged) {
            if (!$this->keys->wrappedUnderCurrentPassword($user)) { // the save may have done it
                $this->keys->rewrap($user, null, $event->newPassword());
            }
        } elseif (KeyContext::has() && $this->keys->belongs($user, KeyContext::get())) {
            $this->keys->demoteToServerKey($user);
        }
    }
}
