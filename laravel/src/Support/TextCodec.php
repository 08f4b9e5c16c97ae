<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

/**
 * Binary values as text: base64url without padding (columns and URLs:
 * digests, signatures, wrapped user keys) or hex. None of them is secret.
 * Decoding untrusted text never warns: null when it is not valid.
 */
final class TextCodec
{
    public static function encode(string $as, string $raw): string
    {
        return $as === 'hex' ? sodium_bin2hex($raw) : sodium_bin2base64($raw, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
    }

    public static function decode(string $as, string $text): ?string
    {
        // libsodium 1.0.18 reads any byte >= 0x80 as '_': only the alphabet
        // is let through, so a value has one spelling (libsodium itself
        // refuses padding and stray bits past the last byte).
        if ($as !== 'hex' && preg_match('/[^A-Za-z0-9_-]/', $text) !== 0) {
            return null;
        }
        try {
            return $as === 'hex' ? sodium_hex2bin($text) : sodium_base642bin($text, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        } catch (\SodiumException) {
            return null;
        }
    }
}
