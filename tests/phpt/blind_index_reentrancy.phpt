--TEST--
BlindIndex: a userland mb_strtolower (no ext/mbstring, as with symfony/polyfill-mbstring) that clears the key context or re-enters compute() never makes a batch hash under freed or foreign bytes; sub-keys of a context key do not outlive clear()
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php
if (!getenv('SC_EXTENSION')) die('skip needs SC_EXTENSION (scripts/run-phpt)');
if (!function_exists('SodiumCrypt\Test\blind_index_cached')) die('skip needs a build with --enable-sodium-crypt-test-hooks');
// A PHP with mbstring compiled in (not a shared module) has mb_strtolower even under -n.
if (trim((string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -r "echo (int) function_exists(\'mb_strtolower\');"')) !== '0') {
    die('skip ext/mbstring is built into this PHP: no userland mb_strtolower can be declared');
}
--FILE--
<?php
// A child PHP without any ini file, so that ext/mbstring is not loaded and
// mb_strtolower can be a userland function.
$stem = tempnam(sys_get_temp_dir(), 'sc');
$script = $stem . '.php';
file_put_contents($script, <<<'PHP'
<?php
use SodiumCrypt\{BlindIndex, CryptoException, Key, KeyContext};
use function SodiumCrypt\Test\{arena_audit, blind_index_cached};

$hook = null;
function mb_strtolower(string $s, ?string $encoding = null): string
{
    global $hook;
    if ($hook) {
        [$h, $hook] = [$hook, null];
        $h();
    }
    return strtolower(str_replace(['É', 'Ö'], ['é', 'ö'], $s));
}
echo extension_loaded('mbstring') ? "mbstring is loaded\n" : '';

$raw = str_repeat("\x42", 32);
$reference = new BlindIndex(Key::fromBytes($raw)); // not a context key: never cleared

function outcome(callable $f, $expected): string
{
    try {
        return $f() === $expected ? 'same as the reference' : 'DIFFERENT: a silent wrong result';
    } catch (CryptoException $e) {
        return get_class($e) . ': ' . $e->getMessage();
    }
}

KeyContext::set(Key::fromBytes($raw));
$bi = new BlindIndex(KeyContext::get());
echo "plain: ", outcome(fn () => $bi->compute('ÉCOLE', 'c'), $reference->compute('ÉCOLE', 'c')), "\n";

// The call-out clears the context and computes again on the same object.
$expected = $reference->compute('ÉCOLE', 'c');
$hook = function () use ($bi) {
    KeyContext::clear();
    try { $bi->compute('x', 'c'); } catch (CryptoException) {}
    str_repeat('y', 32); // reuse what was freed
};
echo "clear inside compute(): ", outcome(fn () => $bi->compute('ÉCOLE', 'c'), $expected), "\n";

KeyContext::set(Key::fromBytes($raw));
$bi = new BlindIndex(KeyContext::get());
$bi->compute('warm', 'c');
$values = ['ÉA', 'ÖB', 'ÉC'];
$expected = $reference->computeMany($values, 'c');
$hook = function () use ($bi) {
    KeyContext::clear();
    try { $bi->compute('x', 'c'); } catch (CryptoException) {}
    KeyContext::set(Key::fromBytes(str_repeat("\x99", 32)));
};
echo "clear inside computeMany(): ", outcome(fn () => $bi->computeMany($values, 'c'), $expected), "\n";
KeyContext::clear();

// A key that is never wiped: the call-out fills the sub-key cache past its size.
$bi = new BlindIndex(Key::fromBytes($raw));
$bi->compute('warm', 'c');
$hook = function () use ($bi) {
    for ($i = 0; $i < 100; $i++) { $bi->compute('v', "col$i"); }
};
echo "re-entrant compute() on 100 columns: ", outcome(fn () => $bi->computeMany($values, 'c'), $expected), "\n";

// A context key's sub-keys are cached while it is set, shared by every index
// over it, and nothing derived from it stays in memory after clear().
$bi = null; // and its plain key's 64 sub-keys
$locked = arena_audit()['in_use'];
KeyContext::set(Key::fromBytes($raw));
$bi = new BlindIndex(KeyContext::get());
$bi->compute('a', 'c1');
$bi->compute('b', 'c2');
$during = blind_index_cached($bi);
$other = blind_index_cached(new BlindIndex(KeyContext::get()));
KeyContext::clear();
echo "cached sub-keys of a context key: $during while set, $other for a new index over it, ", blind_index_cached($bi), " after clear()\n";
$audit = arena_audit();
echo "locked memory after clear(): ", $audit['in_use'] === $locked ? 'as before set()' : 'NOT as before set()',
    $audit['dirty_free'] === 0 ? ', wiped' : ', NOT wiped', "\n";
echo "cached sub-keys of a plain key: ", blind_index_cached($reference), "\n";
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
--EXPECT--
plain: same as the reference
clear inside compute(): SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
clear inside computeMany(): SodiumCrypt\CryptoException: This key has been wiped (KeyContext::clear() or request end)
re-entrant compute() on 100 columns: same as the reference
cached sub-keys of a context key: 2 while set, 2 for a new index over it, 0 after clear()
locked memory after clear(): as before set(), wiped
cached sub-keys of a plain key: 1
