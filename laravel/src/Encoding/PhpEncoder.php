<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Encoding;

use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;

/**
 * PHP's serialize(): Laravel's own encoding, byte for byte. unserialize()
 * makes objects only of the classes allowed: an object of any other class
 * is an error that names the class, never a silent __PHP_Incomplete_Class.
 */
final class PhpEncoder implements Encoder
{
    /** @param bool|list<class-string> $allowedClasses */
    public function __construct(private readonly bool|array $allowedClasses = false)
    {
    }

    public function name(): string
    {
        return 'php';
    }

    public function encode(#[\SensitiveParameter] mixed $value): string
    {
        return serialize($value);
    }

    public function decode(#[\SensitiveParameter] string $bytes): mixed
    {
        $value = Encoders::quietly(fn () => unserialize($bytes, ['allowed_classes' => $this->allowedClasses]));
        if ($value === false && $bytes !== serialize(false)) {
            throw new ValueEncodingFailed('The decrypted value is not valid PHP serialize() output.');
        }
        // Only O: and C: make objects unserialize() can refuse: without
        // them (most values) there is nothing to look for.
        if ($this->allowedClasses !== true && (str_contains($bytes, 'O:') || str_contains($bytes, 'C:'))
                && ($class = self::refused($value, new \SplObjectStorage(), 0)) !== null) {
            throw new ValueEncodingFailed(sprintf('The decrypted value holds an object of class %s, which sodium-crypt.encoder.allowed_classes does not allow: add the class there to read it.', $class));
        }
        return $value;
    }

    /** The first class unserialize() refused, anywhere in $value. */
    private static function refused(mixed $value, \SplObjectStorage $seen, int $depth): ?string
    {
        if ($depth > 512 || (!is_array($value) && !is_object($value))) {
            return null;
        }
        if (is_object($value)) {
            if ($value instanceof \__PHP_Incomplete_Class) {
                return (string) ((array) $value)['__PHP_Incomplete_Class_Name'];
            }
            if ($seen->contains($value)) {
                return null;
            }
            $seen->attach($value);
            $value = (array) $value;
        }
        foreach ($value as $item) {
            if (($class = self::refused($item, $seen, $depth + 1)) !== null) {
                return $class;
            }
        }
        return null;
    }
}
