<?php

declare(strict_types=1);

// Published as config/sodium-crypt.php by
//   php artisan vendor:publish --tag=sodium-crypt-config
// The keys stay where Laravel keeps them: app.key (APP_KEY) and
// app.previous_keys (APP_PREVIOUS_KEYS; read from the environment when
// config/app.php has no such entry, as in Laravel 10's skeleton).

return [
    // false: keep Laravel's own encrypter for Crypt::, cookies and sessions and
    // use only the per-user parts (UserCrypt, the User* casts, the middleware).
    'replace_encrypter' => (bool) env('SODIUM_CRYPT_REPLACE_ENCRYPTER', true),

    // What Crypt:: writes. 'v1' (key id and cipher inside the payload, so a
    // reader picks the key without trying each one) or 'laravel-crypto' (the
    // codelieutenant/laravel-crypto v3 format). Both are always read, as are
    // Laravel's own AES-CBC/GCM payloads. Sodium_SecretBox always writes
    // laravel-crypto's (V1 authenticates its header, which secretbox cannot).
    'format' => env('SODIUM_CRYPT_FORMAT', 'v1'),

    // The cipher Crypt:: writes (Sodium_AEGIS256GCM, aegis-128l, …), set by
    // `php artisan crypto:keys --cipher=…`. null: app.cipher, where Laravel's
    // own names (the skeleton's hard-coded AES-256-CBC) become AEGIS-256 for
    // 32-byte keys (XChaCha20-Poly1305 without hardware AES) and AEGIS-128L
    // for 16-byte keys; app.cipher itself stays Laravel's, so that
    // replace_encrypter => false is always a working way back.
    'cipher' => env('SODIUM_CRYPT_CIPHER'),

    // Which ciphers a key opens besides the one written. By default every
    // cipher, so that payloads written before any cipher change keep opening,
    // even after a hand edit of config/app.php (laravel-crypto payloads carry
    // no cipher id and are tried under each: at most 5 x the number of keys
    // attempts). Strict (true): a key opens only the written cipher, the
    // previous_ciphers and the read_ciphers; change cipher only through
    // `crypto:keys --cipher` then, which records the one it replaces.
    'strict_ciphers' => (bool) env('SODIUM_CRYPT_STRICT_CIPHERS', false),
    // The ciphers this app wrote before, newest first: `crypto:keys --cipher`
    // adds the one it replaces (as it adds the replaced key to APP_PREVIOUS_KEYS).
    'previous_ciphers' => env('SODIUM_CRYPT_PREVIOUS_CIPHERS'),
    // Further ciphers to read, as a list or comma-separated names. Setting it
    // is strict too: a key is never used with a cipher outside these lists.
    'read_ciphers' => env('SODIUM_CRYPT_READ_CIPHERS'),

    // Per-user encryption (HasUserEncryption, BootPerUserEncryption, UserCrypt).
    'user' => [
        // Columns on the users table (see the published migration).
        'key_column' => 'encryption_key',
        'check_column' => 'encryption_key_check',
        // The key wrapped under the user's recovery code (createEncryptionRecoveryCode()).
        'recovery_column' => 'encryption_key_recovery',

        // Where the middleware looks for the user's token.
        'header' => 'X-Encryption-Token',
        'cookie' => 'enc_token',

        // What UserCrypt and the User* casts write with the user's key.
        'cipher' => env('SODIUM_CRYPT_USER_CIPHER', 'aegis-256'),
        'format' => env('SODIUM_CRYPT_USER_FORMAT', 'v1'),

        // Argon2id limits for password-wrapped (mode 1) keys; null: the
        // extension's INI defaults (libsodium's INTERACTIVE limits).
        'argon2_opslimit' => env('SODIUM_CRYPT_ARGON2_OPSLIMIT'),
        'argon2_memlimit' => env('SODIUM_CRYPT_ARGON2_MEMLIMIT'),
    ],

    // The root key of global blind indexes (base64, 32 bytes), its own secret
    // so that indexes never depend on APP_KEY: `crypto:keys` writes it the
    // first time, as the APP_KEY the existing indexes were made with. null
    // (never rotated): APP_KEY, which must then be 32 bytes.
    'blind_index_key' => env('BLIND_INDEX_KEY'),

    // Index keys being rotated out (`crypto:keys --blind-index` puts the old
    // one here): searches also match rows still indexed under them, until
    // `crypto:reindex` has moved every row (rows of users whose key is
    // wrapped with their password move at their next sign-in).
    'blind_index_previous_keys' => env('BLIND_INDEX_PREVIOUS_KEYS'),

    // encrypt($value, serialize: true) and decrypt(): how values become bytes.
    // write: php (Laravel's serialize(), unchanged), json, igbinary or msgpack
    // (the last two need their PHP extensions). decrypt() reads every one of
    // them whatever is written now. untagged: what values without
    // sodium_crypt's encoding tag were written with besides serialize():
    // laravel-crypto's configured encoder (crypto.encoder.driver) when moving
    // from it. allowed_classes: the classes unserialize() may make (false:
    // none; true: any, as Laravel does; or a list); igbinary values need true.
    'encoder' => [
        'write' => env('SODIUM_CRYPT_ENCODER', 'php'),
        'untagged' => env('SODIUM_CRYPT_UNTAGGED_ENCODER', 'php'),
        'allowed_classes' => false,
        'json_assoc' => true,
    ],

    // The Hashing facade (laravel-crypto's): driver blake2b, sha256 (which is
    // SHA-512/256, as there) or sha512. BLAKE2b is keyed when a key is set.
    'hashing' => [
        'driver' => env('SODIUM_CRYPT_HASHING', 'blake2b'),
        'key' => env('CRYPTO_BLAKE2B_HASHING_KEY'),
        'output_bytes' => 32,
    ],

    // The Sign facade (laravel-crypto's): driver blake2b, hmac256
    // (HMAC-SHA-512/256), hmac512 or eddsa (Ed25519). eddsa_key is a 32-byte
    // seed or a 64-byte secret key ("base64:…"); eddsa_key_file reads
    // laravel-crypto's key file (hex public key, newline, hex secret key)
    // instead. `php artisan crypto:keys` makes the keys that are missing.
    'signing' => [
        'driver' => env('SODIUM_CRYPT_SIGNING', 'blake2b'),
        'hmac_key' => env('CRYPTO_HMAC_KEY'),
        'eddsa_key' => env('CRYPTO_EDDSA_KEY'),
        'eddsa_key_file' => env('CRYPTO_EDDSA_PUBLIC_CRYPTO_KEY'),
        'output_bytes' => 32,
    ],

    // The models crypto:status, crypto:reencrypt, crypto:reindex and --prune
    // look at. []: every model class directly in app/Models.
    'models' => [],

    // Bound casts (Encrypted:bound, …) bind each value to its database too, so
    // a row copied into another tenant's database does not open there. false:
    // for apps that move rows between databases on purpose. binding_database:
    // the name values are bound to (default: the connection's database name,
    // an SQLite file's base name); after restoring a database under another
    // name, set it to the name the values were written under.
    'bind_database' => (bool) env('SODIUM_CRYPT_BIND_DATABASE', true),
    'binding_database' => env('SODIUM_CRYPT_BINDING_DATABASE'),

    // The label of the key-encryption key in the PKCS#11 token (php.ini's
    // sodium_crypt.pkcs11_module) that `crypto:keys --kms=pkcs11` wraps the
    // keys under; --kek=LABEL overrides it. A key setting written as
    // "pkcs11:<label>:<wrapped>" is unwrapped by the token, wherever it is.
    'pkcs11_kek' => env('SODIUM_CRYPT_PKCS11_KEK'),
];
