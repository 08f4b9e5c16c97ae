/* Payload parsing and decryption, both formats: the first byte picks the
 * ring's cipher, format and whether the payload is bound, the rest is the
 * payload text. Property: opening never crashes, whatever we seal from the
 * same bytes opens to them, and a bound one opens only bound. */
#include "fuzz_ring.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) return 0;
	const sc_cipher *cp = sc_cipher_get(1 + data[0] % SC_CIPHER_COUNT);
	sc_format format = (data[0] >> 4) & 1 ? SC_FORMAT_LARAVEL_CRYPTO : SC_FORMAT_V1;
	const sc_binding *bind = (data[0] >> 5) & 1 ? &row : NULL;
	const char *text = (const char *) data + 1;
	size_t len = size - 1;
	if (!sc_cipher_available(cp)) return 0;

	uint8_t *buf = malloc(sc_open_buf_len(len) + 1);
	size_t mlen;
	const sc_cipher *used;
	sc_open(cp, SC_CIPHER_ALL, ring, 3, bind, buf, &mlen, text, len, &used);
	free(buf);

	/* Round trip of the same bytes as a message, with a key that fits. */
	if ((format == SC_FORMAT_V1 || bind) && !cp->takes_ad) return 0;
	if (bind) format = SC_FORMAT_V1; /* bound payloads are V1 */
	const sc_keyref *key = cp->key_bytes == 16 ? &ring[1] : &ring[0];
	size_t tl = sc_seal_len(format, cp, len);
	char *sealed = malloc(tl);
	uint8_t *back = malloc(sc_open_buf_len(tl) + 1);
	sc_seal(format, cp, key, bind, sealed, (const uint8_t *) text, len);
	if (sc_open(cp, 0, ring, 3, bind, back, &mlen, sealed, tl, &used) != SC_OPEN_OK || mlen != len
			|| (len && memcmp(back, text, len) != 0)) {
		abort();
	}
	if (bind && sc_open(cp, 0, ring, 3, NULL, back, &mlen, sealed, tl, &used) != SC_OPEN_FAILED) {
		abort(); /* a bound payload opened unbound */
	}
	free(sealed);
	free(back);
	return 0;
}
