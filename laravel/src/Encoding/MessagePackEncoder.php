<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;

/**
 * MessagePack (the PECL msgpack extension) in its portable form
 * (msgpack.php_only off): maps, arrays and scalars, so no class is ever
 * made; objects are written as maps of their public properties and read back
 * as arrays, as JSON does.
 */
final class MessagePackEncoder implements Encoder
{
    public function __construct()
    {
        Encoders::requireExtension('msgpack');
    }

    public function name(): string
    {
        return 'msgpack';
    }

    public function encode(#[\SensitiveParameter] mixed $value): string
    {
        return self::portable(static fn () => msgpack_pack($value));
    }

    public function decode(#[\SensitiveParameter] string $bytes): mixed
    {
        $value = Encoders::quietly(static fn () => self::portable(static fn () => msgpack_unpack($bytes)));
        if (($value === null || $value === false) && $bytes !== msgpack_pack($value)) {
            throw new ValueEncodingFailed('The decrypted value is not valid MessagePack.');
        }
        return $value;
    }

    private static function portable(\Closure $call): mixed
    {
        $was = ini_set('msgpack.php_only', '0');
        try {
            return $call();
        } finally {
            ini_set('msgpack.php_only', (string) $was);
        }
    }
}
