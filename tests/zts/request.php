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
if ($ending === 'audit') {
    // Every thread has ended: no key in use, and no freed unit left unwiped.
    $audit = arena_audit();
    echo $audit['in_use'] === 0 && $audit['dirty_free'] === 0
        ? "audit ok: 0 key bytes in use, 0 unwiped bytes in {$audit['chunks']} arena chunk(s)\n"
        : 'audit FAIL: ' . json_encode($audit) . "\n";
    return;
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
