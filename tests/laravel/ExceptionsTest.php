<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use PHPUnit\Framework\TestCase;
use SodiumCrypt\Laravel\Exceptions\SodiumCryptException;

/** One folder, one marker: every throwable class of the package is an Exceptions\ class and a SodiumCryptException. */
final class ExceptionsTest extends TestCase
{
    public function test_every_exception_of_the_package_is_in_one_folder_and_carries_the_marker(): void
    {
        $src = realpath(__DIR__.'/../../laravel/src');
        $throwables = [];
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src)) as $file) {
            if ($file->getExtension() !== 'php') {
                continue;
            }
            $class = 'SodiumCrypt\\Laravel\\'.strtr(substr($file->getPathname(), strlen($src) + 1, -4), '/', '\\');
            if ((class_exists($class) || interface_exists($class)) && is_a($class, \Throwable::class, true)) {
                $throwables[] = $class;
            }
        }
        sort($throwables);
        self::assertGreaterThanOrEqual(8, count($throwables), implode(', ', $throwables));
        foreach ($throwables as $class) {
            self::assertStringStartsWith('SodiumCrypt\\Laravel\\Exceptions\\', $class);
            self::assertTrue(is_a($class, SodiumCryptException::class, true), "$class implements SodiumCryptException");
        }
    }
}
