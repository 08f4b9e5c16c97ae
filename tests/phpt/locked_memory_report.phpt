--TEST--
phpinfo() reports how much of the key memory mlock() really locked: all of it normally, none of it when the process may lock nothing (RLIMIT_MEMLOCK 0, no CAP_IPC_LOCK), where sodium_malloc() fails to lock silently
--EXTENSIONS--
sodium_crypt
--SKIPIF--
<?php
if (!getenv('SC_EXTENSION')) die('skip needs SC_EXTENSION (scripts/run-phpt)');
if (!is_executable('/usr/bin/prlimit') || !is_executable('/usr/bin/setpriv')) die('skip needs prlimit and setpriv (util-linux)');
// AddressSanitizer intercepts mlock() and answers success without locking anything.
if (str_contains((string) getenv('LD_PRELOAD'), 'libasan')) die('skip under ASan, mlock() always "succeeds"');
--FILE--
<?php
$code = '$k = SodiumCrypt\Key::generate(); ob_start(); phpinfo(INFO_MODULES); preg_match("/Key memory => (.*)/", ob_get_clean(), $m); echo $m[1] ?? "no row", "\n";';
$php = sprintf('%s -n -d extension=%s -r %s', escapeshellarg(PHP_BINARY), escapeshellarg(getenv('SC_EXTENSION')), escapeshellarg($code));
$keep = '';
foreach (['LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'USE_ZEND_ALLOC'] as $var) {
    if (getenv($var) !== false) {
        $keep .= ' ' . $var . '=' . escapeshellarg(getenv($var));
    }
}
$none = sprintf('%s -n -d extension=%s -r %s', escapeshellarg(PHP_BINARY), escapeshellarg(getenv('SC_EXTENSION')),
    escapeshellarg(str_replace('$k = SodiumCrypt\\Key::generate(); ', '', $code)));
echo 'no key yet: ', shell_exec("env -i$keep $none 2>&1");
echo 'as started: ', shell_exec("env -i$keep $php 2>&1");
// Drop CAP_IPC_LOCK (root has it) and allow no locked memory: mlock() fails.
$unlocked = "env -i$keep /usr/bin/prlimit --memlock=0 /usr/bin/setpriv --bounding-set=-ipc_lock --inh-caps=-ipc_lock $php 2>&1";
if (posix_geteuid() !== 0) {
    $unlocked = "env -i$keep /usr/bin/prlimit --memlock=0 $php 2>&1";
}
echo 'mlock refused: ', shell_exec($unlocked);
?>
--EXPECTF--
no key yet: 0 bytes in use, 0 chunks of 16384 bytes, none allocated yet
as started: 64 bytes in use, 1 chunk of 16384 bytes, locked (mlock)
mlock refused: 64 bytes in use, 1 chunk of 16384 bytes, NOT locked: mlock() was refused (raise RLIMIT_MEMLOCK, `ulimit -l`, or grant CAP_IPC_LOCK): keys may be swapped to disk
