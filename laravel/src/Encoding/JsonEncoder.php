<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;

/** JSON: objects come back as arrays (or stdClass with $assoc false); no class is ever made. */
final class JsonEncoder implements Encoder
{
    public function __construct(private readonly bool $assoc = true)
    {
    }

    public function name(): string
    {
        return 'json';
    }

    public function encode(#[\SensitiveParameter] mixed $value): string
    {
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $e) {
            throw new \Illuminate\Contracts\Encryption\EncryptException('The value cannot be encoded as JSON: '.$e->getMessage());
        }
    }

    public function decode(#[\SensitiveParameter] string $bytes): mixed
    {
        try {
            return json_decode($bytes, $this->assoc, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new ValueEncodingFailed('The decrypted value is not valid JSON: '.$e->getMessage());
        }
    }
}
