<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\Eloquent\Collection;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\DecryptionFailed;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\BlindIndexes;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\Exceptions\UserKeyException;
use SodiumCrypt\Laravel\HasBlindIndexes;
use SodiumCrypt\Laravel\UserKeys;

/**
 * Moves global blind indexes to the current index key after the index key
 * itself was rotated (crypto:keys --blind-index). The values are under their
 * owners' user keys, so a row can only be re-indexed while its owner's key is
 * in the KeyContext: offline for server-wrapped users (crypto:reindex), at
 * sign-in for password-wrapped ones (catchUp()). Each row is one conditional
 * UPDATE (WHERE the index is still what was read), so a run that dies, or a
 * request re-indexing the same row at once, never leaves a half-written row.
 */
final class BlindIndexRotator
{
    public function __construct(
        private readonly BlindIndexes $indexes,
        private readonly Repository $config,
        private readonly string $modelsPath,
        private readonly string $namespace,
    ) {
    }

    /**
     * The globally indexed columns of a model (HasBlindIndexes with
     * UserEncryptedWithIndex:…,global casts).
     *
     * @return array<string, UserEncryptedWithIndex> value column => its cast
     */
    public static function columns(Model $model): array
    {
        if (!in_array(HasBlindIndexes::class, class_uses_recursive($model), true)) {
            return [];
        }
        $columns = [];
        foreach ($model->getCasts() as $column => $cast) {
            if (str_starts_with((string) $cast, UserEncryptedWithIndex::class.':')) {
                $one = $model->blindIndexCast($column);
                if ($one->scope === 'global') {
                    $columns[$column] = $one;
                }
            }
        }
        return $columns;
    }

    /** @return list<class-string<Model>> */
    public function models(): array
    {
        return EncryptedColumns::models($this->config, $this->modelsPath, $this->namespace, static fn (Model $m): bool => self::columns($m) !== []);
    }

    /**
     * At sign-in, with the user's key in the context: re-indexes that user's
     * rows while previous index keys are configured; nothing otherwise. (The
     * caller resolves this only while BLIND_INDEX_PREVIOUS_KEYS is set: an app
     * without global indexes may have no usable index key at all.)
     *
     * @return int rows re-indexed
     */
    public function catchUp(Model $user): int
    {
        if (!$this->indexes->isRotating() || !KeyContext::has()) {
            return 0;
        }
        $moved = 0;
        foreach ($this->models() as $class) {
            $model = new $class();
            $rows = $model->newQueryWithoutScopes()->where($model->blindIndexOwnerColumn(), $user->getKey());
            foreach ($rows->lazyById(500) as $row) {
                try {
                    $moved += (int) $this->reindex($row);
                } catch (DecryptException|DecryptionFailed) {
                    // A value the user's key does not open: the row keeps its
                    // index (crypto:reindex lists it), and the sign-in goes on.
                }
            }
        }
        return $moved;
    }

    /**
     * Rows of one model with global indexes, each under its owner's key: a
     * server-wrapped (mode 2) owner's key is unwrapped here with APP_KEY, set
     * in the KeyContext for that owner's rows only and cleared after; a
     * password-wrapped (mode 1) owner's rows wait for their sign-in
     * (catchUp()). crypto:reindex runs it per chunk, in one process or as
     * queued jobs.
     *
     * @param Collection<int, Model> $rows
     * @return array{moved: int, current: int, waiting: array<string, int>, failed: list<string>}
     *         rows re-indexed, rows already current, rows waiting by owner id, row ids that could not be re-indexed
     */
    public function reindexRows(Collection $rows, UserKeys $keys, Model $userModel): array
    {
        $done = ['moved' => 0, 'current' => 0, 'waiting' => [], 'failed' => []];
        if ($rows->isEmpty()) {
            return $done;
        }
        $owner = $rows->first()->blindIndexOwnerColumn();
        $users = $userModel->newQuery()->whereKey($rows->pluck($owner)->filter()->unique()->values())->get()->keyBy(fn (Model $u) => (string) $u->getKey());
        foreach ($rows->groupBy(fn (Model $row) => (string) $row->getAttribute($owner)) as $id => $own) {
            $user = $users->get((string) $id);
            if ($user !== null && $keys->mode($user) === 1) {
                $done['waiting'][(string) $id] = ($done['waiting'][(string) $id] ?? 0) + $own->count();
                continue;
            }
            try {
                $key = $user !== null && $keys->mode($user) === 2 ? $keys->unlockWithServerKey($user) : null;
            } catch (DecryptionFailed|UserKeyException) {
                $key = null;
            }
            if ($key === null) { // no owner, or an owner without a key the server can open
                array_push($done['failed'], ...$own->map(fn (Model $row) => (string) $row->getKey())->all());
                continue;
            }
            KeyContext::set($key);
            try {
                foreach ($own as $row) {
                    try {
                        $this->reindex($row) ? $done['moved']++ : $done['current']++;
                    } catch (DecryptException|DecryptionFailed) { // the casts throw Laravel's, the extension its own
                        $done['failed'][] = (string) $row->getKey();
                    }
                }
            } finally {
                KeyContext::clear();
            }
        }
        return $done;
    }

    /**
     * One row, decrypted under the key in the context: its global indexes
     * recomputed under the current index key and written if they differ,
     * only if they are still what was read.
     *
     * @return bool whether the row was written
     * @throws DecryptException when a value does not open under the context key
     */
    public function reindex(Model $row): bool
    {
        $read = $write = [];
        foreach (self::columns($row) as $column => $cast) {
            $stored = $row->getRawOriginal($cast->indexColumn);
            $value = $row->getAttribute($column);
            if ($stored === null || $value === null) {
                continue;
            }
            $index = $cast->index($row, (string) $value, $column);
            if ($index !== $stored) {
                $read[$cast->indexColumn] = $stored;
                $write[$cast->indexColumn] = $index;
            }
        }
        if ($write === []) {
            return false;
        }
        $written = $row->newQueryWithoutScopes()->toBase()
            ->where($row->getKeyName(), $row->getKey())->where($read)->update($write) > 0;
        $row->forceFill($write)->syncOriginalAttributes(array_keys($write));
        return $written;
    }
}
