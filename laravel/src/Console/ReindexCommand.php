<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use Illuminate\Database\Eloquent\Collection;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Queue\ReindexChunk;
use SodiumCrypt\Laravel\Rotation\BlindIndexRotator;
use SodiumCrypt\Laravel\UserKeys;
use Symfony\Component\Console\Attribute\AsCommand;

/**
 * After `crypto:keys --blind-index`: recomputes every global blind index under
 * the current BLIND_INDEX_KEY. Rows of server-wrapped (mode 2) users are done
 * here, their keys unwrapped with APP_KEY; rows of password-wrapped (mode 1)
 * users can only be read with the password, so they move at the user's next
 * sign-in and are counted here. One transaction per chunk, one conditional
 * UPDATE per row: rows already under the current key are skipped, so an
 * interrupted run resumes where it stopped. With --queue, the same chunks as
 * a batch of jobs for queue workers.
 */
#[AsCommand(name: 'crypto:reindex')]
final class ReindexCommand extends Command
{
    use QueuesBatches;

    protected $signature = 'crypto:reindex
        {--chunk=500 : Rows per transaction}
        {--queue= : Queue the work instead, as a batch of chunk jobs on this queue connection (default: the app\'s) for queue:work workers to share}';

    protected $description = 'Recompute global blind indexes under the current BLIND_INDEX_KEY';

    private int $moved = 0;
    private int $current = 0;
    private int $waiting = 0;
    /** @var array<string, true> */
    private array $waitingUsers = [];
    /** @var array<string, list<string>> table => ids */
    private array $failed = [];

    public function handle(BlindIndexRotator $rotator, UserKeys $keys): int
    {
        $this->moved = $this->current = $this->waiting = 0;
        $this->waitingUsers = $this->failed = [];
        $user = UserKeys::userModel($this->laravel['config']);
        if ($user === null) {
            $this->components->error('auth.providers.users.model is not a model with SodiumCrypt\Laravel\HasUserEncryption.');
            return self::FAILURE;
        }
        $models = $rotator->models();
        if ($models === []) {
            $this->components->info('No model has a global blind index (UserEncryptedWithIndex:…,global): nothing to do.');
            return self::SUCCESS;
        }
        if ($this->input->hasParameterOption('--queue')) {
            return $this->queue($models);
        }
        $chunk = max(1, (int) $this->option('chunk'));
        foreach ($models as $class) {
            $model = new $class();
            $query = $model->newQueryWithoutScopes();
            $this->components->task($class, function () use ($query, $chunk, $rotator, $keys, $user, $model): void {
                $query->chunkById($chunk, fn (Collection $rows) => $model->getConnection()->transaction(
                    fn () => $this->chunk($rows, $rotator, $keys, $user)));
            });
        }

        $this->components->info(sprintf('%d re-indexed, %d already current.', $this->moved, $this->current));
        if ($this->waiting > 0) {
            $this->components->warn(sprintf('%d row(s) of %d password-wrapped user(s) are read only with their password: they are re-indexed at each one\'s next sign-in, and searches find them under BLIND_INDEX_PREVIOUS_KEYS until then.', $this->waiting, count($this->waitingUsers)));
        }
        if ($this->failed !== []) {
            foreach ($this->failed as $table => $ids) {
                $this->components->error(sprintf('%d row(s) cannot be re-indexed (%s ids %s): no owner with a readable key, or a value that does not open under it.', count($ids), $table, implode(', ', array_slice($ids, 0, 50))));
            }
            return self::FAILURE;
        }
        return self::SUCCESS;
    }

    /**
     * Each model's rows cut into id ranges of --chunk, one ReindexChunk job
     * each, as one batch. Server-wrapped users' keys are unwrapped in the
     * workers, for their rows only; password-wrapped users' rows still move
     * at their sign-in.
     *
     * @param list<class-string<Model>> $models
     */
    private function queue(array $models): int
    {
        if (($connection = $this->queueConnection()) === null) {
            return self::FAILURE;
        }
        $jobs = [];
        foreach ($models as $class) {
            foreach ($this->idRanges(new $class()) as $range) {
                $jobs[] = new ReindexChunk($class, ...$range);
            }
        }
        return $this->dispatchBatch($connection, 'crypto:reindex '.implode(', ', $models), $jobs, 'rows');
    }

    /** @param Collection<int, Model> $rows */
    private function chunk(Collection $rows, BlindIndexRotator $rotator, UserKeys $keys, Model $userModel): void
    {
        $done = $rotator->reindexRows($rows, $keys, $userModel);
        $this->moved += $done['moved'];
        $this->current += $done['current'];
        $this->waiting += array_sum($done['waiting']);
        $this->waitingUsers += array_fill_keys(array_map('strval', array_keys($done['waiting'])), true);
        if ($done['failed'] !== []) {
            $table = $rows->first()->getTable();
            $this->failed[$table] = [...($this->failed[$table] ?? []), ...$done['failed']];
        }
    }
}
