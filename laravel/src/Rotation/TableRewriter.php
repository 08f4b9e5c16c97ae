<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Query\Builder;
use Illuminate\Database\QueryException;
use SodiumCrypt\Laravel\Support\BoundColumn;

/**
 * The encrypted columns of one model's table rewritten under the current
 * key, chunk by chunk, on the raw column text (the plaintext bytes are kept
 * exactly). Each chunk is one transaction and each row one conditional
 * UPDATE (only if the row still holds what was read), so a crash leaves whole
 * chunks and no half-written row, and running a chunk again, or two
 * processes on the same rows, changes nothing already current. What
 * crypto:reencrypt runs in one process, and each queued chunk job with it.
 */
final class TableRewriter
{
    /** @var array<string, BoundColumn> the bound ones among the columns */
    private readonly array $bound;

    /** @param list<string> $columns */
    public function __construct(private readonly Model $model, private readonly array $columns, private readonly ColumnRotator $rotator)
    {
        $this->bound = array_intersect_key(EncryptedColumns::bound($model), array_flip($columns));
    }

    /** @return array<string, BoundColumn> */
    public function bound(): array
    {
        return $this->bound;
    }

    /** The rows to read: the key, the columns, and what their bindings name. */
    public function query(): Builder
    {
        $attributes = [];
        foreach ($this->bound as $how) {
            array_push($attributes, ...$how->attributes);
        }
        return $this->model->getConnection()->table($this->model->getTable())
            ->select(array_values(array_unique([$this->model->getKeyName(), ...$this->columns, ...$attributes])));
    }

    /**
     * One chunk of rows read by query(): every row not current re-encrypted
     * and written in one transaction (nothing written on a dry run).
     *
     * @param iterable<object> $rows
     * @return array{int, int, list<string>} rows not current, rows written, rows with a value that opens under no key ("id=7 (ssn)")
     */
    public function chunk(iterable $rows, bool $dry = false): array
    {
        $key = $this->model->getKeyName();
        $updates = $failed = [];
        foreach ($rows as $row) {
            $set = $this->rowChanges($row, $dry);
            if (is_string($set)) {
                $failed[] = sprintf('%s=%s (%s)', $key, $row->{$key}, $set);
            } elseif ($set !== []) {
                $updates[] = [$row, $set];
            }
        }
        return [count($updates), $dry || $updates === [] ? 0 : $this->write($updates), $failed];
    }

    /**
     * One row's new values by column ([] when all are current), or the name
     * of a column whose value opens under no configured key: then the whole
     * row stays as it is. A dry run opens every value, current ones too: a
     * header that names APP_KEY says nothing of the bytes after it.
     *
     * @return array<string, string>|string
     */
    private function rowChanges(object $row, bool $dry): array|string
    {
        $set = [];
        foreach ($this->columns as $column) {
            $raw = $row->{$column};
            $how = $this->bound[$column] ?? null;
            if (!is_string($raw) || $raw === '') {
                continue;
            }
            $binding = $how?->binding($this->model, $column, (array) $row) ?? '';
            $needs = $this->rotator->needsReEncrypt($raw, $how, $binding);
            try {
                if ($dry) {
                    // A bound value that opens under its binding is both current and checked.
                    if ($how === null || $needs) {
                        $this->rotator->check($raw, $how, $binding);
                    }
                    if ($needs) {
                        $set[$column] = $raw;
                    }
                } elseif ($needs) {
                    $set[$column] = $this->rotator->reEncrypt($raw, $how, $binding);
                }
            } catch (DecryptException) {
                return $column;
            }
        }
        return $set;
    }

    /**
     * One transaction: each row updated only where it still holds what was
     * read. One prepared statement per set of columns serves every row of
     * the chunk: a statement prepared per row costs PostgreSQL and MariaDB
     * two more round trips each.
     *
     * @param list<array{object, array<string, string>}> $updates
     */
    private function write(array $updates): int
    {
        $db = $this->model->getConnection();
        $grammar = $db->getQueryGrammar();
        $table = $grammar->wrapTable($this->model->getTable());
        $key = $this->model->getKeyName();
        return $db->transaction(static function () use ($db, $grammar, $table, $key, $updates): int {
            $statements = [];
            $changed = 0;
            foreach ($updates as [$row, $set]) {
                $names = array_keys($set);
                $columns = array_map(static fn (string $c) => $grammar->wrap($c).' = ?', $names);
                $sql = sprintf('update %s set %s where %s = ? and %s', $table, implode(', ', $columns), $grammar->wrap($key), implode(' and ', $columns));
                $bindings = [...array_values($set), $row->{$key}, ...array_map(static fn (string $c) => $row->{$c}, $names)];
                try {
                    $statement = $statements[$sql] ??= $db->getPdo()->prepare($sql);
                    $statement->execute($bindings);
                } catch (\PDOException $e) {
                    throw new QueryException($db->getName(), $sql, $bindings, $e); // as Laravel reports a failed query
                }
                $changed += $statement->rowCount();
            }
            return $changed;
        });
    }
}
