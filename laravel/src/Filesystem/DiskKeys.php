<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Filesystem;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\Key;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;

/**
 * Which keys an encrypted disk writes and reads under, parsed when the disk
 * is made (Storage::forgetDisk() or the next deploy picks up a rotation):
 * the disk's own 'key' and 'previous_keys', else APP_KEY and
 * APP_PREVIOUS_KEYS; with 'user' => true, the request's user key.
 *
 * @internal
 */
final class DiskKeys
{
    /**
     * The encrypted disks whose files are under APP_KEY and APP_PREVIOUS_KEYS:
     * no 'key' of their own, not per-user.
     *
     * @return list<string>
     */
    public static function underAppKey(Repository $config): array
    {
        $names = [];
        foreach ((array) $config->get('filesystems.disks', []) as $name => $disk) {
            if (is_array($disk) && ($disk['driver'] ?? null) === 'sodium-encrypted' && empty($disk['user']) && !isset($disk['key'])) {
                $names[] = (string) $name;
            }
        }
        return $names;
    }

    /** @param array<string, mixed> $disk the disk's entry in config/filesystems.php */
    public static function files(Repository $config, array $disk): ChunkedFiles
    {
        $chunk = (int) ($disk['chunk_bytes'] ?? 65536);
        if (!empty($disk['user'])) {
            return new ChunkedFiles(null, [], $chunk);
        }
        $own = isset($disk['key']);
        $what = $own ? "the encrypted disk's key" : 'APP_KEY';
        $key = AppKeys::parse($own ? $disk['key'] : $config->get('app.key'), $what);
        if ($key->length() !== 32) {
            throw new InvalidConfiguration(sprintf('Encrypted disks need a 32-byte key (AEGIS-256), and %s is %d bytes: give the disk a \'key\' of its own (php artisan crypto:keys --show --cipher=aegis-256 prints one).',
                $what, $key->length()));
        }
        $previous = AppKeys::parseList($disk['previous_keys'] ?? ($own ? [] : $config->get('app.previous_keys', [])));
        return new ChunkedFiles($key, $previous, $chunk);
    }
}
