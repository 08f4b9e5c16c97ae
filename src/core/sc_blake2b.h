/*
 * BLAKE2b (RFC 7693), keyed, for blind indexes: the key block is compressed
 * once into a state that is then copied for each message, so a message of
 * up to 128 bytes costs one compression instead of libsodium's two. The
 * digests are crypto_generichash()'s (tests/c/test_blake2b.c checks them
 * against libsodium on every length the tests reach).
 */
#ifndef SC_BLAKE2B_H
#define SC_BLAKE2B_H

#include <stddef.h>
#include <stdint.h>

#define SC_BLAKE2B_BLOCK 128

typedef struct {
	uint64_t h[8];
	uint64_t t;      /* bytes compressed so far */
	uint8_t out_len; /* the digest length the parameter block names */
} sc_blake2b_state;

/* The state after the key block (key_len 1..64, out_len 1..64). It holds
 * no key bytes, but it is as secret as the key: it computes any digest. */
void sc_blake2b_keyed_init(sc_blake2b_state *s, size_t out_len, const uint8_t *key, size_t key_len);
/* The first out_len (1..s->out_len) bytes of the digest of a non-empty
 * message from such a state (len >= 1: for the empty message the key block
 * itself is the last block, which libsodium's crypto_generichash() does).
 * The state is not changed. */
void sc_blake2b_keyed_final(const sc_blake2b_state *s, uint8_t *out, size_t out_len, const uint8_t *in, size_t len);
/* sc_blake2b_keyed_final() of n (1..8) messages of 1..128 bytes each,
 * all at once in the lanes of AVX-512 registers where the CPU has them. */
void sc_blake2b_keyed_final_x8(const sc_blake2b_state *s, uint8_t *const out[8], size_t out_len,
	const uint8_t *const in[8], const size_t len[8], size_t n);

#endif
