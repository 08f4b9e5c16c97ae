--TEST--
Pkcs11: each configuration mistake stops with its reason (no module, a missing one, a library that is not PKCS#11, no token, a token label nobody has, two tokens, a module that fails to start); fork() re-initialises the module in the child
--EXTENSIONS--
sodium_crypt
pcntl
--SKIPIF--
<?php if (!getenv('SC_EXTENSION')) die('skip needs SC_EXTENSION (scripts/run-phpt)');
--FILE--
<?php
require __DIR__ . '/pkcs11.inc';
$env = sc_softhsm_token();
$dir = $env['dir'];
unset($env['dir']);
$module = $env['SC_PKCS11_MODULE'];

// A PHP of its own for each case: the module and token are system settings.
function run(array $ini, array $env, string $code): string
{
    $args = [PHP_BINARY, '-n', '-d', 'extension=' . getenv('SC_EXTENSION'), '-d', 'display_errors=stderr'];
    foreach ($ini as $name => $value) {
        array_push($args, '-d', "sodium_crypt.$name=$value");
    }
    array_push($args, '-r', $code);
    $p = proc_open($args, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env + getenv());
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($p);
    return trim($out);
}
$unwrap = 'try { echo strlen(SodiumCrypt\Pkcs11::unwrap(getenv("SC_REF"))->id()), "\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }';
$ref = run(['pkcs11_module' => $module], $env, 'echo SodiumCrypt\Pkcs11::generate("kek-1");');
var_dump(str_starts_with($ref, 'pkcs11:kek-1:'));
$env['SC_REF'] = $ref;

echo "-- the happy path\n", run(['pkcs11_module' => $module], $env, $unwrap), "\n";
echo "-- the token by its label\n", run(['pkcs11_module' => $module, 'pkcs11_token' => 'sc-test'], $env, $unwrap), "\n";
echo "-- no module\n", run([], $env, $unwrap), "\n";
echo "-- a module that is not there\n", run(['pkcs11_module' => "$dir/missing.so"], $env, $unwrap), "\n";
echo "-- a library that is not PKCS#11\n", run(['pkcs11_module' => getenv('SC_EXTENSION')], $env, $unwrap), "\n";
echo "-- a token label nobody has\n", run(['pkcs11_module' => $module, 'pkcs11_token' => 'other'], $env, $unwrap), "\n";
mkdir("$dir/empty");
file_put_contents("$dir/empty.conf", "directories.tokendir = $dir/empty\nobjectstore.backend = file\nlog.level = ERROR\n");
echo "-- no token at all\n", run(['pkcs11_module' => $module], ['SOFTHSM2_CONF' => "$dir/empty.conf"] + $env, $unwrap), "\n";
echo "-- the module cannot start\n", run(['pkcs11_module' => $module], ['SOFTHSM2_CONF' => "$dir/none.conf"] + $env, $unwrap), "\n";
exec('SOFTHSM2_CONF=' . escapeshellarg($env['SOFTHSM2_CONF']) . ' softhsm2-util --init-token --free --label second --pin 1234 --so-pin 87654321 2>&1', $out, $rc);
echo "-- two tokens, no label\n", run(['pkcs11_module' => $module], $env, $unwrap), "\n";
echo "-- two tokens, a label\n", run(['pkcs11_module' => $module, 'pkcs11_token' => 'sc-test'], $env, $unwrap), "\n";

echo "-- fork(): the child initialises the module again; cached keys need no token\n";
echo run(['pkcs11_module' => $module, 'pkcs11_token' => 'sc-test'], $env, <<<'PHP'
    use SodiumCrypt\Pkcs11;
    $first = Pkcs11::unwrap(getenv('SC_REF'));
    $second = Pkcs11::generate('kek-1');
    $pid = pcntl_fork();
    if ($pid === 0) {
        echo "child: cached ", var_export(Pkcs11::unwrap(getenv('SC_REF'))->equals($first), true),
            ", new ", Pkcs11::unwrap($second)->length(), ", again ", Pkcs11::unwrap(Pkcs11::generate('kek-2'))->length(), "\n";
        exit(0);
    }
    pcntl_waitpid($pid, $status);
    echo "parent after the child: ", Pkcs11::unwrap($second)->length(), ", exit ", pcntl_wexitstatus($status), "\n";
    PHP), "\n";
?>
--EXPECTF--
bool(true)
-- the happy path
8
-- the token by its label
8
-- no module
SodiumCrypt\CryptoException: PKCS#11: no PKCS#11 module is configured (set sodium_crypt.pkcs11_module in php.ini)
-- a module that is not there
SodiumCrypt\CryptoException: PKCS#11: the PKCS#11 module could not be loaded: %s/missing.so
-- a library that is not PKCS#11
SodiumCrypt\CryptoException: PKCS#11: the library is not a PKCS#11 module (it has no C_GetFunctionList): %ssodium_crypt.so
-- a token label nobody has
SodiumCrypt\CryptoException: PKCS#11: the token is not present; token "other", module %s
-- no token at all
SodiumCrypt\CryptoException: PKCS#11: the token is not present; the only token, module %s
-- the module cannot start
SodiumCrypt\CryptoException: PKCS#11: the PKCS#11 module failed to initialise: %s (CKR_%s)
-- two tokens, no label
SodiumCrypt\CryptoException: PKCS#11: several tokens match (set sodium_crypt.pkcs11_token to the label of exactly one)
-- two tokens, a label
8
-- fork(): the child initialises the module again; cached keys need no token
child: cached true, new 32, again 32
parent after the child: 32, exit 0
