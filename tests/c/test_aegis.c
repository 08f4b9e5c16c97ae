/* AEGIS and the other AEADs against the Wycheproof and 256-bit-tag vectors;
 * every implementation built and usable here must agree; round trips of
 * every message and AD length 0..1024; single-bit flips fail. */
#include "sc_core.h"
#include "sc_test.h"

#include <sodium.h>

#define MAXLEN 70000

static unsigned char key[64], nonce[64], ad[MAXLEN], msg[MAXLEN], ct[MAXLEN], tag[64];
static unsigned char out[MAXLEN], otag[64];
static char line[6 * MAXLEN];

static void run_vector(int id, size_t taglen, int valid, size_t adlen, size_t mlen, size_t clen, int lineno)
{
	const sc_cipher *cp = sc_cipher_get(id);
	if (id == SC_AEGIS256 || id == SC_AEGIS128L) {
		sc_aegis_alg alg = id == SC_AEGIS128L ? SC_AEGIS_ALG_128L : SC_AEGIS_ALG_256;
		for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
			const sc_aegis_impl *impl = sc_aegis_builtin[i];
			if (!impl->usable() || !(impl->tags & (taglen == 16 ? SC_AEGIS_TAG128 : SC_AEGIS_TAG256))) {
				continue;
			}
			int r = impl->decrypt(alg, out, ct, clen, tag, taglen, ad, adlen, nonce, key);
			CHECK((r == 0) == valid, "line %d (%s): decrypt returned %d", lineno, impl->name, r);
			if (valid) {
				CHECK(mlen == clen && memcmp(out, msg, mlen) == 0, "line %d (%s): plaintext", lineno, impl->name);
				impl->encrypt(alg, out, otag, taglen, msg, mlen, ad, adlen, nonce, key);
				CHECK(memcmp(out, ct, clen) == 0 && memcmp(otag, tag, taglen) == 0,
					"line %d (%s): encryption differs", lineno, impl->name);
			} else {
				size_t z = 0;
				while (z < clen && out[z] == 0) z++;
				CHECK(z == clen, "line %d (%s): output not wiped on failure", lineno, impl->name);
			}
		}
		return;
	}
	if (!sc_cipher_available(cp)) {
		return;
	}
	int r = sc_aead_decrypt(cp, taglen, out, ct, clen, tag, ad, adlen, nonce, key);
	CHECK((r == 0) == valid, "line %d (%s): decrypt returned %d", lineno, cp->name, r);
	if (valid) {
		CHECK(memcmp(out, msg, mlen) == 0, "line %d: plaintext", lineno);
		sc_aead_encrypt(cp, taglen, out, otag, msg, mlen, ad, adlen, nonce, key);
		CHECK(memcmp(out, ct, clen) == 0 && memcmp(otag, tag, taglen) == 0, "line %d: encryption differs", lineno);
	}
}

static void vectors(const char *path)
{
	FILE *f = fopen(path, "r");
	CHECK(f != NULL, "cannot open %s", path);
	if (!f) {
		return;
	}
	static char k[200], n[200], a[2 * MAXLEN + 2], m[2 * MAXLEN + 2], c[2 * MAXLEN + 2], t[200], res[16];
	int lineno = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		int id;
		size_t taglen;
		lineno++;
		if (sscanf(line, "%d %zu %15s %199s %199s %140001s %140001s %140001s %199s",
				&id, &taglen, res, k, n, a, m, c, t) != 9) {
			CHECK(0, "line %d unreadable", lineno);
			continue;
		}
		sc_unhex(key, k);
		sc_unhex(nonce, n);
		size_t adlen = sc_unhex(ad, a), mlen = sc_unhex(msg, m), clen = sc_unhex(ct, c);
		sc_unhex(tag, t);
		run_vector(id, taglen, strcmp(res, "valid") == 0, adlen, mlen, clen, lineno);
		cases++;
	}
	fclose(f);
	CHECK(cases > 1000, "only %d vectors read", cases);
	printf("vectors: %d cases\n", cases);
}

/* Round trips at every length, through every usable implementation, in
 * place and not, and one flipped bit in each field must fail. */
