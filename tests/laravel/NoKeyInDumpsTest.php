<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Tests\Skeleton\Models\User;
use Illuminate\Encryption\Encrypter as LaravelEncrypter;
use Illuminate\Support\Facades\Crypt;
use Illuminate\Support\Facades\Facade;
use SodiumCrypt\Aead;
use SodiumCrypt\BlindIndex;
use SodiumCrypt\Cipher;
use SodiumCrypt\Key;
use SodiumCrypt\KeyContext;
use SodiumCrypt\KeyWrap;
use SodiumCrypt\Keyring;
use SodiumCrypt\Laravel\BlindIndexes;
use SodiumCrypt\Laravel\Casts\Encrypted;
use SodiumCrypt\Laravel\Casts\UserEncrypted;
use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Facades\UserCrypt;
use SodiumCrypt\Laravel\Support\MisconfiguredEncrypter;
use SodiumCrypt\Laravel\UserEncrypter;
use SodiumCrypt\Laravel\UserKeys;
use Symfony\Component\VarDumper\Cloner\VarCloner;
use Symfony\Component\VarDumper\Dumper\CliDumper;

/**
 * No key byte in any dump of any object of the extension or the package:
 * dump()/dd() (VarDumper, which reads (array) $object), var_export, print_r,
 * var_dump, json_encode, serialize, and the exceptions they throw; and
 * nothing built on the context key keeps its bytes after clear().
 */
final class NoKeyInDumpsTest extends TestCase
{
    /** Every way PHP and Laravel print a value, as text. */
    private static function dumps(mixed $value): array
    {
        $out = [];
        $dumper = new CliDumper();
        $dumper->setColors(false);
        $out['dump()'] = (string) $dumper->dump((new VarCloner())->cloneVar($value), true);
        $out['var_export'] = var_export($value, true);
        $out['print_r'] = print_r($value, true);
        ob_start();
        var_dump($value);
        $out['var_dump'] = (string) ob_get_clean();
        $out['json_encode'] = (string) json_encode($value, JSON_PARTIAL_OUTPUT_ON_ERROR);
        try {
            $out['serialize'] = serialize($value);
        } catch (\Throwable $e) {
            $out['serialize'] = get_class($e).': '.$e->getMessage()."\n".$e->getTraceAsString();
        }
        // What VarDumper walks: every string reachable through (array) casts.
        $out['(array) walk'] = implode("\n", self::strings($value));
        return $out;
    }

    /** @return list<string> */
    private static function strings(mixed $value, array &$seen = []): array
    {
        if (is_string($value)) {
            return [$value];
        }
        if (is_object($value)) {
            if (isset($seen[spl_object_id($value)]) || $value instanceof \Closure) {
                return [];
            }
            $seen[spl_object_id($value)] = true;
            $value = (array) $value;
        }
        $all = [];
        if (is_array($value)) {
            foreach ($value as $one) {
                array_push($all, ...self::strings($one, $seen));
            }
        }
        return $all;
    }

    /** Raw, hex and base64 forms of each key. */
    private static function forms(string ...$raw): array
    {
        $forms = [];
        foreach ($raw as $bytes) {
            array_push($forms, $bytes, bin2hex($bytes), base64_encode($bytes), rtrim(strtr(base64_encode($bytes), '+/', '-_'), '='));
        }
        return $forms;
    }

    private function assertNoKey(array $objects, array $forms): void
    {
        foreach ($objects as $name => $object) {
            foreach (self::dumps($object) as $how => $text) {
                foreach ($forms as $form) {
                    $this->assertStringNotContainsString($form, $text, "$how of $name shows a key");
                }
            }
        }
    }

