<?php

declare(strict_types=1);

namespace SodiumCrypt\Laravel\Tests;

use SodiumCrypt\Laravel\Exceptions\InvalidConfiguration;
use SodiumCrypt\Laravel\Facades\Hashing;
use SodiumCrypt\Laravel\Facades\Sign;
use SodiumCrypt\Laravel\Hashing as HashingService;
use SodiumCrypt\Laravel\Signing as SigningService;

/**
 * The Hashing and Sign facades against laravel-crypto v3's outputs
 * (tests/vectors/laravel-crypto-hash-sign.json, computed from that package's
 * definitions with ext/sodium and ext/hash), with tampered input, wrong keys
 * and malformed signatures.
 */
final class HashingAndSigningTest extends TestCase
{
    private array $vectors;

    protected function setUp(): void
    {
        parent::setUp();
        $this->vectors = json_decode((string) file_get_contents(__DIR__.'/../vectors/laravel-crypto-hash-sign.json'), true, 512, JSON_THROW_ON_ERROR);
        $keyFile = $this->envDir.'/eddsa.key';
        file_put_contents($keyFile, $this->vectors['eddsa_key_file']);
        $this->app['config']->set([
            'sodium-crypt.hashing.key' => null,
            'sodium-crypt.signing.hmac_key' => $this->vectors['hmac_key'],
            'sodium-crypt.signing.eddsa_key' => null,
            'sodium-crypt.signing.eddsa_key_file' => $keyFile,
        ]);
        $this->fresh();
    }

    private function fresh(): void
    {
        $this->app->forgetInstance(HashingService::class);
        $this->app->forgetInstance(SigningService::class);
        Hashing::clearResolvedInstances();
    }

    public function test_hashing_matches_laravel_crypto_on_every_vector(): void
    {
        $checked = 0;
        foreach ($this->vectors['cases'] as $case) {
            $data = hex2bin($case['data_hex']);
            $this->assertSame($case['hashing']['blake2b'], Hashing::blake2b($data));
            $this->assertSame($case['hashing']['blake2b'], Hashing::hash($data));
            $this->assertSame($case['hashing']['sha256'], Hashing::sha256($data));
            $this->assertSame($case['hashing']['sha512'], Hashing::sha512($data));
            $this->assertTrue(Hashing::blake2bVerify($case['hashing']['blake2b'], $data));
            $this->assertTrue(Hashing::sha256Verify($case['hashing']['sha256'], $data));
            $this->assertTrue(Hashing::sha512VerifyRaw(hex2bin($case['hashing']['sha512']), $data));
            $this->assertFalse(Hashing::sha512Verify($case['hashing']['sha512'], $data.'x'));
            $this->assertSame(hex2bin($case['hashing']['sha256']), Hashing::sha256Raw($data));
            $checked++;
        }
        $this->assertSame(9, $checked);

        $this->app['config']->set('sodium-crypt.hashing.key', $this->vectors['hashing_key']);
        $this->fresh();
        foreach ($this->vectors['cases'] as $case) {
            $this->assertSame($case['hashing']['blake2b_keyed'], Hashing::blake2b(hex2bin($case['data_hex'])));
        }
        $this->app['config']->set('sodium-crypt.hashing.driver', 'sha512');
        $this->fresh();
        $this->assertSame($this->vectors['cases'][2]['hashing']['sha512'], Hashing::hash('abc'));
        $this->assertTrue(Hashing::verify($this->vectors['cases'][2]['hashing']['sha512'], 'abc'));
    }

    public function test_signing_matches_laravel_crypto_on_every_vector(): void
    {
        foreach ($this->vectors['cases'] as $case) {
            $data = hex2bin($case['data_hex']);
            foreach (['blake2b', 'hmac256', 'hmac512', 'eddsa'] as $alg) {
                $this->assertSame($case['sign'][$alg], Sign::{$alg.'Sign'}($data), $alg);
                $this->assertTrue(Sign::{$alg.'Verify'}($data, $case['sign'][$alg]), $alg);
                $this->assertFalse(Sign::{$alg.'Verify'}($data.'!', $case['sign'][$alg]), "$alg, message changed");
            }
            $this->assertSame($case['sign']['blake2b'], Sign::sign($data));
            $this->assertTrue(Sign::verify($data, $case['sign']['blake2b']));
        }
        $this->assertSame($this->vectors['eddsa_public_key_b64url'], Sign::eddsaPublicKey());
    }

    public function test_tampered_malformed_and_wrong_key_signatures_are_refused_without_a_warning(): void
    {
        $good = Sign::hmac512Sign('invoice 42');
        $flipped = $good;
        $flipped[5] = $flipped[5] === 'A' ? 'B' : 'A';
        foreach ([$flipped, substr($good, 0, -2), '', '!!not base64!!', $good.'=', str_repeat('A', 2000)] as $bad) {
            $this->assertFalse(Sign::hmac512Verify('invoice 42', $bad));
            $this->assertFalse(Sign::eddsaVerify('invoice 42', $bad));
            $this->assertFalse(Hashing::blake2bVerify($bad, 'invoice 42'));
            $this->assertFalse(Hashing::sha256Verify($bad, 'invoice 42'));
        }
        $this->assertFalse(Hashing::sha256Verify('zz', 'x'), 'not hex');

        $this->app['config']->set('sodium-crypt.signing.hmac_key', 'base64:'.base64_encode(random_bytes(32)));
        $this->fresh();
        $this->assertFalse(Sign::hmac512Verify('invoice 42', $good), 'another key');
        $this->assertNotSame($good, Sign::hmac512Sign('invoice 42'));
    }

