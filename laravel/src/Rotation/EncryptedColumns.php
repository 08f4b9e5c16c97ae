<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Rotation;

use Illuminate\Contracts\Config\Repository;
use Illuminate\Database\Eloquent\Casts\AsEncryptedArrayObject;
use Illuminate\Database\Eloquent\Casts\AsEncryptedCollection;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Support\BoundColumn;

/**
 * The columns a model encrypts with the app key (Laravel's encrypted* casts
 * and the package's Encrypted cast), and the models that have any.
 */
final class EncryptedColumns
{
    /** @return list<string> */
    public static function of(Model $model): array
    {
        $columns = [];
        foreach ($model->getCasts() as $column => $cast) {
            $base = explode(':', (string) $cast, 2)[0];
            if (str_starts_with(strtolower($base), 'encrypted') || is_a($base, Encrypted::class, true)
                    || in_array($base, [AsEncryptedArrayObject::class, AsEncryptedCollection::class], true)) {
                $columns[] = $column;
            }
        }
        return $columns;
    }

    /**
     * The columns whose Encrypted cast binds them, with how.
     *
     * @return array<string, BoundColumn>
     */
    public static function bound(Model $model): array
    {
        $bound = [];
        foreach ($model->getCasts() as $column => $cast) {
            if (($how = Encrypted::fromCast((string) $cast)?->boundColumn()) !== null) {
                $bound[$column] = $how;
            }
        }
        return $bound;
    }

    /**
     * sodium-crypt.models when set, else every model class directly in
     * app/Models (the skeleton's place), that has encrypted columns (or
     * whatever $has asks for).
     *
     * @param ?callable(Model): bool $has
     * @return list<class-string<Model>>
     */
    public static function models(Repository $config, string $modelsPath, string $namespace, ?callable $has = null): array
    {
        $has ??= static fn (Model $model): bool => self::of($model) !== [];
        $classes = (array) $config->get('sodium-crypt.models', []);
        if ($classes === []) {
            foreach (glob($modelsPath.'/*.php') ?: [] as $file) {
                $classes[] = $namespace.'Models\\'.basename($file, '.php');
            }
        }
        return array_values(array_filter($classes, static fn ($class) => is_string($class) && class_exists($class)
            && is_subclass_of($class, Model::class) && !(new \ReflectionClass($class))->isAbstract() && $has(new $class())));
    }

    /**
     * The model a command argument names: a class name, or a short name in
     * the app's Models\ (then its root) namespace, as `make:model` places it.
     * The namespace is asked for only for a short name: Laravel reads it from
     * composer.json and throws when the app path is not there.
     *
     * @param callable(): string $namespace
     * @return ?class-string<Model>
     */
    public static function model(string $name, callable $namespace): ?string
    {
        $candidates = class_exists($name) ? [$name] : [$namespace().'Models\\'.$name, $namespace().$name];
        foreach ($candidates as $class) {
            if (class_exists($class) && is_subclass_of($class, Model::class)) {
                return $class;
            }
        }
        return null;
    }
}
