<?php

declare(strict_types=1);

// Where apps spend time: Eloquent in the real demo app (examples/demo, booted
// with the package's provider) on an SQLite file, the same rows and fields
// for every contender. Per contender: reading 1,000 rows × 3 encrypted fields
// with each field read twice (toArray() for an API, then a view), inserting
// rows × 3 fields through Eloquent, and a blind-index search among 100,000
// rows. Plain columns are the floor (with the index column filled too, that
// of a row with an indexed cast); Laravel's AES-256-CBC the reference.
//   php bench/app.php [--quick]   prints one JSON object

use Illuminate\Contracts\Console\Kernel;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Casts\UserEncrypted;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\HasBlindIndexes;
use SodiumCrypt\Laravel\HasEncryptedCasts;

$quick = in_array('--quick', $argv, true);
$demo = __DIR__.'/../examples/demo';
require $demo.'/vendor/autoload.php';
require __DIR__.'/lib.php';

$dir = sys_get_temp_dir().'/sc-bench-app-'.bin2hex(random_bytes(4));
mkdir($dir, 0700);
file_put_contents("$dir/.env", 'APP_KEY=base64:'.base64_encode(random_bytes(32))."\nAPP_ENV=production\nLOG_CHANNEL=null\n");
touch("$dir/db.sqlite");
$app = require $demo.'/bootstrap/app.php';
$app->useEnvironmentPath($dir);
$app->make(Kernel::class)->bootstrap();
$app['config']->set('database.connections.sqlite.database', "$dir/db.sqlite");
$app['config']->set('database.default', 'sqlite');
DB::purge('sqlite');

/** One table per contender, three text fields and a blind index column. */
abstract class BenchRow extends Model
{
    public $timestamps = false;
    protected $guarded = [];
    protected $hidden = ['ssn_index'];
    /** @var array<class-string, array<string, string>> each contender's casts */
    public static array $fields = [];

    public function getCasts(): array
    {
        return (self::$fields[static::class] ?? []) + parent::getCasts();
    }
}
final class PlainRow extends BenchRow { protected $table = 'plain_rows'; }
final class PlainIndexedRow extends BenchRow { protected $table = 'plain_indexed_rows'; }
final class CbcRow extends BenchRow { protected $table = 'cbc_rows'; }
final class CryptRow extends BenchRow { protected $table = 'crypt_rows'; }
final class AppKeyRow extends BenchRow { protected $table = 'app_key_rows'; }
final class UserKeyRow extends BenchRow { use HasBlindIndexes; protected $table = 'user_key_rows'; }
final class BoundRow extends BenchRow { protected $table = 'bound_rows'; }
final class AppKeyTraitRow extends BenchRow { use HasEncryptedCasts; protected $table = 'app_key_trait_rows'; }
final class UserKeyBinaryRow extends BenchRow { use HasBlindIndexes; protected $table = 'user_key_binary_rows'; }
final class UserKeyTraitRow extends BenchRow { use HasBlindIndexes, HasEncryptedCasts; protected $table = 'user_key_trait_rows'; }
final class UserKeyUnindexedRow extends BenchRow { use HasEncryptedCasts; protected $table = 'user_key_unindexed_rows'; }

