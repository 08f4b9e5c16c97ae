<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Skeleton\Models;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\UserEncrypted;
use SodiumCrypt\Laravel\Casts\UserEncryptedJson;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\HasBlindIndexes;
use SodiumCrypt\Laravel\HasEncryptedCasts;

/** A user's record: text, an indexed value and JSON, all under the owner's key. */
class Secret extends Model
{
    use HasBlindIndexes, HasEncryptedCasts;

    protected $fillable = ['label', 'ssn', 'notes'];

    protected $hidden = ['ssn_index'];

    protected $casts = [
        'label' => UserEncrypted::class,
        'ssn' => UserEncryptedWithIndex::class.':ssn_index',
        'notes' => UserEncryptedJson::class,
    ];
}
