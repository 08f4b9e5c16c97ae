<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Database\Eloquent\MissingAttributeException;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\ExtrasRecord;
use SodiumCrypt\Laravel\Tests\Fixtures\ExtrasRecordWithTrait;

/**
 * HasEncryptedCasts reads the package's casts off Eloquent's generic path:
 * whatever a model reads, serialises or refuses must be what Eloquent itself
 * gives, accessors, appends, hidden columns and other casts included. The
 * decryption count is CastMemoTest's.
 */
final class HasEncryptedCastsTest extends TestCase
{
    private const VALUES = [
        'user_id' => 7, 'ssn' => '111-11-1111', 'note' => 'a note', 'shout' => 'quiet', 'diary' => 'dear diary',
        'tags' => ['a' => 1, 'b' => [true, null]], 'secret' => 'hidden', 'seen_at' => '2026-12-05 10:00:00',
        'meta' => ['k' => 'v'], 'laravel' => 'through Crypt',
    ];

    protected function setUp(): void
    {
        parent::setUp();
        Schema::create('extras', static function ($table): void {
            $table->id();
            $table->foreignId('user_id')->nullable();
            foreach (['ssn', 'note', 'shout', 'diary', 'tags', 'secret', 'meta', 'laravel'] as $column) {
                $table->text($column)->nullable();
            }
            $table->dateTime('seen_at')->nullable();
        });
        KeyContext::set(Key::generate());
    }

    protected function tearDown(): void
    {
        Model::preventAccessingMissingAttributes(false);
        parent::tearDown();
    }

    public function test_every_read_and_serialisation_is_eloquents_own(): void
    {
        ExtrasRecord::create(['id' => 1] + self::VALUES);
        ExtrasRecordWithTrait::create(['id' => 2] + self::VALUES);
        // Each model reads both rows: what one wrote the other reads alike.
        foreach ([1, 2] as $id) {
            $plain = ExtrasRecord::find($id);
            $fast = ExtrasRecordWithTrait::find($id);
            foreach ([...array_keys(self::VALUES), 'note_length', 'id'] as $key) {
                $this->assertEquals($plain->$key, $fast->$key, "row $id: $key");
            }
            $this->assertSame('QUIET', $fast->shout, 'the old-style accessor ran');
            $this->assertStringStartsWith('[', $fast->diary, 'the Attribute accessor ran (on the stored value, as Eloquent gives it)');
            $this->assertSame($plain->toArray(), $fast->toArray(), "row $id: toArray()");
            $this->assertSame(array_keys($plain->toArray()), array_keys($fast->toArray()), "row $id: the same key order");
            $this->assertSame($plain->toJson(), $fast->toJson());
            $this->assertArrayNotHasKey('secret', $fast->toArray(), 'hidden stays hidden');
            $this->assertSame(6, $fast->toArray()['note_length'], 'appends are computed');
            $this->assertSame(['a' => 1, 'b' => [true, null]], $fast->toArray()['tags']);
            $this->assertSame('2026-12-05T10:00:00.000000Z', $fast->toArray()['seen_at']);
        }
    }

    public function test_every_write_is_eloquents_own(): void
    {
        $seen = [];
        foreach ([1 => ExtrasRecord::class, 2 => ExtrasRecordWithTrait::class] as $id => $class) {
            $record = new $class(['id' => $id] + self::VALUES);
            $steps = ['filled, dirty' => array_keys($record->getDirty())];
            $record->save();
            $record->note = 'changed';
            $record->shout = 'LOUD';
            $record->tags = ['x' => 1];
            $record->secret = null;
            $record->diary = 'entry';
            $record->user_id = 8;
            $steps['changed, dirty'] = array_keys($record->getDirty());
            // diary's Attribute accessor is given the stored payload, as Eloquent gives it: random, so only its shape.
            $steps['changed, read'] = [$record->note, $record->shout, $record->tags, $record->secret, str_starts_with($record->diary, '[sc1.'), $record->ssn];
            $record->save();
            $steps['saved, dirty'] = array_keys($record->getDirty());
            $stored = DB::table('extras')->where('id', $id)->first();
            $steps['stored'] = [\Illuminate\Support\Facades\Crypt::decryptString($stored->shout), $stored->secret,
                substr((string) $stored->note, 0, 4), substr((string) $stored->ssn, 0, 4)];
            $fresh = $class::find($id);
            $steps['read back'] = [$fresh->note, $fresh->shout, $fresh->tags, $fresh->secret, str_starts_with($fresh->diary, '[sc1.'), $fresh->ssn, $fresh->user_id];
            $seen[$class] = $steps;
        }
        $this->assertSame('loud', $seen[ExtrasRecord::class]['stored'][0], 'the set mutator ran');
        $this->assertSame(['changed', 'LOUD', ['x' => 1], null, true, '111-11-1111', 8], $seen[ExtrasRecord::class]['read back']);
        $this->assertSame($seen[ExtrasRecord::class], $seen[ExtrasRecordWithTrait::class]);
    }

