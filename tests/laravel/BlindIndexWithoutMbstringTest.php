<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Composer\Autoload\ClassLoader;
use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Key;

/**
 * Blind indexes in a PHP without ext/mbstring, where Laravel's own
 * dependency symfony/polyfill-mbstring supplies mb_strtolower: the same
 * indexes as with the extension, no two values colliding.
 */
final class BlindIndexWithoutMbstringTest extends PHPUnitTestCase
{
    public function test_indexes_under_symfony_polyfill_mbstring_are_those_of_ext_mbstring(): void
    {
        $extension = null;
        foreach (explode(',', (string) php_ini_scanned_files()) as $ini) {
            if (preg_match('/^\s*extension\s*=\s*"?([^"\s]*sodium_crypt\.so)/m', (string) @file_get_contents(trim($ini)), $m)) {
                $extension = $m[1];
            }
        }
        $this->assertNotNull($extension, 'the extension under test is loaded from an ini file (scripts/with-ext)');
        $vendor = array_key_first(ClassLoader::getRegisteredLoaders());
        $this->assertFileExists("$vendor/symfony/polyfill-mbstring/Mbstring.php");

        $values = ['josé@example.com', 'renée@example.com', 'ÉCOLE', 'zoë', 'Ünïcödé text', 'ascii@example.com'];
        $key = str_repeat("\x5a", 32);
        $code = <<<'PHP'
            require $argv[1];
            if (extension_loaded('mbstring')) { exit("mbstring is loaded\n"); }
            $bi = new SodiumCrypt\BlindIndex(SodiumCrypt\Key::fromBytes(hex2bin($argv[2])));
            $values = json_decode($argv[3]);
            echo json_encode(['one' => array_map(fn ($v) => bin2hex($bi->compute($v, 'email')), $values),
                'many' => array_map('bin2hex', $bi->computeMany($values, 'email'))]);
            PHP;
        $command = array_merge([PHP_BINARY, '-n', '-d', "extension=$extension", '-r', $code, "$vendor/autoload.php", bin2hex($key), json_encode($values)]);
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        $this->assertSame(0, proc_close($process), $out.$err);
        $child = json_decode((string) $out, true);
        $this->assertIsArray($child, $out.$err);

        $this->assertTrue(extension_loaded('mbstring'), 'this process has ext/mbstring');
        $bi = new BlindIndex(Key::fromBytes($key));
        $expected = array_map(fn ($v) => bin2hex($bi->compute($v, 'email')), $values);
        $this->assertSame($expected, $child['one'], 'compute() under the polyfill');
        $this->assertSame($expected, $child['many'], 'computeMany() under the polyfill');
        $this->assertCount(count($values), array_unique($child['one']), 'no two values collide');
    }
}
