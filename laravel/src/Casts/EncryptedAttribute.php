<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use Illuminate\Container\Container;
use Illuminate\Contracts\Database\Eloquent\CastsAttributes;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Support\BoundColumn;
use SodiumCrypt\Laravel\Support\Codec;

/**
 * What the package's encrypted casts share: the parameters
 * `bound[,attribute…][,migrate]` (see BoundColumn), and a value encoded to a
 * string, sealed (bound or not) by the subclass's encrypter, and back.
 */
abstract class EncryptedAttribute implements CastsAttributes
{
    protected ?BoundColumn $bound = null;

    /**
     * Plaintexts of bound values set on a model and not written yet: sealed
     * again as the row is written, to the attributes it is written with.
     *
     * @var ?\WeakMap<Model, array<string, string>>
     */
    private static ?\WeakMap $pending = null;

    /**
     * What get() returned for each attribute of a model, with what it was
     * opened from: the payload, the codec (the key: another key, or none,
     * opens afresh) and the binding. Read again (toArray() then a view), a
     * value costs no decryption. Never in a dump of the model.
     *
     * @var ?\WeakMap<Model, array<string, array{string, Codec, string, mixed}>>
     */
    private static ?\WeakMap $opened = null;

    /**
     * The services the casts seal, open and index through, per container:
     * looked up once, not per value (a container look-up costs more than the
     * decryption). The provider forgets one whenever the container builds or
     * rebinds it, and crypto:keys when it drops it; a new container (a
     * test's fresh app, an Octane request) looks them up anew.
     *
     * @var ?\WeakMap<Container, array<string, object>>
     */
    private static ?\WeakMap $services = null;

    public function __construct(string ...$parameters)
    {
        $this->bound = BoundColumn::fromParameters(static::class, ...$parameters);
    }

    /**
     * The cast a model's $casts entry ("Class" or "Class:a,b") makes, as
     * Eloquent makes it, when its class is this one or a subclass; else null.
     */
    public static function fromCast(string $cast): ?static
    {
        [$class, $parameters] = explode(':', $cast, 2) + [1 => ''];
        return is_a($class, static::class, true) ? new $class(...($parameters === '' ? [] : explode(',', $parameters))) : null;
    }

    /** @var array<string, self|false> one caster per cast string, for HasEncryptedCasts */
    private static array $casters = [];

    /**
     * fromCast(), made once per cast string: a caster holds only its
     * parameters, so one serves every model and every value of that cast.
     */
    public static function forCast(string $cast): ?self
    {
        return (self::$casters[$cast] ??= self::fromCast($cast) ?? false) ?: null;
    }

    public function get(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($value === null) {
            return null;
        }
        if ($this->bound && isset(self::$pending[$model][$key])) {
            return $this->decode(self::$pending[$model][$key]);
        }
        $payload = (string) $value;
        $codec = static::codec();
        // A stored value, unchanged since the row was read, is sealed to the
        // row as stored: an owner changed since is only bound at the save.
        $binding = $this->bound?->binding($model, $key,
            $model->exists && (($original = $model->getRawOriginal())[$key] ?? null) === $payload ? $original : $attributes) ?? '';
        $memo = self::$opened[$model][$key] ?? null;
        if ($memo !== null && $memo[0] === $payload && $memo[1] === $codec && $memo[2] === $binding) {
            return $memo[3];
        }
        $decoded = $this->decode($this->bound ? $this->bound->open($codec, $payload, $binding) : $codec->open($payload));
        self::$opened ??= new \WeakMap();
        self::$opened[$model] = [$key => [$payload, $codec, $binding, $decoded]] + (self::$opened[$model] ?? []);
        return $decoded;
    }

    /**
     * A bound value is sealed now, to the attributes the model has (a model
     * with HasUuids/HasUlids gets its key first), and again as the row is
     * written if they changed in between: `update(['ssn' => …, 'user_id' =>
     * 7])` seals to user 7 whatever the order.
     */
    public function set(Model $model, string $key, #[\SensitiveParameter] mixed $value, #[\SensitiveParameter] array $attributes): mixed
    {
        if ($this->bound) {
            self::$pending ??= new \WeakMap();
            $pending = self::$pending[$model] ?? [];
            unset($pending[$key]);
            self::$pending[$model] = $pending;
        }
        if ($value === null) {
            return null;
        }
        if (!$this->bound) {
            return static::codec()->seal($this->encode($value));
        }
        if ($model->getKey() === null && method_exists($model, 'usesUniqueIds') && $model->usesUniqueIds()) {
            $model->setUniqueIds();
        }
        $plaintext = $this->encode($value);
        $sealed = static::codec()->seal($plaintext, $this->bound->binding($model, $key, $attributes, false));
        self::$pending[$model] = [$key => $plaintext] + self::$pending[$model];
        return $sealed;
    }

    /**
     * As a row is inserted or updated (Eloquent's creating and updating
     * events, every model's: the service provider listens): each bound value
     * set since it was read, and each whose row key or bound attributes
     * change in this write, sealed to the attributes written. An attribute
     * that cannot be known (a partial select) stops the write with the
     * reason; nothing is written.
     */
    public static function beforeWrite(Model $model): void
    {
        foreach ($model->getCasts() as $column => $cast) {
            // Every model's saves come here: only a cast with parameters starting "bound" is looked at.
            if (!is_string($cast) || !str_contains($cast, ':bound')) {
                continue;
            }
            $caster = self::fromCast($cast);
            if ($caster?->bound !== null) {
                $caster->sealAsWritten($model, $column);
            }
        }
    }

    private function sealAsWritten(Model $model, string $column): void
    {
        $attributes = $model->getAttributes();
        $plaintext = self::$pending[$model][$column] ?? null;
        if ($plaintext === null) {
            if (!$model->exists || !isset($attributes[$column]) || !$model->isDirty($this->bound->inputs($model))) {
                return;
            }
            $original = $model->getRawOriginal();
            $plaintext = $this->bound->open(static::codec(), (string) $original[$column], $this->bound->binding($model, $column, $original));
        }
        $sealed = static::codec()->seal($plaintext, $this->bound->binding($model, $column, $attributes));
        $model->setRawAttributes([$column => $sealed] + $attributes);
        if (isset(self::$pending[$model])) {
            $pending = self::$pending[$model];
            unset($pending[$column]);
            self::$pending[$model] = $pending;
        }
    }

    /** Null when the column is not bound; crypto:reencrypt rewrites bound columns through it. */
    public function boundColumn(): ?BoundColumn
    {
        return $this->bound;
    }

    protected function encode(#[\SensitiveParameter] mixed $value): string
    {
        return (string) $value;
    }

    protected function decode(#[\SensitiveParameter] string $plaintext): mixed
    {
        return $plaintext;
    }

    /** $abstract from the running container, looked up once per container. */
    protected static function service(string $abstract): object
    {
        $app = Container::getInstance();
        $services = self::$services[$app] ?? [];
        if (!isset($services[$abstract])) {
            $services[$abstract] = $app->make($abstract);
            self::$services ??= new \WeakMap();
            self::$services[$app] = $services;
        }
        return $services[$abstract];
    }

    /** The next use looks $abstract up again, in every container. */
    public static function forgetService(string $abstract): void
    {
        foreach (self::$services ?? [] as $app => $services) {
            unset($services[$abstract]);
            self::$services[$app] = $services;
        }
    }

    /** What seals and opens the values: under APP_KEY, or under the request's user key. */
    abstract protected static function codec(): Codec;
}
