<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\HasBlindIndexes;

/** Blind indexes stored as 32 raw bytes: one global, one under the user key (BinaryBlindIndexTest). */
final class BinaryIndexedPatient extends Model
{
    use HasBlindIndexes;

    protected $table = 'binary_patients';

    protected $guarded = [];

    public $timestamps = false;

    protected $casts = [
        'ssn' => UserEncryptedWithIndex::class.':ssn_index,global,binary',
        'email' => UserEncryptedWithIndex::class.':email_index,user,binary',
    ];
}
