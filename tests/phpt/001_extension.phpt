--TEST--
The extension loads, registers its classes, and phpinfo() says what runs
--EXTENSIONS--
sodium_crypt
--FILE--
<?php
foreach (['SodiumCrypt\Cipher', 'SodiumCrypt\PayloadFormat'] as $enum) {
    var_dump(enum_exists($enum));
}
foreach (['Key', 'Aead', 'Keyring', 'CryptoException', 'DecryptionFailed', 'MissingKeyContext'] as $class) {
    var_dump(class_exists("SodiumCrypt\\$class"));
}
var_dump(is_subclass_of('SodiumCrypt\DecryptionFailed', 'SodiumCrypt\CryptoException'));
var_dump(is_subclass_of('SodiumCrypt\CryptoException', 'RuntimeException'));
foreach (['Key', 'Aead', 'Keyring', 'DecryptionFailed'] as $class) {
    var_dump((new ReflectionClass("SodiumCrypt\\$class"))->isFinal());
}
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
foreach (['Version', 'libsodium library version', 'AEGIS implementation', 'CPU features used'] as $row) {
    var_dump(preg_match('/^' . preg_quote($row) . ' => \S/m', $info) === 1);
}
var_dump(str_contains($info, 'libsodium library version => ' . SODIUM_LIBRARY_VERSION));
var_dump(phpversion('sodium_crypt'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(5) "0.1.0"
