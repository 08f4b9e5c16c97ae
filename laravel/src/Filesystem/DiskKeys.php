<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;

/**
 * Which keys an encrypted disk writes and reads under. Resolved at each file,
 * not once: a rotation by crypto:keys, or the request's user key, applies to
 * the next file.
 *
 * @internal
 */
final class DiskKeys
{
    /** @param array<string, mixed> $disk the disk's entry in config/filesystems.php */
    public static function files(Repository $config, array $disk): ChunkedFiles
    {
        $chunk = (int) ($disk['chunk_bytes'] ?? 65536);
        if (!empty($disk['user'])) {
            return new ChunkedFiles(
                static fn (): Key => KeyContext::get(),
                static fn (): array => [KeyContext::get()],
                $chunk,
            );
        }
        $current = static function () use ($config, $disk): Key {
            $key = AppKeys::parse($disk['key'] ?? $config->get('app.key'), isset($disk['key']) ? "the encrypted disk's key" : 'APP_KEY');
            if ($key->length() !== 32) {
                throw new InvalidConfiguration(sprintf('Encrypted disks need a 32-byte key (AEGIS-256), and %s is %d bytes: give the disk a \'key\' of its own (php artisan crypto:keys --show --cipher=aegis-256 prints one).',
                    isset($disk['key']) ? "the disk's key" : 'APP_KEY', $key->length()));
            }
            return $key;
        };
        $previous = static fn (): array => AppKeys::parseList($disk['previous_keys'] ?? (isset($disk['key']) ? [] : $config->get('app.previous_keys', [])));
        return new ChunkedFiles($current, static fn (): array => [$current(), ...$previous()], $chunk);
    }
}
