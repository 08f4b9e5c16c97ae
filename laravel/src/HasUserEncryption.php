<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;

/**
 * For the User model. Columns: encryption_key (the wrapped key, base64url)
 * and encryption_key_check (binds the key to this user); see the migration.
 * Both are hidden from arrays and JSON.
 */
trait HasUserEncryption
{
    /**
     * The key columns are hidden from toArray()/toJson(): the wrapped key is
     * what an offline password guess needs, and never leaves the server.
     */
    public function initializeHasUserEncryption(): void
    {
        $config = config('sodium-crypt.user');
        $this->makeHidden([$config['key_column'] ?? 'encryption_key', $config['check_column'] ?? 'encryption_key_check']);
    }

    /** A fresh key wrapped with the password (mode 1), saved and loaded for this request. */
    public function initUserEncryption(#[\SensitiveParameter] string $password): Key
    {
        $key = self::userKeys()->enroll($this, $password);
        KeyContext::set($key);
        return KeyContext::get();
    }

    /**
     * At login: unwrap with the password (promoting a server-wrapped key to
     * mode 1), load the key for this request and return the token the client
     * sends back (X-Encryption-Token or the enc_token cookie). While the
     * global blind-index key is being rotated, the user's rows are
     * re-indexed on the way (crypto:reindex cannot read them).
     */
    public function issueEncryptionToken(#[\SensitiveParameter] string $password): string
    {
        $keys = self::userKeys();
        $key = $keys->isEnrolled($this) ? $keys->unlockWithPassword($this, $password) : $keys->enroll($this, $password);
        KeyContext::set($key);
        // While the global index key is rotated: this user's rows, which only this key reads.
        app(BlindIndexRotator::class)->catchUp($this);
        return $keys->token($key);
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

    private static function userKeys(): UserKeys
    {
        return app(UserKeys::class);
    }
}
