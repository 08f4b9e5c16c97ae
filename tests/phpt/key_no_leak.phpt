--TEST--
Key: no dump, export, cast, serialization, clone or trace ever shows its bytes
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\Key;

$raw = random_bytes(32);
$key = Key::fromBytes($raw);
$needles = [$raw, bin2hex($raw), base64_encode($raw), rtrim(strtr(base64_encode($raw), '+/', '-_'), '=')];
function leaks(string $text): bool
{
    global $needles;
    foreach ($needles as $n) {
        if (str_contains($text, $n) || str_contains($text, substr($n, 0, 8))) {
            return true;
        }
    }
    return false;
}

$seen = [];
ob_start(); var_dump($key); $seen['var_dump'] = ob_get_clean();
$seen['print_r'] = print_r($key, true);
$seen['var_export'] = var_export($key, true);
$seen['json_encode'] = json_encode($key);
ob_start(); debug_zval_dump($key); $seen['debug_zval_dump'] = ob_get_clean();
$seen['array cast'] = print_r((array) $key, true);
$seen['get_object_vars'] = print_r(get_object_vars($key), true);
$seen['serialize'] = sc_throws(fn () => serialize($key));
$seen['unserialize'] = sc_throws(fn () => unserialize('O:15:"SodiumCrypt\Key":0:{}'));
$seen['clone'] = sc_throws(fn () => clone $key);
$seen['dynamic property'] = sc_throws(function () use ($key) { $key->bytes = 'x'; });
$seen['no constructor'] = sc_throws(fn () => (new ReflectionClass(Key::class))->newInstanceWithoutConstructor());

// A trace through the extension, from a frame that holds the raw key.
function keep(string $secret, Key $key): void
{
    new SodiumCrypt\Aead(SodiumCrypt\Cipher::XChaCha20Poly1305, Key::generate(16));
}
try {
    keep($raw, $key);
} catch (ValueError $e) {
    $seen['trace'] = $e->getTraceAsString() . print_r($e->getTrace(), true) . (string) $e;
}
try {
    Key::fromBytes($raw . $raw . 'x');
} catch (ValueError $e) {
    $seen['fromBytes error'] = $e->getTraceAsString() . print_r($e->getTrace(), true) . $e->getMessage();
}

foreach ($seen as $what => $text) {
    printf("%-17s %s\n", $what, leaks($text) ? 'LEAKS' : 'clean');
}
echo $seen['var_dump'], $seen['var_export'], "\n", $seen['json_encode'], "\n";
echo $seen['serialize'], "\n", $seen['unserialize'], "\n", $seen['clone'], "\n", $seen['dynamic property'], "\n";
echo $seen['no constructor'], "\n";
var_dump(str_contains($seen['var_dump'], $key->id()));
?>
--EXPECTF--
var_dump          clean
print_r           clean
var_export        clean
json_encode       clean
debug_zval_dump   clean
array cast        clean
get_object_vars   clean
serialize         clean
unserialize       clean
clone             clean
dynamic property  clean
no constructor    clean
trace             clean
fromBytes error   clean
object(SodiumCrypt\Key)#%d (2) {
  ["length"]=>
  int(32)
  ["id"]=>
  string(8) "%x"
}
\SodiumCrypt\Key::__set_state(array(
))
{}
Exception: Serialization of 'SodiumCrypt\Key' is not allowed
Exception: Unserialization of 'SodiumCrypt\Key' is not allowed
Error: Trying to clone an uncloneable object of class SodiumCrypt\Key
Error: Cannot create dynamic property SodiumCrypt\Key::$bytes
ReflectionException: Class SodiumCrypt\Key is an internal class marked as final that cannot be instantiated without invoking its constructor
bool(true)
