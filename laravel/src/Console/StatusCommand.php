<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Console;

use Illuminate\Console\Command;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Rotation\EncryptedColumns;
use SodiumCrypt\Laravel\Rotation\KeyUsage;
use Symfony\Component\Console\Attribute\AsCommand;

/**
 * How many stored values are under which key, format and cipher, per
 * table.column: so an operator knows exactly when a previous key can go.
 * By default a V1 value is counted by its header; --verify opens every value.
 * Key ids are public (the first 4 bytes of a keyed hash); no key is shown.
 */
#[AsCommand(name: 'crypto:status')]
final class StatusCommand extends Command
{
    protected $signature = 'crypto:status
        {models?* : Model classes to count (default: sodium-crypt.models, else the models in app/Models with encrypted casts)}
        {--verify : Open every value instead of reading its header: a damaged value counts as unreadable (exit code 1)}';

    protected $description = 'Count the stored encrypted values per key, format and cipher';

    public function handle(): int
    {
        $encrypter = Encrypter::of($this->laravel);
        if ($encrypter === null) {
            $this->components->error('crypto:status needs sodium_crypt\'s encrypter (sodium-crypt.replace_encrypter).');
            return self::FAILURE;
        }
        $models = $this->argument('models') ?: EncryptedColumns::models($this->laravel['config'], $this->laravel->path('Models'), $this->laravel->getNamespace());
        foreach ($models as $i => $model) {
            $models[$i] = EncryptedColumns::model($model, $this->laravel->getNamespace(...));
            if ($models[$i] === null) {
                $this->components->error(sprintf('No Eloquent model "%s".', $model));
                return self::FAILURE;
            }
        }
        $verify = (bool) $this->option('verify');
        $rows = KeyUsage::of($this->laravel, $encrypter, $verify)->scan($models);
        $ids = $encrypter->keyIds();
        $label = static fn (?int $k) => $k === null ? 'no configured key' : sprintf('%s (%s)', $ids[$k], $k === 0 ? 'APP_KEY' : 'APP_PREVIOUS_KEYS['.($k - 1).']');

        $this->line(sprintf('%-32s %-34s %-34s %8s', 'where', 'format', 'key', 'values'));
        foreach ($rows as $row) {
            $this->line(sprintf('%-32s %-34s %-34s %8d', $row['source'], $row['what'], $label($row['key']), $row['count']));
        }
        $this->newLine();

        $counts = KeyUsage::perKey($rows);
        $orphans = array_sum(array_map(static fn ($r) => $r['key'] === null ? $r['count'] : 0, $rows));
        foreach (array_slice($ids, 1, null, true) as $k => $id) {
            $this->line(sprintf('  %s: %s', $label($k), ($counts[$k] ?? 0) > 0
                ? sprintf('%d value(s) still need it (crypto:reencrypt, crypto:rewrap-users)', $counts[$k])
                : 'no stored value needs it (crypto:keys --prune drops it)'));
        }
        if ($orphans > 0) {
            $this->components->warn(sprintf('%d value(s) open under no configured key: a key was dropped too early, or they were tampered with.', $orphans));
        } elseif (array_sum($counts) === ($counts[0] ?? 0)) {
            $this->components->info('Every value is under APP_KEY.');
        }
        return $verify && $orphans > 0 ? self::FAILURE : self::SUCCESS;
    }
}
