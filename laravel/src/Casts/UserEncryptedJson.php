<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

/** A JSON value (arrays as arrays) encrypted under the request's user key. */
final class UserEncryptedJson extends UserEncrypted
{
    protected function encode(#[\SensitiveParameter] mixed $value): string
    {
        return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }

    protected function decode(#[\SensitiveParameter] string $plaintext): mixed
    {
        return json_decode($plaintext, true, 512, JSON_THROW_ON_ERROR);
    }
}
