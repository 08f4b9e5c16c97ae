<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

namespace SodiumCrypt\Test;

#ifdef SC_TEST_HOOKS
/**
 * Test builds only (configure --enable-sodium-crypt-test-hooks): hex of the
 * arena bytes where this thread's last KeyContext key lived, read even after
 * they were freed, to prove they are zero (or, once another thread reuses the
 * unit, hold that thread's key). Null when this thread never set a key.
 */
function context_memory(): ?string {}

/** Test builds only: how many column sub-keys of a BlindIndex's key the arena holds. */
function blind_index_cached(\SodiumCrypt\BlindIndex $index): int {}

/**
 * Test builds only: the process-wide arena as it is now, every thread's keys
 * together: bytes in use, chunks, and nonzero bytes in free units (always 0).
 * @return array{in_use: int, chunks: int, dirty_free: int}
 */
function arena_audit(): array {}

/** Test builds only: C_UnwrapKey calls this process made (Pkcs11::unwrap() asks the token once per reference). */
function pkcs11_unwrap_calls(): int {}
#endif
