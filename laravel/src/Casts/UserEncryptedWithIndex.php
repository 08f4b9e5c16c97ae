<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\BlindIndexes;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * UserEncryptedWithIndex:{index_column}[,user|global[,hex|binary]]: the value
 * encrypted under the user key, and its blind index in index_column: under
 * the user key ("user", the default: searchable within one user's rows) or
 * the app-wide index key ("global": searchable across users); as 64 hex
 * characters (the default) or as its 32 raw bytes ("binary": half the column
 * and half its index), for a binary column on SQLite, MySQL or MariaDB.
 */
final class UserEncryptedWithIndex extends UserEncrypted
{
    /** The PDO drivers that bind a PHP string as bytes. pdo_pgsql binds it as text, which raw bytes are not. */
    private const BINARY_DRIVERS = ['sqlite', 'mysql', 'mariadb'];

    public readonly bool $binary;

    /**
     * @var array<class-string, array<string, true>> model classes and connection names
     * found able to store binary indexes: looking the driver up costs more than the index
     * (a class on the default connection is checked once, as a process keeps its default)
     */
    private static array $binaryChecked = [];

    public function __construct(public readonly string $indexColumn, public readonly string $scope = 'user', string $encoding = 'hex')
    {
        if ($scope !== 'user' && $scope !== 'global') {
            throw new \InvalidArgumentException(sprintf('UserEncryptedWithIndex scope must be "user" or "global", "%s" given.', $scope));
        }
        if ($encoding !== 'hex' && $encoding !== 'binary') {
            throw new \InvalidArgumentException(sprintf('UserEncryptedWithIndex encoding must be "hex" or "binary", "%s" given.', $encoding));
        }
        $this->binary = $encoding === 'binary';
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return [$key => null, $this->indexColumn => null];
        }
        $value = (string) $value;
        $index = $this->index($model, $value, $key);
        return [$key => self::codec()->seal($value), $this->indexColumn => $index];
    }

    /** The index set() stores for $model's $column. */
    public function index(Model $model, #[\SensitiveParameter] string $value, string $column): string
    {
        return $this->indexes($model, $column)->compute($value, $column, true, $this->binary);
    }

    /**
     * The indexes a query compares with: index(), and while the global index
     * key is being rotated the value's index under each previous key too.
     *
     * @return non-empty-list<string>
     */
    public function searchIndexes(Model $model, #[\SensitiveParameter] string $value, string $column): array
    {
        return $this->indexes($model, $column)->candidates($value, $column, true, $this->binary);
    }

    /** @throws InvalidConfiguration a binary index on a connection that cannot bind one: before anything is written or read */
    private function indexes(Model $model, string $column): BlindIndexes
    {
        if ($this->binary && !isset(self::$binaryChecked[$model::class][$connection = (string) $model->getConnectionName()])) {
            if (!in_array($driver = $model->getConnection()->getDriverName(), self::BINARY_DRIVERS, true)) {
                throw new InvalidConfiguration(sprintf(
                    '%s::$%s keeps its blind index as binary, which the %s connection cannot store: its PDO driver sends PHP strings as text, and raw index bytes are not text. Binary indexes are for SQLite, MySQL and MariaDB; here drop ",binary" from the cast (hex, CHAR(64)).',
                    $model::class, $column, $driver));
            }
            self::$binaryChecked[$model::class][$connection] = true;
        }
        return $this->scope === 'global'
            ? self::service(BlindIndexes::class)
            : self::service(UserEncrypter::class)->blindIndexes();
    }
}
