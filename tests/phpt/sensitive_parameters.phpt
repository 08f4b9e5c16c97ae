--TEST--
Every secret parameter of every class carries #[\SensitiveParameter], and nothing else does
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
$sensitive = [];
foreach (['Cipher', 'Key', 'Aead', 'Keyring'] as $class) {
    foreach ((new ReflectionClass("SodiumCrypt\\$class"))->getMethods() as $method) {
        foreach ($method->getParameters() as $p) {
            if ($p->getAttributes(SensitiveParameter::class)) {
                $sensitive[] = "$class::{$method->getName()}(\${$p->getName()})";
            }
        }
    }
}
sort($sensitive);
echo implode("\n", $sensitive), "\n";

// And the engine redacts them in traces.
function trace_of(callable $fn): string
{
    try { $fn(); } catch (Throwable $e) { return print_r($e->getTrace()[0]['args'] ?? [], true); }
    return '';
}
ini_set('zend.exception_ignore_args', '0');
echo trace_of(fn () => SodiumCrypt\Key::fromBytes('short-secret'));
?>
--EXPECT--
Aead::encrypt($pt)
Key::fromBase64($encoded)
Key::fromBytes($bytes)
Keyring::seal($plaintext)
Keyring::sealMany($plaintexts)
Array
(
)
