<?php
// The HTTP page's rows (bench/http.php seeds them, index.php serves them):
// 5 text fields per record, one table per contender.
declare(strict_types=1);

namespace BenchHttp;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\HasEncryptedCasts;

const FIELDS = ['name', 'email', 'phone', 'address', 'notes']; // the demo's Record, whose sample() seeds them
const LARAVEL_CAST = ['name' => 'encrypted', 'email' => 'encrypted', 'phone' => 'encrypted', 'address' => 'encrypted', 'notes' => 'encrypted'];
const PACKAGE_CAST = ['name' => Encrypted::class, 'email' => Encrypted::class, 'phone' => Encrypted::class, 'address' => Encrypted::class, 'notes' => Encrypted::class];

abstract class Row extends Model
{
    public $timestamps = false;
    protected $guarded = [];
}
final class PlainRow extends Row { protected $table = 'http_plain'; }
final class CbcRow extends Row { protected $table = 'http_cbc'; protected $casts = LARAVEL_CAST; }
final class CryptRow extends Row { protected $table = 'http_crypt'; protected $casts = LARAVEL_CAST; }
final class PackageRow extends Row { use HasEncryptedCasts; protected $table = 'http_package'; protected $casts = PACKAGE_CAST; }

/** The contenders: path => [label, model]. */
const CONTENDERS = [
    'plain' => ['plain columns', PlainRow::class],
    'cbc' => ['Laravel AES-256-CBC, encrypted cast', CbcRow::class],
    'crypt' => ['sodium_crypt, encrypted cast (Crypt)', CryptRow::class],
    'package' => ['sodium_crypt, Encrypted cast + HasEncryptedCasts', PackageRow::class],
];

/** Eloquent's encrypted cast takes one encrypter for every model: Laravel's for CbcRow only. */
function use_encrypter_for(string $contender): void
{
    Model::encryptUsing($contender === 'cbc'
        ? new LaravelEncrypter(base64_decode((string) getenv('SC_BENCH_CBC_KEY'), true), 'AES-256-CBC') : null);
}
