<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel;

use Illuminate\Contracts\Support\Arrayable;
use SodiumCrypt\Laravel\Casts\EncryptedAttribute;

/**
 * For models with the package's casts (Encrypted, UserEncrypted…), optional:
 * reads them without Eloquent's generic class-cast path, which parses the
 * cast and builds a new caster on every access. One caster per cast string
 * serves every model; what it opened is memoised per model instance
 * (EncryptedAttribute), so `toArray()` then a view decrypts once. In
 * toArray()/JSON the package's columns skip the checks Eloquent makes of
 * every cast (date, enum, serializable class), none of which they are.
 *
 * Writes to them likewise call the shared caster's set() and merge its
 * answer as Eloquent merges a class cast's.
 *
 * Everything else is Eloquent's own: an attribute with a mutator or an
 * Attribute accessor, a cast of another kind, a value Eloquent holds as an
 * object (classCastCache), a date column, missing-attribute checks, dirty
 * checks.
 */
trait HasEncryptedCasts
{
    /** @var array<class-string, array<string, bool>> whether a key of a class has an accessor of its own */
    private static array $encryptedCastAccessors = [];

    /** @var array<class-string, array<string, bool>> whether a key of a class has a set mutator of its own */
    private static array $encryptedCastMutators = [];

    public function getAttributeValue($key)
    {
        $caster = $this->encryptedCaster($key);
        if ($caster === null || isset($this->classCastCache[$key])
            || (self::$encryptedCastAccessors[static::class][$key] ??= $this->hasGetMutator($key) || $this->hasAttributeGetMutator($key))) {
            return parent::getAttributeValue($key);
        }
        return $caster->get($this, $key, $this->attributes[$key] ?? null, $this->attributes);
    }

    /**
     * Eloquent's setAttribute() for a class cast, less the look-ups: the
     * same set(), merged the same way. An object value (which Eloquent would
     * cache), a mutator and a date column go Eloquent's way.
     */
    public function setAttribute($key, #[\SensitiveParameter] $value)
    {
        $caster = $this->encryptedCaster($key);
        if ($caster === null || is_object($value)
            || (self::$encryptedCastMutators[static::class][$key] ??= $this->hasSetMutator($key) || $this->hasAttributeSetMutator($key))
            || ($value !== null && in_array($key, $this->getDates(), true))) {
            return parent::setAttribute($key, $value);
        }
        $this->attributes = array_replace($this->attributes,
            $this->normalizeCastClassResponse($key, $caster->set($this, $key, $value, $this->attributes)));
        unset($this->classCastCache[$key]);
        return $this;
    }

    /** What Eloquent reads a class-cast attribute through, toArray() included. */
    protected function getClassCastableAttributeValue($key, #[\SensitiveParameter] $value)
    {
        $caster = $this->encryptedCaster($key);
        if ($caster === null || isset($this->classCastCache[$key])) {
            return parent::getClassCastableAttributeValue($key, $value);
        }
        return $caster->get($this, $key, $value, $this->attributes);
    }

    /**
     * toArray() and JSON: the package's columns opened here, every other cast
     * as Eloquent does. $attributes fills with plaintext as it goes: a value
     * that fails after others opened must not show them in the trace.
     */
    protected function addCastAttributesToArray(#[\SensitiveParameter] array $attributes, array $mutatedAttributes)
    {
        $ours = [];
        foreach ($this->getCasts() as $key => $cast) {
            if (is_string($cast) && array_key_exists($key, $attributes) && !isset($this->classCastCache[$key])
                && ($caster = EncryptedAttribute::forCast($cast)) !== null && !in_array($key, $mutatedAttributes, true)) {
                $ours[$key] = $caster;
            }
        }
        if ($ours === []) {
            return parent::addCastAttributesToArray($attributes, $mutatedAttributes);
        }
        $others = parent::addCastAttributesToArray(array_diff_key($attributes, $ours), $mutatedAttributes);
        foreach ($attributes as $key => $value) { // in the attributes' own order
            if (isset($ours[$key])) {
                $value = $ours[$key]->get($this, $key, $value, $this->attributes);
                $attributes[$key] = $value instanceof Arrayable ? $value->toArray()
                    : ($value instanceof \DateTimeInterface ? $this->serializeDate($value) : $value);
            } else {
                $attributes[$key] = $others[$key];
            }
        }
        return $attributes;
    }

    private function encryptedCaster(string $key): ?EncryptedAttribute
    {
        $cast = $this->getCasts()[$key] ?? null;
        return is_string($cast) ? EncryptedAttribute::forCast($cast) : null;
    }
}
