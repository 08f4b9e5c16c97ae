<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Contracts\Encryption\Encrypter as EncrypterContract;
use Illuminate\Contracts\Encryption\StringEncrypter;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\Crypt;
use PHPUnit\Framework\Attributes\DataProvider;
use SodiumCrypt\Cipher;
use SodiumCrypt\Laravel\Encrypter;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;

final class EncrypterTest extends TestCase
{
    public function test_the_container_encrypter_and_both_contracts_are_the_extension(): void
    {
        $this->assertInstanceOf(Encrypter::class, $this->app['encrypter']);
        $this->assertSame($this->app['encrypter'], $this->app->make(EncrypterContract::class));
        $this->assertSame($this->app['encrypter'], $this->app->make(StringEncrypter::class));
        $this->assertSame(Cipher::Aegis256, $this->app['encrypter']->cipher());
    }

    /** @return iterable<string, array{string, int, string}> */
    public static function ciphers(): iterable
    {
        foreach (Cipher::cases() as $cipher) {
            foreach ([$cipher->laravelName(), $cipher->value] as $name) {
                foreach (['v1', 'laravel-crypto'] as $format) {
                    yield "$name $format" => [$name, $cipher->keyBytes(), $format];
                }
            }
        }
    }

    #[DataProvider('ciphers')]
    public function test_facade_round_trips_for_every_cipher_and_format(string $name, int $keyBytes, string $format): void
    {
        $this->useCrypt($name, self::newKey($keyBytes), [], $format);
        foreach (['', 'a', str_repeat("\0\xff", 600), random_bytes(70000)] as $plaintext) {
            $payload = Crypt::encryptString($plaintext);
            $this->assertSame($format === 'v1' && $name !== 'Sodium_SecretBox' && $name !== 'xsalsa20-poly1305', str_starts_with($payload, 'sc1.'));
            $this->assertSame($plaintext, Crypt::decryptString($payload));
        }
        $value = ['ssn' => '123-45-6789', 'n' => 2, 'nested' => [true, null, 1.5]];
        $this->assertSame($value, Crypt::decrypt(Crypt::encrypt($value)));
        $this->assertNotSame(Crypt::encryptString('same'), Crypt::encryptString('same'), 'a fresh nonce per message');
    }

    public function test_laravel_cipher_names_keep_their_key_length_and_write_an_aead(): void
    {
        $this->useCrypt('AES-256-CBC', self::newKey(32));
        $this->assertSame(Cipher::Aegis256, $this->app['encrypter']->cipher());
        $this->useCrypt('aes-128-gcm', self::newKey(16));
        $this->assertSame(Cipher::Aegis128L, $this->app['encrypter']->cipher());
        $this->assertSame('x', Crypt::decryptString(Crypt::encryptString('x')));
    }

    public function test_every_laravel_crypto_vector_opens(): void
    {
        $vectors = self::vectors()['app_payloads'];
        $this->assertCount(30, $vectors);
        foreach ($vectors as $v) {
            $this->useCrypt($v['cipher'], $v['app_key']);
            if ($v['serialize']) {
                $this->assertSame($v['value_php'], Crypt::decrypt($v['payload']), $v['cipher']);
            } else {
                $this->assertSame($v['plaintext_hex'], bin2hex(Crypt::decryptString($v['payload'])), $v['cipher']);
            }
        }
    }

