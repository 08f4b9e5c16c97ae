/* The base64url codecs, differentially: the fast (table) and constant-time
 * (arithmetic) decoders must agree on every input, on every path the CPU
 * offers (AVX-512 VBMI, AVX2, scalar), both must invert both encoders, and
 * key-text decoding must never crash or overrun. */
#include "sc_core.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc; (void) argv;
	return sc_core_init() == 0 ? 0 : (abort(), 0);
}

static void one_path(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	/* Room for decoding the input, and for decoding the input's own encoding. */
	size_t cap = (sc_b64_decoded_max(size) > size ? sc_b64_decoded_max(size) : size) + 1, n1 = 0, n2 = 0;
	uint8_t *a = malloc(cap), *b = malloc(cap);
	bool fa = sc_b64_decode(a, &n1, text, size);
	bool fb = sc_b64_decode_ct(b, cap, &n2, text, size);
	if (fa != fb || (fa && (n1 != n2 || memcmp(a, b, n1) != 0))) {
		abort();
	}
	/* Encoding the input bytes: both encoders agree and decode back. */
	size_t el = sc_b64_encoded_len(size);
	char *e1 = malloc(el + 1), *e2 = malloc(el + 1);
	sc_b64_encode(e1, data, size);
	sc_b64_encode_ct(e2, data, size);
	if (memcmp(e1, e2, el) != 0 || !sc_b64_decode(a, &n1, e1, el) || n1 != size || (size && memcmp(a, data, size) != 0)) {
		abort();
	}
	/* Key text into a 64-byte buffer: never more than it holds. */
	uint8_t key[64];
	size_t kl;
	if (sc_b64_decode_key(key, sizeof key, &kl, text, size) && kl > sizeof key) {
		abort();
	}
	free(a); free(b); free(e1); free(e2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned all;
	static bool detected;
	if (!detected) {
		all = sc_cpu_features();
		detected = true;
	}
	static const unsigned drop[] = { 0, SC_CPU_AVX512VBMI, SC_CPU_AVX512VBMI | SC_CPU_AVX2 };
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
		sc_cpu_mask(all & ~drop[i]);
		one_path(data, size);
	}
	sc_cpu_mask(all);
	return 0;
}
