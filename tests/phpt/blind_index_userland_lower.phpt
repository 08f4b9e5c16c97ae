--TEST--
BlindIndex: a userland mb_strtolower that returns its argument unchanged (symfony/polyfill-mbstring does, for text already in lower case) leaves that string intact: the index is the value's, never one of zero bytes
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php
if (!getenv('SC_EXTENSION')) die('skip needs SC_EXTENSION (scripts/run-phpt)');
if (trim((string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -r "echo (int) function_exists(\'mb_strtolower\');"')) !== '0') {
    die('skip ext/mbstring is built into this PHP: no userland mb_strtolower can be declared');
}
--FILE--
<?php
// A child PHP without any ini file, so that ext/mbstring is not loaded.
$stem = tempnam(sys_get_temp_dir(), 'sc');
$script = $stem . '.php';
file_put_contents($script, <<<'PHP'
<?php
use SodiumCrypt\{BlindIndex, Key};

$kept = [];
// What the polyfill does when nothing changes: the same string comes back.
function mb_strtolower(string $s, ?string $encoding = null): string
{
    global $kept;
    $lower = strtr($s, ['É' => 'é', 'Ö' => 'ö']);
    if ($lower === $s) {
        $kept[] = $s;   // a caller may also keep what it was given
        return $s;
    }
    return $lower;
}
echo extension_loaded('mbstring') ? "mbstring is loaded\n" : '';

$bi = new BlindIndex(Key::fromBytes(str_repeat("\x42", 32)));
$zero = $bi->compute(str_repeat("\0", strlen('josé@example.com')), 'email', false);
foreach (['josé@example.com', 'renée@example.com', 'ÉCOLE'] as $value) {
    $index = $bi->compute($value, 'email');
    $expected = $bi->compute(mb_strtolower(trim($value)), 'email', false);
    printf("%s: %s%s\n", $value, $index === $expected ? 'the lower-cased value\'s index' : 'WRONG',
        $index === $zero ? ' (zero bytes)' : '');
}
$many = $bi->computeMany(['josé@example.com', 'renée@example.com'], 'email');
echo 'computeMany: ', $many[0] !== $many[1] && $many[0] === $bi->compute('josé@example.com', 'email') ? 'distinct, as compute()' : 'WRONG', "\n";
echo 'strings the userland function kept: ', count($kept), ', of them zeroed: ', count(array_filter($kept, fn ($s) => trim($s, "\0") === '')), "\n";
PHP);
$keep = '';
foreach (['LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'USE_ZEND_ALLOC'] as $var) {
    if (getenv($var) !== false) {
        $keep .= ' ' . $var . '=' . escapeshellarg(getenv($var));
    }
}
echo shell_exec(sprintf('env -i%s %s -n -d extension=%s %s 2>&1', $keep, escapeshellarg(PHP_BINARY),
    escapeshellarg(getenv('SC_EXTENSION')), escapeshellarg($script)));
@unlink($script);
@unlink($stem);
?>
--EXPECTF--
josé@example.com: the lower-cased value's index
renée@example.com: the lower-cased value's index
ÉCOLE: the lower-cased value's index
computeMany: distinct, as compute()
strings the userland function kept: %d, of them zeroed: 0
