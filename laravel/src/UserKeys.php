<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Hash;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\CryptoException;
use SodiumCrypt\DecryptionFailed;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Laravel\Events\UserEncryptionReset;
use SodiumCrypt\Laravel\Exceptions\InvalidRecoveryCode;
use SodiumCrypt\Laravel\Exceptions\PasswordChangeWouldLockData;
use SodiumCrypt\Laravel\Exceptions\UserKeyException;
use SodiumCrypt\Laravel\Support\AppKeys;
use SodiumCrypt\Laravel\Support\TextCodec;

/**
 * Each user's data key: created, wrapped (under Argon2id(password), the
 * limits recorded in the blob, or under BLAKE2b(APP_KEY, user id), and
 * optionally under a recovery code), unwrapped, checked against the user,
 * re-wrapped. The key check stored beside the blob binds a key to its
 * user, so a token that is not this user's is refused before anything runs.
 */
final class UserKeys
{
    private const CHECK_COLUMN = 'sodium-crypt.key-check';

    /** @param list<Key> $previousAppKeys APP_PREVIOUS_KEYS: mode-2 blobs made before a rotation */
    public function __construct(
        private readonly Key $appKey,
        private readonly KeyWrap $wrap,
        private readonly string $keyColumn = 'encryption_key',
        private readonly string $checkColumn = 'encryption_key_check',
        private readonly array $previousAppKeys = [],
        private readonly string $recoveryColumn = 'encryption_key_recovery',
    ) {
    }

    /** As configured: the server key (APP_KEY and the previous ones), Argon2id limits, the users table's columns. */
    public static function fromConfig(Repository $config): self
    {
        $ops = $config->get('sodium-crypt.user.argon2_opslimit');
        $mem = $config->get('sodium-crypt.user.argon2_memlimit');
        return new self(
            AppKeys::parse($config->get('app.key')),
            new KeyWrap($ops === null ? null : (int) $ops, $mem === null ? null : (int) $mem),
            (string) $config->get('sodium-crypt.user.key_column'),
            (string) $config->get('sodium-crypt.user.check_column'),
            AppKeys::parseList($config->get('app.previous_keys', [])),
            (string) $config->get('sodium-crypt.user.recovery_column', 'encryption_key_recovery'),
        );
    }

    /** Whether the model is a user with HasUserEncryption. */
    public static function supports(mixed $user): bool
    {
        return $user instanceof Model && in_array(HasUserEncryption::class, class_uses_recursive($user), true);
    }

    /** A new instance of the app's user model (auth.providers.users.model), or null when it is no model with HasUserEncryption. */
    public static function userModel(Repository $config): ?Model
    {
        $class = $config->get('auth.providers.users.model');
        return is_string($class) && class_exists($class) && self::supports($user = new $class()) ? $user : null;
    }

    public function isEnrolled(Model $user): bool
    {
        $text = $user->getAttribute($this->keyColumn);
        return is_string($text) && $text !== '';
    }

    /**
     * 1 (password-wrapped: blob mode 3, or laravel-crypto's mode 1),
     * 2 (server-wrapped), or 0 (no key yet).
     */
    public function mode(Model $user): int
    {
        return $this->isEnrolled($user) ? (KeyWrap::mode($this->blob($user)) === 2 ? 2 : 1) : 0;
    }

