<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Bus\Batch;
use Illuminate\Bus\BatchRepository;
use Illuminate\Console\Command;
use Illuminate\Database\Eloquent\Model;
use League\Flysystem\FilesystemException;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\FileDecryptionFailed;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Queue\ReencryptChunk;
use SodiumCrypt\Laravel\Queue\ReencryptFiles;
use SodiumCrypt\Laravel\Rotation\ColumnRotator;
use SodiumCrypt\Laravel\Rotation\EncryptedColumns;
use SodiumCrypt\Laravel\Rotation\TableRewriter;
use SodiumCrypt\Laravel\Support\ListSetting;
use Symfony\Component\Console\Attribute\AsCommand;

/**
 * Re-encrypts a model's encrypted columns (Laravel's encrypted* casts and
 * the package's) under the current key, cipher and format, or with --to=laravel in Laravel's own
 * AES-CBC format. Works on the raw column text, so the plaintext bytes are
 * kept exactly. Each chunk is one transaction and each row one conditional
 * UPDATE (only if the row still holds what was read), so a crash leaves whole
 * chunks done and none half-written, and a second run resumes: values already
 * current are skipped. A value that does not decrypt is left as it is and
 * reported; --dry-run decrypts everything it counts and writes nothing.
 * With --disk, an encrypted disk's files instead (disk()). With --queue, the
 * table's id ranges as a batch of jobs for queue workers (queue()).
 */
#[AsCommand(name: 'crypto:reencrypt')]
final class ReencryptCommand extends Command
{
    use QueuesBatches;

