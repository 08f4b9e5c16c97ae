<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Container\Container;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\ConnectionResolverInterface;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\UserKeys;

/**
 * Counts every stored value that depends on an app key, per source
 * (table.column), format, cipher and key: the models' encrypted casts,
 * server-wrapped (mode 2) user keys, encrypted queued and failed jobs, and
 * encrypted database sessions. What crypto:status shows and what
 * `crypto:keys --prune` checks before it drops a key. Cookies live in
 * browsers and cannot be counted.
 */
final class KeyUsage
{
    /** @var array<string, array{source: string, what: string, key: ?int, count: int}> */
    private array $rows = [];

    public function __construct(
        private readonly Encrypter $encrypter,
        private readonly ConnectionResolverInterface $db,
        private readonly Repository $config,
        private readonly ?UserKeys $userKeys = null,
        private readonly bool $verify = false,
    ) {
    }

    /**
     * The app's: its database, configuration and user keys. $verify: open
     * every value (a bound one under its binding) instead of trusting a V1
     * header's key id; one that does not open counts as unreadable.
     */
    public static function of(Container $app, Encrypter $encrypter, bool $verify = false): self
    {
        return new self($encrypter, $app->make('db'), $app->make('config'), $app->make(UserKeys::class), $verify);
    }

    /**
     * @param list<class-string<Model>> $models
     * @return list<array{source: string, what: string, key: ?int, count: int}> key: 0 APP_KEY, i APP_PREVIOUS_KEYS[i-1], null none
     */
    public function scan(array $models): array
    {
        $this->rows = [];
        foreach ($models as $class) {
            $this->scanModel(new $class());
        }
        $this->scanUsers();
        $this->scanJobs();
        $this->scanSessions();
        ksort($this->rows);
        return array_values($this->rows);
    }

    /** @return array<int, int> values per key index, from scan()'s rows */
    public static function perKey(array $rows): array
    {
        $counts = [];
        foreach ($rows as $row) {
            if ($row['key'] !== null) {
                $counts[$row['key']] = ($counts[$row['key']] ?? 0) + $row['count'];
            }
        }
        return $counts;
    }

    private function scanModel(Model $model): void
    {
        $columns = EncryptedColumns::of($model);
        if ($columns === []) {
            return;
        }
        $key = $model->getKeyName();
        $bound = $this->verify ? EncryptedColumns::bound($model) : [];
        $select = [$key, ...$columns];
        foreach ($bound as $how) {
            array_push($select, ...$how->attributes);
        }
        $query = $model->getConnection()->table($model->getTable())->select(array_values(array_unique($select)));
        foreach ($query->lazyById(1000, $key) as $row) {
            foreach ($columns as $column) {
                $value = $row->{$column};
                if (is_string($value) && $value !== '') {
                    $about = $this->encrypter->describe($value);
                    if ($about !== null && $this->verify) {
                        $how = $bound[$column] ?? null;
                        $about = $this->opens(static fn (Encrypter $e) => $how !== null
                            ? $how->open($e, $value, $how->binding($model, $column, (array) $row))
                            : $e->decryptString($value)) ? $about : null;
                    }
                    $this->count($model->getTable().'.'.$column, $about);
                }
            }
        }
    }

    private function scanUsers(): void
    {
        $user = UserKeys::userModel($this->config);
        if ($this->userKeys === null || $user === null) {
            return;
        }
        $column = (string) $this->config->get('sodium-crypt.user.key_column', 'encryption_key');
        $source = $user->getTable().'.'.$column;
        $query = $user->newQueryWithoutScopes()->whereNotNull($column);
        foreach ($query->lazyById(500) as $one) {
            if ($this->userKeys->mode($one) === 2) {
                $this->add($source, 'server-wrapped user key', $this->userKeys->serverKeyIndex($one));
            }
        }
    }

    private function scanJobs(): void
    {
        $queue = $this->config->get('queue.connections.'.$this->config->get('queue.default'));
        $tables = [];
        if (is_array($queue) && ($queue['driver'] ?? null) === 'database') {
            $tables[(string) ($queue['table'] ?? 'jobs')] = $queue['connection'] ?? null;
        }
        if (str_starts_with((string) $this->config->get('queue.failed.driver'), 'database')) {
            $tables[(string) $this->config->get('queue.failed.table', 'failed_jobs')] = $this->config->get('queue.failed.database');
        }
        foreach ($tables as $table => $connection) {
            $db = $this->db->connection($connection);
            if (!$db->getSchemaBuilder()->hasTable($table)) {
                continue;
            }
            foreach ($db->table($table)->select(['id', 'payload'])->lazyById(500) as $row) {
                $command = json_decode((string) $row->payload, true)['data']['command'] ?? null;
                // A job that is not ShouldBeEncrypted holds its command serialized, in the clear.
                if (is_string($command) && !str_starts_with($command, 'O:')) {
                    $this->count($table.'.payload', $this->described($command));
                }
            }
        }
    }

    private function scanSessions(): void
    {
        if ($this->config->get('session.driver') !== 'database' || !$this->config->get('session.encrypt')) {
            return;
        }
        $table = (string) $this->config->get('session.table', 'sessions');
        $db = $this->db->connection($this->config->get('session.connection'));
        if (!$db->getSchemaBuilder()->hasTable($table)) {
            return;
        }
        foreach ($db->table($table)->select(['id', 'payload'])->lazyById(500, 'id') as $row) {
            $this->count($table.'.payload', $this->described((string) base64_decode((string) $row->payload)));
        }
    }

    /** @return array{format: string, cipher: string, key: ?int}|null describe(), and with --verify null unless it opens */
    private function described(string $payload): ?array
    {
        $about = $this->encrypter->describe($payload);
        return $about !== null && $this->verify && !$this->opens(static fn (Encrypter $e) => $e->decryptString($payload)) ? null : $about;
    }

    /** @param \Closure(Encrypter): string $open */
    private function opens(\Closure $open): bool
    {
        try {
            $plaintext = $open($this->encrypter);
            sodium_memzero($plaintext);
            return true;
        } catch (DecryptException) {
            return false;
        }
    }

    /** @param array{format: string, cipher: string, key: ?int}|null $about */
    private function count(string $source, ?array $about): void
    {
        if ($about === null) {
            $this->add($source, 'unreadable', null);
            return;
        }
        $this->add($source, $about['format'].' '.$about['cipher'], $about['key']);
    }

    private function add(string $source, string $what, ?int $key): void
    {
        $slot = $source."\0".$what."\0".($key ?? '-');
        $this->rows[$slot] ??= ['source' => $source, 'what' => $what, 'key' => $key, 'count' => 0];
        $this->rows[$slot]['count']++;
    }
}
