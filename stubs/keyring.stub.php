<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/**
 * The current key and the previous ones: seals with the current key in the
 * configured format, opens V1 (key chosen by key id) and laravel-crypto
 * payloads (current key first, then the previous ones). A key is used with
 * the ring's cipher and with the ciphers of $alsoRead only: a payload of any
 * other cipher does not open. laravel-crypto payloads carry no cipher id, so
 * they are tried under the ring's cipher, then each of $alsoRead.
 *
 * @strict-properties
 * @not-serializable
 */
final class Keyring
{
    /**
     * $previous: a list of Key, in the order laravel-crypto payloads try them.
     * $alsoRead: a list of Cipher the ring opens besides its own (never writes).
     */
    public function __construct(Cipher $cipher, Key $current, array $previous = [], PayloadFormat $write = PayloadFormat::V1, array $alsoRead = []) {}

    /**
     * $binding: null for an ordinary payload; else what the payload belongs to
     * (its table, column and row, say, encoded unambiguously by the caller).
     * It goes into the AD, hashed, and the payload opens only with the same
     * binding: copied to another row it does not open. Bound payloads are V1
     * whatever the ring writes; secretbox has no AD and cannot bind.
     */
    public function seal(#[\SensitiveParameter] string $plaintext, ?string $binding = null): string {}

    /** $binding as sealed: a bound payload never opens unbound, nor an unbound one bound. */
    public function open(string $payload, ?string $binding = null): string {}

    /** Strings in, payloads out, keys preserved. */
    public function sealMany(#[\SensitiveParameter] array $plaintexts): array {}

    /** Keys preserved; all or nothing: DecryptionFailed if any payload does not open. */
    public function openMany(array $payloads): array {}

    /**
     * True when the payload is what seal() writes now, bound as asked: the
     * ring's format (bound: always V1), cipher and current key; nothing to
     * re-encrypt. V1 is judged by its header; a laravel-crypto payload has
     * none and is opened (the plaintext is wiped).
     */
    public function isCurrent(string $payload, bool $bound = false): bool {}

    /**
     * What a payload is, for status reports and rotation: its format, cipher,
     * whether it is bound, and which of the ring's keys it is under ("key":
     * 0 the current key, i the previous key at previousKeys()[i - 1], null
     * none of them; "keyId": that key's id, as Key::id()). A V1 payload is
     * read from its header, for every cipher this build knows, and is not
     * authenticated (open() does that); a laravel-crypto payload has no
     * header and is opened to find its key and cipher (the plaintext is
     * wiped). null: neither a well-formed V1 payload nor one the ring opens.
     *
     * @return array{format: PayloadFormat, cipher: Cipher, bound: bool, key: ?int, keyId: string}|null
     */
    public function inspect(string $payload): ?array {}

    public function cipher(): Cipher {}

    public function format(): PayloadFormat {}

    public function currentKey(): Key {}

    /** The previous keys, as given. */
    public function previousKeys(): array {}
}