    protected $signature = 'crypto:reencrypt
        {model? : The Eloquent model class (App\Models\User or User)}
        {--disk= : Instead of a model: a sodium-encrypted disk, whose files are re-encrypted one at a time}
        {--columns= : Comma-separated columns (default: every encrypted cast)}
        {--to=sodium : "sodium" (the configured cipher and format) or "laravel" (Laravel\'s own AES-CBC: the way back)}
        {--chunk=1000 : Rows per chunk (one transaction each); with --disk --queue, files per job}
        {--dry-run : Decrypt and count what would change, write nothing}
        {--queue= : Queue the work instead, as a batch of chunk jobs (--chunk rows or files each) on this queue connection (default: the app\'s) for queue:work workers to share}
        {--status : List the queued re-encryptions and re-indexings (batches) and their progress}
        {--cancel= : Cancel a queued re-encryption by batch id (chunks already done stay done)}';

    protected $description = 'Re-encrypt a model\'s encrypted columns under the current key and format';

    public function handle(): int
    {
        if ($this->option('status')) {
            return $this->status();
        }
        if ($this->option('cancel') !== null) {
            return $this->cancel((string) $this->option('cancel'));
        }
        $queued = $this->input->hasParameterOption('--queue');
        if ($queued && $this->option('dry-run')) {
            $this->components->error('--queue writes; a dry run (--dry-run) runs in this process. Nothing was queued.');
            return self::FAILURE;
        }
        if ($this->option('disk') !== null) {
            return $this->disk((string) $this->option('disk'));
        }
        if ($this->argument('model') === null) {
            $this->components->error('Name a model (crypto:reencrypt "App\Models\User") or an encrypted disk (--disk=NAME).');
            return self::FAILURE;
        }
        return $this->rewriteTable((string) $this->argument('model'));
    }

    /** Every encrypted column of one model's table, chunk by chunk. */
    private function rewriteTable(string $name): int
    {
        $encrypter = Encrypter::of($this->laravel);
        if ($encrypter === null) {
            $this->components->error('The app\'s encrypter is not sodium_crypt\'s: set sodium-crypt.replace_encrypter (SODIUM_CRYPT_REPLACE_ENCRYPTER) to true while re-encrypting, and register SodiumCrypt\Laravel\SodiumCryptServiceProvider.');
            return self::FAILURE;
        }
        $to = (string) $this->option('to');
        if ($to !== 'sodium' && $to !== 'laravel') {
            $this->components->error(sprintf('--to must be "sodium" (the configured cipher and format) or "laravel" (Laravel\'s own AES-CBC), "%s" given.', $to));
            return self::FAILURE;
        }
        $model = $this->model($name);
        if ($model === null || ($columns = $this->columns($model)) === null) {
            return self::FAILURE;
        }
        if ($to === 'laravel' && ($length = $encrypter->keyLength()) !== 32) {
            $this->components->error(sprintf('APP_KEY is %d bytes: Laravel\'s own encrypter, as config/app.php configures it (AES-256-CBC), needs 32, so the way back would end in an error at boot. Rotate to a 32-byte key first (php artisan crypto:keys --cipher=aegis-256; the old key stays readable), then run this again. Nothing was written.', $length));
            return self::FAILURE;
        }
        $rewriter = new TableRewriter($model, $columns, new ColumnRotator($encrypter, $to === 'laravel'));
        $bound = $rewriter->bound();
        if ($bound !== [] && $to === 'laravel') {
            $this->components->error(sprintf('%s binds %s (Encrypted:bound): Laravel\'s format cannot carry a binding. Drop "bound" from those casts (with "migrate" first, see the README) before going back.',
                $model::class, implode(', ', array_keys($bound))));
            return self::FAILURE;
        }

        if ($this->input->hasParameterOption('--queue')) {
            return $this->queue($model, $columns, $to === 'laravel');
        }
        $dry = (bool) $this->option('dry-run');
        [$total, $stale, $changed, $failed] = $this->rewrite($model, $rewriter, $dry);
        $this->components->info($dry
            ? sprintf('%d of %d %s rows would be re-encrypted (dry run: every one decrypted, nothing written).', $stale, $total, $model::class)
            : sprintf('Re-encrypted %d of %d %s rows; the rest were already current.', $changed, $total, $model::class));
        if ($failed !== []) {
            $this->components->error(sprintf('%d value(s) decrypt under no configured key and %s left as they are: %s',
                count($failed), $dry ? 'would be' : 'were',
                implode(', ', array_slice($failed, 0, 50)).(count($failed) > 50 ? ', …' : '')));
            return self::FAILURE;
        }
        return self::SUCCESS;
    }

    /**
     * The table cut into id ranges of --chunk rows, one ReencryptChunk job
     * each, dispatched as one batch (Laravel's job_batches table keeps its
     * progress). Rows written after this are written under the current key
     * already; running it again queues the table again, and chunks already
     * current change nothing.
     *
     * @param list<string> $columns
     */
    private function queue(Model $model, array $columns, bool $toLaravel): int
    {
        if (($connection = $this->queueConnection()) === null) {
            return self::FAILURE;
        }
        $jobs = array_map(static fn (array $range) => new ReencryptChunk($model::class, $columns, $toLaravel, ...$range), $this->idRanges($model));
        return $this->dispatchBatch($connection, 'crypto:reencrypt '.$model::class, $jobs, 'rows');
    }

    /**
     * The disk's files in lists of --chunk, one ReencryptFiles job each, as
     * one batch. What earlier runs that died left beside the originals is
     * removed first, as the command does in one process.
     */
    private function queueDisk(EncryptedDisk $disk, string $name): int
    {
        if (($connection = $this->queueConnection()) === null) {
            return self::FAILURE;
        }
        $leftovers = $disk->removeTemporaryFiles();
        if ($leftovers > 0) {
            $this->components->info(sprintf('Removed %d temporary file(s) an interrupted run left (their originals are whole).', $leftovers));
        }
        $jobs = $paths = [];
        foreach ($disk->paths() as $path) {
            $paths[] = $path;
            if (count($paths) === $this->chunkSize()) {
                $jobs[] = new ReencryptFiles($name, $paths);
                $paths = [];
            }
        }
        if ($paths !== []) {
            $jobs[] = new ReencryptFiles($name, $paths);
        }
        return $this->dispatchBatch($connection, "crypto:reencrypt disk:$name", $jobs, 'files');
    }

    /** The queued re-encryptions and re-indexings, newest first. */
    private function status(): int
    {
        if (($missing = $this->batchTableMissing()) !== null) {
            $this->components->error($missing);
            return self::FAILURE;
        }
        $batches = array_values(array_filter($this->laravel->make(BatchRepository::class)->get(100, null), self::isOurs(...)));
        if ($batches === []) {
            $this->components->info('No queued re-encryption.');
            return self::SUCCESS;
        }
        $this->table(['batch', 'work', 'chunks done', 'failed', 'state', 'queued at'], array_map(static fn (Batch $b): array => [
            $b->id, $b->name, sprintf('%d of %d (%d%%)', $b->processedJobs(), $b->totalJobs, $b->progress()),
            $b->failedJobs, match (true) {
                $b->cancelled() => 'cancelled',
                $b->finished() => 'finished',
                // Laravel leaves a batch with failed jobs unfinished: every other chunk is done.
                $b->failedJobs > 0 && $b->pendingJobs === $b->failedJobs => 'done, with failed chunks (php artisan queue:failed)',
                default => 'running',
            }, $b->createdAt->format('Y-m-d H:i:s'),
        ], $batches));
        return self::SUCCESS;
    }

    private function cancel(string $id): int
    {
        if (($missing = $this->batchTableMissing()) !== null) {
            $this->components->error($missing);
            return self::FAILURE;
        }
        $batch = $this->laravel->make(BatchRepository::class)->find($id);
        if ($batch === null || !self::isOurs($batch)) {
            $this->components->error(sprintf('No queued re-encryption with batch id "%s" (php artisan crypto:reencrypt --status lists them).', $id));
            return self::FAILURE;
        }
        $batch->cancel();
        $this->components->info(sprintf('Cancelled batch %s: chunks not yet started are skipped; those done stay done. Queue the model again to resume.', $id));
        return self::SUCCESS;
    }

    /** @return array{int, int, int, list<string>} rows, rows not current, rows written, values that open under no key */
    private function rewrite(Model $model, TableRewriter $rewriter, bool $dry): array
    {
        $query = $rewriter->query();
        $total = (clone $query)->count();
        $bar = $this->output->createProgressBar($total);
        $stale = $changed = 0;
        $failed = [];
        $query->chunkById(max(1, (int) $this->option('chunk')), function ($rows) use ($rewriter, $dry, $bar, &$stale, &$changed, &$failed) {
            [$notCurrent, $written, $unreadable] = $rewriter->chunk($rows, $dry);
            $stale += $notCurrent;
            $changed += $written;
            array_push($failed, ...$unreadable);
            $bar->advance(count($rows));
        }, $model->getKeyName());
        $bar->finish();
        $this->newLine();
        return [$total, $stale, $changed, $failed];
    }

    /**
     * The files of an encrypted disk under its current key, one at a time:
     * each is streamed into a temporary file beside it and moved over it, so
     * a crash leaves every file whole (the next run removes the leftover
     * and goes on; files already current are skipped). A file that does
     * not open is left as it is and listed.
     */
    private function disk(string $name): int
    {
        $config = $this->laravel['config']->get("filesystems.disks.$name");
        if (!is_array($config) || ($config['driver'] ?? null) !== 'sodium-encrypted') {
            $this->components->error(sprintf('No sodium-encrypted disk named "%s" in config/filesystems.php.', $name));
            return self::FAILURE;
        }
        if (!empty($config['user'])) {
            $this->components->error(sprintf('The disk "%s" keeps each file under its owner\'s user key, which no app-key rotation changes: there is nothing to re-encrypt.', $name));
            return self::FAILURE;
        }
        if ($this->option('to') !== 'sodium' || $this->option('columns') !== null) {
            $this->components->error('--disk takes neither --to nor --columns: files are always written in the disk\'s own format.');
            return self::FAILURE;
        }
        /** @var EncryptedDisk $disk */
        $disk = $this->laravel->make('filesystem')->disk($name);
        if ($this->input->hasParameterOption('--queue')) {
            return $this->queueDisk($disk, $name);
        }
        $dry = (bool) $this->option('dry-run');
        $leftovers = $dry ? 0 : $disk->removeTemporaryFiles();
        $current = $disk->currentKeyId();
        $bar = $this->output->createProgressBar();
        $total = $stale = 0;
        $failed = [];
        if ($dry) {
            foreach ($disk->keyIds(true) as $path => $id) { // every file opened whole
                $total++;
                $id === null ? $failed[] = $path : $stale += (int) ($id !== $current);
                $bar->advance();
            }
        } else {
            foreach ($disk->paths() as $path) {
                $total++;
                try {
                    $stale += (int) $disk->reencrypt($path);
                } catch (FileDecryptionFailed|FilesystemException) {
                    $failed[] = $path;
                }
                $bar->advance();
            }
        }
        $bar->finish();
        $this->newLine();
        if ($leftovers > 0) {
            $this->components->info(sprintf('Removed %d temporary file(s) an interrupted run left (their originals are whole).', $leftovers));
        }
        $this->components->info(sprintf($dry
            ? '%d of %d files would be re-encrypted on the "%s" disk (dry run: every one opened, nothing written).'
            : '%d of %d files re-encrypted on the "%s" disk; the rest were already current.', $stale, $total, $name));
        if ($failed !== []) {
            $this->components->error(sprintf('%d file(s) open under none of the disk\'s keys and %s left as they are: %s', count($failed),
                $dry ? 'would be' : 'were', implode(', ', array_slice($failed, 0, 50)).(count($failed) > 50 ? ', …' : '')));
            return self::FAILURE;
        }
        return self::SUCCESS;
    }

    /** @return list<string>|null the columns to rotate, null after saying why there are none */
    private function columns(Model $model): ?array
    {
        $option = (string) $this->option('columns');
        $columns = $option !== '' ? ListSetting::items($option) : EncryptedColumns::of($model);
        if ($columns === []) {
            $this->components->error(sprintf('%s has no encrypted casts: name the columns with --columns.', $model::class));
            return null;
        }
        $existing = $model->getConnection()->getSchemaBuilder()->getColumnListing($model->getTable());
        foreach ($columns as $column) {
            if (!in_array($column, $existing, true)) {
                $this->components->error(sprintf('%s has no column "%s" (its columns: %s).', $model->getTable(), $column, implode(', ', $existing)));
                return null;
            }
        }
        return $columns;
    }

    private function model(string $name): ?Model
    {
        $class = EncryptedColumns::model($name, $this->laravel->getNamespace(...));
        if ($class === null) {
            $this->components->error(sprintf('No Eloquent model "%s".', $name));
            return null;
        }
        return new $class();
    }
}
