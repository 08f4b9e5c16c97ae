/* Both payload formats: round trips, key choice, and every kind of damage. */
#include "sc_core.h"
#include "sc_test.h"

#include <sodium.h>

static uint8_t kb[3][32], kb16[2][16];
static sc_keyref keys[3], keys16[2];

static void make_key(sc_keyref *ref, uint8_t *bytes, size_t len)
{
	randombytes_buf(bytes, len);
	ref->bytes = bytes;
	ref->len = len;
	sc_key_id(ref->id, bytes, len);
}

static sc_open_result open_text(const sc_cipher *cp, const sc_keyref *ks, size_t n, const char *text, size_t len,
	uint8_t *out, size_t *mlen)
{
	const sc_cipher *used;
	return sc_open(cp, 0, ks, n, NULL, out, mlen, text, len, &used);
}

int main(void)
{
	static uint8_t msg[70000], out[100000];
	static char text[100000], bad[100000];
	size_t mlen;
	CHECK(sc_core_init() == 0, "init");
	for (int i = 0; i < 3; i++) make_key(&keys[i], kb[i], 32);
	for (int i = 0; i < 2; i++) make_key(&keys16[i], kb16[i], 16);

	/* The key id is BLAKE2b-128(key, "sodium_crypt.key-id")[0..4). */
	uint8_t h[16], id[4];
	crypto_generichash(h, 16, (const uint8_t *) "sodium_crypt.key-id", 19, kb[0], 32);
	sc_key_id(id, kb[0], 32);
	CHECK(memcmp(h, id, 4) == 0, "key id derivation");

	for (int f = 0; f < 2; f++) {
		for (int c = 1; c <= SC_CIPHER_COUNT; c++) {
			const sc_cipher *cp = sc_cipher_get(c);
			if (f == SC_FORMAT_V1 && !cp->takes_ad) {
				continue;
			}
			sc_keyref *ring = cp->key_bytes == 16 ? keys16 : keys;
			size_t nring = cp->key_bytes == 16 ? 2 : 3;
			const char *label = f == SC_FORMAT_V1 ? "v1" : "laravel-crypto";

			int round = 1;
			static const size_t sizes[] = { 0, 1, 15, 16, 17, 31, 32, 33, 100, 1000, 4097, 65536 };
			for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
				size_t n = sizes[s];
				randombytes_buf(msg, n);
				size_t tl = sc_seal_len((sc_format) f, cp, n);
				sc_seal((sc_format) f, cp, &ring[0], NULL, text, msg, n);
				round &= (f == SC_FORMAT_V1) == (memcmp(text, "sc1.", 4) == 0);
				round &= open_text(cp, ring, nring, text, tl, out, &mlen) == SC_OPEN_OK && mlen == n && memcmp(out, msg, n) == 0;
			}
			CHECK(round, "%s %s: round trips", label, cp->name);

			/* Sealed under a previous key: opens while that key is in the ring. */
			sc_seal((sc_format) f, cp, &ring[1], NULL, text, (const uint8_t *) "rotated", 7);
			size_t tl = sc_seal_len((sc_format) f, cp, 7);
			CHECK(open_text(cp, ring, nring, text, tl, out, &mlen) == SC_OPEN_OK && mlen == 7 && memcmp(out, "rotated", 7) == 0,
				"%s %s: previous key opens", label, cp->name);
			CHECK(open_text(cp, ring, 1, text, tl, out, &mlen) == SC_OPEN_FAILED, "%s %s: without the key it fails", label, cp->name);
			CHECK(sc_payload_is_current(cp, ring[1].id, false, text, tl) == (f == SC_FORMAT_V1), "%s %s: is_current", label, cp->name);
			CHECK(!sc_payload_is_current(cp, ring[0].id, false, text, tl), "%s %s: not current under another key", label, cp->name);

			/* inspect: the previous key (index 1) and the cipher, by header or by opening; the plaintext wiped. */
			sc_payload_info info;
			bool known = sc_payload_inspect(cp, 0, ring, nring, out, text, tl, &info);
			CHECK(known && info.format == (sc_format) f && info.cipher == cp && !info.bound && info.key == 1
				&& memcmp(info.key_id, ring[1].id, SC_KEY_ID_BYTES) == 0, "%s %s: inspect names cipher and key", label, cp->name);
			CHECK(f == SC_FORMAT_V1 || sodium_is_zero(out, 7), "%s %s: inspect wipes the plaintext", label, cp->name);
			CHECK(f != SC_FORMAT_V1 || (sc_payload_inspect(cp, 0, ring, nring, NULL, text, tl, &info) && info.key == 1),
				"%s %s: a V1 payload is inspected without a buffer", label, cp->name);
			known = sc_payload_inspect(cp, 0, &ring[0], 1, out, text, tl, &info);
			CHECK(f == SC_FORMAT_V1 ? known && info.key == SC_NO_KEY && memcmp(info.key_id, ring[1].id, SC_KEY_ID_BYTES) == 0 : !known,
				"%s %s: inspect without the key: %s", label, cp->name, f == SC_FORMAT_V1 ? "the id, no index" : "unknown");
			CHECK(!sc_payload_inspect(cp, 0, ring, nring, out, text, 12, &info), "%s %s: inspect of a stub", label, cp->name);

			/* Every single-character substitution, truncation and extension fails. */
			sc_seal((sc_format) f, cp, &ring[0], NULL, text, (const uint8_t *) "secret!", 7);
			int damaged_ok = 0;
			for (size_t i = 0; i < tl; i++) {
				for (const char *sub = "Aa0-_."; *sub; sub++) {
					if (text[i] == *sub) continue;
					memcpy(bad, text, tl);
					bad[i] = *sub;
					damaged_ok += open_text(cp, ring, nring, bad, tl, out, &mlen) == SC_OPEN_OK;
				}
			}
			for (size_t cut = 0; cut < tl; cut++) {
				damaged_ok += open_text(cp, ring, nring, text, cut, out, &mlen) == SC_OPEN_OK;
			}
			memcpy(bad, text, tl);
			for (size_t extra = 1; extra <= 4; extra++) {
				bad[tl + extra - 1] = 'A';
				damaged_ok += open_text(cp, ring, nring, bad, tl + extra, out, &mlen) == SC_OPEN_OK;
			}
			CHECK(damaged_ok == 0, "%s %s: %d damaged payloads opened", label, cp->name, damaged_ok);
			CHECK(open_text(cp, ring, nring, "", 0, out, &mlen) == SC_OPEN_FAILED, "%s %s: empty", label, cp->name);
		}
	}

	/* A V1 header naming another cipher, an unknown cipher, or an unknown key id. */
	const sc_cipher *aegis = sc_cipher_get(SC_AEGIS256);
	sc_seal(SC_FORMAT_V1, aegis, &keys[0], NULL, text, (const uint8_t *) "x", 1);
	size_t tl = sc_seal_len(SC_FORMAT_V1, aegis, 1), bl;
	uint8_t bin[200];
	CHECK(sc_b64_decode(bin, &bl, text + 4, tl - 4), "decode own payload");
	for (int id = 0; id < 256; id++) {
		if (id == SC_AEGIS256) continue;
		bin[0] = (uint8_t) id;
		memcpy(bad, "sc1.", 4);
		sc_b64_encode(bad + 4, bin, bl);
		sc_open_result r = open_text(aegis, keys, 3, bad, 4 + sc_b64_encoded_len(bl), out, &mlen);
		if (r != SC_OPEN_FAILED) {
			CHECK(0, "cipher id %d: result %d", id, r);
		}
	}
	bin[0] = SC_AEGIS256;
	bin[1] ^= 1;
	sc_b64_encode(bad + 4, bin, bl);
	CHECK(open_text(aegis, keys, 3, bad, tl, out, &mlen) == SC_OPEN_FAILED, "unknown key id");

	/* Two keys sharing an id: both are tried, the right one opens. */
	sc_keyref twins[2] = { keys[1], keys[0] };
	memcpy(twins[0].id, keys[0].id, 4);
	CHECK(open_text(aegis, twins, 2, text, tl, out, &mlen) == SC_OPEN_OK && mlen == 1 && out[0] == 'x',
		"a key-id collision still opens with the right key");
	/* A key of the wrong length for the payload's cipher is never used. */
	sc_keyref short_key = keys16[0];
	memcpy(short_key.id, keys[0].id, 4);
	CHECK(open_text(aegis, &short_key, 1, text, tl, out, &mlen) == SC_OPEN_FAILED, "wrong-length key skipped");

	/* Cipher binding: a payload of another cipher opens only when the ring
	 * was given that cipher to read, in both formats; the laravel-crypto
	 * trial reports which cipher opened it. */
	sc_keyref mixed[3] = { keys[0], keys16[0], keys[1] };
	const sc_cipher *ring_cp = sc_cipher_get(SC_XCHACHA20POLY1305);
	for (int f = 0; f < 2; f++) {
		for (int c = 1; c <= SC_CIPHER_COUNT; c++) {
			const sc_cipher *cp = sc_cipher_get(c);
			if (cp == ring_cp || !sc_cipher_available(cp) || (f == SC_FORMAT_V1 && !cp->takes_ad)) {
				continue;
			}
			const sc_keyref *k = cp->key_bytes == 16 ? &mixed[1] : &mixed[2];
			sc_seal((sc_format) f, cp, k, NULL, text, (const uint8_t *) "other", 5);
			size_t n = sc_seal_len((sc_format) f, cp, 5);
			const sc_cipher *used = NULL;
			CHECK(sc_open(ring_cp, 0, mixed, 3, NULL, out, &mlen, text, n, &used) == SC_OPEN_FAILED,
				"%s %s: not read without being allowed", f ? "laravel-crypto" : "v1", cp->name);
			CHECK(sc_open(ring_cp, SC_CIPHER_ALL & ~SC_CIPHER_BIT(c), mixed, 3, NULL, out, &mlen, text, n, &used) == SC_OPEN_FAILED,
				"%s %s: not read when every other cipher is allowed", f ? "laravel-crypto" : "v1", cp->name);
			CHECK(sc_open(ring_cp, SC_CIPHER_BIT(c), mixed, 3, NULL, out, &mlen, text, n, &used) == SC_OPEN_OK
				&& mlen == 5 && memcmp(out, "other", 5) == 0 && used == cp,
				"%s %s: read when allowed", f ? "laravel-crypto" : "v1", cp->name);
		}
	}

	/* Bound payloads: they open only under the binding they were sealed with,
	 * never unbound, and an unbound payload never opens under a binding. */
	sc_binding to_a, to_b, to_empty;
	sc_binding_init(&to_a, (const uint8_t *) "users\0ssn\0" "42", 12);
	sc_binding_init(&to_b, (const uint8_t *) "users\0ssn\0" "43", 12);
	sc_binding_init(&to_empty, NULL, 0);
	for (int c = 1; c <= SC_CIPHER_COUNT; c++) {
		const sc_cipher *cp = sc_cipher_get(c);
		if (!cp->takes_ad || !sc_cipher_available(cp)) {
			continue;
		}
		sc_keyref *ring = cp->key_bytes == 16 ? keys16 : keys;
		const sc_cipher *used;
		size_t n = sc_seal_len(SC_FORMAT_V1, cp, 6);
		sc_seal(SC_FORMAT_V1, cp, &ring[0], &to_a, text, (const uint8_t *) "bound!", 6);
		CHECK(sc_open(cp, 0, ring, 2, &to_a, out, &mlen, text, n, &used) == SC_OPEN_OK && mlen == 6 && memcmp(out, "bound!", 6) == 0,
			"%s: bound payload opens under its binding", cp->name);
		CHECK(sc_open(cp, 0, ring, 2, &to_b, out, &mlen, text, n, &used) == SC_OPEN_FAILED, "%s: not under another binding", cp->name);
		CHECK(sc_open(cp, 0, ring, 2, &to_empty, out, &mlen, text, n, &used) == SC_OPEN_FAILED, "%s: not under the empty binding", cp->name);
		CHECK(sc_open(cp, 0, ring, 2, NULL, out, &mlen, text, n, &used) == SC_OPEN_FAILED, "%s: not unbound", cp->name);
		CHECK(sc_payload_is_current(cp, ring[0].id, true, text, n) && !sc_payload_is_current(cp, ring[0].id, false, text, n),
			"%s: current only as bound", cp->name);
		/* The flag cleared: the header no longer matches the AD it was sealed with. */
		CHECK(sc_b64_decode(bin, &bl, text + 4, n - 4), "decode bound payload");
		bin[0] &= (uint8_t) ~SC_V1_BOUND;
		sc_b64_encode(bad, bin, bl);
		memmove(bad + 4, bad, sc_b64_encoded_len(bl));
		memcpy(bad, "sc1.", 4);
		CHECK(sc_open(cp, 0, ring, 2, NULL, out, &mlen, bad, n, &used) == SC_OPEN_FAILED
			&& sc_open(cp, 0, ring, 2, &to_a, out, &mlen, bad, n, &used) == SC_OPEN_FAILED, "%s: flag stripped", cp->name);

		sc_seal(SC_FORMAT_V1, cp, &ring[0], NULL, text, (const uint8_t *) "loose", 5);
		n = sc_seal_len(SC_FORMAT_V1, cp, 5);
		CHECK(sc_open(cp, 0, ring, 2, &to_a, out, &mlen, text, n, &used) == SC_OPEN_FAILED, "%s: unbound never opens bound", cp->name);
		sc_seal(SC_FORMAT_LARAVEL_CRYPTO, cp, &ring[0], NULL, text, (const uint8_t *) "loose", 5);
		n = sc_seal_len(SC_FORMAT_LARAVEL_CRYPTO, cp, 5);
		CHECK(sc_open(cp, 0, ring, 2, &to_a, out, &mlen, text, n, &used) == SC_OPEN_FAILED, "%s: laravel-crypto never opens bound", cp->name);
	}
	return sc_test_done("test_payload");
}
