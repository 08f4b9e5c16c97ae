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
// The random source: the vDSO's getrandom wherever the kernel maps one
// exporting it (Linux 6.11+ on x86-64), libsodium's randombytes_buf elsewhere.
preg_match('/^Random source => (.*)$/m', $info, $m);
$auxv = array_values(unpack('Q*', (string) @file_get_contents('/proc/self/auxv')) ?: []);
$vdso = false;
for ($i = 0; $i + 1 < count($auxv); $i += 2) {
    $vdso = $vdso || ($auxv[$i] === 33 && $auxv[$i + 1] !== 0); // AT_SYSINFO_EHDR
}
$expect = php_uname('m') === 'x86_64' && version_compare(php_uname('r'), '6.11', '>=') && $vdso
    ? ['vdso getrandom'] : ['vdso getrandom', 'libsodium randombytes_buf'];
var_dump(in_array($m[1] ?? '', $expect, true));
var_dump(phpversion('sodium_crypt'));
?>
--EXPECTF--
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
bool(true)
string(%d) "%d.%d.%d"
