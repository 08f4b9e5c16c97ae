<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Auth\StatefulGuard;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Hash;
use SodiumCrypt\DecryptionFailed;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Exceptions\EncryptionLocked;
use SodiumCrypt\Laravel\Exceptions\InvalidRecoveryCode;
use SodiumCrypt\Laravel\Exceptions\UserKeyException;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;

/**
 * For the User model. Columns: encryption_key (the wrapped key, base64url),
 * encryption_key_check (binds the key to this user) and
 * encryption_key_recovery (the key under the recovery code); see the
 * migrations. All three are hidden from arrays and JSON.
 */
trait HasUserEncryption
{
    /** A new password re-wraps the key in the same save, or the save is refused (UserKeys::followPasswordChange). */
    public static function bootHasUserEncryption(): void
    {
        static::saving(static function (Model $user): void {
            $app = app();
            self::userKeys()->followPasswordChange($user, $app->bound('request') ? $app->make('request') : null);
        });
    }

    /**
     * The key columns are hidden from toArray()/toJson(): the wrapped key is
     * what an offline password guess needs, and never leaves the server.
     */
    public function initializeHasUserEncryption(): void
    {
        $config = config('sodium-crypt.user');
        $this->makeHidden([$config['key_column'] ?? 'encryption_key', $config['check_column'] ?? 'encryption_key_check',
            $config['recovery_column'] ?? 'encryption_key_recovery']);
    }

    /** A fresh key wrapped with the password, saved and loaded for this request. */
    public function initUserEncryption(#[\SensitiveParameter] string $password): Key
    {
        $key = self::userKeys()->enroll($this, $password);
        KeyContext::set($key);
        return KeyContext::get();
    }

    /**
     * At login: unwrap with the password (promoting a server-wrapped key to a
     * password-wrapped one), load the key for this request and return the token the client
     * sends back (X-Encryption-Token or the enc_token cookie). While the
     * global blind-index key is being rotated, the user's rows are
     * re-indexed on the way (crypto:reindex cannot read them).
     */
    public function issueEncryptionToken(#[\SensitiveParameter] string $password): string
    {
        $keys = self::userKeys();
        try {
            $key = $keys->isEnrolled($this) ? $keys->unlockWithPassword($this, $password) : $keys->enroll($this, $password);
        } catch (DecryptionFailed $e) {
            if (!$this->passwordIs($password)) {
                throw $e; // a wrong password: for the app's own login to report
            }
            // The right password opens nothing: it was reset without the key.
            // Nobody stays signed in without a key.
            $guard = Auth::guard();
            if ($guard instanceof StatefulGuard && $guard->check() && $guard->id() == $this->getKey()) {
                $guard->logout();
            }
            throw new EncryptionLocked($keys->hasRecoveryCode($this));
        }
        KeyContext::set($key);
        // While the global index key is rotated: this user's rows, which only this key reads.
        if (config('sodium-crypt.blind_index_previous_keys')) {
            app(BlindIndexRotator::class)->catchUp($this);
        }
        return $keys->token($key);
    }

    /**
     * A recovery code for this user's key (the request's key must be theirs),
     * to show once, as password managers do; it replaces any earlier one.
     * With it, a forgot-password reset from a logged-out request loses
     * nothing (recoverUserEncryption()).
     */
    public function createEncryptionRecoveryCode(): string
    {
        return self::userKeys()->createRecoveryCode($this);
    }

    public function hasEncryptionRecoveryCode(): bool
    {
        return self::userKeys()->hasRecoveryCode($this);
    }

    /**
     * After a password reset without the key (login threw EncryptionLocked):
     * the key from the recovery code, wrapped under the (new) password, loaded
     * for this request; returns the token. The code works once: show the
     * user a new one (createEncryptionRecoveryCode()).
     *
     * @throws InvalidRecoveryCode (nothing is changed)
     */
    public function recoverUserEncryption(#[\SensitiveParameter] string $recoveryCode, #[\SensitiveParameter] string $password): string
    {
        $key = self::userKeys()->recover($this, $recoveryCode, $password);
        KeyContext::set($key);
        return self::userKeys()->token($key);
    }

    /**
     * Without the old password or a recovery code: a new key under the
     * password. Everything the old key encrypted can never be read again, so
     * the caller must say it knows (UserEncryptionReset is dispatched, for the
     * app to drop those values). Returns the new token.
     */
    public function resetUserEncryption(#[\SensitiveParameter] string $password, bool $acknowledgeDataLoss = false): string
    {
        if (!$acknowledgeDataLoss) {
            throw UserKeyException::dataLossNotAcknowledged();
        }
        $key = self::userKeys()->reset($this, $password);
        KeyContext::set($key);
        return self::userKeys()->token($key);
    }

    public function encodeEncryptionToken(?Key $key = null): string
    {
        return self::userKeys()->token($key ?? self::userKeys()->contextKeyFor($this));
    }

    /** New password, same key: $old opens the blob (null: the request's key, checked to be this user's). */
    public function rewrapUserEncryption(#[\SensitiveParameter] ?string $old, #[\SensitiveParameter] string $new): void
    {
        self::userKeys()->rewrap($this, $old, $new);
    }

    public function userEncryptionMode(): int
    {
        return self::userKeys()->mode($this);
    }

    private function passwordIs(#[\SensitiveParameter] string $password): bool
    {
        $hash = method_exists($this, 'getAuthPassword') ? $this->getAuthPassword() : null;
        return is_string($hash) && $hash !== '' && Hash::check($password, $hash);
    }

    private static function userKeys(): UserKeys
    {
        return app(UserKeys::class);
    }
}
