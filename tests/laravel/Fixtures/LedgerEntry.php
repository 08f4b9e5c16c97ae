<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\Encrypted;

/** A table re-encrypted by queued chunk jobs (QueuedReencryptTest): Laravel's cast and the package's. */
final class LedgerEntry extends Model
{
    protected $guarded = [];

    public $timestamps = false;

    protected $casts = ['note' => 'encrypted', 'ssn' => Encrypted::class];
}
