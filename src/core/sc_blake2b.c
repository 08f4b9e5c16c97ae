#include "sc_blake2b.h"
#include "sc_cpu.h"
#include "sc_le.h"

#include <sodium.h>
#include <string.h>

#if defined(__x86_64__)
# include <immintrin.h>
# define SC_BLAKE2B_AVX512 1
#endif

static const uint64_t iv[8] = {
	0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
	0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

/* RFC 7693, 2.7: the message word schedule; rounds 10 and 11 reuse rows 0 and 1. */
static const uint8_t sigma[10][16] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
	{ 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
	{ 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
	{ 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
	{ 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
	{ 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
	{ 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
	{ 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
	{ 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
	{ 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
};

static inline uint64_t rotr64(uint64_t x, unsigned n)
{
	return (x >> n) | (x << (64 - n));
}

#define G(a, b, c, d, x, y) do { \
	a = a + b + (x); d = rotr64(d ^ a, 32); \
	c = c + d;       b = rotr64(b ^ c, 24); \
	a = a + b + (y); d = rotr64(d ^ a, 16); \
	c = c + d;       b = rotr64(b ^ c, 63); \
} while (0)

/* One round of F with the mixing function g: G on words, GV on vectors. */
#define ROUND(g, r) do { \
	const uint8_t *sr = sigma[(r) % 10]; \
	g(v[0], v[4], v[8], v[12], m[sr[0]], m[sr[1]]); \
	g(v[1], v[5], v[9], v[13], m[sr[2]], m[sr[3]]); \
	g(v[2], v[6], v[10], v[14], m[sr[4]], m[sr[5]]); \
	g(v[3], v[7], v[11], v[15], m[sr[6]], m[sr[7]]); \
	g(v[0], v[5], v[10], v[15], m[sr[8]], m[sr[9]]); \
	g(v[1], v[6], v[11], v[12], m[sr[10]], m[sr[11]]); \
	g(v[2], v[7], v[8], v[13], m[sr[12]], m[sr[13]]); \
	g(v[3], v[4], v[9], v[14], m[sr[14]], m[sr[15]]); \
} while (0)

/* All twelve, spelled out: with constant indices v and m stay in registers. */
#define ROUNDS(g) do { \
	ROUND(g, 0); ROUND(g, 1); ROUND(g, 2); ROUND(g, 3); ROUND(g, 4); ROUND(g, 5); \
	ROUND(g, 6); ROUND(g, 7); ROUND(g, 8); ROUND(g, 9); ROUND(g, 10); ROUND(g, 11); \
} while (0)

/* RFC 7693, 3.2: F, on one block; t is the byte count including this block. */
static void compress(uint64_t h[8], const uint8_t block[SC_BLAKE2B_BLOCK], uint64_t t, int last)
{
	uint64_t m[16], v[16];
	for (int i = 0; i < 16; i++) {
		m[i] = sc_load_le64(block + 8 * i);
	}
	for (int i = 0; i < 8; i++) {
		v[i] = h[i];
		v[i + 8] = iv[i];
	}
	v[12] ^= t; /* the high word of the 128-bit counter stays 0 below 2^64 bytes */
	if (last) {
		v[14] = ~v[14];
	}
	ROUNDS(G);
	for (int i = 0; i < 8; i++) {
		h[i] ^= v[i] ^ v[i + 8];
	}
	sodium_memzero(m, sizeof m);
	sodium_memzero(v, sizeof v);
}

static void param_init(uint64_t h[8], size_t out_len, size_t key_len)
{
	memcpy(h, iv, sizeof iv);
	h[0] ^= 0x01010000ULL ^ ((uint64_t) key_len << 8) ^ (uint64_t) out_len;
}

static void digest(uint8_t *out, const uint64_t h[8], size_t out_len)
{
	uint8_t full[64];
	for (size_t i = 0; i < (out_len + 7) / 8; i++) {
		sc_store_le64(full + 8 * i, h[i]);
	}
	memcpy(out, full, out_len);
	sodium_memzero(full, sizeof full);
}

/* Compresses every block of in but the last (1..128 bytes), which is padded
 * and compressed as the final block; h and t continue from the caller's. */
static void finish(uint64_t h[8], uint64_t t, const uint8_t *in, size_t len)
{
	uint8_t block[SC_BLAKE2B_BLOCK];
	while (len > SC_BLAKE2B_BLOCK) {
		t += SC_BLAKE2B_BLOCK;
		compress(h, in, t, 0);
		in += SC_BLAKE2B_BLOCK;
		len -= SC_BLAKE2B_BLOCK;
	}
	memcpy(block, in, len);
	memset(block + len, 0, sizeof block - len);
	compress(h, block, t + len, 1);
	sodium_memzero(block, len);
}

void sc_blake2b_keyed_init(sc_blake2b_state *s, size_t out_len, const uint8_t *key, size_t key_len)
{
	uint8_t block[SC_BLAKE2B_BLOCK] = { 0 };
	param_init(s->h, out_len, key_len);
	memcpy(block, key, key_len);
	compress(s->h, block, SC_BLAKE2B_BLOCK, 0);
	sodium_memzero(block, sizeof block);
	s->t = SC_BLAKE2B_BLOCK;
	s->out_len = (uint8_t) out_len;
}

void sc_blake2b_keyed_final(const sc_blake2b_state *s, uint8_t *out, size_t out_len, const uint8_t *in, size_t len)
{
	uint64_t h[8];
	memcpy(h, s->h, sizeof h);
	finish(h, s->t, in, len);
	digest(out, h, out_len);
	sodium_memzero(h, sizeof h);
}

#ifdef SC_BLAKE2B_AVX512
/* Eight messages at once, one in each 64-bit lane: the compression of
 * RFC 7693 word for word, on vectors. No lane ever mixes with another. */
#define GV(a, b, c, d, x, y) do { \
	a = _mm512_add_epi64(_mm512_add_epi64(a, b), x); d = _mm512_ror_epi64(_mm512_xor_si512(d, a), 32); \
	c = _mm512_add_epi64(c, d);                       b = _mm512_ror_epi64(_mm512_xor_si512(b, c), 24); \
	a = _mm512_add_epi64(_mm512_add_epi64(a, b), y); d = _mm512_ror_epi64(_mm512_xor_si512(d, a), 16); \
	c = _mm512_add_epi64(c, d);                       b = _mm512_ror_epi64(_mm512_xor_si512(b, c), 63); \
} while (0)


__attribute__((target("avx512f")))
static void final_x8_avx512(const sc_blake2b_state *s, uint8_t *const out[8], size_t out_len,
	const uint8_t *const in[8], const size_t len[8], size_t n)
{
	uint64_t words[16][8] __attribute__((aligned(64)));
	uint64_t t[8] __attribute__((aligned(64)));
	uint8_t block[SC_BLAKE2B_BLOCK], bytes[64];
	__m512i m[16], v[16];

	/* Transposed: words[w] holds word w of every lane's (padded) block. */
	for (size_t l = 0; l < 8; l++) {
		size_t from = l < n ? l : 0; /* spare lanes repeat the first message */
		memcpy(block, in[from], len[from]);
		memset(block + len[from], 0, sizeof block - len[from]);
		for (size_t w = 0; w < 16; w++) {
			words[w][l] = sc_load_le64(block + 8 * w);
		}
		t[l] = s->t + len[from];
	}
	for (size_t w = 0; w < 16; w++) {
		m[w] = _mm512_load_si512((const void *) words[w]);
	}
	for (size_t i = 0; i < 8; i++) {
		v[i] = _mm512_set1_epi64((long long) s->h[i]);
		v[i + 8] = _mm512_set1_epi64((long long) iv[i]);
	}
	v[12] = _mm512_xor_si512(v[12], _mm512_load_si512((const void *) t));
	v[14] = _mm512_set1_epi64((long long) ~iv[6]); /* every lane's block is its last */
	ROUNDS(GV);
	for (size_t i = 0; i < 8; i++) {
		__m512i h = _mm512_xor_si512(_mm512_set1_epi64((long long) s->h[i]), _mm512_xor_si512(v[i], v[i + 8]));
		_mm512_store_si512((void *) words[i], h);
	}
	for (size_t l = 0; l < n; l++) {
		for (size_t i = 0; i < (out_len + 7) / 8; i++) {
			sc_store_le64(bytes + 8 * i, words[i][l]);
		}
		memcpy(out[l], bytes, out_len);
	}
	sodium_memzero(words, sizeof words);
	sodium_memzero(block, sizeof block);
	sodium_memzero(bytes, sizeof bytes);
	/* m and v are not wiped: they live in registers, and wiping them as
	 * arrays would only make the compiler store them first. The message
	 * words are wiped above, in words and block. */
}
#endif

void sc_blake2b_keyed_final_x8(const sc_blake2b_state *s, uint8_t *const out[8], size_t out_len,
	const uint8_t *const in[8], const size_t len[8], size_t n)
{
#ifdef SC_BLAKE2B_AVX512
	if (n > 1 && (sc_cpu_features() & SC_CPU_AVX512F)) {
		final_x8_avx512(s, out, out_len, in, len, n);
		return;
	}
#endif
	for (size_t l = 0; l < n; l++) {
		sc_blake2b_keyed_final(s, out[l], out_len, in[l], len[l]);
	}
}
