<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use SodiumCrypt\Laravel\Support\Codec;
use SodiumCrypt\Laravel\UserEncrypter;

/**
 * UserEncrypted[:bound[,attribute…][,migrate]]: a string column encrypted
 * under the request's user key; with "bound", sealed with associated data
 * naming its table, column, row key and the named attributes (see BoundColumn).
 */
class UserEncrypted extends EncryptedAttribute
{
    protected static function codec(): Codec
    {
        return self::service(UserEncrypter::class)->codec();
    }
}
