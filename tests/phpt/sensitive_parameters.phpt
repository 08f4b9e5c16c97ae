--TEST--
Every secret parameter of every class carries #[\SensitiveParameter], and nothing else does
--INI--
zend.exception_ignore_args=0
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
$sensitive = [];
$classes = array_filter(get_declared_classes(), fn ($c) => str_starts_with($c, 'SodiumCrypt\\'));
foreach ($classes as $class) {
    foreach ((new ReflectionClass($class))->getMethods() as $method) {
        foreach ($method->getParameters() as $p) {
            if ($p->getAttributes(SensitiveParameter::class)) {
                $sensitive[] = substr($class, strlen('SodiumCrypt\\')) . "::{$method->getName()}(\${$p->getName()})";
            }
        }
    }
}
sort($sensitive);
echo implode("\n", $sensitive), "\n";

// The attribute at work: a TypeError made by the engine's parameter parsing
// keeps its frame's arguments, and the sensitive one is redacted there.
$frame = null;
try {
    (new SodiumCrypt\KeyWrap(1, 8192))->wrapWithPassword(SodiumCrypt\Key::generate(), ['hunter2']);
} catch (TypeError $e) {
    $frame = $e->getTrace()[0];
}
echo $frame['function'], ': ', implode(', ', array_map('get_debug_type', $frame['args'])), "\n";
var_dump(str_contains(print_r($e->getTrace(), true), 'hunter2'));
?>
--EXPECT--
Aead::encrypt($pt)
BlindIndex::compute($value)
BlindIndex::computeLaravelCrypto($value)
BlindIndex::computeMany($values)
BlindIndex::verify($value)
Hasher::hash($data)
Hasher::verify($data)
Key::fromBase64($encoded)
Key::fromBytes($bytes)
KeyContext::fromToken($token)
KeyWrap::unwrapWithPassword($password)
KeyWrap::wrapWithPassword($password)
Keyring::seal($plaintext)
Keyring::sealMany($plaintexts)
StreamSealer::push($chunk)
wrapWithPassword: SodiumCrypt\Key, SensitiveParameterValue
bool(false)
