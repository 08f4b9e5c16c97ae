<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt;

/** Every failure of the extension's cryptography. */
class CryptoException extends \RuntimeException {}

/**
 * A payload that did not open: malformed, tampered with, truncated, or sealed
 * under a key this side does not hold. One message for every cause.
 */
final class DecryptionFailed extends CryptoException {}

/** KeyContext::get() with no key set for this request. */
final class MissingKeyContext extends CryptoException {}

/** The text form a Keyring writes. It reads both. */
enum PayloadFormat
{
    /** "sc1." + base64url(cipher id, key id, nonce, ciphertext, tag) */
    case V1;
    /** codelieutenant/laravel-crypto v3: base64url(nonce, ciphertext, tag) */
    case LaravelCrypto;
}
