<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Support\Facades\Crypt;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\PayloadFormat;

/**
 * Whatever the random bytes of a payload look like, Crypt opens it: random
 * plaintexts sealed in every cipher and format, each opened through the
 * facade of an app configured for a different cipher, with the sealing key
 * among its previous keys. SC_PROPERTY_SEALS seals per cipher and format
 * (default 5,000; `make test-property` runs 1,000,000).
 */
final class PropertyTest extends TestCase
{
    public function test_random_seals_in_every_cipher_and_format_open_through_crypt(): void
    {
        $count = (int) (getenv('SC_PROPERTY_SEALS') ?: 5000);
        $keys = [16 => Key::generate(16), 32 => Key::generate(32)];
        $this->useCrypt('Sodium_AEGIS256GCM', 'base64:'.base64_encode(random_bytes(32)),
            ['base64:'.base64_encode($keys[32]->exportBytes()), 'base64:'.base64_encode($keys[16]->exportBytes())]);
        $crypt = Crypt::getFacadeRoot();
        $opened = 0;
        $eyJ = 0;
        foreach (Cipher::cases() as $cipher) {
            foreach (PayloadFormat::cases() as $format) {
                if ($format === PayloadFormat::V1 && $cipher === Cipher::SecretBox) {
                    continue;
                }
                $ring = new Keyring($cipher, $keys[$cipher->keyBytes()], [], $format);
                for ($i = 0; $i < $count; $i++) {
                    $plaintext = $i % 97 === 0 ? '' : random_bytes($i % 97);
                    $payload = $ring->seal($plaintext);
                    $eyJ += str_starts_with($payload, 'eyJ');
                    if ($crypt->decryptString($payload) !== $plaintext) {
                        $this->fail(sprintf('%s %s payload %s opened to other bytes', $cipher->value, $format->name, $payload));
                    }
                    $opened++;
                }
            }
        }
        $this->assertSame(9 * $count, $opened);
        if ($count >= 1000000) {
            $this->assertGreaterThan(0, $eyJ, 'a million laravel-crypto seals include payloads starting with eyJ (p = 2^-18 each)');
        }
    }
}
