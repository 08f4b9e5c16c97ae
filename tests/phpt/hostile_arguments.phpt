--TEST--
Every public method of every class, fed wrong types, empty strings, a 100 MiB string and binary junk: exceptions only (a TypeError for every wrong type under strict types), never a warning, a crash or a wrong success; coercive mode adds only the engine's own ZPP deprecations
--EXTENSIONS--
sodium_crypt
mbstring
--SKIPIF--
<?php if (getenv('SC_SLOW_TESTS_OFF')) die('skip too slow under valgrind');
--INI--
memory_limit=-1
--FILE--
<?php
require __DIR__ . '/vectors.inc';
use SodiumCrypt\{Aead, BlindIndex, Cipher, Key, KeyContext, Keyring, KeyWrap, PayloadFormat};

$huge = str_repeat("\xA5junk\x00", intdiv(100 << 20, 6));
$junk = random_bytes(257);
$strings = ['' => '', 'junk' => $junk, '100MiB' => $huge, 'nul' => "\0\0\0", 'utf8-broken' => "\xc3\x28", 'b64ish' => 'sc1.AAAA'];
$wrong = ['int' => 42, 'float' => 1.5, 'null' => null, 'array' => [1, 2], 'object' => new stdClass, 'bool' => true,
    'closure' => fn () => 1, 'key' => Key::generate()];

$key = Key::generate();
$objects = [
    Key::class => $key,
    Aead::class => new Aead(Cipher::XChaCha20Poly1305, $key),
    Keyring::class => new Keyring(Cipher::Aegis256, $key, [Key::generate()]),
    KeyWrap::class => new KeyWrap(1, 8192),
    BlindIndex::class => new BlindIndex($key),
];
$classes = [Cipher::class, Key::class, Aead::class, Keyring::class, KeyWrap::class, KeyContext::class, BlindIndex::class];

// A plausible value for each parameter type, so each argument is attacked alone.
function plausible(ReflectionParameter $p): mixed
{
    $t = (string) $p->getType();
    return match (true) {
        str_contains($t, 'Key') => Key::generate(),
        str_contains($t, 'Cipher') => Cipher::XChaCha20Poly1305,
        str_contains($t, 'PayloadFormat') => PayloadFormat::LaravelCrypto,
        str_contains($t, 'array') => [],
        str_contains($t, 'int') => 1,
        str_contains($t, 'bool') => true,
        default => 'x',
    };
}

// Would strict typing accept $value for this parameter type?
function accepts(ReflectionType $type, mixed $value): bool
{
    foreach ($type instanceof ReflectionUnionType ? $type->getTypes() : [$type] as $t) {
        $name = $t->getName();
        $ok = match ($name) {
            'mixed' => true,
            'string' => is_string($value), 'int' => is_int($value), 'bool' => is_bool($value),
            'array' => is_array($value), 'float' => is_float($value) || is_int($value),
            default => $value instanceof $name,
        };
        if ($ok || ($value === null && $t->allowsNull())) {
            return true;
        }
    }
    return false;
}

function attack(array $classes, array $objects, array $strings, array $wrong, bool $strict): array
{
$calls = $threw = $returned = 0;
$unexpected = [];
foreach ($classes as $class) {
    foreach ((new ReflectionClass($class))->getMethods(ReflectionMethod::IS_PUBLIC) as $m) {
        if (in_array($m->getName(), ['cases', 'from', 'tryFrom'], true)) {
            continue; // the engine's own enum methods
        }
        $params = $m->getParameters();
        $target = $m->isStatic() ? null : ($objects[$class] ?? Cipher::Aegis256);
        if ($m->isConstructor()) {
            $target = null;
        }
        foreach ($params as $i => $p) {
            foreach (($p->getType() && str_contains((string) $p->getType(), 'string') ? $strings : []) + $wrong as $label => $bad) {
                $args = array_map('plausible', $params);
                $args[$i] = $bad;
                $calls++;
                $mistyped = $strict && $p->getType() && !accepts($p->getType(), $bad);
                try {
                    ($strict ? 'strict_invoke' : 'coercive_invoke')($m->isConstructor(), $target, $class, $m->getName(), $args);
                    $returned++;
                    if ($mistyped) {
                        $unexpected[] = "$class::{$m->getName()} #$i $label: accepted a value of the wrong type";
                    }
                } catch (TypeError | ValueError | SodiumCrypt\CryptoException | Error | ErrorException $e) {
                    if ($mistyped && !$e instanceof TypeError) {
                        $unexpected[] = "$class::{$m->getName()} #$i $label: " . get_class($e) . ' instead of TypeError';
                    }
                    // In coercive mode the engine deprecates null and lossy floats for typed
                    // internal parameters; that is PHP's parameter parsing, not ours.
                    $zpp = !$strict && $e instanceof ErrorException && $e->getSeverity() === E_DEPRECATED
                        && preg_match('/Passing null to parameter|Implicit conversion from float/', $e->getMessage());
                    if ($e instanceof ErrorException && !$zpp) {
                        $unexpected[] = "$class::{$m->getName()} #$i $label: warning " . $e->getMessage();
                    }
                    $threw++;
                }
            }
        }
    }
}
KeyContext::clear();
return [$calls, $threw, $unexpected];
}
// The calls themselves are made from a file of each typing mode.
$dir = sys_get_temp_dir() . '/sc-hostile-' . getmypid();
@mkdir($dir);
$invoker = 'function %s(bool $new, ?object $target, string $class, string $method, array $args): mixed {
    return $new ? new $class(...$args) : ($target ? $target->$method(...$args) : $class::$method(...$args)); }';
file_put_contents("$dir/strict.php", '<?php declare(strict_types=1); ' . sprintf($invoker, 'strict_invoke'));
file_put_contents("$dir/coercive.php", '<?php ' . sprintf($invoker, 'coercive_invoke'));
require "$dir/strict.php";
require "$dir/coercive.php";
foreach ([true, false] as $strict) {
    [$calls, $threw, $unexpected] = attack($classes, $objects, $strings, $wrong, $strict);
    echo $strict ? "strict:   " : "coercive: ", "calls: ", $calls > 400 ? 'more than 400' : $calls,
        "; threw: ", $threw > 300 ? 'more than 300' : $threw, "; problems: ", count($unexpected), "\n",
        implode("\n", $unexpected);
}
array_map('unlink', glob("$dir/*.php"));
rmdir($dir);

// Things that must never succeed with hostile input.
$ring = $objects[Keyring::class];
foreach ($strings as $label => $s) {
    try { $ring->open($s); echo "open($label) SUCCEEDED\n"; } catch (SodiumCrypt\DecryptionFailed) {}
    try { (new Aead(Cipher::Aegis256, $key))->decrypt($s); echo "decrypt($label) SUCCEEDED\n"; } catch (SodiumCrypt\DecryptionFailed) {}
}
// And the huge string round-trips where it is a legitimate message.
var_dump($ring->open($ring->seal($huge)) === $huge);
echo "done\n";
?>
--EXPECT--
strict:   calls: more than 400; threw: more than 300; problems: 0
coercive: calls: more than 400; threw: more than 300; problems: 0
bool(true)
done
