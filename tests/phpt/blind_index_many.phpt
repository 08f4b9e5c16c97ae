--TEST--
BlindIndex::computeMany() (hashed eight at a time) agrees with compute() on mixed lists: empty, short, 128 and 129 bytes, non-ASCII, keyed arrays, both normalisations; an error mid-batch loses nothing
--EXTENSIONS--
sodium_crypt
mbstring
--FILE--
<?php
use SodiumCrypt\{BlindIndex, Key};

$bi = new BlindIndex(Key::fromBytes(str_repeat("\x42", 32)));
$short = new BlindIndex(Key::fromBytes(str_repeat("\x42", 32)), 5);
mt_srand(7);
$make = function (): string {
    switch (mt_rand(0, 9)) {
        case 0: return '';
        case 1: return str_repeat('A', mt_rand(127, 130)); // the one-block edge
        case 2: return ' Ünïcödé ' . mt_rand();           // mb_strtolower, outside the batch
        case 3: return "  \t" . str_repeat('x', mt_rand(120, 140)) . " \n"; // long before trimming, not after
        default:
            $s = '';
            for ($i = mt_rand(1, 60); $i > 0; $i--) {
                $s .= chr(mt_rand(32, 126));
            }
            return $s;
    }
};
$agree = $total = 0;
foreach ([1, 7, 8, 9, 16, 17, 100] as $n) {
    foreach ([true, false] as $normalise) {
        $values = [];
        for ($i = 0; $i < $n; $i++) {
            $values[mt_rand(0, 1) ? "k$i" : $i * 3] = $make();
        }
        foreach ([$bi, $short] as $index) {
            $many = $index->computeMany($values, 'email', $normalise);
            $ok = array_keys($many) === array_keys($values);
            foreach ($values as $k => $v) {
                $ok = $ok && $many[$k] === $index->compute($v, 'email', $normalise);
            }
            $agree += (int) $ok;
            $total++;
        }
    }
}
echo "computeMany agrees with compute: $agree of $total lists\n";

// A bad element after seven waiting values: a TypeError, and nothing else.
$values = array_map(fn ($i) => "user$i@example.com", range(1, 7));
$values[] = 42;
try {
    $bi->computeMany($values, 'email');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "still right afterwards: ", var_export($bi->computeMany(['Bob'], 'email') === [$bi->compute('bob', 'email')], true), "\n";
?>
--EXPECT--
computeMany agrees with compute: 28 of 28 lists
TypeError: SodiumCrypt\BlindIndex::computeMany(): Argument #1 ($values) must contain only strings, int given at index 7
still right afterwards: true
