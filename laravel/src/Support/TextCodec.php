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
        try {
            if ($as === 'hex') {
                return sodium_hex2bin($text);
            }
            $raw = sodium_base642bin($text, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        } catch (\SodiumException) {
            return null;
        }
        // libsodium 1.0.18 reads any byte >= 0x80 as '_': only the text that
        // encodes the bytes is accepted, so a value has one spelling.
        return self::encode($as, $raw) === $text ? $raw : null;
    }
}
