/* sc_payload_inspect(), what Keyring::inspect() and crypto:status read: the
 * first byte picks the ring's cipher, whether it reads every other cipher,
 * and how the rest is sealed again; the rest is the payload text.
 * Properties: inspecting never crashes; it agrees with sc_open() (what opens
 * is known, under the cipher and key that opened it; a laravel-crypto payload
 * is known only if it opens); whatever we seal from the same bytes is named
 * with its format, cipher, binding and key; a laravel-crypto plaintext is
 * wiped from the buffer. */
#include "fuzz_ring.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* The info names key k of the ring, by index and id. */
static bool names_key(const sc_payload_info *info, size_t k)
{
	return info->key == k && memcmp(info->key_id, ring[k].id, SC_KEY_ID_BYTES) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) return 0;
	const sc_cipher *cp = sc_cipher_get(1 + data[0] % SC_CIPHER_COUNT);
	sc_cipher_set also = (data[0] >> 3) & 1 ? SC_CIPHER_ALL : 0;
	const char *text = (const char *) data + 1;
	size_t len = size - 1;
	if (!sc_cipher_available(cp)) return 0;

	uint8_t *buf = malloc(sc_open_buf_len(len) + 1), *plain = malloc(sc_open_buf_len(len) + 1);
	sc_payload_info info;
	bool known = sc_payload_inspect(cp, also, ring, 3, buf, text, len, &info);
	size_t mlen;
	const sc_cipher *used;
	sc_open_result unbound = sc_open(cp, also, ring, 3, NULL, plain, &mlen, text, len, &used);
	sc_open_result bound = sc_open(cp, also, ring, 3, &row, plain, &mlen, text, len, &used);
	if (unbound == SC_OPEN_OK || bound == SC_OPEN_OK) {
		if (!known || info.cipher != used || info.bound != (bound == SC_OPEN_OK) || info.key == SC_NO_KEY
				|| memcmp(info.key_id, ring[info.key].id, SC_KEY_ID_BYTES) != 0) {
			abort(); /* it opens, and inspect misnames it */
		}
	}
	if (known && info.format == SC_FORMAT_LARAVEL_CRYPTO && (unbound != SC_OPEN_OK || info.cipher != used)) {
		abort(); /* a laravel-crypto payload is known only by opening it */
	}
	if (known && info.format == SC_FORMAT_V1 && (len < 4 || memcmp(text, "sc1.", 4) != 0 || !info.cipher->takes_ad)) {
		abort();
	}
	free(buf);
	free(plain);

	/* The same bytes sealed under one of the keys, in one format, bound or not. */
	size_t k = (data[0] >> 4) % 3;
	sc_format format = (data[0] >> 6) & 1 ? SC_FORMAT_LARAVEL_CRYPTO : SC_FORMAT_V1;
	const sc_binding *bind = (data[0] >> 7) & 1 ? &row : NULL;
	if (ring[k].len != cp->key_bytes || ((format == SC_FORMAT_V1 || bind) && !cp->takes_ad)) return 0;
	if (bind) format = SC_FORMAT_V1; /* bound payloads are V1 */
	size_t tl = sc_seal_len(format, cp, len);
	char *sealed = malloc(tl);
	buf = malloc(sc_open_buf_len(tl) + 1);
	sc_seal(format, cp, &ring[k], bind, sealed, (const uint8_t *) text, len);
	if (!sc_payload_inspect(cp, 0, ring, 3, buf, sealed, tl, &info) || info.format != format || info.cipher != cp
			|| info.bound != (bind != NULL) || !names_key(&info, k)) {
		abort();
	}
	if (format == SC_FORMAT_LARAVEL_CRYPTO && !sodium_is_zero(buf, len)) {
		abort(); /* the plaintext left in the buffer */
	}
	/* Without that key: V1 still names the id, laravel-crypto is unknown. */
	sc_keyref other = ring[k == 0 ? 2 : 0];
	bool alone = sc_payload_inspect(cp, 0, &other, 1, buf, sealed, tl, &info);
	if (format == SC_FORMAT_V1 ? !alone || info.key != SC_NO_KEY || memcmp(info.key_id, ring[k].id, SC_KEY_ID_BYTES) != 0 : alone) {
		abort();
	}
	free(sealed);
	free(buf);
	return 0;
}
