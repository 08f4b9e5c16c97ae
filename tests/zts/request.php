<?php
// One request of tests/zts/harness, run on many threads at once. Prints
// "ok checks=N key=HEX" when every check held, "FAIL …" at the first that did not.
declare(strict_types=1);

use SodiumCrypt\{Cipher, Key, KeyContext, Keyring, MissingKeyContext};
use function SodiumCrypt\Test\{arena_audit, context_memory};

set_error_handler(static function (int $no, string $message): bool {
    echo "FAIL warning: $message\n";
    return true;
});
function fail(string $why): never
{
    echo "FAIL $why\n";
    exit(1);
}

$ending = $_SERVER['SC_ENDING'];
// The PKCS#11 references tests/zts/run made, each with its key's id.
$references = array_map(static fn (string $line) => explode(' ', $line),
    file((string) getenv('SC_PKCS11_REFERENCES'), FILE_IGNORE_NEW_LINES) ?: []);
if ($ending === 'audit') {
    // Every thread has ended: no key in use but the process's PKCS#11 cache (one
    // 64-byte unit per 32-byte key), and no freed unit left unwiped.
    $audit = arena_audit();
    $cached = 64 * count($references);
    echo $audit['in_use'] === $cached && $audit['dirty_free'] === 0
        ? "audit ok: no key bytes in use but the $cached of the PKCS#11 cache, 0 unwiped bytes in {$audit['chunks']} arena chunk(s)\n"
        : 'audit FAIL: ' . json_encode($audit) . " (PKCS#11 cache: $cached bytes)\n";
    return;
}
if ($references === []) {
    fail('no PKCS#11 references (SC_PKCS11_REFERENCES)');
}
// A key from the token: the threads' first requests ask it at once, the others hit the cache.
[$reference, $id] = $references[((int) $_SERVER['SC_THREAD'] + (int) $_SERVER['SC_REQUEST']) % count($references)];
if (SodiumCrypt\Pkcs11::unwrap($reference)->id() !== $id) {
    fail('Pkcs11::unwrap() gave another key');
}

// 1. Nothing of this thread's previous request is left.
if (KeyContext::has()) {
    fail('the context holds a key at request start');
}
try {
    KeyContext::get();
    fail('KeyContext::get() returned a key at request start');
} catch (MissingKeyContext) {
}
$previous = $_SERVER['SC_PREVIOUS_KEY'];
if ($previous !== '' && context_memory() === $previous) {
    fail("the previous request's key is still in its memory");
}

// 2. This request's key, checked again and again while the other threads set theirs.
$raw = random_bytes(32);
$hex = bin2hex($raw);
$mine = Key::fromBytes($raw);
KeyContext::set($mine);
$ring = new Keyring(Cipher::Aegis256, $mine);
$checks = 0;
for ($i = 0; $i < 200; $i++) {
    if (context_memory() !== $hex) {
        fail('the context memory holds another key');
    }
    $context = KeyContext::get();
    if (!$context->equals($mine)) {
        fail('KeyContext::get() is another key');
    }
    $plaintext = "thread {$_SERVER['SC_THREAD']} request {$_SERVER['SC_REQUEST']} check $i";
    if ($ring->open((new Keyring(Cipher::Aegis256, $context))->seal($plaintext)) !== $plaintext) {
        fail('a value sealed under the context key does not open under this request key');
    }
    if (arena_audit()['dirty_free'] !== 0) {
        fail('a free arena unit holds key bytes');
    }
    $checks++;
    if ($i % 50 === 49) {
        usleep(100); // let the other threads in between
    }
}
echo "ok checks=$checks key=$hex\n";

// 3. End as asked: request shutdown wipes the key whichever way it ends.
if ($ending === 'exit') {
    exit(0);
} elseif ($ending === 'throw') {
    throw new RuntimeException('asked to throw');
} elseif ($ending === 'fatal') {
    $too_much = str_repeat('x', 64 << 20);
}
