<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Support;

use Illuminate\Container\Container;
use Illuminate\Contracts\Config\Repository as ConfigRepository;
use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Database\Connection;
use Illuminate\Database\DatabaseManager;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

/**
 * The parameters `bound[,attribute…][,migrate]` of an encrypted cast: the
 * value is sealed with associated data naming its database, table, column,
 * row key and the named attributes' values (the owner's user_id, say), so a
 * ciphertext copied to another row, column, table, owner or database does
 * not open.
 * "migrate" also reads values written before the column was bound, until
 * `crypto:reencrypt` (app-key casts) has rewritten them bound. The casts
 * seal again, as the row is written, a value whose binding changed since it
 * was set (EncryptedAttribute::beforeWrite()).
 */
final class BoundColumn
{
    /** Before every binding: the encoding's name and version. v1 binds no database. */
    private const LABEL = 'sodium_crypt eloquent binding v1';

    /** v2: v1 with the database's name after the label. */
    private const LABEL_DATABASE = 'sodium_crypt eloquent binding v2';

    /** @param list<string> $attributes */
    private function __construct(public readonly array $attributes, public readonly bool $readsUnbound)
    {
    }

    /** Null for no parameters (an unbound column). */
    public static function fromParameters(string $cast, string ...$parameters): ?self
    {
        if ($parameters === []) {
            return null;
        }
        if ($parameters[0] !== 'bound') {
            throw new InvalidConfiguration(sprintf('%s takes "bound", then the attributes to bind besides the row key and optionally "migrate" (%s:bound,user_id); "%s" given.',
                $cast, $cast, implode(',', $parameters)));
        }
        $rest = array_slice($parameters, 1);
        $migrate = in_array('migrate', $rest, true);
        return new self(array_values(array_diff($rest, ['migrate'])), $migrate);
    }

    /**
     * The binding of $column in this row: each part length-prefixed, so no two
     * rows, columns or tables share one. $attributes: the model's raw attributes.
     * $complete: they are the row as read or as written, so a bound attribute
     * missing from them is a query that did not select it (an error naming
     * it), not a null; while a value is being set, one not set yet is null
     * (the value is sealed again when the row is written).
     */
    public function binding(Model $model, string $column, array $attributes, bool $complete = true): string
    {
        $keyName = $model->getKeyName();
        $key = $attributes[$keyName] ?? $model->getKey();
        if ($key === null || $key === '') {
            throw new InvalidConfiguration(sprintf('%s.%s is bound to its row key (%s), which is not known before the row is inserted: give %s keys of its own (HasUuids or HasUlids), or set the key (or save the row) before the value.',
                $model->getTable(), $column, $keyName, $model::class));
        }
        $database = self::database($model);
        $binding = ($database === null ? self::LABEL : self::LABEL_DATABASE.self::part($database))
            .self::part($model->getTable()).self::part($column).self::part($keyName).self::part(self::scalar($key, $keyName, $model));
        foreach ($this->attributes as $name) {
            if ($complete && !array_key_exists($name, $attributes)) {
                throw new InvalidConfiguration(sprintf('%s.%s is bound to %s, which this query did not select: select it with the value (or drop it from the cast\'s binding).',
                    $model->getTable(), $column, $name));
            }
            $binding .= self::part($name).self::part(self::scalar($attributes[$name] ?? null, $name, $model));
        }
        return $binding;
    }

    /**
     * The database a row's values are bound to (sodium-crypt.bind_database,
     * on by default): sodium-crypt.binding_database when set (the name to
     * keep after a restore under another name), else the connection's
     * database name (an SQLite file's base name). Null: none (opted out, or
     * values from before databases were bound).
     */
    private static function database(Model $model): ?string
    {
        $settings = self::settings();
        if (!($settings['bind_database'] ?? true)) {
            return null;
        }
        $name = $settings['binding_database'] ?? null;
        if (is_string($name) && $name !== '') {
            return $name;
        }
        $connection = self::connection($model);
        $database = (string) $connection->getDatabaseName();
        return $connection->getDriverName() === 'sqlite' ? basename($database) : $database;
    }

