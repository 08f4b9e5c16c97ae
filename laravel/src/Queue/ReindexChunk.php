<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Queue;

use Illuminate\Bus\Batchable;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Queue\InteractsWithQueue;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Exceptions\ValuesLeftUnreadable;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;
use SodiumCrypt\Laravel\UserKeys;

/**
 * One id range of a model's rows with global blind indexes, re-indexed under
 * the current BLIND_INDEX_KEY: a job of the batch `crypto:reindex --queue`
 * dispatches. Each owner's key is unwrapped in the worker, set for that
 * owner's rows only and cleared (BlindIndexRotator::reindexRows()); one
 * transaction of conditional UPDATEs, so a killed worker's range runs again
 * without harm. Rows of password-wrapped users wait for their sign-in.
 */
final class ReindexChunk implements ShouldQueue
{
    use Batchable, InteractsWithQueue, Queueable;

    /** A killed worker's attempt counts as one: the range is safe to run again. */
    public int $tries = 5;

    /** @param class-string<Model> $model */
    public function __construct(public string $model, public int|string $first, public int|string $last)
    {
    }

    public function handle(BlindIndexRotator $rotator, UserKeys $keys, Repository $config): void
    {
        if ($this->batch()?->cancelled()) {
            return;
        }
        $userModel = UserKeys::userModel($config);
        if ($userModel === null) {
            $this->fail(new InvalidConfiguration('auth.providers.users.model is not a model with SodiumCrypt\Laravel\HasUserEncryption in the worker\'s configuration. Nothing was written.'));
            return;
        }
        /** @var Model $model */
        $model = new ($this->model)();
        $key = $model->getKeyName();
        $done = $model->getConnection()->transaction(fn () => $rotator->reindexRows(
            $model->newQueryWithoutScopes()->whereBetween($key, [$this->first, $this->last])->orderBy($key)->get(), $keys, $userModel));
        if ($done['failed'] !== []) {
            $this->fail(new ValuesLeftUnreadable(sprintf(
                '%d row(s) of %s cannot be re-indexed (no owner with a readable key, or a value that does not open under it) and were left as they are: %s ids %s',
                count($done['failed']), $this->model, $model->getTable(), implode(', ', array_slice($done['failed'], 0, 50)))));
        }
    }
}