    public function test_no_object_of_the_extension_or_the_package_shows_a_key_in_any_dump(): void
    {
        $appKey = base64_decode(substr(self::APP_KEY, 7));
        $userRaw = random_bytes(32);
        $user = User::create(['name' => 'u', 'email' => 'u@example.com', 'password' => 'correct horse']);
        KeyContext::set(Key::fromBytes($userRaw));
        $this->app->make(UserKeys::class)->enroll($user, 'correct horse');
        // Every read path once, so that whatever is cached is built.
        $laravelPayload = (new LaravelEncrypter($userRaw, 'aes-256-cbc'))->encryptString('legacy per-user');
        $this->assertSame('legacy per-user', UserCrypt::decryptString($laravelPayload));
        $this->assertSame('x', UserCrypt::decryptString(UserCrypt::encryptString('x')));
        UserCrypt::blindIndex('v', 'c');
        $appPayload = (new LaravelEncrypter($appKey, 'aes-256-cbc'))->encryptString('legacy app');
        $this->assertSame('legacy app', Crypt::decryptString($appPayload));
        Crypt::decryptString(Crypt::encryptString('y'));
        $this->app->make(BlindIndexes::class)->compute('v', 'c');

        $key = Key::fromBytes($appKey);
        $objects = [
            'Key' => $key,
            'KeyContext::get()' => KeyContext::get(),
            'Keyring' => new Keyring(Cipher::Aegis256, $key, [Key::fromBytes($userRaw)]),
            'Aead' => new Aead(Cipher::XChaCha20Poly1305, $key),
            'BlindIndex' => new BlindIndex($key),
            'KeyWrap' => new KeyWrap(),
            'Crypt (Encrypter)' => $this->app->make('encrypter'),
            'UserEncrypter' => $this->app->make(UserEncrypter::class),
            'Codec (APP_KEY)' => $this->app->make('encrypter')->codec(),
            'Codec (user key)' => $this->app->make(UserEncrypter::class)->codec(),
            'UserKeys' => $this->app->make(UserKeys::class),
            'BlindIndexes' => $this->app->make(BlindIndexes::class),
            'User' => $user->fresh(),
            'Cipher' => Cipher::Aegis256,
            'Encrypted cast (bound)' => Encrypted::fromCast(Encrypted::class.':bound,user_id'),
            'UserEncrypted cast (bound)' => UserEncrypted::fromCast(UserEncrypted::class.':bound,migrate'),
        ];
        $this->assertNoKey($objects, self::forms($appKey, $userRaw));

        // Exceptions from wrong keys and bad payloads carry no key either.
        foreach ([
            fn () => Crypt::decryptString('sc1.garbage'),
            fn () => UserCrypt::decryptString($appPayload),
            fn () => (new Keyring(Cipher::Aegis256, $key))->open('x'),
            fn () => Key::fromBytes(substr($appKey, 0, 5)),
            fn () => (new KeyWrap())->unwrapWithPassword(str_repeat("\3", 97), 'p'),
            fn () => Crypt::getFacadeRoot()->codec()->open(Crypt::getFacadeRoot()->codec()->seal('z', 'row 1'), 'row 2'),
        ] as $i => $throw) {
            try {
                $throw();
                $this->fail("call $i did not throw");
            } catch (\Throwable $e) {
                $this->assertNoKey(["exception $i" => $e, "exception $i trace" => $e->getTraceAsString()], self::forms($appKey, $userRaw));
            }
        }
    }

    /** The Hashing and Sign facades' services and an encrypted disk, each used once, with its own keys. */
    public function test_the_facades_and_the_encrypted_disk_show_no_key(): void
    {
        $raw = ['hashing' => random_bytes(32), 'hmac' => random_bytes(32), 'eddsa' => random_bytes(32), 'files' => random_bytes(32)];
        $text = array_map(static fn (string $k): string => 'base64:'.base64_encode($k), $raw);
        $this->app['config']->set([
            'sodium-crypt.hashing.key' => $text['hashing'],
            'sodium-crypt.signing.hmac_key' => $text['hmac'],
            'sodium-crypt.signing.eddsa_key' => $text['eddsa'],
            'filesystems.disks.plain' => ['driver' => 'local', 'root' => $this->envDir.'/files'],
            'filesystems.disks.vault' => ['driver' => 'sodium-encrypted', 'disk' => 'plain', 'key' => $text['files']],
        ]);
        $hashing = $this->app->make(\SodiumCrypt\Laravel\Hashing::class);
        $signing = $this->app->make(\SodiumCrypt\Laravel\Signing::class);
        $hashing->blake2b('x');
        $signing->hmac512Sign('x');
        $signing->eddsaSign('x');
        $vault = \Illuminate\Support\Facades\Storage::disk('vault');
        $vault->put('a.txt', 'secret file');
        $this->assertSame('secret file', $vault->get('a.txt'));
        $forms = self::forms(...array_values($raw));
        foreach ($text as $one) {
            $forms[] = $one;
        }
        $this->assertNoKey(['Hashing' => $hashing, 'Signing' => $signing, 'encrypted disk' => $vault, 'its adapter' => $vault->getAdapter()], $forms);
        (new \Illuminate\Filesystem\Filesystem())->deleteDirectory($this->envDir.'/files');
    }

    public function test_a_misconfigured_encrypter_and_its_errors_show_no_key(): void
    {
        $short = random_bytes(16); // a key of the wrong length for AEGIS-256
        $this->app['config']->set('app.key', 'base64:'.base64_encode($short));
        $this->app->forgetInstance('encrypter');
        Facade::clearResolvedInstance('encrypter');
        $encrypter = $this->app->make('encrypter');
        $this->assertInstanceOf(MisconfiguredEncrypter::class, $encrypter);
        $this->assertNoKey(['MisconfiguredEncrypter' => $encrypter], self::forms($short));
        try {
            Crypt::encryptString('x');
            $this->fail('a misconfigured encrypter encrypted');
        } catch (InvalidConfiguration $e) {
            $this->assertNoKey(['exception' => $e, 'trace' => $e->getTraceAsString()], self::forms($short));
        }
    }

    public function test_nothing_built_on_the_context_key_keeps_its_bytes_after_clear(): void
    {
        $userRaw = random_bytes(32);
        KeyContext::set(Key::fromBytes($userRaw));
        $payload = (new LaravelEncrypter($userRaw, 'aes-256-cbc'))->encryptString('legacy per-user');
        $this->assertSame('legacy per-user', UserCrypt::decryptString($payload));
        UserCrypt::blindIndex('v', 'c');
        KeyContext::clear();
        // A long-running worker: the same UserEncrypter serves the next request.
        $this->assertNoKey(['UserEncrypter after clear()' => $this->app->make(UserEncrypter::class)], self::forms($userRaw));
        $this->expectException(\SodiumCrypt\MissingKeyContext::class);
        UserCrypt::decryptString($payload);
    }
}
