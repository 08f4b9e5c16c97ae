<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;

/**
 * igbinary (the PECL extension): PHP's values, smaller. igbinary_unserialize()
 * has no allowed_classes and builds any object a value names (running its
 * __wakeup), so values are read only when sodium-crypt.encoder.allowed_classes
 * is true: otherwise a clear error, never an object of an unlisted class.
 */
final class IgbinaryEncoder implements Encoder
{
    /** @param bool|list<class-string> $allowedClasses */
    public function __construct(private readonly bool|array $allowedClasses = false)
    {
        Encoders::requireExtension('igbinary');
    }

    public function name(): string
    {
        return 'igbinary';
    }

    public function encode(#[\SensitiveParameter] mixed $value): string
    {
        return (string) igbinary_serialize($value);
    }

    public function decode(#[\SensitiveParameter] string $bytes): mixed
    {
        if ($this->allowedClasses !== true) {
            throw new ValueEncodingFailed('This value was written with igbinary, which cannot limit the classes it makes: set sodium-crypt.encoder.allowed_classes to true to read igbinary values, or write them with php or json.');
        }
        $value = Encoders::quietly(static fn () => igbinary_unserialize($bytes));
        if ($value === null && $bytes !== igbinary_serialize(null)) {
            throw new ValueEncodingFailed('The decrypted value is not valid igbinary.');
        }
        return $value;
    }
}
