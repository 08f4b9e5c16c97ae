/* Differential AEGIS: every implementation built and usable here (the
 * native one on AES-NI or ARMv8 CE; libsodium's when it has AEGIS) must
 * produce the same ciphertext and tag, open each other's output, and reject
 * a flipped tag bit. With one implementation it checks that one alone. */
#include "sc_core.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc; (void) argv;
	return sc_core_init() == 0 ? 0 : (abort(), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 + 32 + 32) return 0;
	sc_aegis_alg alg = data[0] & 1 ? SC_AEGIS_ALG_128L : SC_AEGIS_ALG_256;
	size_t taglen = data[0] & 2 ? 16 : 32;
	const uint8_t *key = data + 1, *nonce = data + 33, *rest = data + 65;
	size_t rest_len = size - 65, adlen = rest_len ? data[0] % (rest_len + 1) : 0;
	const uint8_t *ad = rest, *m = rest + adlen;
	size_t mlen = rest_len - adlen;

	uint8_t *c0 = malloc(mlen + 1), *c1 = malloc(mlen + 1), *p = malloc(mlen + 1), t0[32], t1[32];
	const sc_aegis_impl *first = NULL;
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		const sc_aegis_impl *impl = sc_aegis_builtin[i];
		if (!impl->usable() || !(impl->tags & (taglen == 16 ? SC_AEGIS_TAG128 : SC_AEGIS_TAG256))) continue;
		impl->encrypt(alg, c1, t1, taglen, m, mlen, ad, adlen, nonce, key);
		if (!first) {
			first = impl;
			memcpy(c0, c1, mlen);
			memcpy(t0, t1, taglen);
		} else if (memcmp(c0, c1, mlen) != 0 || memcmp(t0, t1, taglen) != 0) {
			abort();
		}
		/* This implementation opens the first one's output, and not with a flipped tag bit. */
		if (impl->decrypt(alg, p, c0, mlen, t0, taglen, ad, adlen, nonce, key) != 0 || memcmp(p, m, mlen) != 0) abort();
		t0[data[0] % taglen] ^= 0x10;
		if (impl->decrypt(alg, p, c0, mlen, t0, taglen, ad, adlen, nonce, key) == 0) abort();
		t0[data[0] % taglen] ^= 0x10;
	}
	free(c0); free(c1); free(p);
	return 0;
}
