<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Support\Facades\Bus;

/**
 * For the commands that can queue their work (crypto:reencrypt, crypto:reindex
 * with --queue): the connection the jobs go to, and one Laravel batch of
 * them, named "<command> <what>" so that crypto:reencrypt --status lists it.
 * Laravel keeps a batch's progress in its job_batches table.
 */
trait QueuesBatches
{
    /**
     * The connection --queue names (or the app's default), or null after
     * saying why it cannot take the jobs.
     */
    private function queueConnection(): ?string
    {
        $connection = (string) ($this->option('queue') ?: $this->laravel['config']->get('queue.default'));
        $driver = $this->laravel['config']->get("queue.connections.$connection.driver");
        if ($driver === null || $driver === 'sync') {
            $this->components->error($driver === null
                ? sprintf('No queue connection "%s" in config/queue.php. Nothing was queued.', $connection)
                : sprintf('The queue connection "%s" is sync: its jobs would run here, one after another. Run without --queue, or name a connection workers take jobs from (--queue=redis). Nothing was queued.', $connection));
            return null;
        }
        if (($missing = $this->batchTableMissing()) !== null) {
            $this->components->error($missing.' Nothing was queued.');
            return null;
        }
        return $connection;
    }

    /** @param list<object> $jobs */
    private function dispatchBatch(string $connection, string $name, array $jobs, string $unit): int
    {
        if ($jobs === []) {
            $this->components->info(sprintf('Nothing to queue for %s.', $name));
            return self::SUCCESS;
        }
        $batch = Bus::batch($jobs)->name($name)->allowFailures()->onConnection($connection)->dispatch();
        $this->components->info(sprintf('Queued %d chunk job(s) of up to %d %s (%s) on the "%s" connection: batch %s.',
            count($jobs), $this->chunkSize(), $unit, $name, $connection, $batch->id));
        $this->line(sprintf('  Workers run them (php artisan queue:work %s); php artisan crypto:reencrypt --status shows the progress. Running this again resumes: what is already current is skipped.', $connection));
        return self::SUCCESS;
    }

    /**
     * A table cut into id ranges of --chunk rows, in key order: what each
     * chunk job re-reads with whereBetween().
     *
     * @return list<array{int|string, int|string}> first and last key of each range
     */
    private function idRanges(Model $model): array
    {
        $key = $model->getKeyName();
        $ranges = [];
        $model->getConnection()->table($model->getTable())->select($key)->chunkById($this->chunkSize(),
            static function ($rows) use (&$ranges, $key): void {
                $ranges[] = [$rows->first()->{$key}, $rows->last()->{$key}];
            }, $key);
        return $ranges;
    }

    /** Whether a batch is one of these commands'. */
    private static function isOurs(\Illuminate\Bus\Batch $batch): bool
    {
        return str_starts_with($batch->name, 'crypto:reencrypt ') || str_starts_with($batch->name, 'crypto:reindex ');
    }

    private function chunkSize(): int
    {
        return max(1, (int) $this->option('chunk'));
    }

    /** Why batches cannot be kept, or null: Laravel keeps them in its job_batches table. */
    private function batchTableMissing(): ?string
    {
        $config = $this->laravel['config'];
        $table = (string) $config->get('queue.batching.table', 'job_batches');
        $connection = $config->get('queue.batching.database', $config->get('database.default'));
        return $this->laravel['db']->connection($connection)->getSchemaBuilder()->hasTable($table) ? null : sprintf(
            'Queued work keeps its progress in Laravel\'s "%s" table, which this database does not have: create it (php artisan make:queue-batches-table, on Laravel 10 queue:batches-table; then php artisan migrate).', $table);
    }
}
