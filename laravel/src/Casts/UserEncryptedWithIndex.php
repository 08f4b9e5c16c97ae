<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\BlindIndexes;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * UserEncryptedWithIndex:{index_column}[,user|global]: the value encrypted
 * under the user key, and its blind index (hex) in index_column: under the
 * user key ("user", the default: searchable within one user's rows) or the
 * app-wide index key ("global": searchable across users).
 */
final class UserEncryptedWithIndex extends UserEncrypted
{
    public function __construct(public readonly string $indexColumn, public readonly string $scope = 'user')
    {
        if ($scope !== 'user' && $scope !== 'global') {
            throw new \InvalidArgumentException(sprintf('UserEncryptedWithIndex scope must be "user" or "global", "%s" given.', $scope));
        }
    }

    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return [$key => null, $this->indexColumn => null];
        }
        $value = (string) $value;
        return [$key => self::codec()->seal($value), $this->indexColumn => $this->index($value, $key)];
    }

    /** The index set() stores. */
    public function index(#[\SensitiveParameter] string $value, string $column): string
    {
        return $this->scope === 'global'
            ? self::service(BlindIndexes::class)->compute($value, $column)
            : self::service(UserEncrypter::class)->blindIndex($value, $column);
    }

    /**
     * The indexes a query compares with: index(), and while the global index
     * key is being rotated the value's index under each previous key too.
     *
     * @return non-empty-list<string>
     */
    public function searchIndexes(#[\SensitiveParameter] string $value, string $column): array
    {
        return $this->scope === 'global'
            ? self::service(BlindIndexes::class)->candidates($value, $column)
            : [self::service(UserEncrypter::class)->blindIndex($value, $column)];
    }
}
