<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Database\Eloquent\Builder;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;

/**
 * For models with UserEncryptedWithIndex casts:
 *   Patient::whereBlindIndex('ssn', '123-45-6789')->get()
 * compares the index column with the value's blind index, computed exactly as
 * the cast stores it (normalised: trimmed, lower-cased).
 */
trait HasBlindIndexes
{
    public function scopeWhereBlindIndex(Builder $query, string $column, #[\SensitiveParameter] string $value): Builder
    {
        $cast = $this->blindIndexCast($column);
        return $query->where($query->qualifyColumn($cast->indexColumn), $cast->index($value, $column));
    }

    public function blindIndexCast(string $column): UserEncryptedWithIndex
    {
        $cast = $this->getCasts()[$column] ?? '';
        [$class, $args] = array_pad(explode(':', (string) $cast, 2), 2, '');
        if ($class !== UserEncryptedWithIndex::class || $args === '') {
            throw new \InvalidArgumentException(sprintf(
                '%s::$%s has no blind index: cast it with %s:{index_column}.', static::class, $column, UserEncryptedWithIndex::class));
        }
        return new UserEncryptedWithIndex(...explode(',', $args));
    }
}
