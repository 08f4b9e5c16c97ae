<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;

/** How encrypt($value, serialize: true) turns a value into bytes, and back. */
interface Encoder
{
    /** php, json, igbinary or msgpack: the name config('sodium-crypt.encoder.write') takes. */
    public function name(): string;

    public function encode(#[\SensitiveParameter] mixed $value): string;

    /** Throws ValueEncodingFailed when $bytes is not a value of this encoding. */
    public function decode(#[\SensitiveParameter] string $bytes): mixed;
}
