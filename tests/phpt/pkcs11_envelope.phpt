--TEST--
Pkcs11: data keys wrapped under a SoftHSM2 KEK (RFC 5649): generate, unwrap once per process, rewrap under another KEK, and each error with its reason
--EXTENSIONS--
sodium_crypt
--INI--
sodium_crypt.pkcs11_module=/usr/lib/softhsm/libsofthsm2.so
--FILE--
<?php
use SodiumCrypt\{Cipher, CryptoException, Key, Keyring, Pkcs11};

require __DIR__ . '/pkcs11.inc';
sc_softhsm_token(); // KEKs kek-1 and kek-2
$calls = function_exists('SodiumCrypt\Test\pkcs11_unwrap_calls') ? 'SodiumCrypt\Test\pkcs11_unwrap_calls' : null;
function fails(callable $fn): string
{
    try {
        $fn();
        return 'no exception';
    } catch (Throwable $e) {
        return get_class($e) . ': ' . $e->getMessage();
    }
}

echo "-- generate, unwrap\n";
$ref = Pkcs11::generate('kek-1');
var_dump(preg_match('/^pkcs11:kek-1:[A-Za-z0-9_-]{54}$/', $ref) === 1, Pkcs11::isReference($ref));
$key = Pkcs11::unwrap($ref);
var_dump($key->length());
$ring = new Keyring(Cipher::Aegis256, $key);
$payload = $ring->seal('personal data');
$again = Pkcs11::unwrap($ref);
var_dump($again->equals($key), (new Keyring(Cipher::Aegis256, $again))->open($payload));
var_dump($calls === null || $calls() === 1); // the second unwrap came from the cache
var_dump(Pkcs11::wrap($key, 'kek-1') === $ref); // KWP is deterministic
var_dump(Pkcs11::unwrap(Pkcs11::generate('kek-1', 64))->length(), Pkcs11::unwrap(Pkcs11::generate('kek-1', 16))->length());

echo "-- the KEK rotated: rewrap, the data untouched\n";
$ref2 = Pkcs11::wrap(Pkcs11::unwrap($ref), 'kek-2');
var_dump(str_starts_with($ref2, 'pkcs11:kek-2:'), $ref2 !== $ref);
var_dump((new Keyring(Cipher::Aegis256, Pkcs11::unwrap($ref2)))->open($payload));

echo "-- bad references\n";
[, , $b64] = explode(':', $ref);
$wrapped = base64_decode(strtr($b64, '-_', '+/'));
$b64url = fn (string $b) => rtrim(strtr(base64_encode($b), '+/', '-_'), '=');
echo fails(fn () => Pkcs11::unwrap('pkcs11:kek-2:' . $b64)), "\n"; // wrapped under kek-1
$tampered = $wrapped; $tampered[20] = chr(ord($tampered[20]) ^ 1);
echo fails(fn () => Pkcs11::unwrap('pkcs11:kek-1:' . $b64url($tampered))), "\n";
echo fails(fn () => Pkcs11::unwrap('pkcs11:kek-1:' . $b64url(substr($wrapped, 0, 32)))), "\n";
echo fails(fn () => Pkcs11::unwrap('pkcs11:kek-1:' . $b64url($wrapped . str_repeat("\0", 8)))), "\n";
echo fails(fn () => Pkcs11::unwrap('pkcs11:no-such-kek:' . $b64)), "\n";
foreach (['', 'pkcs11:', 'pkcs11:kek-1', 'pkcs11::' . $b64, 'pkcs11:kek-1:' . $b64 . '=', 'base64:' . $b64,
          'pkcs11:kek-1:' . str_repeat('A', 200)] as $bad) {
    var_dump(Pkcs11::isReference($bad));
    echo fails(fn () => Pkcs11::unwrap($bad)), "\n";
}
echo fails(fn () => Pkcs11::generate('')), "\n";
echo fails(fn () => Pkcs11::generate("a\0b")), "\n";
echo fails(fn () => Pkcs11::generate('kek-1', 15)), "\n";
echo fails(fn () => Pkcs11::generate('kek-1', 65)), "\n";
echo fails(fn () => Pkcs11::generate('no-such-kek')), "\n";

echo "-- the PIN (a new reference: cached keys need no login)\n";
$fresh = Pkcs11::generate('kek-1');
putenv('SODIUM_CRYPT_PKCS11_PIN=0000');
echo fails(fn () => Pkcs11::unwrap($fresh)), "\n";
putenv('SODIUM_CRYPT_PKCS11_PIN');
echo fails(fn () => Pkcs11::unwrap($fresh)), "\n";
var_dump(Pkcs11::unwrap($ref)->equals($key)); // cached: the token is not asked
putenv('SODIUM_CRYPT_PKCS11_PIN=1234');
var_dump(Pkcs11::unwrap($fresh)->length());

?>
--EXPECTF--
-- generate, unwrap
bool(true)
bool(true)
int(32)
bool(true)
string(13) "personal data"
bool(true)
bool(true)
int(64)
int(16)
-- the KEK rotated: rewrap, the data untouched
bool(true)
bool(true)
string(13) "personal data"
-- bad references
SodiumCrypt\CryptoException: PKCS#11: the wrapped key does not unwrap under that key-encryption key (another KEK, or damaged) (CKR_%s); key label "kek-2", the only token
SodiumCrypt\CryptoException: PKCS#11: the wrapped key does not unwrap under that key-encryption key (another KEK, or damaged) (CKR_%s); key label "kek-1", the only token
SodiumCrypt\CryptoException: PKCS#11: the wrapped key does not unwrap under that key-encryption key (another KEK, or damaged) (CKR_%s); key label "kek-1", the only token
SodiumCrypt\CryptoException: PKCS#11: the wrapped key does not unwrap under that key-encryption key (another KEK, or damaged) (CKR_%s); key label "kek-1", the only token
SodiumCrypt\CryptoException: PKCS#11: the token holds no secret key with that label; key label "no-such-kek", the only token
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
bool(false)
ValueError: SodiumCrypt\Pkcs11::unwrap(): Argument #1 ($reference) must be a reference "pkcs11:<KEK label>:<wrapped key, base64url>"
ValueError: SodiumCrypt\Pkcs11::generate(): Argument #1 ($kekLabel) must be a key label of 1 to 255 bytes without NUL
ValueError: SodiumCrypt\Pkcs11::generate(): Argument #1 ($kekLabel) must be a key label of 1 to 255 bytes without NUL
ValueError: SodiumCrypt\Pkcs11::generate(): Argument #2 ($bytes) must be between 16 and 64
ValueError: SodiumCrypt\Pkcs11::generate(): Argument #2 ($bytes) must be between 16 and 64
SodiumCrypt\CryptoException: PKCS#11: the token holds no secret key with that label; key label "no-such-kek", the only token
-- the PIN (a new reference: cached keys need no login)
SodiumCrypt\CryptoException: PKCS#11: the token refused the PIN (CKR_PIN_INCORRECT); the only token, module /usr/lib/softhsm/libsofthsm2.so
SodiumCrypt\CryptoException: PKCS#11: the token needs a login and no PIN is set (SODIUM_CRYPT_PKCS11_PIN in the environment); the only token, module /usr/lib/softhsm/libsofthsm2.so
bool(true)
int(32)
