<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Support\Facades\Storage;
use SodiumCrypt\Laravel\Exceptions\FileDecryptionFailed;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\Laravel\Filesystem\ChunkedFiles;
use SodiumCrypt\Laravel\Filesystem\EncryptedAdapter;
use SodiumCrypt\Laravel\Filesystem\EncryptedDisk;
use SodiumCrypt\Laravel\Filesystem\GeneratorStream;

/**
 * The 'sodium-encrypted' disk over the real local driver: sizes at the chunk
 * edges through put/get and writeStream/readStream, plaintext size(),
 * nothing readable in the inner disk, tampering (truncation, reordering,
 * chunks swapped between files), rotation, per-user files, URLs refused,
 * an inner disk whose streams return short reads,
 * and a 100 MiB file streamed both ways in bounded memory.
 */
final class EncryptedDiskTest extends TestCase
{
    private const CHUNK = 65536;
    private const SEALED = self::CHUNK + 32;

    protected function setUp(): void
    {
        parent::setUp();
        $this->app['config']->set([
            'filesystems.disks.plain' => ['driver' => 'local', 'root' => $this->envDir.'/files'],
            'filesystems.disks.vault' => ['driver' => 'sodium-encrypted', 'disk' => 'plain'],
            'filesystems.disks.mine' => ['driver' => 'sodium-encrypted', 'disk' => 'plain', 'user' => true],
        ]);
    }

    protected function tearDown(): void
    {
        $this->app && (new \Illuminate\Filesystem\Filesystem())->deleteDirectory($this->envDir.'/files');
        parent::tearDown();
    }

    private function fresh(): void
    {
        Storage::forgetDisk(['vault', 'mine', 'plain']);
    }

    public function test_sizes_at_the_chunk_edges_round_trip_through_strings_and_streams(): void
    {
        $vault = Storage::disk('vault');
        $this->assertInstanceOf(EncryptedDisk::class, $vault);
        foreach ([0, 1, self::CHUNK - 1, self::CHUNK, self::CHUNK + 1, 3 * self::CHUNK + 5] as $n) {
            $data = $n ? random_bytes($n) : '';
            $this->assertTrue($vault->put("s/$n.bin", $data));
            $this->assertSame($data, $vault->get("s/$n.bin"), "get of $n bytes");
            $this->assertSame($n, $vault->size("s/$n.bin"), "size of $n bytes");
            $stored = Storage::disk('plain')->get("s/$n.bin");
            $this->assertSame(34 + $n + 32 * max(1, (int) ceil($n / self::CHUNK)), strlen($stored));
            if ($n >= 16) {
                $this->assertStringNotContainsString(substr($data, 0, 16), $stored);
            }

            $source = fopen('php://temp', 'w+b');
            fwrite($source, $data);
            rewind($source);
            $this->assertTrue($vault->writeStream("w/$n.bin", $source));
            $stream = $vault->readStream("w/$n.bin");
            $this->assertSame($data, stream_get_contents($stream), "readStream of $n bytes");
            fclose($stream);
        }
        $vault->put('notes.txt', 'x');
        $this->assertSame('text/plain', $vault->mimeType('notes.txt'));
        $this->assertSame(['s/0.bin', 's/1.bin'], array_slice($vault->files('s'), 0, 2));
        // Listings carry no sizes: the inner disk's would be the ciphertext's.
        $listed = iterator_to_array($vault->getDriver()->listContents('s', false), false);
        $this->assertCount(6, $listed);
        foreach ($listed as $item) {
            $this->assertNull($item->fileSize(), $item->path());
        }
        $this->assertTrue($vault->exists('s/1.bin'));
        $vault->delete('s/1.bin');
        $this->assertFalse($vault->exists('s/1.bin'));
    }

