<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\UserEncrypted;
use SodiumCrypt\Laravel\Casts\UserEncryptedJson;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\HasBlindIndexes;
use SodiumCrypt\Laravel\HasEncryptedCasts;

/** One user's secret record: every value under that user's own key. */
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
