<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Casts\UserEncryptedWithIndex;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Tests\Fixtures\BinaryIndexedPatient;
use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use SodiumCrypt\Laravel\UserKeys;

/**
 * UserEncryptedWithIndex:{column},{scope},binary stores the blind index as its
 * 32 raw bytes (half of hex, and half the index) on the databases whose PDO
 * driver binds a PHP string as bytes: SQLite, MySQL, MariaDB. Every byte
 * value survives the round trip, searches and a rotation of the index key
 * work as with hex; on PostgreSQL, which binds strings as text, the cast
 * refuses before anything is written.
 */
final class BinaryBlindIndexTest extends StockAppTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        Schema::create('binary_patients', static function ($table): void {
            $table->id();
            $table->foreignId('user_id')->nullable();
            $table->text('ssn')->nullable();
            $table->text('email')->nullable();
            // BINARY(32) on MySQL/MariaDB in every Laravel from 10 (binary(…, 32, fixed: true) from 11).
            $table->char('ssn_index', 32)->charset('binary')->nullable()->index();
            $table->char('email_index', 32)->charset('binary')->nullable()->index();
        });
    }

    private static function storesBinary(): bool
    {
        return self::driver() !== 'pgsql';
    }

    /** A value whose index under $key has a NUL, a byte above 0x7f and a quote: the bytes a text path would mangle. */
    private static function awkwardValue(Key $key, string $column, string $prefix): string
    {
        $index = new BlindIndex($key);
        for ($i = 0; ; $i++) {
            $raw = $index->compute("$prefix-$i", $column);
            if (str_contains($raw, "\0") && preg_match('/[\x80-\xff]/', $raw) && (str_contains($raw, "'") || str_contains($raw, '\\'))) {
                return "$prefix-$i";
            }
        }
    }

    public function test_indexes_are_stored_as_their_32_raw_bytes_and_found_by_a_search(): void
    {
        $userKey = Key::generate();
        $ssn = self::awkwardValue(Key::fromBase64(substr(self::APP_KEY, 7)), 'ssn', 'ssn');
        $email = self::awkwardValue($userKey, 'email', 'email');
        KeyContext::set($userKey);
        try {
            if (!self::storesBinary()) {
                try {
                    BinaryIndexedPatient::create(['ssn' => $ssn, 'email' => $email]);
                    $this->fail('a binary index on PostgreSQL is refused');
                } catch (InvalidConfiguration $e) {
                    $this->assertStringContainsString('BinaryIndexedPatient::$ssn', $e->getMessage());
                    $this->assertStringContainsString('pgsql', $e->getMessage());
                    $this->assertStringNotContainsString($ssn, $e->getMessage());
                }
                $this->assertSame(0, DB::table('binary_patients')->count(), 'nothing written');
                $this->expectException(InvalidConfiguration::class);
                BinaryIndexedPatient::whereBlindIndex('email', $email)->count();
                return;
            }
            foreach (range(1, 20) as $i) {
                BinaryIndexedPatient::create(['ssn' => "other-$i", 'email' => "other-$i@example.com"]);
            }
            $id = BinaryIndexedPatient::create(['ssn' => $ssn, 'email' => $email])->id;

            $row = DB::table('binary_patients')->find($id);
            $this->assertSame((new BlindIndex(Key::fromBase64(substr(self::APP_KEY, 7))))->compute($ssn, 'ssn'), $row->ssn_index, 'global: under the index key, 32 bytes as computed');
            $this->assertSame((new BlindIndex($userKey))->compute($email, 'email'), $row->email_index, 'user: under the user key');
            $this->assertSame([$id], BinaryIndexedPatient::whereBlindIndex('ssn', $ssn)->pluck('id')->all());
            $this->assertSame([$id], BinaryIndexedPatient::whereBlindIndex('email', "  ".strtoupper($email)." ")->pluck('id')->all(), 'normalised as hex indexes are');
            $this->assertSame(0, BinaryIndexedPatient::whereBlindIndex('ssn', "$ssn-x")->count());
            $this->assertSame($ssn, BinaryIndexedPatient::find($id)->ssn);
        } finally {
            KeyContext::clear();
        }
    }

    public function test_crypto_reindex_moves_binary_indexes_to_the_new_index_key(): void
    {
        if (!self::storesBinary()) {
            $this->expectException(InvalidConfiguration::class);
            BinaryIndexedPatient::whereBlindIndex('ssn', '111-11-1111')->count();
            return;
        }
        $this->keys();
        $this->deploy();
        $this->app['config']->set('sodium-crypt.models', [BinaryIndexedPatient::class, User::class]);
        $bob = User::create(['name' => 'bob', 'email' => 'bob@example.com', 'password' => 'bob password']);
        KeyContext::set($this->app->make(UserKeys::class)->enroll($bob));
        $row = BinaryIndexedPatient::create(['user_id' => $bob->id, 'ssn' => '111-11-1111'])->id;
        KeyContext::clear();

        $this->keys(['--blind-index' => true]);
        $new = Key::fromBase64(substr((string) $this->envValue('BLIND_INDEX_KEY'), 7));
        $this->deploy();
        $this->app['config']->set('sodium-crypt.models', [BinaryIndexedPatient::class, User::class]);
        $this->assertSame(1, BinaryIndexedPatient::whereBlindIndex('ssn', '111-11-1111')->count(), 'found under the previous key meanwhile');

        $this->assertSame(0, $this->artisanCall('crypto:reindex'), $this->artisanOutput);
        $this->assertStringContainsString('1 re-indexed', $this->artisanOutput);
        $this->assertSame((new BlindIndex($new))->compute('111-11-1111', 'ssn'), DB::table('binary_patients')->where('id', $row)->value('ssn_index'));
        $this->assertSame(0, $this->artisanCall('crypto:reindex'), $this->artisanOutput);
        $this->assertStringContainsString('0 re-indexed, 1 already current', $this->artisanOutput);

        $this->editEnv(['BLIND_INDEX_PREVIOUS_KEYS' => null]);
        $this->deploy();
        $this->assertSame(1, BinaryIndexedPatient::whereBlindIndex('ssn', '111-11-1111')->count());
    }

    public function test_an_unknown_encoding_is_an_error_that_names_the_choices(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('"hex" or "binary"');
        new UserEncryptedWithIndex('ssn_index', 'global', 'base64');
    }
}
