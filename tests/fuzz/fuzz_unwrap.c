/* Wrapped-blob unwrap, all three modes, on arbitrary blobs and user ids. Mode 1
 * uses Argon2id's minimum limits to keep the fuzzer fast. */
#include "sc_core.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static const uint8_t app[32] = { 42 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc; (void) argv;
	return sc_core_init() == 0 ? 0 : (abort(), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t user[SC_USER_KEY_BYTES];
	/* Blob first, then the user id / password. */
	int mode = sc_wrap_mode(data, size >= SC_WRAP_MODE1_BYTES ? SC_WRAP_MODE1_BYTES : size);
	if (size >= SC_WRAP_MODE1_BYTES && mode == 1) {
		const char *pw = (const char *) data + SC_WRAP_MODE1_BYTES;
		sc_unwrap_password(user, data, pw, size - SC_WRAP_MODE1_BYTES, 1, 8192);
	}
	if (size >= SC_WRAP_MODE3_BYTES && sc_wrap_mode(data, SC_WRAP_MODE3_BYTES) == 3) {
		unsigned long long ops;
		size_t mem;
		/* Recorded limits out of range or above the bound are refused
		 * before Argon2; only cheap ones run (the parser is fuzzed here,
		 * not Argon2). */
		if (!sc_wrap_limits(data, &ops, &mem) || (ops <= 4 && mem <= 4 * 65536)) {
			const char *pw = (const char *) data + SC_WRAP_MODE3_BYTES;
			if (sc_unwrap_password3(user, data, pw, size - SC_WRAP_MODE3_BYTES, 2, 65536) == 0) {
				abort(); /* a blob we did not make cannot open */
			}
		}
	}
	if (size >= SC_WRAP_MODE2_BYTES && sc_wrap_mode(data, SC_WRAP_MODE2_BYTES) == 2) {
		const char *id = (const char *) data + SC_WRAP_MODE2_BYTES;
		size_t id_len = size - SC_WRAP_MODE2_BYTES;
		if (sc_unwrap_server(user, data, app, sizeof app, id, id_len) == 0) {
			abort(); /* a blob we did not make cannot open */
		}
		/* Round trip with this id. */
		uint8_t blob[SC_WRAP_MODE2_BYTES], k[32];
		randombytes_buf(k, sizeof k);
		sc_wrap_server(blob, k, app, sizeof app, id, id_len);
		if (sc_unwrap_server(user, blob, app, sizeof app, id, id_len) != 0 || memcmp(user, k, 32) != 0) {
			abort();
		}
	}
	return 0;
}
