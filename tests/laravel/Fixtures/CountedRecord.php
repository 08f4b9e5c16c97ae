<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Model;

/** A record whose casts count how often they decrypt (CastMemoTest). */
class CountedRecord extends Model
{
    protected $table = 'records';

    protected $guarded = [];

    public $timestamps = false;

    protected $casts = [
        'ssn' => CountingEncrypted::class.':bound,user_id',
        'note' => CountingEncrypted::class,
        'diary' => CountingUserEncrypted::class,
    ];
}