$cbc = new LaravelEncrypter(random_bytes(32), 'AES-256-CBC');
$three = static fn (string $cast): array => ['name' => $cast, 'phone' => $cast, 'ssn' => $cast];
$contenders = [
    'plain columns' => [PlainRow::class, []],
    'plain columns, ssn_index filled (64 hex characters)' => [PlainIndexedRow::class, []],
    'Laravel AES-256-CBC, encrypted cast' => [CbcRow::class, $three('encrypted')],
    'sodium_crypt, encrypted cast (Crypt)' => [CryptRow::class, $three('encrypted')],
    'sodium_crypt, Encrypted cast (APP_KEY)' => [AppKeyRow::class, $three(Encrypted::class)],
    'sodium_crypt, UserEncrypted casts (user key, ssn indexed)' => [UserKeyRow::class,
        ['name' => UserEncrypted::class, 'phone' => UserEncrypted::class, 'ssn' => UserEncryptedWithIndex::class.':ssn_index']],
    'sodium_crypt, Encrypted:bound,user_id casts' => [BoundRow::class, $three(Encrypted::class.':bound,user_id')],
    'sodium_crypt, Encrypted cast + HasEncryptedCasts' => [AppKeyTraitRow::class, $three(Encrypted::class)],
    'sodium_crypt, UserEncrypted casts + HasEncryptedCasts' => [UserKeyTraitRow::class,
        ['name' => UserEncrypted::class, 'phone' => UserEncrypted::class, 'ssn' => UserEncryptedWithIndex::class.':ssn_index']],
    'sodium_crypt, UserEncrypted casts + HasEncryptedCasts, none indexed' => [UserKeyUnindexedRow::class, $three(UserEncrypted::class)],
];
BenchRow::$fields[UserKeyBinaryRow::class] = ['name' => UserEncrypted::class, 'phone' => UserEncrypted::class,
    'ssn' => UserEncryptedWithIndex::class.':ssn_index,user,binary']; // the search among 100,000, and a fill
KeyContext::set(Key::generate());
CbcRow::encryptUsing($cbc); // Eloquent's encrypted cast takes one encrypter for every model: set and unset around CbcRow

$row = static fn (int $i): array => ['id' => $i, 'user_id' => $i % 50, 'name' => "Patient $i", 'phone' => sprintf('555-%07d', $i), 'ssn' => sprintf('%03d-45-%04d', $i % 1000, $i)];
$useCbc = static function (string $class) use ($cbc): void {
    Model::encryptUsing($class === CbcRow::class ? $cbc : null);
};

$bench = $quick ? new Bench(0.05, 3) : new Bench(0.6, 7);
$insertRows = $quick ? 1000 : 10000;
$insertRounds = $quick ? 1 : 5;
$result = ['rows_inserted' => $insertRows, 'insert_rounds' => $insertRounds];

// Inserts through Eloquent, one transaction per contender and round. The
// rounds are interleaved and every table is made anew in each, so that the
// machine's drift touches every contender alike; the median round counts.
$inserted = [];
// The floor of an indexed row: its index column filled with 64 hex characters, as the
// cast fills it, made before the clock starts: the floor pays for no hashing.
$filled = [];
for ($i = 1; $i <= $insertRows; $i++) {
    $filled[$i] = $row($i);
    $filled[$i]['ssn_index'] = hash('sha256', $filled[$i]['ssn']);
}
for ($round = 0; $round < $insertRounds; $round++) {
    foreach ($contenders as $label => [$class, $fields]) {
        BenchRow::$fields[$class] = $fields;
        $table = (new $class())->getTable();
        Schema::dropIfExists($table);
        Schema::create($table, static function ($t): void {
            $t->id();
            $t->integer('user_id');
            $t->text('name');
            $t->text('phone');
            $t->text('ssn');
            $t->char('ssn_index', 64)->nullable()->index();
        });
        $useCbc($class);
        $fill = $class === PlainIndexedRow::class ? static fn (int $i): array => $filled[$i] : $row;
        $t = hrtime(true);
        DB::transaction(static function () use ($class, $insertRows, $fill): void {
            for ($i = 1; $i <= $insertRows; $i++) {
                $class::create($fill($i));
            }
        });
        $inserted[$label][] = $insertRows / ((hrtime(true) - $t) / 1e9);
    }
}

// Read 1,000 rows, each field twice.
foreach ($contenders as $label => [$class]) {
    $useCbc($class);
    $read = $bench->time(static function () use ($class): void {
        foreach ($class::query()->limit(1000)->get() as $model) {
            $model->toArray();
            $model->name;
            $model->phone;
            $model->ssn;
        }
    });
    sort($inserted[$label]);
    $median = $inserted[$label][intdiv($insertRounds, 2)];
    $result['contenders'][$label] = ['insert_rows_per_second' => $median,
        'insert_spread' => (end($inserted[$label]) - $inserted[$label][0]) / $median, 'read_1000x3_twice' => $read];
}

