<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\Eloquent\Casts\AsEncryptedArrayObject;
use Illuminate\Database\Eloquent\Casts\AsEncryptedCollection;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Encrypter;

/**
 * Re-encrypts a model's encrypted columns (Laravel's encrypted* casts) under
 * the current key, cipher and format. Works on the raw column text, so the
 * plaintext bytes are kept exactly; skips values already current, so an
 * interrupted run resumes where it stopped. A value that does not decrypt is
 * left as it is and reported.
 */
final class ReencryptCommand extends Command
{
    protected $signature = 'crypto:reencrypt
        {model : The Eloquent model class (App\Models\User or User)}
        {--columns= : Comma-separated columns (default: every encrypted cast)}
        {--chunk=500 : Rows per chunk}
        {--dry-run : Count what would change, write nothing}';

    protected $description = 'Re-encrypt a model\'s encrypted columns under the current key and format';

    public function handle(): int
    {
        $encrypter = $this->laravel->make('encrypter');
        if (!$encrypter instanceof Encrypter) {
            $this->components->error('The app\'s encrypter is not sodium_crypt\'s: register SodiumCrypt\Laravel\SodiumCryptServiceProvider.');
            return self::FAILURE;
        }
        $model = $this->model((string) $this->argument('model'));
        if ($model === null) {
            return self::FAILURE;
        }
        $columns = $this->option('columns') ? array_map('trim', explode(',', (string) $this->option('columns'))) : $this->encryptedColumns($model);
        if ($columns === []) {
            $this->components->warn(sprintf('%s has no encrypted casts: name them with --columns.', $model::class));
            return self::FAILURE;
        }
        $chunk = max(1, (int) $this->option('chunk'));
        $dry = (bool) $this->option('dry-run');
        $key = $model->getKeyName();
        $table = $model->getConnection()->table($model->getTable());

        $total = (clone $table)->count();
        $bar = $this->output->createProgressBar($total);
        $stale = $changed = 0;
        $failed = [];

        $table->select([$key, ...$columns])->orderBy($key)->chunkById($chunk, function ($rows) use ($model, $encrypter, $columns, $key, $dry, $bar, &$stale, &$changed, &$failed) {
            foreach ($rows as $row) {
                $updates = [];
                foreach ($columns as $column) {
                    $raw = $row->{$column};
                    if (!is_string($raw) || $raw === '' || $encrypter->isCurrent($raw)) {
                        continue;
                    }
                    try {
                        $updates[$column] = $dry ? $raw : $encrypter->encryptString($encrypter->decryptString($raw));
                    } catch (DecryptException) {
                        $failed[] = sprintf('%s=%s (%s)', $key, $row->{$key}, $column);
                        $updates = [];
                        break;
                    }
                }
                if ($updates !== []) {
                    $stale++;
                    if (!$dry) {
                        // Only if nobody changed the row meanwhile: compare with what was read.
                        $query = $model->getConnection()->table($model->getTable())->where($key, $row->{$key});
                        foreach (array_keys($updates) as $column) {
                            $query->where($column, $row->{$column});
                        }
                        $changed += $query->update($updates);
                    }
                }
                $bar->advance();
            }
        }, $key);
        $bar->finish();
        $this->newLine();

        $this->components->info($dry
            ? sprintf('%d of %d %s rows would be re-encrypted (dry run, nothing written).', $stale, $total, $model::class)
            : sprintf('Re-encrypted %d of %d %s rows; the rest were already current.', $changed, $total, $model::class));
        if ($failed !== []) {
            $this->components->error(sprintf('%d value(s) did not decrypt under any configured key and were left as they are: %s',
                count($failed), implode(', ', array_slice($failed, 0, 20))));
            return self::FAILURE;
        }
        return self::SUCCESS;
    }

    private function model(string $name): ?Model
    {
        foreach ([$name, 'App\\Models\\'.$name, 'App\\'.$name] as $class) {
            if (class_exists($class) && is_subclass_of($class, Model::class)) {
                return new $class();
            }
        }
        $this->components->error(sprintf('No Eloquent model "%s".', $name));
        return null;
    }

    /** @return list<string> */
    private function encryptedColumns(Model $model): array
    {
        $columns = [];
        foreach ($model->getCasts() as $column => $cast) {
            $base = explode(':', (string) $cast, 2)[0];
            if (str_starts_with(strtolower($base), 'encrypted') || in_array($base, [AsEncryptedArrayObject::class, AsEncryptedCollection::class], true)) {
                $columns[] = $column;
            }
        }
        return $columns;
    }
}
