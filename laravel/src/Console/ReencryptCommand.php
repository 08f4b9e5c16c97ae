<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\Connection;
use Illuminate\Database\Eloquent\Model;
use League\Flysystem\FilesystemException;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\FileDecryptionFailed;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Rotation\ColumnRotator;
use SodiumCrypt\Laravel\Rotation\EncryptedColumns;
use SodiumCrypt\Laravel\Support\BoundColumn;
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
 * With --disk, an encrypted disk's files instead (disk()).
 */
#[AsCommand(name: 'crypto:reencrypt')]
final class ReencryptCommand extends Command
{
    protected $signature = 'crypto:reencrypt
        {model? : The Eloquent model class (App\Models\User or User)}
        {--disk= : Instead of a model: a sodium-encrypted disk, whose files are re-encrypted one at a time}
        {--columns= : Comma-separated columns (default: every encrypted cast)}
        {--to=sodium : "sodium" (the configured cipher and format) or "laravel" (Laravel\'s own AES-CBC: the way back)}
        {--chunk=1000 : Rows per chunk (one transaction each)}
        {--dry-run : Decrypt and count what would change, write nothing}';

    protected $description = 'Re-encrypt a model\'s encrypted columns under the current key and format';

    public function handle(): int
    {
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
        $bound = array_intersect_key(EncryptedColumns::bound($model), array_flip($columns));
        if ($bound !== [] && $to === 'laravel') {
            $this->components->error(sprintf('%s binds %s (Encrypted:bound): Laravel\'s format cannot carry a binding. Drop "bound" from those casts (with "migrate" first, see the README) before going back.',
                $model::class, implode(', ', array_keys($bound))));
            return self::FAILURE;
        }

        $dry = (bool) $this->option('dry-run');
        [$total, $stale, $changed, $failed] = $this->rewrite($model, $columns, $bound, new ColumnRotator($encrypter, $to === 'laravel'), $dry);
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
     * @param list<string> $columns
     * @param array<string, BoundColumn> $bound the bound ones among them
     * @return array{int, int, int, list<string>} rows, rows not current, rows written, values that open under no key
     */
    private function rewrite(Model $model, array $columns, array $bound, ColumnRotator $rotator, bool $dry): array
    {
        $attributes = []; // what the bindings name besides the row key, read with each row
        foreach ($bound as $how) {
            array_push($attributes, ...$how->attributes);
        }
        $db = $model->getConnection();
        $key = $model->getKeyName();
        $table = $db->table($model->getTable());
        $total = (clone $table)->count();
        $bar = $this->output->createProgressBar($total);
        $stale = $changed = 0;
        $failed = [];

        $table->select(array_values(array_unique([$key, ...$columns, ...$attributes])))->chunkById(max(1, (int) $this->option('chunk')), function ($rows) use ($rotator, $columns, $bound, $key, $dry, $db, $model, $bar, &$stale, &$changed, &$failed) {
            $updates = [];
            foreach ($rows as $row) {
                $set = $this->rowChanges($model, $row, $columns, $bound, $rotator, $dry);
                if (is_string($set)) {
                    $failed[] = sprintf('%s=%s (%s)', $key, $row->{$key}, $set);
                } elseif ($set !== []) {
                    $stale++;
                    $updates[] = [$row, $set];
                }
            }
            if (!$dry && $updates !== []) {
                $changed += $this->write($db, $model->getTable(), $key, $updates);
            }
            $bar->advance(count($rows));
        }, $key);
        $bar->finish();
        $this->newLine();
        return [$total, $stale, $changed, $failed];
    }

    /**
     * One row's new values by column ([] when all are current), or the name
     * of a column whose value opens under no configured key: then the whole
     * row stays as it is.
     * A dry run opens every value, current ones too: a header that names
     * APP_KEY says nothing of the bytes after it.
     */
    private function rowChanges(Model $model, object $row, array $columns, array $bound, ColumnRotator $rotator, bool $dry): array|string
    {
        $set = [];
        foreach ($columns as $column) {
            $raw = $row->{$column};
            $how = $bound[$column] ?? null;
            if (!is_string($raw) || $raw === '') {
                continue;
            }
            $binding = $how?->binding($model, $column, (array) $row) ?? '';
            $needs = $rotator->needsReEncrypt($raw, $how, $binding);
            try {
                if ($dry) {
                    // A bound value that opens under its binding is both current and checked.
                    if ($how === null || $needs) {
                        $rotator->check($raw, $how, $binding);
                    }
                    if ($needs) {
                        $set[$column] = $raw;
                    }
                } elseif ($needs) {
                    $set[$column] = $rotator->reEncrypt($raw, $how, $binding);
                }
            } catch (DecryptException) {
                return $column;
            }
        }
        return $set;
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

    /**
     * One transaction: each row updated only where it still holds what was read.
     *
     * @param list<array{object, array<string, string>}> $updates
     */
    private function write(Connection $db, string $table, string $key, array $updates): int
    {
        $grammar = $db->getQueryGrammar();
        return $db->transaction(static function () use ($db, $grammar, $table, $key, $updates): int {
            $changed = 0;
            foreach ($updates as [$row, $set]) {
                $columns = array_map(static fn (string $c) => $grammar->wrap($c).' = ?', array_keys($set));
                $changed += $db->affectingStatement(
                    sprintf('update %s set %s where %s = ? and %s', $grammar->wrapTable($table), implode(', ', $columns), $grammar->wrap($key), implode(' and ', $columns)),
                    [...array_values($set), $row->{$key}, ...array_map(static fn (string $c) => $row->{$c}, array_keys($set))],
                );
            }
            return $changed;
        });
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