static void round_trips(sc_aegis_alg alg, const sc_aegis_impl *impl, size_t taglen)
{
	size_t kb = alg == SC_AEGIS_ALG_128L ? 16 : 32, nb = kb;
	unsigned failures = 0, flips = 0;
	randombytes_buf(key, kb);
	for (size_t len = 0; len <= 1024; len++) {
		randombytes_buf(nonce, nb);
		randombytes_buf(msg, len);
		randombytes_buf(ad, len);
		impl->encrypt(alg, ct, tag, taglen, msg, len, ad, len, nonce, key);
		memcpy(out, ct, len);
		if (impl->decrypt(alg, out, out, len, tag, taglen, ad, len, nonce, key) != 0 || memcmp(out, msg, len) != 0) {
			failures++;
		}
		/* A bit in each of nonce, AD, ciphertext and tag; every bit for short lengths. */
		unsigned char *fields[4] = { nonce, ad, ct, tag };
		size_t sizes[4] = { nb, len, len, taglen };
		for (int fi = 0; fi < 4; fi++) {
			size_t bits = sizes[fi] * 8;
			size_t step = len <= 40 ? 1 : bits / 7 + 1;
			for (size_t b = len <= 40 ? 0 : (size_t) randombytes_uniform(8); b < bits; b += step) {
				fields[fi][b / 8] ^= (unsigned char) (1u << (b % 8));
				if (impl->decrypt(alg, out, ct, len, tag, taglen, ad, len, nonce, key) == 0) {
					failures++;
				}
				fields[fi][b / 8] ^= (unsigned char) (1u << (b % 8));
				flips++;
			}
		}
	}
	CHECK(failures == 0, "%s aegis-%s tag%zu: %u failures", impl->name, alg == SC_AEGIS_ALG_128L ? "128l" : "256", taglen * 8, failures);
	CHECK(flips > 10000, "only %u flips", flips);
}

/* Every implementation must produce the same bytes as every other. */
static void agreement(void)
{
	const sc_aegis_impl *first = NULL;
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		const sc_aegis_impl *impl = sc_aegis_builtin[i];
		if (!impl->usable()) {
			continue;
		}
		if (!first) {
			first = impl;
			continue;
		}
		for (size_t len = 0; len < 2000; len += 37) {
			for (int alg = 0; alg < 2; alg++) {
				randombytes_buf(key, 32);
				randombytes_buf(nonce, 32);
				randombytes_buf(msg, len);
				first->encrypt((sc_aegis_alg) alg, ct, tag, 32, msg, len, msg, len / 2, nonce, key);
				impl->encrypt((sc_aegis_alg) alg, out, otag, 32, msg, len, msg, len / 2, nonce, key);
				CHECK(memcmp(ct, out, len) == 0 && memcmp(tag, otag, 32) == 0,
					"%s and %s disagree at %zu", first->name, impl->name, len);
			}
		}
	}
}

int main(int argc, char **argv)
{
	CHECK(sc_core_init() == 0, "init");
	CHECK(sc_aegis_active() != NULL, "no AEGIS implementation on this machine");
	printf("aegis implementations built:");
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		printf(" %s%s", sc_aegis_builtin[i]->name, sc_aegis_builtin[i]->usable() ? "" : " (unusable here)");
	}
	printf("\n");
	if (argc > 1) {
		vectors(argv[1]);
	}
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		const sc_aegis_impl *impl = sc_aegis_builtin[i];
		if (!impl->usable()) {
			continue;
		}
		for (int alg = 0; alg < 2; alg++) {
			if (impl->tags & SC_AEGIS_TAG128) round_trips((sc_aegis_alg) alg, impl, 16);
			if (impl->tags & SC_AEGIS_TAG256) round_trips((sc_aegis_alg) alg, impl, 32);
		}
	}
	agreement();
	/* Without AES instructions there is no native path, and (without libsodium's) no AEGIS. */
	unsigned saved = sc_cpu_mask(0);
	const sc_aegis_impl *fallback = sc_aegis_active();
	CHECK(fallback == NULL || strcmp(fallback->name, "libsodium") == 0, "masked CPU still offers %s", fallback ? fallback->name : "");
	CHECK(sc_aegis_for_tag(16) == NULL, "128-bit tags need the native path");
	sc_cpu_mask(saved);
	return sc_test_done("test_aegis");
}
