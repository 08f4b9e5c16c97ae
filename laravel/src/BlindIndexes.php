<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Config\Repository;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\AppKeys;

/**
 * Blind indexes as hex, the form the index columns store by default (or as
 * their 32 raw bytes, $binary, for a binary column): under the app-wide
 * index key (sodium-crypt.blind_index_key, else APP_KEY) when resolved from the
 * container, under the user key inside UserEncrypter. While the index key is
 * being rotated (BLIND_INDEX_PREVIOUS_KEYS), a search compares with the index
 * under every listed key; new values are always indexed under the current one.
 */
final class BlindIndexes
{
    /** @param list<BlindIndex> $previous */
    public function __construct(private readonly BlindIndex $index, private readonly array $previous = [])
    {
    }

    /**
     * Global blind indexes under their own key (BLIND_INDEX_KEY). Without one,
     * APP_KEY serves, but only while it has never been rotated: after a
     * rotation by hand every search would silently find nothing. The keys of
     * BLIND_INDEX_PREVIOUS_KEYS are searched too until crypto:reindex is done.
     *
     * @throws InvalidConfiguration
     */
    public static function fromConfig(Repository $config): self
    {
        $key = $config->get('sodium-crypt.blind_index_key');
        if (!$key && $config->get('app.previous_keys')) {
            throw new InvalidConfiguration('BLIND_INDEX_KEY is not set and APP_KEY has been rotated (APP_PREVIOUS_KEYS is not empty): global blind indexes are made under the index key, which was APP_KEY until now, so under the new APP_KEY no search would match. Set BLIND_INDEX_KEY to the APP_KEY the indexes were made with (`php artisan crypto:keys` does this itself when it rotates).');
        }
        $what = $key ? 'BLIND_INDEX_KEY' : 'APP_KEY (used for blind indexes when BLIND_INDEX_KEY is not set)';
        $key = AppKeys::parse($key ?: $config->get('app.key'), $what);
        if ($key->length() !== 32) {
            throw new InvalidConfiguration(sprintf('%s is %d bytes; blind indexes need a 32-byte key: set BLIND_INDEX_KEY (php artisan crypto:keys --show --cipher=aegis-256 prints one).', $what, $key->length()));
        }
        $previous = [];
        foreach (AppKeys::parseList($config->get('sodium-crypt.blind_index_previous_keys'), 'BLIND_INDEX_PREVIOUS_KEYS') as $i => $one) {
            if ($one->length() !== 32) {
                throw new InvalidConfiguration(sprintf('BLIND_INDEX_PREVIOUS_KEYS[%d] is %d bytes; blind index keys are 32 bytes.', $i, $one->length()));
            }
            $previous[] = new BlindIndex($one);
        }
        return new self(new BlindIndex($key), $previous);
    }

    public function compute(#[\SensitiveParameter] string $value, string $column, bool $normalise = true, bool $binary = false): string
    {
        return self::form($this->index->compute($value, $column, $normalise), $binary);
    }

    /** @return array<array-key, string> */
    public function computeMany(#[\SensitiveParameter] array $values, string $column, bool $normalise = true): array
    {
        return array_map(bin2hex(...), $this->index->computeMany($values, $column, $normalise));
    }

    /** @return non-empty-list<string> the value's index under the current key, then under each previous one */
    public function candidates(#[\SensitiveParameter] string $value, string $column, bool $normalise = true, bool $binary = false): array
    {
        $all = [$this->compute($value, $column, $normalise, $binary)];
        foreach ($this->previous as $index) {
            $all[] = self::form($index->compute($value, $column, $normalise), $binary);
        }
        return $all;
    }

    /** An index as a column stores it: its raw bytes for a binary column, else hex. */
    private static function form(string $index, bool $binary): string
    {
        return $binary ? $index : bin2hex($index);
    }

    /** Whether previous index keys are configured: rows may still be under one of them. */
    public function isRotating(): bool
    {
        return $this->previous !== [];
    }
}
