/* Whole files in the chunked format (sc_stream.h), written and read the way
 * StreamSealer and StreamOpener do: the header, then chunks of the header's
 * size, the one that ends the file being the last. For tests/c/test_stream.c
 * and tests/fuzz/fuzz_stream.c. */
#ifndef STREAM_FILE_H
#define STREAM_FILE_H

#include "sc_stream.h"

#include <string.h>

/* len bytes of m sealed into file (header first) in chunks of 2^log2 bytes;
 * the file's size, or 0 when a chunk would not seal. */
static size_t stream_seal_file(uint8_t *file, const uint8_t *m, size_t len, unsigned log2,
	const uint8_t key_id[4], const uint8_t *key)
{
	sc_stream st;
	sc_stream_start(&st, log2, key_id);
	memcpy(file, st.header, SC_STREAM_HEADER_BYTES);
	size_t at = SC_STREAM_HEADER_BYTES, done = 0;
	do {
		size_t n = len - done > st.chunk_bytes ? st.chunk_bytes : len - done;
		if (sc_stream_seal(&st, file + at, m + done, n, done + n == len, key) != SC_STREAM_OK) {
			return 0;
		}
		at += n + SC_STREAM_TAG_BYTES;
		done += n;
	} while (!st.finished);
	return at;
}

/* A whole file opened: SC_STREAM_OK and the plaintext in m[0..*mlen) (m
 * holds len bytes), or the first failure. */
static sc_stream_result stream_open_file(uint8_t *m, size_t *mlen, const uint8_t *file, size_t len, const uint8_t *key)
{
	sc_stream st;
	sc_stream_result r = sc_stream_resume(&st, file, len < SC_STREAM_HEADER_BYTES ? len : SC_STREAM_HEADER_BYTES);
	size_t sealed = r == SC_STREAM_OK ? st.chunk_bytes + SC_STREAM_TAG_BYTES : 0, at = SC_STREAM_HEADER_BYTES;
	*mlen = 0;
	while (r == SC_STREAM_OK && !st.finished) {
		size_t n = len - at > sealed ? sealed : len - at;
		r = sc_stream_open(&st, m + *mlen, file + at, n, at + n == len, key);
		if (r == SC_STREAM_OK) {
			*mlen += n - SC_STREAM_TAG_BYTES;
			at += n;
		}
	}
	return r;
}

#endif
