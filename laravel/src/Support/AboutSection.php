<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Composer\InstalledVersions;
use Illuminate\Contracts\Foundation\Application;
use SodiumCrypt\Cipher;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

/**
 * The sodium_crypt section of `php artisan about`: what runs (extension and
 * package versions, the AEGIS code, the random source, whether key memory is
 * locked) and which keys (public ids only; no key byte is read into a string).
 * A configuration that cannot make an encrypter shows its reason, not a trace.
 */
final class AboutSection
{
    /** @return array<string, string> */
    public static function rows(Application $app): array
    {
        $info = self::extensionInfo();
        $config = $app->make('config');
        $rows = [
            'Extension' => (string) phpversion('sodium_crypt'),
            'Package' => class_exists(InstalledVersions::class) && InstalledVersions::isInstalled('sodium-crypt/laravel')
                ? (string) InstalledVersions::getPrettyVersion('sodium-crypt/laravel') : 'unknown',
            'AEGIS implementation' => $info['AEGIS implementation'] ?? 'unknown',
            'Random source' => $info['Random source'] ?? 'unknown',
            'Key memory' => $info['Key memory'] ?? 'unknown',
        ];
        try {
            $encrypter = Encrypter::of($app);
            if ($encrypter === null) {
                return $rows + ['Encrypter' => 'Laravel\'s (sodium-crypt.replace_encrypter is false)'];
            }
            $ids = $encrypter->keyIds();
            $rows += [
                'Encrypter' => 'sodium_crypt',
                'Cipher' => Ciphers::configured($config)->value,
                'Payload format' => (string) $config->get('sodium-crypt.format', 'v1'),
                'Current key id' => $ids[0],
                'Previous key ids' => count($ids) > 1 ? implode(', ', array_slice($ids, 1)) : 'none',
            ];
        } catch (InvalidConfiguration $e) {
            $rows['Encrypter'] = 'NOT USABLE: '.$e->getMessage();
        }
        $rows['Blind index key'] = $config->get('sodium-crypt.blind_index_key') ? 'BLIND_INDEX_KEY' : 'APP_KEY (BLIND_INDEX_KEY not set)';
        $rows['Per-user cipher'] = (string) $config->get('sodium-crypt.user.cipher', Cipher::Aegis256->value);
        return $rows;
    }

    /** @return array<string, string> the extension's phpinfo() rows, as the CLI prints them */
    private static function extensionInfo(): array
    {
        ob_start();
        try {
            (new \ReflectionExtension('sodium_crypt'))->info();
        } finally {
            $text = (string) ob_get_clean();
        }
        $rows = [];
        foreach (explode("\n", strip_tags($text)) as $line) {
            if (preg_match('/^(.+?) => (.*)$/', trim($line), $m)) {
                $rows[$m[1]] = $m[2];
            }
        }
        return $rows;
    }
}