    /** A remote disk's streams (S3, SFTP) return short reads: 5 bytes at a time here. */
    public function test_an_inner_disk_with_short_reads_still_gives_sizes_and_rotates(): void
    {
        $trickle = new class ($this->envDir.'/files') extends \League\Flysystem\Local\LocalFilesystemAdapter {
            public function readStream(string $path)
            {
                $whole = parent::readStream($path);
                return GeneratorStream::open((static function () use ($whole): \Generator {
                    while (($piece = fread($whole, 5)) !== '' && $piece !== false) {
                        yield $piece;
                    }
                    fclose($whole);
                })());
            }
        };
        $old = Key::generate(32);
        $data = random_bytes(self::CHUNK + 7);
        $config = new \League\Flysystem\Config();
        (new EncryptedAdapter($trickle, new ChunkedFiles($old)))->write('t.bin', $data, $config);

        $new = Key::generate(32);
        $vault = new EncryptedAdapter($trickle, new ChunkedFiles($new, [$old]));
        $this->assertSame(self::CHUNK + 7, $vault->fileSize('t.bin')->fileSize());
        $this->assertSame($data, $vault->read('t.bin'));
        $this->assertTrue($vault->reencrypt('t.bin', $config));
        $this->assertFalse($vault->reencrypt('t.bin', $config));
        $this->assertSame($data, (new EncryptedAdapter($trickle, new ChunkedFiles($new)))->read('t.bin'));
    }

    public function test_truncated_reordered_swapped_and_plain_files_are_refused_with_the_path(): void
    {
        $vault = Storage::disk('vault');
        $plain = Storage::disk('plain');
        $data = random_bytes(3 * self::CHUNK);
        $vault->put('a.bin', $data);
        $vault->put('b.bin', $data);
        $a = $plain->get('a.bin');
        $b = $plain->get('b.bin');
        $chunk = fn (string $f, int $i): string => substr($f, 34 + $i * self::SEALED, self::SEALED);
        $header = substr($a, 0, 34);
        $cases = [
            'cut at a chunk boundary' => $header.$chunk($a, 0).$chunk($a, 1),
            'cut inside a chunk' => substr($a, 0, -100),
            'chunks reordered' => $header.$chunk($a, 1).$chunk($a, 0).$chunk($a, 2),
            'a chunk from another file' => $header.$chunk($a, 0).$chunk($b, 1).$chunk($a, 2),
            'another file\'s header' => substr($b, 0, 34).substr($a, 34),
            'one byte changed' => substr_replace($a, chr(ord($a[100]) ^ 1), 100, 1),
            'empty' => '',
            'never encrypted' => str_repeat('plain text ', 1000),
        ];
        foreach ($cases as $what => $bytes) {
            $plain->put('t.bin', $bytes);
            try {
                $vault->get('t.bin');
                $this->fail("$what: read");
            } catch (FileDecryptionFailed $e) {
                $this->assertStringContainsString('t.bin', $e->getMessage(), $what);
                $this->assertStringContainsString('does not decrypt', $e->getMessage(), $what);
            }
            $stream = $vault->readStream('t.bin');
            try {
                $got = stream_get_contents($stream);
                $this->fail("$what: streamed ".strlen($got).' bytes');
            } catch (FileDecryptionFailed) {
                $this->addToAssertionCount(1);
            }
        }
        // Laravel's get() returns null for a file that is not there (it never reaches us).
        $this->assertFalse($vault->exists('missing.bin'));
    }

    public function test_files_written_under_a_previous_app_key_still_open_after_rotation(): void
    {
        Storage::disk('vault')->put('old.txt', 'before the rotation');
        $newKey = 'base64:'.base64_encode(random_bytes(32));
        $this->app['config']->set(['app.key' => $newKey, 'app.previous_keys' => [self::APP_KEY]]);
        $this->fresh();
        $this->assertSame('before the rotation', Storage::disk('vault')->get('old.txt'));
        Storage::disk('vault')->put('new.txt', 'after');
        $this->assertSame(Key::fromBase64($newKey)->id(), bin2hex(substr(Storage::disk('plain')->get('new.txt'), 6, 4)));

        // Rewritten under the new key: then the old key is no longer needed for it.
        $this->assertTrue(Storage::disk('vault')->reencrypt('old.txt'));
        $this->assertFalse(Storage::disk('vault')->reencrypt('old.txt'), 'already current');
        $this->assertSame(['new.txt', 'old.txt'], Storage::disk('plain')->files());

        // Without the old key the error names the key id, never key bytes.
        $this->app['config']->set('app.previous_keys', []);
        $this->fresh();
        try {
            $this->assertSame('before the rotation', Storage::disk('vault')->get('old.txt'));
            $this->app['config']->set(['app.key' => self::APP_KEY, 'app.previous_keys' => []]);
            $this->fresh();
            Storage::disk('vault')->get('old.txt');
            $this->fail('opened without its key');
        } catch (FileDecryptionFailed $e) {
            $this->assertStringContainsString(Key::fromBase64($newKey)->id(), $e->getMessage());
        }
    }

