/*
 * ctgrind: run under valgrind memcheck with the core built -DSC_CTGRIND.
 * Every secret (key, tag under test, token and key text) is marked
 * undefined; memcheck then reports any branch or table index that depends on
 * one. The code declassifies only public verdicts (sc_ct.h). This program
 * itself branches only on declassified values.
 */
#include "sc_core.h"
#include "sc_ct.h"
#include "sc_test.h"

#include <sodium.h>

#ifndef SC_CTGRIND
# error "build with -DSC_CTGRIND"
#endif

static int defined_eq(const void *a, const void *b, size_t n)
{
	/* Test-side comparison of results: declassify copies first. */
	unsigned char x[4096], y[4096];
	memcpy(x, a, n);
	memcpy(y, b, n);
	SC_CT_DECLASSIFY(x, n);
	SC_CT_DECLASSIFY(y, n);
	return memcmp(x, y, n) == 0;
}

int main(void)
{
	uint8_t key[32], nonce[32], msg[200], ct[200], out[200], tag[32], badtag[32];
	CHECK(sc_core_init() == 0, "init");
	randombytes_buf(key, sizeof key);
	randombytes_buf(nonce, sizeof nonce);
	randombytes_buf(msg, sizeof msg);

	/* AEGIS: secret key, secret (received) tag; tag verification and the
	 * wipe-on-failure must not branch on them. */
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		const sc_aegis_impl *impl = sc_aegis_builtin[i];
		if (!impl->usable()) {
			continue;
		}
		for (int alg = 0; alg < 2; alg++) {
			for (size_t taglen = 16; taglen <= 32; taglen += 16) {
				if (!(impl->tags & (taglen == 16 ? SC_AEGIS_TAG128 : SC_AEGIS_TAG256))) {
					continue;
				}
				SC_CT_SECRET(key, sizeof key);
				impl->encrypt((sc_aegis_alg) alg, ct, tag, taglen, msg, 77, nonce, 13, nonce, key);
				SC_CT_DECLASSIFY(ct, sizeof ct); /* ciphertext is public */
				SC_CT_SECRET(tag, sizeof tag);
				int good = impl->decrypt((sc_aegis_alg) alg, out, ct, 77, tag, taglen, nonce, 13, nonce, key);
				memcpy(badtag, tag, sizeof tag);
				badtag[taglen - 1] ^= 1;
				int bad = impl->decrypt((sc_aegis_alg) alg, out, ct, 77, badtag, taglen, nonce, 13, nonce, key);
				CHECK(good == 0 && bad == -1, "%s: verdicts %d %d", impl->name, good, bad);
			}
		}
	}

	/* (libsodium's own AEADs are out of scope: they branch on their tag
	 * verdict inside the library, which memcheck cannot tell from a leak.) */

	/* Key comparison (Key::equals and ==): sodium_memcmp on two secrets. */
	uint8_t other[32];
	memcpy(other, key, 32);
	SC_CT_SECRET(key, 32);
	SC_CT_SECRET(other, 32);
	int same = sodium_memcmp(key, other, 32);
	SC_CT_DECLASSIFY(&same, sizeof same);
	CHECK(same == 0, "memcmp equal");
	other[5] ^= 1;
	int differ = sodium_memcmp(key, other, 32);
	SC_CT_DECLASSIFY(&differ, sizeof differ);
	CHECK(differ != 0, "memcmp differ");

	/* A key id is derived from the key; only the id is declassified. */
	sc_keyref ref = { key, 32, { 0 } };
	sc_key_id(ref.id, key, 32);

	/* Token and key-text decoding: secret text in, secret bytes out. */
	char token[64], text[80];
	uint8_t raw[32], decoded[64];
	size_t n = 0;
	randombytes_buf(raw, sizeof raw);
	sc_b64_encode_ct(token, raw, 32);
	SC_CT_SECRET(token, 43);
	CHECK(sc_b64_decode_ct(decoded, sizeof decoded, &n, token, 43) && n == 32, "token decodes");
	CHECK(defined_eq(decoded, raw, 32), "token bytes");
	memcpy(text, "base64:", 7);
	sodium_bin2base64(text + 7, sizeof text - 7, raw, 32, sodium_base64_VARIANT_ORIGINAL);
	size_t text_len = strlen(text);
	SC_CT_SECRET(text + 7, text_len - 7);
	CHECK(sc_b64_decode_key(decoded, sizeof decoded, &n, text, text_len) && n == 32, "key text decodes");
	CHECK(defined_eq(decoded, raw, 32), "key bytes");

	/* A whole V1 open with a secret key: the key is chosen by its (public) id. */
	char payload[400];
	SC_CT_SECRET(key, 32);
	sc_key_id(ref.id, key, 32);
	const sc_cipher *aegis = sc_cipher_get(SC_AEGIS256);
	sc_seal(SC_FORMAT_V1, aegis, &ref, NULL, payload, msg, 100);
	size_t plen = sc_seal_len(SC_FORMAT_V1, aegis, 100), mlen = 0;
	SC_CT_DECLASSIFY(payload, plen);
	uint8_t buf[400];
	const sc_cipher *used;
	CHECK(sc_open(aegis, 0, &ref, 1, NULL, buf, &mlen, payload, plen, &used) == SC_OPEN_OK && mlen == 100, "v1 open");
	return sc_test_done("test_ct");
}