    /**
     * A new key for the user, wrapped with the password or the server key
     * (mode 2), written only if the row still has none: of several requests
     * enrolling one user at once (lazy enrolment), one writes and the others
     * open the key it wrote, so every request of that user uses one key.
     */
    public function enroll(Model $user, #[\SensitiveParameter] ?string $password = null): Key
    {
        $key = Key::generate(32);
        $row = $user->newQueryWithoutScopes()->toBase()->where($user->getKeyName(), self::id($user))
            ->where(fn ($q) => $q->whereNull($this->keyColumn)->orWhere($this->keyColumn, ''));
        if ($row->update($values = $this->wrapped($user, $key, $password)) > 0) {
            $this->sync($user, $values);
            return $key;
        }
        // Another request enrolled this user first: its key is the one.
        $this->sync($user, (array) $user->newQueryWithoutScopes()->toBase()->where($user->getKeyName(), self::id($user))
            ->first([$this->keyColumn, $this->checkColumn]));
        return $password !== null && $this->mode($user) === 1
            ? $this->unlockWithPassword($user, $password)
            : $this->unlockWithServerKey($user);
    }

    /**
     * The key from the password. On the way, a mode-2 blob is promoted to a
     * password-wrapped one, and a password-wrapped blob that records no
     * Argon2 limits (mode 1) or other limits than the configured ones is
     * wrapped again, like password_needs_rehash(); both by conditional
     * updates, so two sign-ins at once write one blob of the same key.
     */
    public function unlockWithPassword(Model $user, #[\SensitiveParameter] string $password): Key
    {
        $blob = $this->blob($user);
        $key = KeyWrap::mode($blob) === 2
            ? $this->unlockWithServerKey($user)
            : $this->verified($user, $this->wrap->unwrapWithPassword($blob, $password));
        if (KeyWrap::mode($blob) === 2 || $this->wrap->needsRewrap($blob)) {
            $this->replaceBlob($user, $this->wrap->wrapWithPassword($key, $password));
        }
        return $key;
    }

    /**
     * The key of a mode-2 user, from APP_KEY and the user id alone. A blob
     * wrapped under a previous APP_KEY opens too and is re-wrapped under the
     * current one, by a conditional update: of two requests doing it at once,
     * one writes and the other finds the same key already re-wrapped.
     *
     * @throws DecryptionFailed when no configured APP_KEY opens the blob
     */
    public function unlockWithServerKey(Model $user): Key
    {
        [$key, $index] = $this->openServerWrapped($user);
        if ($index > 0) {
            $this->replaceBlob($user, $this->wrap->wrapWithServerKey($key, $this->appKey, self::id($user)));
        }
        return $key;
    }

    /**
     * Which APP_KEY a mode-2 blob is wrapped under: 0 the current one, i the
     * i-th of APP_PREVIOUS_KEYS + 1, null none; what crypto:status counts.
     */
    public function serverKeyIndex(Model $user): ?int
    {
        try {
            return $this->openServerWrapped($user)[1];
        } catch (DecryptionFailed|UserKeyException) {
            return null;
        }
    }

    /** @return array{Key, int} the key, and the index of the APP_KEY that opened it */
    private function openServerWrapped(Model $user): array
    {
        $blob = $this->blob($user);
        $id = self::id($user);
        foreach ([$this->appKey, ...$this->previousAppKeys] as $i => $appKey) {
            try {
                $key = $this->wrap->unwrapWithServerKey($blob, $appKey, $id);
            } catch (DecryptionFailed) {
                continue;
            }
            return [$this->verified($user, $key), $i];
        }
        throw new DecryptionFailed('This user\'s server-wrapped key opens under no configured APP_KEY.');
    }

    /**
     * Replaces the stored blob only if it is still the one this model read; the
     * key (and so the check) is the same either way. The model ends up with
     * what the row holds.
     */
    private function replaceBlob(Model $user, string $blob): void
    {
        $read = $user->getRawOriginal($this->keyColumn);
        $text = self::text($blob);
        $row = $user->newQueryWithoutScopes()->toBase()->where($user->getKeyName(), $user->getKey());
        if ((clone $row)->where($this->keyColumn, $read)->update([$this->keyColumn => $text]) === 0) {
            $text = (clone $row)->value($this->keyColumn);
        }
        $this->sync($user, [$this->keyColumn => $text]);
    }

    /**
     * A new recovery code for the user (shown once): the request's key, wrapped
     * under it (Argon2id, like a password) in the recovery column, replacing
     * any earlier code. 160 random bits: 8 groups of 4 Crockford base32
     * characters (no I, L, O or U to misread; read back ignoring case,
     * spaces and dashes).
     */
    public function createRecoveryCode(Model $user): string
    {
        $key = $this->contextKeyFor($user);
        $alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        $code = '';
        for ($i = 0; $i < 32; $i++) {
            $code .= $alphabet[random_int(0, 31)];
        }
        $text = self::text($this->wrap->wrapWithPassword($key, $code));
        $user->newQueryWithoutScopes()->toBase()->where($user->getKeyName(), self::id($user))->update([$this->recoveryColumn => $text]);
        $this->sync($user, [$this->recoveryColumn => $text]);
        return implode('-', str_split($code, 4));
    }

    public function hasRecoveryCode(Model $user): bool
    {
        $text = $user->getAttribute($this->recoveryColumn);
        return is_string($text) && $text !== '';
    }

    /**
     * The key from the recovery code (case, spaces and dashes ignored).
     *
     * @throws InvalidRecoveryCode when none is set or this one does not open it
     */
    public function unlockWithRecoveryCode(Model $user, #[\SensitiveParameter] string $code): Key
    {
        if (!$this->hasRecoveryCode($user)) {
            throw new InvalidRecoveryCode('No recovery code was set for this account.');
        }
        $code = strtoupper((string) preg_replace('/[\s-]+/', '', $code));
        try {
            return $this->verified($user, $this->wrap->unwrapWithPassword($this->blob($user, $this->recoveryColumn), $code));
        } catch (DecryptionFailed|\ValueError|UserKeyException) {
            throw new InvalidRecoveryCode();
        }
    }

    /**
     * After a reset without the key: the key from the recovery code, wrapped
     * again under the new password. The code is used up: one conditional
     * write (only while the row still holds the code that was read) stores
     * the new wrapping and clears the code, so of two recoveries with the
     * same code one wins and the other is refused.
     *
     * @throws InvalidRecoveryCode
     */
    public function recover(Model $user, #[\SensitiveParameter] string $code, #[\SensitiveParameter] string $newPassword): Key
    {
        $read = $user->getAttribute($this->recoveryColumn);
        $key = $this->unlockWithRecoveryCode($user, $code);
        $values = $this->wrapped($user, $key, $newPassword) + [$this->recoveryColumn => null];
        $written = $user->newQueryWithoutScopes()->toBase()->where($user->getKeyName(), self::id($user))
            ->where($this->recoveryColumn, $read)->update($values);
        if ($written === 0) {
            throw new InvalidRecoveryCode('This recovery code has just been used.');
        }
        $this->sync($user, $values);
        return $key;
    }

    /**
     * A new key under the new password, replacing the one nobody can open:
     * what the old key encrypted is lost. The recovery code goes with it.
     */
    public function reset(Model $user, #[\SensitiveParameter] string $newPassword): Key
    {
        $key = Key::generate(32);
        $user->forceFill($this->wrapped($user, $key, $newPassword) + [$this->recoveryColumn => null])->save();
        event(new UserEncryptionReset($user));
        return $key;
    }

    /** The key a token names, refused unless it is this user's. */
    public function fromToken(Model $user, #[\SensitiveParameter] string $token): Key
    {
        try {
            $key = KeyContext::fromToken($token);
        } catch (\ValueError) {
            throw UserKeyException::malformed();
        }
        if (!$this->isEnrolled($user) || !$this->belongs($user, $key)) {
            throw UserKeyException::foreign();
        }
        return $key;
    }

    /** Re-wrap under a new password; the old one, or the request's key, opens the blob. */
    public function rewrap(Model $user, #[\SensitiveParameter] ?string $old, #[\SensitiveParameter] string $new): Key
    {
        $key = $old !== null ? $this->unlockWithPassword($user, $old) : $this->contextKeyFor($user);
        $this->store($user, $key, $new);
        return $key;
    }

    /**
     * After a password reset (no password to wrap with here): keep the data
     * readable by wrapping the request's key with the server key; the next
     * login with the new password promotes it back to mode 1.
     */
    public function demoteToServerKey(Model $user): void
    {
        $this->store($user, $this->contextKeyFor($user), null);
    }

    public function belongs(Model $user, Key $key): bool
    {
        $stored = $user->getAttribute($this->checkColumn);
        return is_string($stored) && hash_equals($stored, $this->check($user, $key));
    }

    public function token(Key $key): string
    {
        return KeyContext::toToken($key);
    }

    /**
     * Before a user row is saved with a new password (Breeze's and Fortify's
     * "update password" save Hash::make() of it, and fire no event of
     * ours): a password-wrapped key is re-wrapped under the new password in
     * the same save. The new password is the request's input that the new
     * hash verifies (`password`, `new_password`, …: checked with
     * Hash::check, so nothing else is ever taken for it); the key is the
     * request's (the 'user-encryption' middleware) or opens with the
     * request's `current_password`. When either is missing and the user
     * changes their own password signed in, the save is refused: at the next
     * sign-in their data would not open. A change by someone else or while
     * signed out (a forgot-password reset) goes through, and the next
     * sign-in leads to recovery (EncryptionLocked), as before.
     *
     * @throws PasswordChangeWouldLockData (nothing is written)
     */
    public function followPasswordChange(Model $user, ?Request $request): void
    {
        $column = method_exists($user, 'getAuthPasswordName') ? $user->getAuthPasswordName() : 'password';
        if (!$user->exists || !$user->isDirty($column) || $user->isDirty($this->keyColumn) || $this->mode($user) !== 1) {
            return;
        }
        $password = $request === null ? null : self::newPassword($request, (string) $user->getAttributes()[$column]);
        $key = $password === null ? null : $this->keyForPasswordChange($user, $request);
        if ($key !== null) {
            $user->forceFill($this->wrapped($user, $key, $password));
            // A PasswordChanged event for this same password need not wrap again.
            self::$wrappedWith ??= new \WeakMap();
            self::$wrappedWith[$user] = (string) $user->getAttributes()[$column];
            return;
        }
        $signedIn = Auth::id();
        if ($signedIn !== null && (string) $signedIn === (string) $user->getKey()) {
            throw new PasswordChangeWouldLockData('This save changes the password of the signed-in user, whose data key is wrapped under it, without re-wrapping the key: at the next sign-in their data would not open. Nothing was written. Give the route the \'user-encryption\' middleware and send the new password as a request field (Breeze\'s and Fortify\'s forms do), or call $user->rewrapUserEncryption($currentPassword, $newPassword) instead.');
        }
    }

    /**
     * Whether the key is already wrapped under the user's current password
     * (followPasswordChange() did it in the save that set it): the password
     * hash it was wrapped for is the one the model holds now.
     */
    public function wrappedUnderCurrentPassword(Model $user): bool
    {
        $column = method_exists($user, 'getAuthPasswordName') ? $user->getAuthPasswordName() : 'password';
        return isset(self::$wrappedWith[$user]) && self::$wrappedWith[$user] === (string) $user->getAttribute($column);
    }

    /** @var ?\WeakMap<Model, string> the password hash a save re-wrapped the key for */
    private static ?\WeakMap $wrappedWith = null;

    /** The request's input that $hash verifies, by a field whose name says password (not the current one). */
    private static function newPassword(Request $request, string $hash): ?string
    {
        foreach ($request->all() as $name => $value) {
            if (!is_string($value) || $value === '' || !preg_match('/password/i', (string) $name) || preg_match('/current|old/i', (string) $name)) {
                continue;
            }
            try {
                if (Hash::check($value, $hash)) {
                    return $value;
                }
            } catch (\RuntimeException) {
                return null; // not a hash this app's hasher reads
            }
        }
        return null;
    }

    /** The request's key when it is this user's, else the one the request's current_password opens. */
    private function keyForPasswordChange(Model $user, Request $request): ?Key
    {
        if (KeyContext::has() && $this->belongs($user, KeyContext::get())) {
            return KeyContext::get();
        }
        $current = $request->input('current_password');
        if (!is_string($current) || $current === '') {
            return null;
        }
        try {
            return $this->verified($user, $this->wrap->unwrapWithPassword($this->blob($user), $current));
        } catch (CryptoException|UserKeyException) {
            return null;
        }
    }

    /** The request's key, when it is this user's. */
    public function contextKeyFor(Model $user): Key
    {
        return $this->verified($user, KeyContext::get());
    }

    private function store(Model $user, Key $key, #[\SensitiveParameter] ?string $password): void
    {
        $user->forceFill($this->wrapped($user, $key, $password))->save();
    }

    /** @return array<string, string> the key columns for $key wrapped with the password, or the server key */
    private function wrapped(Model $user, Key $key, #[\SensitiveParameter] ?string $password): array
    {
        $blob = $password === null
            ? $this->wrap->wrapWithServerKey($key, $this->appKey, self::id($user))
            : $this->wrap->wrapWithPassword($key, $password);
        return [
            $this->keyColumn => self::text($blob),
            $this->checkColumn => $this->check($user, $key),
        ];
    }

    /** The model holds what the row holds, as if just read. */
    private function sync(Model $user, array $values): void
    {
        $user->forceFill($values)->syncOriginalAttributes(array_keys($values));
    }

    private function verified(Model $user, Key $key): Key
    {
        if (!$this->belongs($user, $key)) {
            throw UserKeyException::foreign();
        }
        return $key;
    }

    /** hex BLAKE2b under a KDF subkey of the user key, over the user id: binds key and user. */
    private function check(Model $user, Key $key): string
    {
        return bin2hex((new BlindIndex($key))->compute(self::id($user), self::CHECK_COLUMN, false));
    }

    /** The wrapped key in $column (default: the key column), as bytes. */
    private function blob(Model $user, ?string $column = null): string
    {
        return TextCodec::decode('base64url', (string) $user->getAttribute($column ?? $this->keyColumn))
            ?? throw new DecryptionFailed('This user has no readable wrapped key.');
    }

    /** A wrapped key as its column stores it. */
    private static function text(string $blob): string
    {
        return TextCodec::encode('base64url', $blob);
    }

    private static function id(Model $user): string
    {
        $id = $user->getKey();
        if ($id === null || $id === '') {
            throw new \LogicException('Save the user before giving it an encryption key: the key is bound to its id.');
        }
        return (string) $id;
    }
}
