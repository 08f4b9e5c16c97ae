<?php

/** @generate-class-entries */

namespace SodiumCrypt\Test;

#ifdef SC_TEST_HOOKS
/**
 * Test builds only (configure --enable-sodium-crypt-test-hooks): hex of the
 * arena bytes where KeyContext's last key lived, read even after they were
 * freed, to prove they are zero. Null when no key was ever set in this process.
 */
function context_memory(): ?string {}

/** Test builds only: how many column sub-keys a BlindIndex holds in the arena. */
function blind_index_cached(\SodiumCrypt\BlindIndex $index): int {}
#endif
