--TEST--
Fork safety: after pcntl_fork() parent and child never draw the same nonce; keys made before the fork work in both, stay locked in the child, and are wiped in both
--EXTENSIONS--
sodium_crypt
pcntl
--SKIPIF--
<?php if (!function_exists('SodiumCrypt\Test\context_memory')) die('skip needs a build with --enable-sodium-crypt-test-hooks');
--FILE--
<?php
use SodiumCrypt\{Aead, Cipher, Key, KeyContext, Keyring};
use function SodiumCrypt\Test\context_memory;

$key = Key::generate();
$aead = new Aead(Cipher::XChaCha20Poly1305, $key);
$ring = new Keyring(Cipher::Aegis256, $key);
$before = $ring->seal('sealed before the fork');
KeyContext::set(Key::fromBytes(str_repeat("\x5a", 32)));

$nonces = fn (int $n) => array_map(fn () => bin2hex(substr($aead->encrypt(''), 0, 24)), range(1, $n));
$file = tempnam(sys_get_temp_dir(), 'fork');
$pid = pcntl_fork();
if ($pid === 0) {
    $report = [
        'nonces' => $nonces(2000),
        'opens' => $ring->open($before),
        'parent_can_open' => $ring->seal('sealed by the child'),
        'context' => context_memory() === str_repeat('5a', 32),
        'locked_kb' => (int) preg_replace('/\D/', '', (string) preg_grep('/^VmLck:/', file('/proc/self/status'))[array_key_first(preg_grep('/^VmLck:/', file('/proc/self/status')))]),
    ];
    KeyContext::clear();
    $report['child_wiped'] = context_memory() === str_repeat('00', 32);
    file_put_contents($file, serialize($report));
    exit(0);
}
$parentNonces = $nonces(2000);
pcntl_waitpid($pid, $status);
$child = unserialize((string) file_get_contents($file));
unlink($file);

echo "child exited cleanly: ", var_export(pcntl_wifexited($status) && pcntl_wexitstatus($status) === 0, true), "\n";
echo "nonces shared by parent and child: ", count(array_intersect($parentNonces, $child['nonces'])), " of 4000\n";
echo "child opened the parent's payload: {$child['opens']}\n";
echo "parent opens the child's payload: ", $ring->open($child['parent_can_open']), "\n";
echo "context key present in the child: ", var_export($child['context'], true), "\n";
// AddressSanitizer ignores mlock() by design (scripts/run-phpt-asan): nothing to see there.
$asan = str_contains((string) getenv('LD_PRELOAD'), 'libasan');
echo "arena locked in the child (VmLck > 0): ", var_export($asan || $child['locked_kb'] > 0, true), "\n";
echo "child wiped its copy: ", var_export($child['child_wiped'], true), "\n";
echo "parent's copy untouched by the child's wipe: ", var_export(context_memory() === str_repeat('5a', 32), true), "\n";
KeyContext::clear();
echo "parent wiped its copy: ", var_export(context_memory() === str_repeat('00', 32), true), "\n";
?>
--EXPECT--
child exited cleanly: true
nonces shared by parent and child: 0 of 4000
child opened the parent's payload: sealed before the fork
parent opens the child's payload: sealed by the child
context key present in the child: true
arena locked in the child (VmLck > 0): true
child wiped its copy: true
parent's copy untouched by the child's wipe: true
parent wiped its copy: true
