<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Casts\Attribute;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Support\Facades\Crypt;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Casts\UserEncrypted;
use SodiumCrypt\Laravel\Casts\UserEncryptedJson;

/**
 * The package's casts beside Eloquent's own (HasEncryptedCastsTest): an
 * old-style accessor and set mutator on one encrypted column, an Attribute accessor on
 * another, an appended attribute, a hidden one, and Laravel's datetime, array
 * and encrypted casts. ExtrasRecordWithTrait reads the same through
 * HasEncryptedCasts.
 */
class ExtrasRecord extends Model
{
    protected $table = 'extras';

    protected $guarded = [];

    public $timestamps = false;

    protected $hidden = ['secret'];

    protected $appends = ['note_length'];

    protected $casts = [
        'ssn' => Encrypted::class.':bound,user_id',
        'note' => Encrypted::class,
        'shout' => Encrypted::class,
        'diary' => UserEncrypted::class,
        'tags' => UserEncryptedJson::class,
        'secret' => Encrypted::class,
        'seen_at' => 'datetime',
        'meta' => 'array',
        'laravel' => 'encrypted',
    ];

    /** Old-style accessor: Eloquent's own path runs it, after the cast. */
    public function getShoutAttribute(?string $value): ?string
    {
        return $value === null ? null : strtoupper($this->castAttribute('shout', $value));
    }

    /** Old-style set mutator: Eloquent's own path runs it instead of the cast's set(). */
    public function setShoutAttribute(?string $value): void
    {
        $this->attributes['shout'] = $value === null ? null : Crypt::encryptString(strtolower($value));
    }

    protected function diary(): Attribute
    {
        return Attribute::get(static fn (?string $value) => $value === null ? null : "[$value]");
    }

    public function getNoteLengthAttribute(): int
    {
        return strlen((string) $this->note);
    }
}
