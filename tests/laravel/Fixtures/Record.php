<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests\Fixtures;

use Illuminate\Database\Eloquent\Model;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Casts\UserEncrypted;

/**
 * A row with bound encrypted columns: ssn under the app key bound to its
 * row and owner, diary under the user key bound to its row, note unbound.
 * A test changes $ssnCast to walk the migration from unbound values.
 */
final class Record extends Model
{
    public static string $ssnCast = Encrypted::class.':bound,user_id';

    protected $guarded = [];

    public $timestamps = false;

    public function getCasts(): array
    {
        return ['ssn' => self::$ssnCast, 'note' => Encrypted::class, 'diary' => UserEncrypted::class.':bound'] + parent::getCasts();
    }
}
