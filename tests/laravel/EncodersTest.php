<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use Illuminate\Contracts\Encryption\DecryptException;
use Illuminate\Support\Facades\Crypt;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\Exceptions\ValueEncodingFailed;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\PayloadFormat;

/**
 * encrypt($value) / decrypt() with each value encoder: what one writes, the
 * app reads whatever it is configured to write later; laravel-crypto's
 * untagged JSON reads; unserialize() makes no class it was not allowed to.
 */
final class EncodersTest extends TestCase
{
    private function writeWith(string $encoder, array $more = []): void
    {
        $this->app['config']->set(['sodium-crypt.encoder.write' => $encoder] + $more);
        $this->app->forgetInstance('encrypter');
        Crypt::clearResolvedInstances();
    }

    private static function available(): array
    {
        return array_values(array_filter(['php', 'json', 'igbinary', 'msgpack'],
            static fn ($e) => in_array($e, ['php', 'json'], true) || extension_loaded($e)));
    }

    public function test_every_encoder_reads_back_what_every_encoder_wrote(): void
    {
        if (count(self::available()) < 4) {
            $this->markTestSkipped('igbinary and msgpack are not loaded in this PHP (scripts/setup installs them for the system PHP)');
        }
        $value = ['name' => 'Ana', 'n' => 42, 'f' => 1.5, 'ok' => true, 'none' => null, 'list' => [1, 'two', [3]], 'ü' => "\u{1F600}"];
        $payloads = [];
        foreach (self::available() as $encoder) {
            $this->writeWith($encoder, ['sodium-crypt.encoder.allowed_classes' => true]);
            $payloads[$encoder] = encrypt($value);
            foreach (['', 'x', 0, -7, 5, '5', 53, false, null, 2.25] as $scalar) {
                $this->assertSame($scalar, decrypt(encrypt($scalar)), "$encoder, ".var_export($scalar, true));
            }
        }
        foreach (self::available() as $reader) {
            $this->writeWith($reader, ['sodium-crypt.encoder.allowed_classes' => true]);
            foreach ($payloads as $writer => $payload) {
                $this->assertSame($value, decrypt($payload), "written with $writer, read while writing $reader");
            }
        }
        // php stays Laravel's bytes: serialize() output, no tag.
        $this->assertSame(serialize($value), $this->plain($payloads['php']));
        $this->assertSame("\xC1j".json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION), $this->plain($payloads['json']));
    }

    public function test_laravel_crypto_untagged_json_reads_with_the_untagged_setting(): void
    {
        // laravel-crypto with its JsonEncoder: the payload holds bare JSON.
        $key = Key::fromBase64(self::APP_KEY);
        $payload = (new Keyring(Cipher::Aegis256, $key, [], PayloadFormat::LaravelCrypto))->seal('{"a":1,"b":[2,3]}');
        $this->writeWith('php', ['sodium-crypt.encoder.untagged' => 'json']);
        $this->assertSame(['a' => 1, 'b' => [2, 3]], decrypt($payload));
        // serialize() output is still recognised by its shape while untagged is json.
        $this->assertSame('still php', decrypt(encrypt('still php')));
        // Written in laravel-crypto's format, the value stays bare (its readers expect that).
        $this->writeWith('json', ['sodium-crypt.format' => 'laravel-crypto', 'sodium-crypt.encoder.untagged' => 'json']);
        $written = encrypt(['x' => 1]);
        $this->assertSame('{"x":1}', (new Keyring(Cipher::Aegis256, $key))->open($written));
        $this->assertSame(['x' => 1], decrypt($written));
    }

    public function test_unserialize_makes_no_class_it_was_not_allowed_to(): void
    {
        $this->writeWith('php', ['sodium-crypt.encoder.allowed_classes' => true]);
        $payload = encrypt(['when' => new \ArrayObject([1, 2])]);
        $this->assertInstanceOf(\ArrayObject::class, decrypt($payload)['when']);

        $this->writeWith('php', ['sodium-crypt.encoder.allowed_classes' => false]);
        try {
            decrypt($payload);
            $this->fail('an object of a class not allowed');
        } catch (ValueEncodingFailed $e) {
            $this->assertStringContainsString('ArrayObject', $e->getMessage());
            $this->assertInstanceOf(DecryptException::class, $e);
        }
        // The other way serialize() writes an object: C: (a Serializable class).
        try {
            decrypt(Crypt::encryptString('a:1:{s:4:"when";C:10:"OldPayment":0:{}}'));
            $this->fail('a C: object of a class not allowed');
        } catch (ValueEncodingFailed $e) {
            $this->assertStringContainsString('OldPayment', $e->getMessage());
        }
        $this->writeWith('php', ['sodium-crypt.encoder.allowed_classes' => [\ArrayObject::class]]);
        $this->assertInstanceOf(\ArrayObject::class, decrypt($payload)['when']);
        // Laravel's own uses are strings and arrays: unaffected by the default.
        $this->writeWith('php');
        $this->assertSame(['a' => 'b'], decrypt(encrypt(['a' => 'b'])));
        $this->assertSame('session data', Crypt::decrypt(Crypt::encrypt('session data')));
    }

    public function test_igbinary_needs_allowed_classes_true_and_a_missing_extension_is_a_clear_error(): void
    {
        if (!extension_loaded('igbinary')) {
            $this->writeWith('php');
            $this->expectException(InvalidConfiguration::class);
            $this->writeWith('igbinary');
            encrypt(1);
            return;
        }
        $this->writeWith('igbinary', ['sodium-crypt.encoder.allowed_classes' => true]);
        $payload = encrypt(['x' => 1]);
        $this->writeWith('php', ['sodium-crypt.encoder.allowed_classes' => false]);
        $this->expectException(ValueEncodingFailed::class);
        $this->expectExceptionMessage('igbinary');
        decrypt($payload);
    }

    public function test_bad_values_inside_good_payloads_raise_clear_errors_without_warnings(): void
    {
        $key = Key::fromBase64(self::APP_KEY);
        $ring = new Keyring(Cipher::Aegis256, $key);
        $this->writeWith('php', ['sodium-crypt.encoder.untagged' => 'json']);
        foreach (["a:1:{", "\xC1j{bad json", "\xC1zwhat", "{\"a\":", "s:99:\"short\";"] as $plain) {
            try {
                decrypt($ring->seal($plain));
                $this->fail('decoded: '.bin2hex($plain));
            } catch (ValueEncodingFailed $e) {
                $this->assertStringNotContainsString($plain, $e->getMessage());
            }
        }
        $this->expectException(InvalidConfiguration::class);
        $this->writeWith('yaml');
        encrypt(1);
    }

    private function plain(string $payload): string
    {
        return (new Keyring(Cipher::Aegis256, Key::fromBase64(self::APP_KEY)))->open($payload);
    }

    /** Plaintext passes through every encoder and cast: a trace with arguments (zend.exception_ignore_args=Off) shows none of it. */
    public function test_every_encoder_and_cast_marks_its_plaintext_sensitive(): void
    {
        $classes = [];
        foreach (['Encoding', 'Casts'] as $dir) {
            foreach (glob(dirname(__DIR__, 2)."/laravel/src/$dir/*.php") as $file) {
                $classes[] = 'SodiumCrypt\\Laravel\\'.$dir.'\\'.basename($file, '.php');
            }
        }
        $checked = 0;
        foreach ($classes as $class) {
            foreach ((new \ReflectionClass($class))->getMethods() as $method) {
                if ($method->getDeclaringClass()->getName() !== $class || !in_array($method->getName(), ['encode', 'decode', 'get', 'set'], true)) {
                    continue;
                }
                foreach ($method->getParameters() as $parameter) {
                    if (in_array($parameter->getName(), ['value', 'bytes', 'plaintext', 'attributes'], true)) {
                        $checked++;
                        $this->assertNotEmpty($parameter->getAttributes(\SensitiveParameter::class), "$class::{$method->getName()}(\${$parameter->getName()})");
                    }
                }
            }
        }
        $this->assertGreaterThan(20, $checked);

        $old = ini_set('zend.exception_ignore_args', '0');
        try {
            (new \SodiumCrypt\Laravel\Encoding\JsonEncoder())->encode(['ssn' => "123-45-6789\xff"]);
            $this->fail('invalid UTF-8 encoded as JSON');
        } catch (\Throwable $e) {
            // The package's own frames (PHPUnit's further up hold the whole test suite).
            $ours = array_filter($e->getTrace(), static fn (array $f) => str_starts_with($f['class'] ?? '', 'SodiumCrypt\\Laravel\\Encoding\\'));
            $this->assertNotEmpty($ours);
            $this->assertStringNotContainsString('123-45-6789', print_r($ours, true));
        } finally {
            ini_set('zend.exception_ignore_args', (string) $old);
        }
    }
}