// A profile of the 1,000-row read: the same read cut into stages, each timed
// on its own (a stage includes those before it), beside plain columns, and
// the 3,000 decryptions alone through the extension.
$result['profile'] = [];
$stages = ['query and hydration' => 0, 'then toArray()' => 1, 'then the 3 fields read again (the whole read)' => 2];
foreach (['plain columns', 'sodium_crypt, Encrypted cast + HasEncryptedCasts'] as $label) {
    $class = $contenders[$label][0];
    foreach ($stages as $stage => $upTo) {
        $result['profile'][$label][$stage] = $bench->time(static function () use ($class, $upTo): void {
            foreach ($class::query()->limit(1000)->get() as $model) {
                if ($upTo >= 1) {
                    $model->toArray();
                }
                if ($upTo >= 2) {
                    $model->name;
                    $model->phone;
                    $model->ssn;
                }
            }
        });
    }
}
$payloads = DB::table('app_key_trait_rows')->limit(1000)->get(['name', 'phone', 'ssn'])
    ->flatMap(static fn ($r): array => [(string) $r->name, (string) $r->phone, (string) $r->ssn])->all();
$keyring = app('encrypter')->codec()->keyring();
$result['profile']['the 3,000 decryptions alone (Keyring::open())'] = $bench->time(static function () use ($payloads, $keyring): void {
    foreach ($payloads as $payload) {
        $keyring->open($payload);
    }
});