    public function test_per_user_files_open_only_under_that_users_key(): void
    {
        $alice = Key::generate();
        KeyContext::set($alice);
        Storage::disk('mine')->put('diary.txt', 'alice only');
        $this->assertSame('alice only', Storage::disk('mine')->get('diary.txt'));
        KeyContext::set(Key::generate());
        try {
            Storage::disk('mine')->get('diary.txt');
            $this->fail('opened under another user');
        } catch (FileDecryptionFailed $e) {
            $this->assertStringContainsString('diary.txt', $e->getMessage());
        }
        KeyContext::clear();
        $this->expectException(\SodiumCrypt\MissingKeyContext::class);
        Storage::disk('mine')->put('x.txt', 'no user');
    }

    public function test_urls_are_refused_and_a_disk_without_an_inner_disk_says_so(): void
    {
        foreach ([
            fn () => Storage::disk('vault')->temporaryUrl('a.txt', now()->addMinute()),
            fn () => Storage::disk('vault')->url('a.txt'),
            fn () => Storage::disk('vault')->temporaryUploadUrl('a.txt', now()->addMinute()),
        ] as $call) {
            try {
                $call();
                $this->fail('a URL to ciphertext');
            } catch (\RuntimeException $e) {
                $this->assertStringContainsString('sodium-encrypted', $e->getMessage());
            }
        }
        $this->assertFalse(Storage::disk('vault')->providesTemporaryUrls());
        $this->app['config']->set('filesystems.disks.broken', ['driver' => 'sodium-encrypted']);
        $this->expectException(\SodiumCrypt\Laravel\Exceptions\InvalidConfiguration::class);
        $this->expectExceptionMessage("needs 'disk'");
        Storage::disk('broken');
    }

    /** 100 MiB in and out as streams: memory stays at a few chunks (the figure goes to stderr). */
    public function test_a_100_mib_file_streams_both_ways_in_bounded_memory(): void
    {
        $size = 100 * 1024 * 1024;
        $source = fopen($this->envDir.'/big.bin', 'w+b');
        $block = random_bytes(1 << 20);
        $want = hash_init('sha256');
        for ($i = 0; $i < 100; $i++) {
            fwrite($source, $block);
            hash_update($want, $block);
            $block[0] = chr($i);
        }
        rewind($source);
        unset($block);
        // One small file through both paths first: what loading the classes
        // costs once is not what streaming costs.
        $warm = fopen('php://memory', 'w+b');
        fwrite($warm, 'warm-up');
        rewind($warm);
        Storage::disk('vault')->writeStream('warm.bin', $warm);
        stream_get_contents(Storage::disk('vault')->readStream('warm.bin'));
        gc_collect_cycles();
        memory_reset_peak_usage();
        $base = memory_get_usage();

        $this->assertTrue(Storage::disk('vault')->writeStream('big.bin', $source));
        fclose($source);
        $writePeak = memory_get_peak_usage() - $base;

        memory_reset_peak_usage();
        $got = hash_init('sha256');
        $stream = Storage::disk('vault')->readStream('big.bin');
        $read = 0;
        while (!feof($stream)) {
            $part = fread($stream, 1 << 16);
            $read += strlen($part);
            hash_update($got, $part);
        }
        fclose($stream);
        $readPeak = memory_get_peak_usage() - $base;

        $this->assertSame($size, $read);
        $this->assertSame(hash_final($want), hash_final($got));
        $this->assertSame($size, Storage::disk('vault')->size('big.bin'));
        $this->assertSame($size + 34 + 1600 * 32, filesize($this->envDir.'/files/big.bin'));
        fwrite(STDERR, sprintf("\n[encrypted disk] 100 MiB: peak memory over baseline %.2f MiB writing, %.2f MiB reading\n",
            $writePeak / 1048576, $readPeak / 1048576));
        $this->assertLessThan(2 * 1048576, $writePeak);
        $this->assertLessThan(2 * 1048576, $readPeak);
        unlink($this->envDir.'/big.bin');
    }
}