    public function test_a_date_column_is_formatted_as_eloquent_formats_it(): void
    {
        $casts = ['created_at' => \SodiumCrypt\Laravel\Casts\Encrypted::class];
        $models = [
            new class extends Model { protected $table = 'extras'; },
            new class extends Model { use \SodiumCrypt\Laravel\HasEncryptedCasts; protected $table = 'extras'; },
        ];
        $read = [];
        foreach ($models as $model) {
            $model->mergeCasts($casts);
            $model->created_at = '2026-12-05 10:00'; // a timestamp column: Eloquent stores it in its own date format
            $read[] = $model->created_at;
        }
        $this->assertSame(['2026-12-05 10:00:00', '2026-12-05 10:00:00'], $read);
    }

    public function test_an_object_value_is_cached_as_eloquent_caches_it(): void
    {
        foreach ([ExtrasRecord::class, ExtrasRecordWithTrait::class] as $class) {
            $tags = new \ArrayObject(['a' => 1]);
            $record = new $class(['tags' => $tags]);
            $this->assertSame($tags, $record->tags, "$class: the object set is the object read");
        }
    }

    public function test_a_set_value_reads_as_set_before_and_after_the_save(): void
    {
        $record = ExtrasRecordWithTrait::create(['id' => 1] + self::VALUES);
        $record->note = 'changed';
        $record->ssn = '222-22-2222';
        $record->user_id = 8; // the bound ssn follows its owner as the row is written
        $this->assertSame(['changed', '222-22-2222'], [$record->note, $record->ssn]);
        $this->assertSame('changed', $record->toArray()['note']);
        $record->save();
        $again = ExtrasRecordWithTrait::find(1);
        $this->assertSame(['changed', '222-22-2222', 8], [$again->note, $again->ssn, $again->user_id]);
        $this->assertNotSame('changed', DB::table('extras')->where('id', 1)->value('note'), 'stored sealed');
    }

    public function test_a_missing_attribute_reads_as_eloquent_reads_it(): void
    {
        ExtrasRecordWithTrait::create(['id' => 1] + self::VALUES);
        Model::preventAccessingMissingAttributes();
        $outcomes = [];
        foreach ([ExtrasRecord::class, ExtrasRecordWithTrait::class] as $class) {
            $partial = $class::query()->select('id', 'note')->find(1);
            $this->assertSame('a note', $partial->note);
            foreach (['diary', 'meta', 'nothing'] as $key) {
                try {
                    $outcomes[$class][$key] = ['value' => $partial->$key];
                } catch (MissingAttributeException $e) {
                    $outcomes[$class][$key] = ['refused' => str_replace($class, 'the model', $e->getMessage())];
                }
            }
        }
        // Eloquent refuses a missing primitive cast and an unknown key; a class cast reads as null.
        $this->assertSame(['value' => null], $outcomes[ExtrasRecord::class]['diary']);
        $this->assertArrayHasKey('refused', $outcomes[ExtrasRecord::class]['meta']);
        $this->assertArrayHasKey('refused', $outcomes[ExtrasRecord::class]['nothing']);
        $this->assertSame($outcomes[ExtrasRecord::class], $outcomes[ExtrasRecordWithTrait::class]);
    }

    public function test_a_value_that_does_not_open_fails_as_on_eloquents_path(): void
    {
        ExtrasRecordWithTrait::create(['id' => 1] + self::VALUES);
        DB::table('extras')->where('id', 1)->update(['note' => 'not a payload']);
        foreach ([ExtrasRecord::class, ExtrasRecordWithTrait::class] as $class) {
            foreach ([static fn (Model $m) => $m->note, static fn (Model $m) => $m->toArray()] as $read) {
                try {
                    $read($class::find(1));
                    $this->fail("$class: a value that does not open was read");
                } catch (\Illuminate\Contracts\Encryption\DecryptException $e) {
                    $this->assertStringNotContainsString('not a payload', $e->getMessage());
                }
            }
        }
    }

    public function test_a_value_that_fails_in_to_array_leaves_the_ones_opened_before_out_of_the_trace(): void
    {
        ExtrasRecordWithTrait::create(['id' => 1] + self::VALUES);
        DB::table('extras')->where('id', 1)->update(['tags' => 'not a payload']); // after note in the row
        $ignoreArgs = ini_set('zend.exception_ignore_args', '0'); // as on a development box
        try {
            ExtrasRecordWithTrait::find(1)->toArray();
            $this->fail('a value that does not open was serialised');
        } catch (\Illuminate\Contracts\Encryption\DecryptException $e) {
            $ours = array_filter($e->getTrace(), static fn (array $f) => ($f['function'] ?? '') === 'addCastAttributesToArray');
            $this->assertCount(1, $ours, 'the trait\'s frame is in the trace');
            foreach ($ours as $frame) {
                $this->assertArrayHasKey('args', $frame);
                $this->assertStringNotContainsString('a note', print_r($frame['args'], true), 'a value opened before the failure');
            }
        } finally {
            ini_set('zend.exception_ignore_args', (string) $ignoreArgs);
        }
    }
}