    /**
     * sodium-crypt's settings, read once per value: the container's
     * configuration is looked up once per container (a make() per value
     * cost more than the encryption). Eloquent can run outside a Laravel
     * app (Capsule): no configuration, the defaults.
     *
     * @return array<string, mixed>
     */
    private static function settings(): array
    {
        $container = Container::getInstance();
        self::$configs ??= new \WeakMap();
        if (!isset(self::$configs[$container])) {
            if (!$container->bound('config')) {
                return []; // not kept: a configuration bound later counts
            }
            self::$configs[$container] = $container->make('config');
        }
        return (array) self::$configs[$container]->get('sodium-crypt', []);
    }

    /** @var ?\WeakMap<Container, ConfigRepository> */
    private static ?\WeakMap $configs = null;

    /**
     * The model's connection, as Eloquent would resolve it, without its
     * per-call name parsing when the manager already holds it (a model read
     * from the database knows its connection's name).
     */
    private static function connection(Model $model): Connection
    {
        $resolver = Model::getConnectionResolver();
        $name = $model->getConnectionName();
        if ($name !== null && $resolver instanceof DatabaseManager) {
            $open = $resolver->getConnections()[$name] ?? null;
            if ($open instanceof Connection) {
                return $open;
            }
        }
        return $model->getConnection();
    }

    /** The v1 binding of a v2 one (the same row, no database): what values bound before v2 were sealed to. */
    private static function withoutDatabase(string $binding): ?string
    {
        $at = strlen(self::LABEL_DATABASE);
        if (!str_starts_with($binding, self::LABEL_DATABASE) || ($binding[$at] ?? '') !== "\1") {
            return null;
        }
        return self::LABEL.substr($binding, $at + 5 + unpack('V', substr($binding, $at + 1, 4))[1]);
    }

    /** The attributes whose change changes the binding: the row key and the bound ones. */
    public function inputs(Model $model): array
    {
        return [$model->getKeyName(), ...$this->attributes];
    }

    /** null as one byte; a string as a byte, its length (LE32) and itself. */
    private static function part(?string $value): string
    {
        return $value === null ? "\0" : "\1".pack('V', strlen($value)).$value;
    }

    /**
     * Under $binding; else, for a value bound before databases were (v1),
     * under the same binding without the database; else, with "migrate", an
     * unbound value.
     *
     * @throws DecryptException
     */
    public function open(Codec $codec, string $payload, string $binding): string
    {
        try {
            return $codec->open($payload, $binding);
        } catch (DecryptException $e) {
            $legacy = self::withoutDatabase($binding);
            if ($legacy !== null) {
                try {
                    return $codec->open($payload, $legacy);
                } catch (DecryptException) {
                }
            }
            if ($this->readsUnbound) {
                // A bound payload fails on its flag before any decryption: cheap.
                return $codec->open($payload);
            }
            if ($legacy !== null) {
                throw new DecryptException('The payload is invalid: a bound value opens only in the database it was written in. If this database was restored or renamed, set SODIUM_CRYPT_BINDING_DATABASE to the name it was written under.', 0, $e);
            }
            throw $e;
        }
    }

    /** Whether a payload opens under exactly this binding (not a v1 one, not unbound): crypto:reencrypt rewrites the others. */
    public function opensAsWritten(Codec $codec, string $payload, string $binding): bool
    {
        try {
            $plaintext = $codec->open($payload, $binding);
            sodium_memzero($plaintext);
            return true;
        } catch (DecryptException) {
            return false;
        }
    }

    private static function scalar(mixed $value, string $name, Model $model): ?string
    {
        if ($value === null || is_string($value) || is_int($value)) {
            return $value === null ? null : (string) $value;
        }
        if ($value instanceof \Stringable || $value instanceof \BackedEnum) {
            return $value instanceof \BackedEnum ? (string) $value->value : (string) $value;
        }
        throw new InvalidConfiguration(sprintf('%s binds its encrypted values to "%s", which holds %s: bind to attributes holding strings or integers.',
            $model::class, $name, get_debug_type($value)));
    }
}
