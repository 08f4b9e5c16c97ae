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

    /**
     * The binding resolves (Laravel's own error handling resolves it), and every
     * use of it, and every crypto:* command, fails with what to run.
     */
    #[DataProvider('badConfigurations')]
    public function test_bad_configuration_fails_with_what_to_run(string $cipher, string $key, string $message): void
    {
        $this->useCrypt($cipher, $key);
        $encrypter = $this->app->make('encrypter');
        $this->assertSame($encrypter, $this->app->make(EncrypterContract::class));
        $uses = [
            'encrypt' => static fn () => $encrypter->encrypt('x'),
            'encryptString' => static fn () => $encrypter->encryptString('x'),
            'decrypt' => static fn () => $encrypter->decrypt('x'),
            'decryptString' => static fn () => $encrypter->decryptString('x'),
            'getKey' => static fn () => $encrypter->getKey(),
            'Crypt::' => static fn () => Crypt::encryptString('x'),
            'Encrypter::of' => fn () => Encrypter::of($this->app),
            'crypto:status' => fn () => $this->artisanCall('crypto:status'),
        ];
        foreach ($uses as $what => $use) {
            try {
                $use();
                $this->fail("$what worked without a usable key");
            } catch (InvalidConfiguration $e) {
                $this->assertStringContainsString($message, $e->getMessage(), $what);
                $this->assertStringContainsString('crypto:keys', $e->getMessage(), $what);
                $this->assertStringNotContainsString(substr($key, 7, 10) ?: "\0", $e->getMessage(), 'no key text in the message');
            }
        }
    }

    /**
     * A real web SAPI serving a request with a bad key configuration: the
     * provider's boot check stops the request, Laravel's exception handler
     * still renders its own error page (the `encrypter` binding must not throw
     * again while it renders), and the log says what to run.
     */
    #[DataProvider('badConfigurations')]
    public function test_bad_configuration_is_laravels_error_page_and_a_logged_reason(string $cipher, string $key, string $message): void
    {
        $served = $this->serveDemoOnce('/', ['APP_KEY' => $key, 'SODIUM_CRYPT_CIPHER' => $cipher]);
        $this->assertSame(500, $served['status'], $served['body'].$served['log']);
        $this->assertStringContainsString('Server Error', $served['body'], 'Laravel\'s error page, not an empty 500: '.$served['log']);
        $this->assertStringNotContainsString($message, $served['body'], 'no configuration detail to the client without APP_DEBUG');
        $this->assertStringContainsString($message, $served['log']);
        $this->assertSame(1, substr_count($served['log'], 'production.ERROR'), 'one error logged: nothing throws again while the page renders or the request terminates');
        $this->assertStringContainsString('InvalidConfiguration', $served['log']);
        $this->assertStringNotContainsString('Class "SodiumCrypt', $served['log']);
        if (strlen($key) > 17) {
            $this->assertStringNotContainsString(substr($key, 7, 10), $served['body'].$served['log'], 'no key text in the page or the log');
        }
    }

    public function test_a_good_configuration_serves_over_the_same_server(): void
    {
        $served = $this->serveDemoOnce('/', ['APP_KEY' => self::APP_KEY, 'SODIUM_CRYPT_CIPHER' => 'Sodium_AEGIS256GCM']);
        $this->assertSame(200, $served['status'], $served['body'].$served['log']);
    }
}
