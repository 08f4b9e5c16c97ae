--TEST--
Fork safety, many children: a warm parent forks 24 children; no nonce is drawn twice across all of them
--EXTENSIONS--
sodium_crypt
pcntl
--FILE--
<?php
use SodiumCrypt\{Aead, Cipher, Key, Keyring};

// Warm: the parent's random state (the vDSO's per-thread one, where the
// kernel has it) is initialised and has buffered bytes before any fork.
$aead = new Aead(Cipher::XChaCha20Poly1305, Key::generate());
$ring = new Keyring(Cipher::Aegis256, Key::generate());
$draw = function (int $n) use ($aead, $ring): array {
    $out = [];
    for ($i = 0; $i < $n; $i++) {
        $out[] = 'n' . bin2hex(substr($aead->encrypt(''), 0, 24));
        $out[] = 'r' . $ring->seal(''); // nonce-first: equal payloads would mean an equal nonce
    }
    return $out;
};
$draw(500);

$children = 24;
$dir = sys_get_temp_dir() . '/sc-fork-' . getmypid();
@mkdir($dir);
$pids = [];
for ($c = 0; $c < $children; $c++) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        file_put_contents("$dir/$c", implode("\n", $draw(100)));
        exit(0);
    }
    $pids[] = $pid;
}
$all = $draw(100);
$clean = 0;
foreach ($pids as $pid) {
    pcntl_waitpid($pid, $status);
    $clean += (int) (pcntl_wifexited($status) && pcntl_wexitstatus($status) === 0);
}
for ($c = 0; $c < $children; $c++) {
    $all = array_merge($all, explode("\n", (string) file_get_contents("$dir/$c")));
    unlink("$dir/$c");
}
rmdir($dir);
echo "children exited cleanly: $clean of $children\n";
echo "values drawn: ", count($all), "\n";
echo "drawn twice: ", count($all) - count(array_unique($all)), "\n";
?>
--EXPECT--
children exited cleanly: 24 of 24
values drawn: 5000
drawn twice: 0
