<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\HasBlindIndexes;

/** A record searchable across users: its index is under the app-wide index key. */
final class Patient extends Model
{
    use HasBlindIndexes;

    protected $guarded = [];

    public $timestamps = false;

    protected $casts = ['ssn' => UserEncryptedWithIndex::class.':ssn_index,global'];
}
