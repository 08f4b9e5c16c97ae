<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use PHPUnit\Framework\TestCase;
use SodiumCrypt\Laravel\Support\Settings;

/** The settings table and config/sodium-crypt.php name the same env variables for the same config keys. */
final class SettingsTest extends TestCase
{
    public function test_the_config_file_reads_exactly_the_env_names_of_the_settings_table(): void
    {
        $inFile = [];
        $path = ['sodium-crypt'];
        foreach (file(__DIR__.'/../../laravel/config/sodium-crypt.php') as $line) {
            if (preg_match("/^\\s*'(\\w+)' => \\[\\s*$/", $line, $m)) {
                $path[] = $m[1];
            } elseif (preg_match('/^\s*\],\s*$/', $line)) {
                array_pop($path);
            } elseif (preg_match("/^\\s*'(\\w+)' => .*env\\('(\\w+)'/", $line, $m)) {
                $inFile[$m[2]] = implode('.', [...$path, $m[1]]);
            }
        }
        $table = array_filter(Settings::ENV, static fn (string $key) => str_starts_with($key, 'sodium-crypt.'));
        ksort($inFile);
        ksort($table);
        self::assertSame($table, $inFile);
        foreach (Settings::FACADE_KEYS as $env) {
            self::assertArrayHasKey($env, Settings::ENV);
        }
    }
}
