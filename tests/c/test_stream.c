/* sc_stream: files of 0, 1, chunk-1, chunk, chunk+1 and 3 chunks round-trip;
 * the nonce layout is checked against AEGIS-256 called directly; reordered,
 * dropped, truncated, moved and edited chunks and headers are refused; the
 * plaintext size follows from the file size. */
#include "sc_stream.h"
#include "sc_cipher.h"
#include "sc_core.h"
#include "sc_test.h"
#include "stream_file.h"

#include <sodium.h>

#define LOG2 10
#define CHUNK (1u << LOG2)
#define SEALED (CHUNK + SC_STREAM_TAG_BYTES)

static uint8_t key[32], other_key[32];
static const uint8_t key_id[4] = { 1, 2, 3, 4 };

/* Seals len bytes of m into file with 1 KiB chunks; the file size. */
static size_t seal_file(uint8_t *file, const uint8_t *m, size_t len)
{
	size_t n = stream_seal_file(file, m, len, LOG2, key_id, key);
	CHECK(n != 0, "seal %zu bytes", len);
	return n;
}

int main(void)
{
	static uint8_t m[4 * CHUNK], out[4 * CHUNK], file[4 * SEALED + 64], copy[4 * SEALED + 64];
	static const size_t sizes[] = { 0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK };
	if (sodium_init() < 0 || sc_core_init() != 0) {
		return 1;
	}
	if (!sc_cipher_available(sc_cipher_get(SC_AEGIS256))) {
		printf("stream: AEGIS-256 unavailable here, 0 passed, 0 failed (skipped)\n");
		return 77;
	}
	randombytes_buf(m, sizeof m);
	randombytes_buf(key, sizeof key);
	randombytes_buf(other_key, sizeof other_key);

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t len = sizes[i], got_len;
		size_t flen = seal_file(file, m, len);
		size_t chunks = len / CHUNK + 1 - (len > 0 && len % CHUNK == 0);
		CHECK(flen == SC_STREAM_HEADER_BYTES + len + chunks * SC_STREAM_TAG_BYTES, "size of a %zu-byte file", len);
		CHECK(sc_stream_plaintext_size(flen, CHUNK) == (int64_t) len, "plaintext size of a %zu-byte file", len);
		CHECK(stream_open_file(out, &got_len, file, flen, key) == SC_STREAM_OK && got_len == len
			&& memcmp(out, m, len) == 0, "round trip of %zu bytes", len);
		CHECK(stream_open_file(out, &got_len, file, flen, other_key) == SC_STREAM_FORGED, "wrong key, %zu bytes", len);
		/* Every single-bit flip anywhere in the first 40 and last 40 bytes. */
		for (size_t at = 0; at < flen; at += at == 40 && flen > 80 ? flen - 80 : 1) {
			memcpy(copy, file, flen);
			copy[at] ^= 0x10;
			sc_stream_result r = stream_open_file(out, &got_len, copy, flen, key);
			CHECK(r == SC_STREAM_FORGED || r == SC_STREAM_BAD_HEADER, "flip at %zu of %zu", at, flen);
		}
		if (chunks > 1) {
			/* Truncated at a chunk boundary: the chunk before is not a last chunk. */
			size_t cut = SC_STREAM_HEADER_BYTES + (chunks - 1) * SEALED;
			CHECK(stream_open_file(out, &got_len, file, cut, key) == SC_STREAM_FORGED, "truncated %zu-byte file", len);
			/* Chunks 0 and 1 swapped (both full only when there are 3 or more). */
			if (chunks > 2) {
				memcpy(copy, file, flen);
				memcpy(copy + SC_STREAM_HEADER_BYTES, file + SC_STREAM_HEADER_BYTES + SEALED, SEALED);
				memcpy(copy + SC_STREAM_HEADER_BYTES + SEALED, file + SC_STREAM_HEADER_BYTES, SEALED);
				CHECK(stream_open_file(out, &got_len, copy, flen, key) == SC_STREAM_FORGED, "reordered chunks");
				/* A chunk dropped from the middle. */
				memcpy(copy, file, SC_STREAM_HEADER_BYTES + SEALED);
				memcpy(copy + SC_STREAM_HEADER_BYTES + SEALED, file + SC_STREAM_HEADER_BYTES + 2 * SEALED,
					flen - SC_STREAM_HEADER_BYTES - 2 * SEALED);
				CHECK(stream_open_file(out, &got_len, copy, flen - SEALED, key) == SC_STREAM_FORGED, "dropped chunk");
			}
		}
		/* Extra bytes after the last chunk. */
		memcpy(copy, file, flen);
		memset(copy + flen, 0, SC_STREAM_TAG_BYTES);
		CHECK(stream_open_file(out, &got_len, copy, flen + SC_STREAM_TAG_BYTES, key) != SC_STREAM_OK, "trailing chunk");
	}

	/* A chunk moved from another file under the same key (same size, same place). */
	size_t a_len = seal_file(file, m, 2 * CHUNK), got_len;
	size_t b_len = seal_file(copy, m, 2 * CHUNK);
	CHECK(a_len == b_len, "same sizes");
	memcpy(copy + SC_STREAM_HEADER_BYTES, file + SC_STREAM_HEADER_BYTES, SEALED);
	CHECK(stream_open_file(out, &got_len, copy, b_len, key) == SC_STREAM_FORGED, "chunk from another file");
	/* The other file's header on this file's chunks. */
	seal_file(copy, m, 2 * CHUNK);
	memcpy(file, copy, SC_STREAM_HEADER_BYTES);
	CHECK(stream_open_file(out, &got_len, file, a_len, key) == SC_STREAM_FORGED, "header from another file");

	/* The format, pinned: chunk 1 (last, 1 byte) with AEGIS-256 called directly. */
	sc_stream st;
	uint8_t sealed[1 + SC_STREAM_TAG_BYTES], want[1 + SC_STREAM_TAG_BYTES], nonce[32] = { 0 };
	sc_stream_start(&st, LOG2, key_id);
	CHECK(memcmp(st.header, "scs1\x01\x0a\x01\x02\x03\x04", 10) == 0, "header layout");
	CHECK(sc_stream_seal(&st, file, m, CHUNK, false, key) == SC_STREAM_OK, "chunk 0");
	CHECK(sc_stream_seal(&st, sealed, m, 1, true, key) == SC_STREAM_OK, "chunk 1");
	memcpy(nonce, st.header + 10, 24);
	nonce[30] = 1;   /* counter 1, big-endian in bytes 24..30 */
	nonce[31] = 1;   /* last */
	sc_aead_encrypt(sc_cipher_get(SC_AEGIS256), 32, want, want + 1, m, 1, st.header, 34, nonce, key);
	CHECK(memcmp(sealed, want, sizeof want) == 0, "nonce = prefix || counter(7, BE) || last");

	/* The state machine: nothing after the last chunk, sizes by place. */
	CHECK(sc_stream_seal(&st, sealed, m, 1, true, key) == SC_STREAM_FINISHED, "seal after the last chunk");
	sc_stream_start(&st, LOG2, key_id);
	CHECK(sc_stream_seal(&st, file, m, CHUNK - 1, false, key) == SC_STREAM_BAD_LENGTH, "short middle chunk");
	CHECK(sc_stream_seal(&st, file, m, CHUNK + 1, true, key) == SC_STREAM_BAD_LENGTH, "long last chunk");
	CHECK(sc_stream_open(&st, out, file, SC_STREAM_TAG_BYTES - 1, true, key) == SC_STREAM_BAD_LENGTH, "shorter than a tag");
	st.counter = (UINT64_C(1) << 56);
	CHECK(sc_stream_seal(&st, file, m, CHUNK, false, key) == SC_STREAM_TOO_LONG, "counter limit");

	/* Headers: wrong magic, cipher, chunk size, length. */
	sc_stream_start(&st, LOG2, key_id);
	memcpy(copy, st.header, SC_STREAM_HEADER_BYTES);
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES) == SC_STREAM_OK, "a good header");
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES - 1) == SC_STREAM_BAD_HEADER, "short header");
	copy[4] = 2;
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES) == SC_STREAM_BAD_HEADER, "other cipher");
	copy[4] = 1;
	copy[5] = SC_STREAM_MAX_LOG2 + 1;
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES) == SC_STREAM_BAD_HEADER, "chunk too large");
	copy[5] = SC_STREAM_MIN_LOG2 - 1;
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES) == SC_STREAM_BAD_HEADER, "chunk too small");
	copy[0] = 'S';
	CHECK(sc_stream_resume(&st, copy, SC_STREAM_HEADER_BYTES) == SC_STREAM_BAD_HEADER, "magic");

	/* Sizes no file has. */
	CHECK(sc_stream_plaintext_size(0, CHUNK) == -1, "empty");
	CHECK(sc_stream_plaintext_size(SC_STREAM_HEADER_BYTES + 31, CHUNK) == -1, "less than a tag");
	CHECK(sc_stream_plaintext_size(SC_STREAM_HEADER_BYTES + SEALED + 5, CHUNK) == -1, "a partial tag after a chunk");
	CHECK(sc_stream_plaintext_size(SC_STREAM_HEADER_BYTES + SEALED + 32, CHUNK) == CHUNK, "a full chunk and an empty last");
	return sc_test_done("stream");
}