    public function test_laravel_own_payloads_open_under_current_and_previous_keys(): void
    {
        $old = self::newKey();
        $old128 = self::newKey(16);
        $payloads = [
            'cbc' => (new LaravelEncrypter(self::raw(self::APP_KEY), 'AES-256-CBC'))->encryptString('cbc'),
            'gcm' => (new LaravelEncrypter(self::raw(self::APP_KEY), 'AES-256-GCM'))->encryptString('gcm'),
            'old-cbc' => (new LaravelEncrypter(self::raw($old), 'AES-256-CBC'))->encryptString('old-cbc'),
            'old128-gcm' => (new LaravelEncrypter(self::raw($old128), 'AES-128-GCM'))->encryptString('old128-gcm'),
        ];
        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY, [$old, $old128]);
        foreach ($payloads as $plaintext => $payload) {
            $this->assertSame($plaintext, Crypt::decryptString($payload));
        }
        $serialized = (new LaravelEncrypter(self::raw($old), 'AES-256-CBC'))->encrypt(['a' => 1]);
        $this->assertSame(['a' => 1], Crypt::decrypt($serialized));

        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY);
        $this->expectException(DecryptException::class);
        Crypt::decryptString($payloads['old-cbc']);
    }

    public function test_dumps_show_no_key_even_after_a_laravel_payload(): void
    {
        $old = self::newKey();
        $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY, [$old]);
        $encrypter = $this->app['encrypter'];
        // Reading Laravel's own payload builds Illuminate encrypters, which hold the raw keys.
        $this->assertSame('x', $encrypter->decryptString((new LaravelEncrypter(self::raw($old), 'AES-256-CBC'))->encryptString('x')));
        ob_start();
        var_dump($encrypter);
        $dumps = [ob_get_clean(), print_r($encrypter, true), print_r(['nested' => $encrypter], true)];
        foreach ($dumps as $dump) {
            $this->assertStringContainsString('aegis-256', $dump);
            foreach ([self::APP_KEY, $old] as $key) {
                $this->assertStringNotContainsString(self::raw($key), $dump);
                $this->assertStringNotContainsString(substr($key, 7), $dump);
            }
        }
        $this->expectException(\LogicException::class);
        serialize($encrypter);
    }

    public function test_rotation_through_app_previous_keys(): void
    {
        $first = self::newKey();
        $this->useCrypt('Sodium_AEGIS256GCM', $first);
        $v1 = Crypt::encryptString('written before rotation');
        $this->useCrypt('Sodium_AEGIS256GCM', $first, [], 'laravel-crypto');
        $lc = Crypt::encryptString('laravel-crypto before rotation');

        $second = self::newKey();
        $this->useCrypt('Sodium_AEGIS256GCM', $second, [$first]);
        $this->assertSame('written before rotation', Crypt::decryptString($v1));
        $this->assertSame('laravel-crypto before rotation', Crypt::decryptString($lc));
        $this->assertFalse($this->app['encrypter']->isCurrent($v1));
        $this->assertTrue($this->app['encrypter']->isCurrent(Crypt::encryptString('new')));
        $this->assertSame([self::raw($second), self::raw($first)], $this->app['encrypter']->getAllKeys());
        $this->assertSame(self::raw($second), $this->app['encrypter']->getKey());
        $this->assertSame([self::raw($first)], $this->app['encrypter']->getPreviousKeys());

        $this->useCrypt('Sodium_AEGIS256GCM', $second);
        $this->expectException(DecryptException::class);
        Crypt::decryptString($v1);
    }

    /** @return iterable<string, array{mixed}> */
    public static function badPayloads(): iterable
    {
        yield 'empty' => [''];
        yield 'garbage' => ['not a payload'];
        yield 'V1 prefix only' => ['sc1.'];
        yield 'bad base64url' => ['sc1.@@@@'];
        yield 'json, not Laravel' => [base64_encode('{"iv":1}')];
        yield 'not json after eyJ' => ['eyJ!!!'];
        yield 'Laravel payload with junk fields' => [base64_encode(json_encode(['iv' => 'x', 'value' => 'y', 'mac' => 'z', 'tag' => '']))];
        yield 'array' => [['sc1.x']];
        yield 'null' => [null];
        yield 'huge' => [str_repeat('A', 8 << 20)];
    }

    #[DataProvider('badPayloads')]
    public function test_bad_payloads_are_decrypt_exceptions(mixed $payload): void
    {
        $this->expectException(DecryptException::class);
        Crypt::decrypt($payload, false);
    }

    public function test_truncated_tampered_and_wrong_key_payloads_fail(): void
    {
        foreach (['v1', 'laravel-crypto'] as $format) {
            $this->useCrypt('Sodium_AEGIS256GCM', self::APP_KEY, [], $format);
            $payload = Crypt::encryptString('secret value');
            $cases = [
                'truncated' => substr($payload, 0, -3),
                'tampered' => substr($payload, 0, 20).($payload[20] === 'A' ? 'B' : 'A').substr($payload, 21),
                'extended' => $payload.'AA',
            ];
            foreach ($cases as $what => $bad) {
                try {
                    Crypt::decryptString($bad);
                    $this->fail("$format $what payload opened");
                } catch (DecryptException $e) {
                    $this->assertSame('The payload is invalid.', $e->getMessage());
                }
            }
            $this->useCrypt('Sodium_AEGIS256GCM', self::newKey(), [], $format);
            try {
                Crypt::decryptString($payload);
                $this->fail("$format payload opened under another key");
            } catch (DecryptException) {
                $this->addToAssertionCount(1);
            }
        }
    }

    public function test_non_string_plaintext_to_encrypt_string_is_an_encrypt_exception(): void
    {
        $this->expectException(\Illuminate\Contracts\Encryption\EncryptException::class);
        $this->app['encrypter']->encrypt(['x'], false);
    }

    /** @return iterable<string, array{string, string, string}> */
    public static function badConfigurations(): iterable
    {
        yield 'short key' => ['Sodium_AEGIS256GCM', 'base64:'.base64_encode(str_repeat('k', 16)), 'is 16 bytes but Sodium_AEGIS256GCM (aegis-256) needs 32'];
        yield 'long key for 128L' => ['Sodium_AEGIS128LGCM', self::APP_KEY, 'is 32 bytes but Sodium_AEGIS128LGCM (aegis-128l) needs 16'];
        yield 'unknown cipher' => ['ROT13', self::APP_KEY, 'Unknown cipher "ROT13"'];
        yield 'no key' => ['Sodium_AEGIS256GCM', '', 'No APP_KEY is set'];
        yield 'bad base64' => ['Sodium_AEGIS256GCM', 'base64:@@@', 'is not a key'];
    }

    #[DataProvider('badConfigurations')]
    public function test_bad_configuration_fails_with_what_to_run(string $cipher, string $key, string $message): void
    {
        $this->useCrypt($cipher, $key);
        try {
            $this->app->make('encrypter');
            $this->fail('the encrypter was built');
        } catch (InvalidConfiguration $e) {
            $this->assertStringContainsString($message, $e->getMessage());
            $this->assertStringContainsString('crypto:keys', $e->getMessage());
            $this->assertStringNotContainsString(substr($key, 7, 10) ?: "\0", $e->getMessage(), 'no key text in the message');
        }
    }

    public function test_bad_configuration_stops_an_http_boot(): void
    {
        // A real process serving a request: the provider checks at boot.
        $script = <<<'PHP'
            $app = require 'examples/demo/bootstrap/app.php';
            $app->useEnvironmentPath(getenv('ENV_DIR'));
            $kernel = $app->make(Illuminate\Contracts\Http\Kernel::class);
            $response = $kernel->handle(Illuminate\Http\Request::create('/'));
            echo $response->getStatusCode(), "\n", $response->getContent();
            PHP;
        $root = dirname(__DIR__, 2);
        $env = ['ENV_DIR' => $this->envDir, 'APP_KEY' => 'base64:'.base64_encode(str_repeat('k', 16)), 'APP_DEBUG' => 'true',
            'DB_DATABASE' => $this->envDir.'/db.sqlite', 'LOG_CHANNEL' => 'null', 'PATH' => getenv('PATH')] + array_filter(['PHP_INI_SCAN_DIR' => getenv('PHP_INI_SCAN_DIR')]);
        $proc = proc_open([PHP_BINARY, '-d', 'display_errors=stderr', '-r', 'require "examples/demo/vendor/autoload.php";'.$script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root, $env);
        $out = stream_get_contents($pipes[1]).stream_get_contents($pipes[2]);
        proc_close($proc);
        $this->assertStringContainsString('500', $out);
        $this->assertStringContainsString('needs 32', $out);
    }
}
