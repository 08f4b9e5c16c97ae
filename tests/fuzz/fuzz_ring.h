/* The ring the payload fuzzers share: a 32-byte current key, a 16-byte key
 * (AEGIS-128L), a 32-byte previous key, and one row's binding. */
#ifndef FUZZ_RING_H
#define FUZZ_RING_H

#include "sc_core.h"

#include <stdlib.h>

static uint8_t k32[32] = { 1, 2, 3 }, k16[16] = { 4, 5, 6 }, prev[32] = { 7, 8, 9 };
static sc_keyref ring[3];
static sc_binding row;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc; (void) argv;
	if (sc_core_init() != 0) abort();
	const uint8_t *bytes[3] = { k32, k16, prev };
	size_t lens[3] = { 32, 16, 32 };
	for (int i = 0; i < 3; i++) {
		ring[i].bytes = bytes[i];
		ring[i].len = lens[i];
		sc_key_id(ring[i].id, bytes[i], lens[i]);
	}
	sc_binding_init(&row, (const uint8_t *) "records\0ssn\0" "42", 14);
	return 0;
}

#endif
