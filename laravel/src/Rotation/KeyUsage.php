<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Cache\Repository as CacheRepository;
use Illuminate\Contracts\Config\Repository;
use Illuminate\Contracts\Container\Container;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Filesystem\Factory as FilesystemFactory;
use Illuminate\Contracts\Redis\Factory as RedisFactory;
use Illuminate\Database\ConnectionResolverInterface;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Filesystem\DiskKeys;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Queue\WithUserKey;
use SodiumCrypt\Laravel\UserKeys;

/**
 * Counts every stored value that depends on an app key, per source
 * (table.column, disk NAME, redis KEY), format, cipher and key: the models'
 * encrypted casts, server-wrapped (mode 2) user keys, encrypted queued
 * (database and Redis) and failed jobs and the user keys that jobs carry
 * (CarriesUserKey), encrypted database sessions, and the files of encrypted
 * disks under APP_KEY (each file's header: its key id). What crypto:status
 * shows and what `crypto:keys --prune` checks before it drops a key. Each
 * row has a kind, which says how its values move to the current key
 * (remedy()). Cookies live in browsers and cannot be counted.
 */
final class KeyUsage
{
    public const COLUMN = 'column';
    public const USER_KEY = 'user key';
    public const DISK = 'disk';
    public const QUEUE = 'queue';
    public const FAILED_JOBS = 'failed jobs';
    public const SESSION = 'session';

    /** @var array<string, array{source: string, kind: string, what: string, key: ?int, count: int}> */
    private array $rows = [];

    /** @var ?\Closure(string, int): void */
    private ?\Closure $progress = null;

    public function __construct(
        private readonly Encrypter $encrypter,
        private readonly ConnectionResolverInterface $db,
        private readonly Repository $config,
        private readonly ?UserKeys $userKeys = null,
        private readonly bool $verify = false,
        private readonly ?FilesystemFactory $files = null,
        private readonly ?RedisFactory $redis = null,
        private readonly ?CacheRepository $cache = null,
    ) {
    }

    /**
     * The app's: its database, configuration and user keys. $verify: open
     * every value (a bound one under its binding) instead of trusting a V1
     * header's key id; one that does not open counts as unreadable.
     */
    public static function of(Container $app, Encrypter $encrypter, bool $verify = false): self
    {
        return new self($encrypter, $app->make('db'), $app->make('config'), $app->make(UserKeys::class), $verify, $app->make('filesystem'),
            $app->bound('redis') ? $app->make('redis') : null, $app->make('cache')->store());
    }

    /**
     * @param list<class-string<Model>> $models
     * @param ?\Closure(string, int): void $progress called with a source and how many of its files were read so far, every 1,000
     * @return list<array{source: string, kind: string, what: string, key: ?int, count: int}> key: 0 APP_KEY, i APP_PREVIOUS_KEYS[i-1], null none
     */
    public function scan(array $models, ?\Closure $progress = null): array
    {
        $this->rows = [];
        $this->progress = $progress;
        foreach ($models as $class) {
            $this->scanModel(new $class());
        }
        $this->scanUsers();
        $this->scanJobs();
        $this->scanSessions();
        $this->scanDisks();
        ksort($this->rows);
        return array_values($this->rows);
    }

