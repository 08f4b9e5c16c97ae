--TEST--
KeyContext: the arena bytes of the context key read as zeros after clear(), and after a request that ended by exit, fatal error or uncaught exception (php-cgi -T: request 2 of the same process never sees request 1's key)
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php
if (!function_exists('SodiumCrypt\Test\context_memory')) die('skip needs a build with --enable-sodium-crypt-test-hooks');
// run-tests.php names the php-cgi beside the PHP under test (a built PHP's, not /usr/bin's).
$cgi = getenv('TEST_PHP_CGI_EXECUTABLE');
if (!getenv('SC_EXTENSION') || !$cgi || !is_executable($cgi)) die('skip needs php-cgi and SC_EXTENSION');
--FILE--
<?php
use SodiumCrypt\{Key, KeyContext};
use function SodiumCrypt\Test\context_memory;

// In this process: set, read the locked bytes, clear, read them again.
$raw = random_bytes(32);
KeyContext::set(Key::fromBytes($raw));
var_dump(context_memory() === bin2hex($raw));
KeyContext::clear();
var_dump(context_memory() === str_repeat('00', 32));

// Across requests of one php-cgi process: request 1 sets a key and dies in
// one of three ways; request 2 looks for it.
$stem = tempnam(sys_get_temp_dir(), 'sc');
$script = $stem . '.php';
$state = $script . '.state';
file_put_contents($script, <<<'PHP'
<?php
use SodiumCrypt\{Key, KeyContext};
use function SodiumCrypt\Test\context_memory;
$state = __FILE__ . '.state';
$n = (int) @file_get_contents($state) + 1;
file_put_contents($state, (string) $n);
if ($n === 1) {
    KeyContext::set(Key::fromBytes(str_repeat("\xA5", 32)));
    echo "request 1 set: ", context_memory() === str_repeat('a5', 32) ? 'in memory' : 'NOT FOUND', "\n";
    $how = getenv('SC_END');
    if ($how === 'exit') { exit(3); }
    if ($how === 'throw') { throw new RuntimeException('uncaught'); }
    if ($how === 'fatal') { ini_set('memory_limit', '4M'); str_repeat('x', 8 << 20); }
} else {
    echo "request 2: has() ", var_export(KeyContext::has(), true), ", memory ",
        context_memory() === str_repeat('00', 32) ? 'zeros' : context_memory(), "\n";
}
PHP);
foreach (['exit', 'throw', 'fatal'] as $how) {
    @unlink($state);
    // env -i: run-tests exports CGI variables (SCRIPT_FILENAME…) that php-cgi would obey;
    // stderr carries only -T's timing line.
    // Keep only a sanitizer run's environment (scripts/run-phpt-asan), which the module needs to load.
    $keep = '';
    foreach (['LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'USE_ZEND_ALLOC'] as $var) {
        if (getenv($var) !== false) {
            $keep .= ' ' . $var . '=' . escapeshellarg(getenv($var));
        }
    }
    $cmd = sprintf('env -i' . $keep . ' SC_END=%s %s -n -q -T 2 -d extension=%s -d display_errors=0 %s < /dev/null 2>/dev/null', $how,
        escapeshellarg(getenv('TEST_PHP_CGI_EXECUTABLE')), escapeshellarg(getenv('SC_EXTENSION')), escapeshellarg($script));
    echo "-- ended by $how\n", shell_exec($cmd);
}
@unlink($state);
@unlink($script);
@unlink($stem);
?>
--EXPECT--
bool(true)
bool(true)
-- ended by exit
request 1 set: in memory
request 2: has() false, memory zeros
-- ended by throw
request 1 set: in memory
request 2: has() false, memory zeros
-- ended by fatal
request 1 set: in memory
request 2: has() false, memory zeros
