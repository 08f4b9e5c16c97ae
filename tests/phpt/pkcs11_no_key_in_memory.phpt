--TEST--
Pkcs11: a data key the token unwrapped exists in the process only in locked memory (a scan of every writable mapping of a PHP process that unwrapped it and used it: no copy outside mlock()ed pages)
--EXTENSIONS--
sodium_crypt
--INI--
sodium_crypt.pkcs11_module=/usr/lib/softhsm/libsofthsm2.so
--SKIPIF--
<?php
if (!getenv('SC_EXTENSION')) die('skip needs SC_EXTENSION (scripts/run-phpt)');
if (getenv('LD_PRELOAD')) die('skip a sanitizer run: its shadow memory is terabytes of mappings to scan');
--FILE--
<?php
use SodiumCrypt\Pkcs11;

require __DIR__ . '/pkcs11.inc';
$env = sc_softhsm_token();
$ref = Pkcs11::generate('kek-1');

// The process under test: unwraps the key, seals and opens with it (as an
// app does with APP_KEY), then waits while this one reads its memory.
$code = <<<'PHP'
    use SodiumCrypt\{Cipher, Keyring, Pkcs11};
    $key = Pkcs11::unwrap(getenv('SC_REF'));
    $ring = new Keyring(Cipher::Aegis256, $key);
    $opened = $ring->open($ring->seal(str_repeat('personal data ', 100)));
    $again = Pkcs11::unwrap(getenv('SC_REF'));
    echo "ready\n";
    fgets(STDIN);
    PHP;
$p = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . getenv('SC_EXTENSION'), '-d', "sodium_crypt.pkcs11_module=$env[SC_PKCS11_MODULE]", '-r', $code],
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, ['SC_REF' => $ref] + getenv());
echo fgets($pipes[1]);
$pid = proc_get_status($p)['pid'];

// The needle: this process may hold the key as a string; it is the harness.
$needle = Pkcs11::unwrap($ref)->exportBytes();
$maps = file_get_contents("/proc/$pid/smaps");
$mem = fopen("/proc/$pid/mem", 'rb');
$locked = $unlocked = $scanned = 0;
preg_match_all('/^([0-9a-f]+)-([0-9a-f]+) (\S{4}) [^\n]*\n(?:(?![0-9a-f]+-)[^\n]*\n)*/m', $maps, $regions, PREG_SET_ORDER);
foreach ($regions as [$block, $start, $end, $perms]) {
    $from = hexdec($start);
    $size = hexdec($end) - $from;
    if ($perms[0] !== 'r' || $perms[1] !== 'w' || $size > (256 << 20)) {
        continue; // keys are written at run time: writable mappings only
    }
    preg_match('/^Locked:\s+(\d+) kB/m', $block, $m);
    fseek($mem, $from);
    $bytes = (string) @fread($mem, $size);
    $scanned += strlen($bytes);
    for ($at = strpos($bytes, $needle); $at !== false; $at = strpos($bytes, $needle, $at + 1)) {
        (int) ($m[1] ?? 0) > 0 ? $locked++ : $unlocked++;
    }
}
fwrite($pipes[0], "done\n");
proc_close($p);
printf("scanned more than 1 MiB: %s\n", $scanned > (1 << 20) ? 'yes' : "no ($scanned)");
printf("copies in locked memory: %s\n", $locked >= 1 ? 'at least one' : 'none');
printf("copies anywhere else: %d\n", $unlocked);
?>
--EXPECT--
ready
scanned more than 1 MiB: yes
copies in locked memory: at least one
copies anywhere else: 0
