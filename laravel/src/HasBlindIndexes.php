<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Database\Eloquent\Builder;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;

/**
 * For models with UserEncryptedWithIndex casts:
 *   Patient::whereBlindIndex('ssn', '123-45-6789')->get()
 * compares the index column with the value's blind index, computed exactly as
 * the cast stores it (normalised: trimmed, lower-cased; hex or binary); while
 * the global index key is being rotated, with its index under each previous
 * key too.
 */
trait HasBlindIndexes
{
    public function scopeWhereBlindIndex(Builder $query, string $column, #[\SensitiveParameter] string $value): Builder
    {
        $cast = $this->blindIndexCast($column);
        $indexes = $cast->searchIndexes($this, $value, $column);
        $qualified = $query->qualifyColumn($cast->indexColumn);
        return count($indexes) === 1 ? $query->where($qualified, $indexes[0]) : $query->whereIn($qualified, $indexes);
    }

    /**
     * The column naming the user whose key encrypts a row, which crypto:reindex
     * needs to re-index global indexes. Override for another name.
     */
    public function blindIndexOwnerColumn(): string
    {
        return 'user_id';
    }

    public function blindIndexCast(string $column): UserEncryptedWithIndex
    {
        $cast = (string) ($this->getCasts()[$column] ?? '');
        if (!str_starts_with($cast, UserEncryptedWithIndex::class.':') || $cast === UserEncryptedWithIndex::class.':') {
            throw new \InvalidArgumentException(sprintf(
                '%s::$%s has no blind index: cast it with %s:{index_column}.', static::class, $column, UserEncryptedWithIndex::class));
        }
        return UserEncryptedWithIndex::fromCast($cast);
    }
}
