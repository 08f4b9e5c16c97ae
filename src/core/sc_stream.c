/* STREAM over AEGIS-256 for files: see sc_stream.h for the format. */
#include "sc_stream.h"
#include "sc_cipher.h"
#include "sc_random.h"

#include <string.h>

static const uint8_t magic[4] = { 's', 'c', 's', '1' };

#define COUNTER_BYTES 7
#define COUNTER_LIMIT (UINT64_C(1) << (8 * COUNTER_BYTES))

void sc_stream_start(sc_stream *st, unsigned log2_chunk, const uint8_t key_id[4])
{
	memcpy(st->header, magic, sizeof magic);
	st->header[4] = SC_AEGIS256;
	st->header[5] = (uint8_t) log2_chunk;
	memcpy(st->header + SC_STREAM_KEY_ID_AT, key_id, 4);
	sc_random_buf(st->header + SC_STREAM_HEADER_BYTES - SC_STREAM_PREFIX_BYTES, SC_STREAM_PREFIX_BYTES);
	st->counter = 0;
	st->chunk_bytes = (size_t) 1 << log2_chunk;
	st->finished = false;
}

sc_stream_result sc_stream_resume(sc_stream *st, const uint8_t *header, size_t len)
{
	if (len != SC_STREAM_HEADER_BYTES || memcmp(header, magic, sizeof magic) != 0
			|| header[4] != SC_AEGIS256 || header[5] < SC_STREAM_MIN_LOG2 || header[5] > SC_STREAM_MAX_LOG2) {
		return SC_STREAM_BAD_HEADER;
	}
	memcpy(st->header, header, SC_STREAM_HEADER_BYTES);
	st->counter = 0;
	st->chunk_bytes = (size_t) 1 << header[5];
	st->finished = false;
	return SC_STREAM_OK;
}

/* What both directions check before a chunk, and the nonce they use. */
static sc_stream_result next_nonce(const sc_stream *st, uint8_t nonce[32], size_t mlen, bool last)
{
	if (st->finished) {
		return SC_STREAM_FINISHED;
	}
	if (last ? mlen > st->chunk_bytes : mlen != st->chunk_bytes) {
		return SC_STREAM_BAD_LENGTH;
	}
	if (st->counter >= COUNTER_LIMIT) {
		return SC_STREAM_TOO_LONG;
	}
	memcpy(nonce, st->header + SC_STREAM_HEADER_BYTES - SC_STREAM_PREFIX_BYTES, SC_STREAM_PREFIX_BYTES);
	for (int i = 0; i < COUNTER_BYTES; i++) {
		nonce[SC_STREAM_PREFIX_BYTES + i] = (uint8_t) (st->counter >> (8 * (COUNTER_BYTES - 1 - i)));
	}
	nonce[31] = last ? 1 : 0;
	return SC_STREAM_OK;
}

sc_stream_result sc_stream_seal(sc_stream *st, uint8_t *out, const uint8_t *m, size_t mlen, bool last,
	const uint8_t *key)
{
	uint8_t nonce[32];
	sc_stream_result r = next_nonce(st, nonce, mlen, last);
	if (r != SC_STREAM_OK) {
		return r;
	}
	sc_aead_encrypt(sc_cipher_get(SC_AEGIS256), SC_STREAM_TAG_BYTES, out, out + mlen, m, mlen,
		st->header, SC_STREAM_HEADER_BYTES, nonce, key);
	st->counter++;
	st->finished = last;
	return SC_STREAM_OK;
}

sc_stream_result sc_stream_open(sc_stream *st, uint8_t *m, const uint8_t *c, size_t clen, bool last,
	const uint8_t *key)
{
	uint8_t nonce[32];
	if (clen < SC_STREAM_TAG_BYTES) {
		return SC_STREAM_BAD_LENGTH;
	}
	size_t mlen = clen - SC_STREAM_TAG_BYTES;
	sc_stream_result r = next_nonce(st, nonce, mlen, last);
	if (r != SC_STREAM_OK) {
		return r;
	}
	if (sc_aead_decrypt(sc_cipher_get(SC_AEGIS256), SC_STREAM_TAG_BYTES, m, c, mlen, c + mlen,
			st->header, SC_STREAM_HEADER_BYTES, nonce, key) != 0) {
		return SC_STREAM_FORGED;
	}
	st->counter++;
	st->finished = last;
	return SC_STREAM_OK;
}

int64_t sc_stream_plaintext_size(uint64_t file_bytes, size_t chunk_bytes)
{
	uint64_t sealed = (uint64_t) chunk_bytes + SC_STREAM_TAG_BYTES;
	if (file_bytes < SC_STREAM_HEADER_BYTES + SC_STREAM_TAG_BYTES) {
		return -1;
	}
	uint64_t body = file_bytes - SC_STREAM_HEADER_BYTES;
	/* Full chunks, then a last chunk of 0..chunk_bytes: a body that is an
	 * exact multiple of a sealed chunk ends with a full last chunk. */
	uint64_t chunks = (body + sealed - 1) / sealed;
	uint64_t tail = body - (chunks - 1) * sealed;
	if (tail < SC_STREAM_TAG_BYTES) {
		return -1;
	}
	return (int64_t) (body - chunks * SC_STREAM_TAG_BYTES);
}
