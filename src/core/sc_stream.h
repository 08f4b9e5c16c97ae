/*
 * Encrypted files in independent chunks: the STREAM construction (Hoang,
 * Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption and its
 * Nonce-Reuse Misuse-Resistance", CRYPTO 2015) over AEGIS-256.
 *
 *   file   = header ‖ chunk_0 ‖ … ‖ chunk_n       (n >= 0: an empty file is
 *            one empty last chunk)
 *   header = "scs1" ‖ cipher_id(1) = 1 ‖ log2(chunk size)(1) ‖ key_id(4)
 *            ‖ prefix(24, random)                  = 34 bytes
 *   chunk_i = AEGIS-256(plaintext_i, key, AD = header,
 *             nonce = prefix ‖ i (7 bytes, big-endian) ‖ last(1: 0 or 1))
 *             ‖ tag(32)
 *
 * Every chunk but the last holds exactly the chunk size; the last holds 0 to
 * the chunk size. The counter in the nonce detects reordering and dropped
 * chunks, the last flag detects truncation at a chunk boundary, and the
 * header (random prefix, key id, chunk size) in every chunk's AD detects
 * chunks moved between files and any edit of the header.
 */
#ifndef SC_STREAM_H
#define SC_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SC_STREAM_HEADER_BYTES 34
#define SC_STREAM_TAG_BYTES    32
#define SC_STREAM_PREFIX_BYTES 24
#define SC_STREAM_MIN_LOG2     10  /* 1 KiB */
#define SC_STREAM_MAX_LOG2     24  /* 16 MiB */
#define SC_STREAM_KEY_ID_AT    6

typedef struct {
	uint8_t header[SC_STREAM_HEADER_BYTES];
	uint64_t counter;    /* the next chunk's index */
	size_t chunk_bytes;  /* plaintext bytes in every chunk but the last */
	bool finished;       /* the last chunk has been sealed or opened */
} sc_stream;

typedef enum {
	SC_STREAM_OK = 0,
	SC_STREAM_BAD_HEADER,   /* not a header this code writes */
	SC_STREAM_BAD_LENGTH,   /* a chunk of the wrong size for its place */
	SC_STREAM_FINISHED,     /* a chunk after the last one */
	SC_STREAM_TOO_LONG,     /* the counter would wrap */
	SC_STREAM_FORGED,       /* authentication failed */
} sc_stream_result;

/* A new stream with a fresh random prefix. log2_chunk in MIN..MAX. */
void sc_stream_start(sc_stream *st, unsigned log2_chunk, const uint8_t key_id[4]);
/* Reads a header (len must be SC_STREAM_HEADER_BYTES) written by
 * sc_stream_start(); SC_STREAM_OK or SC_STREAM_BAD_HEADER. */
sc_stream_result sc_stream_resume(sc_stream *st, const uint8_t *header, size_t len);

/* out receives mlen + SC_STREAM_TAG_BYTES bytes; out may equal m. key: 32 bytes. */
sc_stream_result sc_stream_seal(sc_stream *st, uint8_t *out, const uint8_t *m, size_t mlen, bool last,
	const uint8_t *key);
/* m receives clen - SC_STREAM_TAG_BYTES bytes (wiped on failure); m may
 * equal c. The counter only advances on success. */
sc_stream_result sc_stream_open(sc_stream *st, uint8_t *m, const uint8_t *c, size_t clen, bool last,
	const uint8_t *key);

/* The plaintext size of a whole file of file_bytes (header included), or -1
 * when no file of chunk_bytes chunks has that size. */
int64_t sc_stream_plaintext_size(uint64_t file_bytes, size_t chunk_bytes);

#endif