// A blind-index search among 100,000 rows (user key, indexed ssn): the index
// as hex (CHAR(64)) and as its 32 raw bytes (UserEncryptedWithIndex:…,binary),
// with the size of each column's index in the SQLite file.
if (!$quick) {
    $rows = 100000 - $insertRows;
    $index = app(\SodiumCrypt\Laravel\UserEncrypter::class);
    Schema::create('user_key_binary_rows', static function ($t): void {
        $t->id();
        $t->integer('user_id');
        $t->text('name');
        $t->text('phone');
        $t->text('ssn');
        $t->char('ssn_index', 32)->charset('binary')->nullable()->index();
    });
    // The rows Eloquent inserted above, then the rest in chunks: the same rows and indexes in both tables.
    foreach (DB::table('user_key_rows')->get()->chunk(1000) as $chunk) {
        DB::table('user_key_binary_rows')->insert($chunk->map(static fn ($r): array => ['ssn_index' => hex2bin($r->ssn_index)] + (array) $r)->all());
    }
    DB::transaction(static function () use ($rows, $insertRows, $row, $index): void {
        foreach (array_chunk(range($insertRows + 1, $insertRows + $rows), 1000) as $chunk) {
            $ssns = array_map(static fn (int $i) => $row($i)['ssn'], $chunk);
            $indexes = $index->blindIndexMany($ssns, 'ssn');
            foreach (['user_key_rows' => false, 'user_key_binary_rows' => true] as $table => $binary) {
                DB::table($table)->insert(array_map(static fn (int $i, int $k) => [
                    'id' => $i, 'user_id' => $i % 50, 'name' => 'x', 'phone' => 'x', 'ssn' => 'x',
                    'ssn_index' => $binary ? hex2bin($indexes[$k]) : $indexes[$k],
                ], $chunk, array_keys($chunk)));
            }
        }
    });
    $indexBytes = static fn (string $table): int => (int) DB::selectOne(
        'SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name = ?', ["{$table}_ssn_index_index"])->bytes;
    foreach (['hex' => UserKeyRow::class, 'binary' => UserKeyBinaryRow::class] as $form => $class) {
        $time = $bench->time(static function () use ($class): void {
            $class::query()->whereBlindIndex('ssn', '123-45-0123')->get();
        });
        $table = (new $class())->getTable();
        $result['search_100000'][$form] = ['rows' => DB::table($table)->count(),
            'found' => $class::query()->whereBlindIndex('ssn', '123-45-0123')->count(), 'index_bytes' => $indexBytes($table)] + $time;
    }
}
// Where a cast's read goes, per call (through a closure, ~25-40 ns of each row).
$payload = app('encrypter')->encryptString('555-0000001');
$codec = app('encrypter')->codec();
$result['per_call'] = [
    'the app encrypter looked up in the container (Encrypter::of(app()))' => $bench->time(static fn () => \SodiumCrypt\Laravel\Encrypter::of(app())),
    'the user encrypter looked up, and its codec (app(UserEncrypter::class)->codec())' => $bench->time(static fn () => app(\SodiumCrypt\Laravel\UserEncrypter::class)->codec()),
    'Eloquent making the cast object (new Encrypted())' => $bench->time(static fn () => new Encrypted()),
    'Eloquent making the cast object (new Encrypted(\'bound\', \'user_id\'))' => $bench->time(static fn () => new Encrypted('bound', 'user_id')),
    'the codec opening a V1 payload (Codec::open())' => $bench->time(static fn () => $codec->open($payload)),
    'of which the extension (Keyring::open())' => $bench->time(static fn () => $codec->keyring()->open($payload)),
];
// A value already opened, read again from its model; and a model just read, serialised (3 fields).
$row = ['id' => 1, 'user_id' => 1, 'name' => $payload, 'phone' => $payload, 'ssn' => $payload, 'ssn_index' => null];
foreach (['Eloquent\'s class-cast path' => AppKeyRow::class, 'HasEncryptedCasts' => AppKeyTraitRow::class] as $path => $class) {
    $model = (new $class())->setRawAttributes($row, true);
    $model->name;
    $result['per_call']["a read of an opened value ($path)"] = $bench->time(static fn () => $model->name);
    $result['per_call']["a model just read, toArray(), 3 fields ($path)"] = $bench->time(static fn () => (new $class())->setRawAttributes($row, true)->toArray());
}
// Where an insert goes before the database: a new model filled with 3 fields, and a user-key blind index.
$fields = ['user_id' => 1, 'name' => 'Patient 5', 'phone' => '555-0000005', 'ssn' => '005-45-0005'];
foreach (['plain columns' => PlainRow::class, 'Encrypted' => AppKeyRow::class, 'UserEncrypted, ssn indexed' => UserKeyRow::class,
    'UserEncrypted, ssn indexed as binary' => UserKeyBinaryRow::class,
    'Encrypted + HasEncryptedCasts' => AppKeyTraitRow::class, 'UserEncrypted, ssn indexed + HasEncryptedCasts' => UserKeyTraitRow::class] as $what => $class) {
    $result['per_call']["a new model filled with 3 fields ($what)"] = $bench->time(static fn () => (new $class())->fill($fields));
}
$result['per_call']['a blind index under the user key (UserEncrypter::blindIndex())'] = $bench->time(static fn () => app(\SodiumCrypt\Laravel\UserEncrypter::class)->blindIndex('005-45-0005', 'ssn'));
// What batching the indexes of one save would gain: two columns' indexes one
// by one, against computeMany() of as many values (one column: the batch it serves).
$index = new \SodiumCrypt\BlindIndex(KeyContext::get());
$result['per_call']['two blind indexes, one per column (BlindIndex::compute() twice)'] = $bench->time(
    static fn () => [$index->compute('005-45-0005', 'ssn'), $index->compute('patient5@example.com', 'email')]);
$result['per_call']['two blind indexes in one batch (BlindIndex::computeMany() of 2)'] = $bench->time(
    static fn () => $index->computeMany(['005-45-0005', 'patient5@example.com'], 'ssn'));
KeyContext::clear();
Model::encryptUsing(null);

foreach (glob("$dir/{,.}*", GLOB_BRACE) ?: [] as $file) {
    is_file($file) && unlink($file);
}
rmdir($dir);
echo json_encode($result), "\n";