    public function test_only_the_canonical_text_of_a_signature_or_digest_verifies(): void
    {
        // libsodium 1.0.18's base64 decoder reads any byte >= 0x80 as '_':
        // the same signature in another spelling must still be refused.
        for ($i = 0; !str_contains($sig = Sign::hmac512Sign("invoice $i"), '_'); $i++);
        $this->assertTrue(Sign::hmac512Verify("invoice $i", $sig));
        $this->assertFalse(Sign::hmac512Verify("invoice $i", str_replace('_', "\x80", $sig)));
        for ($i = 0; !str_contains($hash = Hashing::blake2b("row $i"), '_'); $i++);
        $this->assertTrue(Hashing::blake2bVerify($hash, "row $i"));
        $this->assertFalse(Hashing::blake2bVerify(str_replace('_', "\xff", $hash), "row $i"));
    }

    public function test_eddsa_from_a_seed_in_env_and_clear_errors_for_missing_or_bad_keys(): void
    {
        $this->app['config']->set('sodium-crypt.signing.eddsa_key', 'base64:'.base64_encode(str_repeat("\x07", 32)));
        $this->fresh();
        $pair = sodium_crypto_sign_seed_keypair(str_repeat("\x07", 32));
        $this->assertSame(sodium_crypto_sign_detached('m', sodium_crypto_sign_secretkey($pair)), Sign::eddsaSignRaw('m'));

        $this->app['config']->set(['sodium-crypt.signing.eddsa_key' => null, 'sodium-crypt.signing.eddsa_key_file' => null]);
        $this->fresh();
        try {
            Sign::eddsaSign('m');
            $this->fail('no key');
        } catch (InvalidConfiguration $e) {
            $this->assertStringContainsString('CRYPTO_EDDSA_KEY', $e->getMessage());
        }
        file_put_contents($this->envDir.'/bad.key', bin2hex(random_bytes(32))."\n".bin2hex(random_bytes(64)));
        $this->app['config']->set('sodium-crypt.signing.eddsa_key_file', $this->envDir.'/bad.key');
        $this->fresh();
        try {
            Sign::eddsaSign('m');
            $this->fail('mismatched key file');
        } catch (InvalidConfiguration $e) {
            $this->assertStringContainsString('does not match', $e->getMessage());
        }
        // laravel-crypto's file with a trailing newline reads; a one-line file is a clear error.
        file_put_contents($this->envDir.'/nl.key', $this->vectors['eddsa_key_file']."\n");
        $this->app['config']->set('sodium-crypt.signing.eddsa_key_file', $this->envDir.'/nl.key');
        $this->fresh();
        $this->assertSame($this->vectors['eddsa_public_key_b64url'], Sign::eddsaPublicKey());
        file_put_contents($this->envDir.'/one.key', strtok($this->vectors['eddsa_key_file'], "\n"));
        $this->app['config']->set('sodium-crypt.signing.eddsa_key_file', $this->envDir.'/one.key');
        $this->fresh();
        try {
            Sign::eddsaSign('m');
            $this->fail('a one-line key file');
        } catch (InvalidConfiguration $e) {
            $this->assertStringContainsString("not laravel-crypto's format", $e->getMessage());
        }
        // Another way to sign still works without an Ed25519 key.
        $this->assertTrue(Sign::hmac512Verify('m', Sign::hmac512Sign('m')));
        $this->app['config']->set('sodium-crypt.signing.hmac_key', null);
        $this->fresh();
        $this->expectException(InvalidConfiguration::class);
        $this->expectExceptionMessage('No CRYPTO_HMAC_KEY is set');
        Sign::hmac256Sign('m');
    }

    public function test_crypto_keys_makes_the_facade_keys_once_and_never_prints_them(): void
    {
        $env = $this->envDir.'/.env';
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]));
        $text = (string) file_get_contents($env);
        foreach (['CRYPTO_BLAKE2B_HASHING_KEY', 'CRYPTO_HMAC_KEY', 'CRYPTO_EDDSA_KEY'] as $name) {
            $this->assertMatchesRegularExpression("/^$name=base64:[A-Za-z0-9+\\/]{43}=$/m", $text);
            preg_match("/^$name=(.*)$/m", $text, $m);
            $this->assertStringNotContainsString($m[1], $this->artisanOutput);
            $this->assertStringContainsString($name, $this->artisanOutput);
        }
        // Signing works with what it wrote, and a second run keeps those keys.
        $signature = Sign::hmac256Sign('x');
        $this->assertSame(0, $this->artisanCall('crypto:keys', ['--force' => true]));
        foreach (['CRYPTO_BLAKE2B_HASHING_KEY', 'CRYPTO_HMAC_KEY', 'CRYPTO_EDDSA_KEY'] as $name) {
            preg_match("/^$name=(.*)$/m", $text, $before);
            preg_match("/^$name=(.*)$/m", (string) file_get_contents($env), $after);
            $this->assertSame($before[1], $after[1], "$name kept");
        }
        $this->fresh();
        $this->assertTrue(Sign::hmac256Verify('x', $signature));
        $this->assertSame(43, strlen(Sign::eddsaPublicKey()));
    }
}
