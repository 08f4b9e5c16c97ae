/*
 * base64url without padding (RFC 4648 section 5), the text form of every
 * payload, token and blob.
 *
 * Two codecs with one contract. The fast one is for ciphertext, which is
 * public: AVX2 where the CPU has it, a table-driven scalar codec for the
 * rest and for every error; it branches and indexes on the data. The constant-
 * time one is for keys and tokens: characters and values are mapped with
 * arithmetic masks, no table and no branch on the data (checked under
 * valgrind by tests/c/test_ct.c). Both decoders are strict:
 * only the 64 alphabet characters, no padding, no white space, and the
 * unused low bits of the last character must be zero, so every byte string
 * has exactly one accepted text form.
 */
#ifndef SC_B64_H
#define SC_B64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Encoded length of n bytes, SIZE_MAX when n is too large to encode. */
size_t sc_b64_encoded_len(size_t n);
/* Upper bound of the decoded length of n characters. */
static inline size_t sc_b64_decoded_max(size_t n) { return n / 4 * 3 + 2; }

/* Writes sc_b64_encoded_len(n) characters. out may overlap in when
 * in == out + sc_b64_encoded_len(n) - n (the tail of the output buffer):
 * every group is read before it is overwritten. */
void sc_b64_encode(char *out, const uint8_t *in, size_t n);
/* Returns false on any character outside the alphabet, a length of 4k+1, or
 * non-zero trailing bits. out may be in itself (decoding runs forward). */
bool sc_b64_decode(uint8_t *out, size_t *out_len, const char *in, size_t n);

/* Constant-time variants, for secrets. The encoder writes a NUL after the
 * text: out holds sc_b64_encoded_len(n) + 1 bytes. The decoder writes at most
 * out_cap bytes and fails when the text would decode to more. */
void sc_b64_encode_ct(char *out, const uint8_t *in, size_t n);
bool sc_b64_decode_ct(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n);
/* A key as people write it: standard or URL-safe alphabet, padding optional,
 * Laravel's "base64:" prefix accepted. Constant time in the key bytes. */
bool sc_b64_decode_key(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n);

#endif
