<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Tests\Fixtures\Record;

/**
 * Bound ciphertexts (Encrypted:bound, UserEncrypted:bound): a value opens
 * only in its table, column, row and for its owner; the documented migration
 * from unbound values loses nothing.
 */
final class BoundColumnsTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $this->recordsTable();
    }

    protected function tearDown(): void
    {
        Record::$ssnCast = Encrypted::class.':bound,user_id';
        parent::tearDown();
    }

    private static function stored(int $id, string $column): string
    {
        return (string) DB::table('records')->where('id', $id)->value($column);
    }

    private static function fails(callable $read, string $why): void
    {
        try {
            $read();
            self::fail($why);
        } catch (DecryptException) {
            self::assertTrue(true);
        }
    }

    public function test_a_bound_value_opens_only_in_its_row_column_and_owner(): void
    {
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111', 'note' => 'unbound note']);
        $b = Record::create(['user_id' => 2]);
        $b->update(['ssn' => '222-22-2222']);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn);
        $this->assertStringStartsWith('sc1.', self::stored($a->id, 'ssn'));
        $this->assertTrue(Crypt::getFacadeRoot()->isCurrent(self::stored($a->id, 'ssn'), bound: true));

        // Another row: a's ciphertext copied over b's.
        DB::table('records')->where('id', $b->id)->update(['ssn' => self::stored($a->id, 'ssn')]);
        self::fails(fn () => Record::find($b->id)->ssn, 'a bound value opened in another row');
        // Another column: the same ciphertext in the unbound note column, and through Crypt:: directly.
        DB::table('records')->where('id', $a->id)->update(['note' => self::stored($a->id, 'ssn')]);
        self::fails(fn () => Record::find($a->id)->note, 'a bound value opened in an unbound column');
        self::fails(fn () => Crypt::decryptString(self::stored($a->id, 'ssn')), 'a bound value opened unbound');
        // Another owner: the row handed to user 2 by a direct UPDATE.
        DB::table('records')->where('id', $a->id)->update(['user_id' => 2]);
        self::fails(fn () => Record::find($a->id)->ssn, 'a bound value opened for another owner');
        DB::table('records')->where('id', $a->id)->update(['user_id' => 1]);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn, 'back with its owner, it opens again');
        // Another table with the same row key and column: bound to "records", not here.
        Schema::create('copies', function ($table) {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn')->nullable();
        });
        DB::table('copies')->insert(['id' => $a->id, 'user_id' => 1, 'ssn' => self::stored($a->id, 'ssn')]);
        self::fails(fn () => (new Record())->setTable('copies')->newQuery()->find($a->id)->ssn, 'a bound value opened in another table');
        // An unbound value where a bound one belongs (no "migrate").
        DB::table('records')->where('id', $b->id)->update(['ssn' => Crypt::encryptString('forged')]);
        self::fails(fn () => Record::find($b->id)->ssn, 'an unbound value opened in a bound column');
    }

    public function test_a_bound_value_needs_its_row_key_before_it_is_set(): void
    {
        try {
            Record::create(['user_id' => 1, 'ssn' => 'too early']);
            $this->fail('a bound value was set before its auto-increment key existed');
        } catch (InvalidConfiguration $e) {
            $this->assertStringContainsString('records.ssn is bound to its row key (id), which is not known before the row is inserted', $e->getMessage());
        }
        $this->assertSame(0, DB::table('records')->count(), 'nothing written');
    }

    public function test_a_value_is_sealed_to_the_attributes_the_row_is_written_with(): void
    {
        // The bound attribute set after the value, in one update: sealed to the final owner.
        $a = Record::create([]);
        $a->update(['ssn' => '111-11-1111', 'user_id' => 7]);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn);
        // The owner changed through Eloquent: the value follows it.
        Record::find($a->id)->update(['user_id' => 8]);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn);
        $this->assertSame(8, (int) DB::table('records')->where('id', $a->id)->value('user_id'));
        // Read before the save, the value is what was set.
        $b = Record::find($a->id);
        $b->ssn = '222-22-2222';
        $b->user_id = 9;
        $this->assertSame('222-22-2222', $b->ssn);
        $b->save();
        $this->assertSame('222-22-2222', Record::find($a->id)->ssn);
    }

    public function test_a_stored_value_reads_between_an_owner_change_and_the_save(): void
    {
        $id = tap(Record::create(['user_id' => 7]))->update(['ssn' => '111-11-1111'])->id;
        $record = Record::find($id);
        $record->user_id = 8; // the value is sealed to 7 until the save re-seals it to 8
        $this->assertSame('111-11-1111', $record->ssn, 'read before the save');
        $this->assertSame('111-11-1111', $record->toArray()['ssn']);
        $record->save();
        $this->assertSame('111-11-1111', Record::find($id)->ssn);
        // A stored value that is not this row's still does not open, owner change or not.
        $other = tap(Record::create(['user_id' => 8]))->update(['ssn' => '222-22-2222'])->id;
        DB::table('records')->where('id', $other)->update(['ssn' => DB::table('records')->where('id', $id)->value('ssn')]);
        $copy = Record::find($other);
        $copy->user_id = 9;
        $this->expectException(\Illuminate\Contracts\Encryption\DecryptException::class);
        $copy->ssn;
    }

    public function test_an_owner_changed_in_a_later_request_keeps_the_value(): void
    {
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111']);
        // The next request: a new application, nothing set on this model class yet.
        $this->restartApplication();
        $this->app['config']->set($this->databaseConfig());
        Record::find($a->id)->update(['user_id' => 2]);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn);
    }

    public function test_a_model_with_uuid_keys_binds_a_value_set_before_the_row_exists(): void
    {
        Schema::create('uuid_records', function ($table) {
            $table->uuid('id')->primary();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn')->nullable();
        });
        $record = \SodiumCrypt\Laravel\Tests\Fixtures\UuidRecord::create(['ssn' => '333-33-3333', 'user_id' => 3]);
        $this->assertSame('333-33-3333', \SodiumCrypt\Laravel\Tests\Fixtures\UuidRecord::find($record->id)->ssn);
    }

    public function test_a_partial_select_without_a_bound_attribute_names_it(): void
    {
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111']);
        $this->assertSame('111-11-1111', Record::select(['id', 'user_id', 'ssn'])->find($a->id)->ssn);
        $this->expectException(InvalidConfiguration::class);
        $this->expectExceptionMessage('records.ssn is bound to user_id, which this query did not select');
        Record::select(['id', 'ssn'])->find($a->id)->ssn;
    }

    public function test_a_value_copied_to_another_database_does_not_open_unless_the_app_opts_out(): void
    {
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111']);
        // Another tenant's database: the same table, row id, column and owner.
        touch($this->envDir.'/tenant-b.sqlite');
        $this->app['config']->set('database.connections.tenant_b', ['driver' => 'sqlite', 'database' => $this->envDir.'/tenant-b.sqlite', 'prefix' => '']);
        Schema::connection('tenant_b')->create('records', function ($table) {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn')->nullable();
            $table->text('note')->nullable();
            $table->text('diary')->nullable();
        });
        DB::connection('tenant_b')->table('records')->insert((array) DB::table('records')->where('id', $a->id)->first());
        $copy = static fn () => (new Record())->setConnection('tenant_b')->newQuery()->find($a->id)->ssn;
        try {
            $copy();
            $this->fail('a bound value opened in another database');
        } catch (DecryptException $e) {
            $this->assertStringContainsString('SODIUM_CRYPT_BINDING_DATABASE', $e->getMessage(), 'says what to set after a restore under another name');
        }
        // An app that moves rows between databases on purpose opts out: values it writes then bind no database.
        $this->app['config']->set('sodium-crypt.bind_database', false);
        $b = Record::create(['user_id' => 2]);
        $b->update(['ssn' => '222-22-2222']);
        DB::connection('tenant_b')->table('records')->insert((array) DB::table('records')->where('id', $b->id)->first());
        $this->assertSame('222-22-2222', (new Record())->setConnection('tenant_b')->newQuery()->find($b->id)->ssn);
    }

    public function test_values_bound_before_databases_were_bound_still_open_and_reencrypt_moves_them(): void
    {
        $this->app['config']->set('sodium-crypt.bind_database', false);
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111']);
        $legacy = self::stored($a->id, 'ssn');
        $this->app['config']->set('sodium-crypt.bind_database', true);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn, 'a value bound without its database still opens');
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => Record::class, '--columns' => 'ssn']), $this->artisanOutput);
        $this->assertNotSame($legacy, self::stored($a->id, 'ssn'), 'rewritten bound to its database');
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn);
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => Record::class, '--columns' => 'ssn']), $this->artisanOutput);
        $this->assertStringContainsString('Re-encrypted 0 of 1', $this->artisanOutput, 'then it is current');
    }

    public function test_user_key_values_bound_to_their_row(): void
    {
        KeyContext::set(Key::generate());
        $a = Record::create(['user_id' => 1]);
        $a->update(['diary' => 'dear diary']);
        $b = Record::create(['user_id' => 1]);
        $b->update(['diary' => 'other day']);
        $this->assertSame('dear diary', Record::find($a->id)->diary);
        DB::table('records')->where('id', $b->id)->update(['diary' => self::stored($a->id, 'diary')]);
        self::fails(fn () => Record::find($b->id)->diary, 'a bound user-key value opened in another row of the same user');
    }

    public function test_the_migration_from_unbound_values_loses_nothing_and_is_resumable(): void
    {
        // Before: the column held ordinary (unbound) values, of every format the app ever wrote.
        Record::$ssnCast = Encrypted::class;
        $ids = [];
        foreach (range(1, 30) as $i) {
            $ids[$i] = Record::create(['user_id' => $i % 3, 'ssn' => sprintf('%03d-00-0000', $i)])->id;
        }
        DB::table('records')->where('id', $ids[1])->update(['ssn' => (new \Illuminate\Encryption\Encrypter(self::raw(self::APP_KEY), 'AES-256-CBC'))->encryptString('001-00-0000')]);

        // Step 1: "bound,user_id,migrate": old values read, new ones written bound.
        Record::$ssnCast = Encrypted::class.':bound,user_id,migrate';
        $this->assertSame('001-00-0000', Record::find($ids[1])->ssn);
        $this->assertSame('002-00-0000', Record::find($ids[2])->ssn);
        Record::find($ids[3])->update(['ssn' => '003-99-9999']);
        $this->assertTrue(Crypt::getFacadeRoot()->isCurrent(self::stored($ids[3], 'ssn'), bound: true));

        // Step 2: crypto:reencrypt binds the rest, one chunk at a time (resumable: a rerun skips bound rows).
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => Record::class, '--chunk' => 7]), $this->artisanOutput);
        $this->assertStringContainsString('Re-encrypted 29 of 30', $this->artisanOutput);
        $this->assertSame(0, $this->artisanCall('crypto:reencrypt', ['model' => Record::class]));
        $this->assertStringContainsString('Re-encrypted 0 of 30', $this->artisanOutput);

        // Step 3: "migrate" dropped: every value opens bound, and only bound.
        Record::$ssnCast = Encrypted::class.':bound,user_id';
        foreach ($ids as $i => $id) {
            $this->assertSame($i === 3 ? '003-99-9999' : sprintf('%03d-00-0000', $i), Record::find($id)->ssn);
            $this->assertTrue(Crypt::getFacadeRoot()->isCurrent(self::stored($id, 'ssn'), bound: true));
        }
        $this->assertNotSame(0, $this->artisanCall('crypto:reencrypt', ['model' => Record::class, '--to' => 'laravel']));
        $this->assertStringContainsString('Laravel\'s format cannot carry a binding', $this->artisanOutput);
    }

    /**
     * crypto:status (and crypto:keys --prune, which counts the same way) must
     * see a bound value under the key that opens it: counted as unreadable, a
     * previous key that bound values still need would look droppable.
     */
    public function test_crypto_status_counts_bound_values_under_their_key(): void
    {
        $a = Record::create(['user_id' => 1]);
        $a->update(['ssn' => '111-11-1111']);
        $this->useCrypt('Sodium_AEGIS256GCM', self::newKey(), [self::APP_KEY]);
        $this->assertSame('111-11-1111', Record::find($a->id)->ssn, 'opens under the previous key');

        $this->assertSame(0, $this->artisanCall('crypto:status', ['models' => [Record::class]]), $this->artisanOutput);
        $this->assertMatchesRegularExpression('/records\.ssn\s+v1 bound aegis-256\s+\w{8} \(APP_PREVIOUS_KEYS\[0\]\)\s+1/', $this->artisanOutput);
        $this->assertStringContainsString('APP_PREVIOUS_KEYS[0]): 1 value(s) still need it', $this->artisanOutput);
        $this->assertStringNotContainsString('unreadable', $this->artisanOutput);
        $this->assertStringNotContainsString('open under no configured key', $this->artisanOutput);
    }

    /**
     * The binding's bytes are a stored format: every bound value was sealed
     * with them. Pinned here, so a change to the encoding cannot go unnoticed.
     */
    public function test_the_binding_encoding_is_pinned(): void
    {
        $record = new Record();
        $bound = Encrypted::fromCast(Encrypted::class.':bound,user_id')->boundColumn();
        $part = static fn (string $s) => "\1".pack('V', strlen($s)).$s;
        // v1: no database (opted out, and every value bound before v2).
        $this->app['config']->set('sodium-crypt.bind_database', false);
        $binding = $bound->binding($record, 'ssn', ['id' => 42, 'user_id' => null]);
        $this->assertSame('sodium_crypt eloquent binding v1'.$part('records').$part('ssn').$part('id').$part('42').$part('user_id')."\0", $binding);
        $this->assertSame('c1185da06877364d', substr(hash('sha256', $binding), 0, 16));
        // v2: the database's name after the label.
        $this->app['config']->set(['sodium-crypt.bind_database' => true, 'sodium-crypt.binding_database' => 'tenant-a']);
        $binding = $bound->binding($record, 'ssn', ['id' => 42, 'user_id' => null]);
        $this->assertSame('sodium_crypt eloquent binding v2'.$part('tenant-a').$part('records').$part('ssn').$part('id').$part('42').$part('user_id')."\0", $binding);
        $this->assertSame('5a1bcb8632a3ba78', substr(hash('sha256', $binding), 0, 16));
    }

    public function test_bad_cast_parameters_say_what_is_expected(): void
    {
        Record::$ssnCast = Encrypted::class.':user_id';
        $this->expectException(InvalidConfiguration::class);
        $this->expectExceptionMessage('takes "bound"');
        Record::create(['user_id' => 1])->update(['ssn' => 'x']);
    }
}