    /** How values of a kind move off a previous key: what crypto:keys --prune advises. */
    public static function remedy(string $kind, string $source): string
    {
        return match ($kind) {
            self::COLUMN => 'php artisan crypto:reencrypt for its model',
            self::USER_KEY => 'php artisan crypto:rewrap-users',
            self::DISK => 'php artisan crypto:reencrypt --disk='.substr($source, strlen('disk ')),
            self::QUEUE => 'drain the queue (queue:work until it is empty) and queue:restart the workers',
            self::FAILED_JOBS => 'queue:retry them (then drain the queue) or queue:forget/queue:flush them',
            self::SESSION => 'let the sessions expire (session.lifetime)',
        };
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
                    $this->count($model->getTable().'.'.$column, self::COLUMN, $about);
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
                $this->add($source, self::USER_KEY, 'server-wrapped user key', $this->userKeys->serverKeyIndex($one));
            }
        }
    }

    private function scanJobs(): void
    {
        $tables = [];
        foreach ((array) $this->config->get('queue.connections', []) as $queue) {
            if (is_array($queue) && ($queue['driver'] ?? null) === 'database') {
                $tables[(string) ($queue['table'] ?? 'jobs')] = [$queue['connection'] ?? null, self::QUEUE];
            }
        }
        if (str_starts_with((string) $this->config->get('queue.failed.driver'), 'database')) {
            $tables[(string) $this->config->get('queue.failed.table', 'failed_jobs')] = [$this->config->get('queue.failed.database'), self::FAILED_JOBS];
        }
        foreach ($tables as $table => [$connection, $kind]) {
            $db = $this->db->connection($connection);
            if (!$db->getSchemaBuilder()->hasTable($table)) {
                continue;
            }
            foreach ($db->table($table)->select(['id', 'payload'])->lazyById(500) as $row) {
                $this->countJob($table.'.payload', $kind, (string) $row->payload);
            }
        }
        $this->scanRedisQueues();
    }

    /**
     * The jobs waiting in Redis (each queue's list, and its :delayed and
     * :reserved sets) of every queue connection on the redis driver, read
     * 1,000 at a time. Laravel's skeleton configures a redis connection
     * whether the app uses it or not: one that cannot be reached is passed
     * over, unless it is the default queue connection (then the error
     * stops the count, and prune drops nothing).
     */
    private function scanRedisQueues(): void
    {
        $seen = [];
        $default = (string) $this->config->get('queue.default');
        foreach ((array) $this->config->get('queue.connections', []) as $connection => $queue) {
            $name = is_array($queue) && ($queue['driver'] ?? null) === 'redis' ? (string) ($queue['connection'] ?? 'default') : null;
            if ($name === null || isset($seen[$name]) || $this->redis === null) {
                continue;
            }
            $seen[$name] = true;
            try {
                $this->scanRedis($name);
            } catch (\Throwable $e) {
                if ((string) $connection === $default) {
                    throw $e;
                }
            }
        }
    }

    /** One Redis connection's queues: KEYS queues:*, each list or sorted set in pages. */
    private function scanRedis(string $name): void
    {
        $redis = $this->redis->connection($name);
        $prefix = (string) $this->config->get('database.redis.options.prefix', '');
        foreach ((array) $redis->keys('queues:*') as $key) {
            $key = $prefix !== '' && str_starts_with((string) $key, $prefix) ? substr((string) $key, strlen($prefix)) : (string) $key;
            $type = strtolower((string) $redis->type($key));
            if (str_ends_with($key, ':notify') || ($type !== 'list' && $type !== 'zset')) {
                continue;
            }
            for ($at = 0; ; $at += 1000) {
                $payloads = (array) ($type === 'list' ? $redis->lrange($key, $at, $at + 999) : $redis->zrange($key, $at, $at + 999));
                foreach ($payloads as $payload) {
                    $this->countJob('redis '.$key, self::QUEUE, (string) $payload);
                }
                if (count($payloads) < 1000) {
                    break;
                }
            }
        }
    }

    /** One queue payload: its encrypted command, or the user key a clear-serialized command carries. */
    private function countJob(string $source, string $kind, string $payload): void
    {
        $command = json_decode($payload, true)['data']['command'] ?? null;
        if (!is_string($command)) {
            return;
        }
        if (!str_starts_with($command, 'O:')) {
            $this->count($source, $kind, $this->described($command));
        } elseif (($carried = WithUserKey::carriedIn($command)) !== null) {
            // Not ShouldBeEncrypted: the command is serialized in the
            // clear, but the user key it carries is sealed under APP_KEY.
            $about = $this->described($carried[0]);
            $this->add($source, $kind, 'carried user key', $about === null ? null : $about['key']);
        } elseif (WithUserKey::carriesUnopenable($command)) {
            // A carried key no configured key opens (its key was dropped): say so.
            $this->add($source, $kind, 'carried user key', null);
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
            $this->count($table.'.payload', self::SESSION, $this->described((string) base64_decode((string) $row->payload)));
        }
    }

    /**
     * The files of every encrypted disk whose files are under APP_KEY and
     * APP_PREVIOUS_KEYS (no 'key' of its own, not per-user): each file's
     * header names its key. Only the headers are read (all of each file
     * with --verify). A scan of many files resumes where one that died
     * stopped (scanDisk()).
     */
    private function scanDisks(): void
    {
        $ids = $this->encrypter->keyIds();
        foreach (DiskKeys::underAppKey($this->config) as $name) {
            $source = 'disk '.$name;
            $storage = $this->files?->disk($name);
            if (!$storage instanceof EncryptedDisk) {
                continue;
            }
            $checkpoint = $this->cache === null ? null : 'sodium-crypt:key-usage:'.hash('sha256', implode("\0", [$name, $this->verify ? 'verify' : 'headers', ...$ids]));
            $this->scanDisk($storage, $source, $ids, $checkpoint);
        }
    }

    /**
     * One disk. Every 1,000 files the counts so far and the last path are
     * kept in the cache for an hour; a scan that finds them skips the
     * listing up to that path (and starts over if the path is gone).
     *
     * @param list<string> $ids
     */
    private function scanDisk(EncryptedDisk $storage, string $source, array $ids, ?string $checkpoint): void
    {
        $saved = $checkpoint === null ? null : $this->cache->get($checkpoint);
        $after = is_array($saved) ? (string) $saved['after'] : null;
        $read = 0;
        if ($after !== null) {
            foreach ($saved['rows'] as $slot => $row) {
                $this->rows[$slot] = $row;
            }
            $read = (int) $saved['files'];
            $this->progress && ($this->progress)($source, $read);
        }
        $skipping = $after !== null;
        foreach ($storage->paths() as $path) {
            if ($skipping) {
                $skipping = $path !== $after;
                continue;
            }
            $id = $storage->keyIdOf($path, $this->verify);
            $key = $id === null ? false : array_search($id, $ids, true);
            $this->add($source, self::DISK, $key === false ? 'unreadable' : 'file aegis-256', $key === false ? null : $key);
            if (++$read % 1000 === 0) {
                if ($checkpoint !== null) {
                    $rows = array_filter($this->rows, static fn (array $row) => $row['source'] === $source);
                    $this->cache->put($checkpoint, ['after' => $path, 'files' => $read, 'rows' => $rows], 3600);
                }
                $this->progress && ($this->progress)($source, $read);
            }
        }
        if ($skipping) {
            // The checkpoint's path is gone: count this disk again from the start.
            $this->rows = array_filter($this->rows, static fn (array $row) => $row['source'] !== $source);
            $this->cache->forget($checkpoint);
            $this->scanDisk($storage, $source, $ids, $checkpoint);
            return;
        }
        $checkpoint === null || $this->cache->forget($checkpoint);
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
    private function count(string $source, string $kind, ?array $about): void
    {
        if ($about === null) {
            $this->add($source, $kind, 'unreadable', null);
            return;
        }
        $this->add($source, $kind, $about['format'].' '.$about['cipher'], $about['key']);
    }

    private function add(string $source, string $kind, string $what, ?int $key): void
    {
        $slot = $source."\0".$what."\0".($key ?? '-');
        $this->rows[$slot] ??= ['source' => $source, 'kind' => $kind, 'what' => $what, 'key' => $key, 'count' => 0];
        $this->rows[$slot]['count']++;
    }
}
