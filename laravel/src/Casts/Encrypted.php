<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Casts;

use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Support\Codec;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;

/**
 * Encrypted[:bound[,attribute…][,migrate]]: a string column under the app key
 * (Crypt's encrypter), as Laravel's `encrypted` cast; with "bound", each value
 * is sealed with associated data naming its table, column, row key and the
 * named attributes, so it opens in that place only (see BoundColumn).
 */
class Encrypted extends EncryptedAttribute
{
    protected static function codec(): Codec
    {
        $encrypter = self::service('encrypter');
        if ($encrypter instanceof Encrypter) {
            return $encrypter->codec();
        }
        if ($encrypter instanceof MisconfiguredEncrypter) {
            $encrypter->fail();
        }
        throw new InvalidConfiguration(
            'The Encrypted cast needs sodium_crypt\'s encrypter: set sodium-crypt.replace_encrypter (SODIUM_CRYPT_REPLACE_ENCRYPTER) to true, or use Laravel\'s `encrypted` cast.');
    }
}
