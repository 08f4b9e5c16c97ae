<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

/**
 * Binary values as text: base64url without padding (columns and URLs:
 * digests, signatures, wrapped user keys) or hex. Decoding untrusted text
 * never warns: null when it is not valid. libsodium's codecs are constant
 * time.
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
            return $as === 'hex' ? sodium_hex2bin($text) : sodium_base642bin($text, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
        } catch (\SodiumException) {
            return null;
        }
    }
}
