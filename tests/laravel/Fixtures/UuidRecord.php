<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Concerns\HasUuids;
use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\Encrypted;

/** A bound column on a model whose keys are UUIDs: the value can be set before the row exists. */
final class UuidRecord extends Model
{
    use HasUuids;

    protected $guarded = [];

    public $timestamps = false;

    protected $casts = ['ssn' => Encrypted::class.':bound,user_id'];
}
