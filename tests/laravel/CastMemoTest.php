<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\DB;
use PHPUnit\Framework\Attributes\DataProvider;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\MissingKeyContext;
use SodiumCrypt\Laravel\Tests\Fixtures\CountedRecord;
use SodiumCrypt\Laravel\Tests\Fixtures\CountedRecordWithTrait;
use SodiumCrypt\Laravel\Tests\Fixtures\CountingEncrypted;
use SodiumCrypt\Laravel\Tests\Fixtures\CountingUserEncrypted;
use Symfony\Component\VarDumper\Cloner\VarCloner;
use Symfony\Component\VarDumper\Dumper\CliDumper;

/**
 * A value read again from the same model (toArray() for an API, then a view)
 * is not decrypted again; a new payload, another key, no key, or another
 * binding opens afresh, with the same result as without the memo. Each
 * test runs on Eloquent's class-cast path and on HasEncryptedCasts'.
 */
final class CastMemoTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $this->recordsTable();
        CountingEncrypted::$opened = CountingUserEncrypted::$opened = 0;
    }

    #[DataProvider('models')]
    public function test_a_value_read_again_is_not_decrypted_again(string $model): void
    {
        KeyContext::set(Key::generate());
        $model::create(['id' => 1, 'user_id' => 7, 'ssn' => '111-11-1111', 'note' => 'a note', 'diary' => 'dear diary']);
        $record = $model::find(1);
        for ($i = 0; $i < 3; $i++) {
            $this->assertSame(['111-11-1111', 'a note', 'dear diary'], [$record->ssn, $record->note, $record->diary]);
            $this->assertSame('dear diary', $record->toArray()['diary']);
        }
        $this->assertSame([2, 1], [CountingEncrypted::$opened, CountingUserEncrypted::$opened], 'one decryption per value');
        // What is kept is not the model's: no dump of it shows the plaintext.
        $dumper = new CliDumper();
        foreach ([print_r($record, true), var_export($record, true), (string) $dumper->dump((new VarCloner())->cloneVar($record), true)] as $dump) {
            $this->assertStringNotContainsString('dear diary', $dump);
            $this->assertStringNotContainsString('111-11-1111', $dump);
        }

        // Another model of the same row decrypts for itself.
        $this->assertSame('a note', $model::find(1)->note);
        $this->assertSame(3, CountingEncrypted::$opened);
    }

    #[DataProvider('models')]
    public function test_a_new_payload_another_key_no_key_or_another_binding_opens_afresh(string $model): void
    {
        $alice = Key::generate();
        KeyContext::set($alice);
        $model::create(['id' => 1, 'user_id' => 7, 'ssn' => '111-11-1111', 'note' => 'a note', 'diary' => 'dear diary']);
        $record = $model::find(1);
        $this->assertSame(['a note', 'dear diary'], [$record->note, $record->diary]);

        $record->note = 'another note';
        $this->assertSame('another note', $record->note, 'a set value reads as set');

        // The payload replaced under the model: what it holds now is what opens.
        $record->setRawAttributes(['note' => 'not a payload'] + $record->getAttributes());
        $this->expectExceptionOnRead(fn () => $record->note, DecryptException::class);

        // No key: MissingKeyContext, as without the memo; another user's key does not open it.
        KeyContext::clear();
        $this->expectExceptionOnRead(fn () => $record->diary, MissingKeyContext::class);
        KeyContext::set(Key::generate());
        $this->expectExceptionOnRead(fn () => $record->diary, DecryptException::class);
        KeyContext::set(Key::fromBytes($alice->exportBytes()));
        $this->assertSame('dear diary', $record->diary);

        // The bound value's binding changed (the row as read says user 8): it does not open for another owner.
        // (An owner changed in memory since the read is BoundColumnsTest's: the stored value still reads.)
        $this->assertSame('111-11-1111', $record->ssn);
        $record->setRawAttributes(['user_id' => 8] + $record->getAttributes(), true);
        $this->expectExceptionOnRead(fn () => $record->ssn, DecryptException::class);
        KeyContext::clear();
    }

    #[DataProvider('models')]
    public function test_the_casts_follow_the_encrypter_crypto_keys_makes_in_the_same_process(string $model): void
    {
        $model::create(['id' => 1, 'user_id' => 7, 'note' => 'before']);
        $this->assertSame('before', $model::find(1)->note);
        $before = Crypt::getFacadeRoot()->keyIds()[0];

        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]), $this->artisanOutput);
        $now = $this->app['encrypter']->keyIds();
        $this->assertNotSame($before, $now[0]);
        $this->assertSame($now, Crypt::getFacadeRoot()->keyIds(), 'Crypt:: uses the new key in the same process');

        $model::create(['id' => 2, 'user_id' => 7, 'note' => 'after']);
        $raw = (string) DB::table('records')->where('id', 2)->value('note');
        $this->assertSame(0, Crypt::getFacadeRoot()->describe($raw)['key'], 'written under the new key, not a kept encrypter\'s');
        $this->assertSame(['before', 'after'], [$model::find(1)->note, $model::find(2)->note]);

        // An encrypter swapped in by hand is the one the casts use next.
        $this->app->instance('encrypter', new \SodiumCrypt\Laravel\Encrypter(new \SodiumCrypt\Keyring(\SodiumCrypt\Cipher::Aegis256, Key::generate())));
        $this->expectExceptionOnRead(fn () => $model::find(2)->note, DecryptException::class);
    }

    /** @return array<string, array{class-string}> */
    public static function models(): array
    {
        return ['Eloquent\'s class-cast path' => [CountedRecord::class], 'HasEncryptedCasts' => [CountedRecordWithTrait::class]];
    }

    private function expectExceptionOnRead(callable $read, string $class): void
    {
        try {
            $read();
            $this->fail("no $class");
        } catch (\Throwable $e) {
            $this->assertInstanceOf($class, $e, $e->getMessage());
        }
    }
}
