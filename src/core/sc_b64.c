#include "sc_b64.h"
#include "sc_cpu.h"
#include "sc_ct.h"

#if defined(__x86_64__)
# include <immintrin.h>
# define SC_B64_AVX2 1
# define SC_B64_AVX512 1
#endif

#include <string.h>

static const char alphabet[64] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* 0..63 for alphabet characters, 0xff for the rest. */
static const uint8_t decode_table[256] = {
#define X 0xff
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, 62, X, X,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, X, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, 63,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
#undef X
};

size_t sc_b64_encoded_len(size_t n)
{
	if (n > (SIZE_MAX - 2) / 4) {
		return SIZE_MAX;
	}
	return (n / 3) * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
}

/* The bytes n characters decode to, for a length that can be valid (not 4k + 1). */
static inline size_t decoded_len(size_t n)
{
	return n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0);
}

static void encode_scalar(char *out, const uint8_t *in, size_t n)
{
	size_t i = 0;
	/* One group at a time, read fully before written: see the overlap rule. */
	for (; i + 3 <= n; i += 3) {
		uint32_t w = (uint32_t) in[i] << 16 | (uint32_t) in[i + 1] << 8 | in[i + 2];
		out[0] = alphabet[w >> 18];
		out[1] = alphabet[(w >> 12) & 63];
		out[2] = alphabet[(w >> 6) & 63];
		out[3] = alphabet[w & 63];
		out += 4;
	}
	if (n - i == 1) {
		uint32_t w = (uint32_t) in[i] << 16;
		out[0] = alphabet[w >> 18];
		out[1] = alphabet[(w >> 12) & 63];
	} else if (n - i == 2) {
		uint32_t w = (uint32_t) in[i] << 16 | (uint32_t) in[i + 1] << 8;
		out[0] = alphabet[w >> 18];
		out[1] = alphabet[(w >> 12) & 63];
		out[2] = alphabet[(w >> 6) & 63];
	}
}

static bool decode_scalar(uint8_t *out, size_t *out_len, const char *in, size_t n)
{
	const unsigned char *s = (const unsigned char *) in;
	uint8_t *o = out;
	uint32_t bad = 0;
	size_t i = 0;

	if (n % 4 == 1) {
		return false;
	}
	for (; i + 4 <= n; i += 4) {
		uint32_t a = decode_table[s[i]], b = decode_table[s[i + 1]];
		uint32_t c = decode_table[s[i + 2]], d = decode_table[s[i + 3]];
		bad |= a | b | c | d;
		uint32_t w = a << 18 | b << 12 | c << 6 | d;
		o[0] = (uint8_t) (w >> 16);
		o[1] = (uint8_t) (w >> 8);
		o[2] = (uint8_t) w;
		o += 3;
	}
	if (n - i >= 2) {
		uint32_t a = decode_table[s[i]], b = decode_table[s[i + 1]];
		uint32_t c = n - i == 3 ? decode_table[s[i + 2]] : 0;
		bad |= a | b | c;
		uint32_t w = a << 18 | b << 12 | c << 6;
		/* Canonical form: the bits that fall past the last byte are zero. */
		bad |= (n - i == 2 ? (w & 0xffff) : (w & 0xff)) ? 0x80 : 0;
		*o++ = (uint8_t) (w >> 16);
		if (n - i == 3) {
			*o++ = (uint8_t) (w >> 8);
		}
	}
	*out_len = (size_t) (o - out);
	return (bad & 0x80) == 0;
}

#ifdef SC_B64_AVX2
/*
 * AVX2, 24 bytes <-> 32 characters a step (after Mula and Lemire, "Faster
 * Base64 Encoding and Decoding using AVX2 Instructions"). Only whole steps
 * run here; the scalar code does the rest, and decides every error.
 */

/* Encodes whole steps while it is safe; returns the bytes consumed. A step
 * loads in[-4 .. 28) (the 4 bytes before it are loaded, never used): the
 * caller guarantees in[-4] is readable. */
__attribute__((target("avx2")))
static size_t encode_avx2(char *out, const uint8_t *in, size_t n)
{
	const __m256i shuf = _mm256_setr_epi8(
		5, 4, 6, 5, 8, 7, 9, 8, 11, 10, 12, 11, 14, 13, 15, 14,
		1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
	/* Per class: 0 -> 26..51 (+71), 1..10 -> 52..61 (-4), 11 -> 62 '-', 12 -> 63 '_', 13 -> 0..25 (+65). */
	const __m256i offsets = _mm256_setr_epi8(
		71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -17, 32, 65, 0, 0,
		71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -17, 32, 65, 0, 0);
	size_t done = 0;
	/* Step k reads in[done - 4, done + 28) and writes out[4/3 done, +32). When
	 * out overlaps in from below (the payload writer), a step must not
	 * overwrite input a later step still needs. */
	while (n - done >= 28) {
		uintptr_t w_end = (uintptr_t) (out + 32), next = (uintptr_t) (in + done + 24);
		if (w_end > next && (uintptr_t) out < (uintptr_t) (in + n)) {
			break;
		}
		__m256i v = _mm256_loadu_si256((const __m256i *) (const void *) (in + done - 4));
		v = _mm256_shuffle_epi8(v, shuf);
		__m256i t0 = _mm256_and_si256(v, _mm256_set1_epi32(0x0fc0fc00));
		__m256i t1 = _mm256_mulhi_epu16(t0, _mm256_set1_epi32(0x04000040));
		__m256i t2 = _mm256_and_si256(v, _mm256_set1_epi32(0x003f03f0));
		__m256i t3 = _mm256_mullo_epi16(t2, _mm256_set1_epi32(0x01000010));
		__m256i idx = _mm256_or_si256(t1, t3);
		__m256i cls = _mm256_subs_epu8(idx, _mm256_set1_epi8(51));
		__m256i low = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), idx);
		cls = _mm256_or_si256(cls, _mm256_and_si256(low, _mm256_set1_epi8(13)));
		__m256i chars = _mm256_add_epi8(idx, _mm256_shuffle_epi8(offsets, cls));
		_mm256_storeu_si256((__m256i *) (void *) out, chars);
		out += 32;
		done += 24;
	}
	return done;
}

/* Decodes whole steps of valid characters; returns the characters consumed
 * (a multiple of 32, stopping before any step with an invalid one).
 *
 * Validity by nibbles: a byte is invalid when lut_lo[low] & lut_hi[high] is
 * non-zero. High nibbles with the same valid low nibbles share a bit:
 *   bit 0: 0x0_, 0x1_, 0x8_..0xF_ (nothing valid)   bit 1: 0x2_ (only '-')
 *   bit 2: 0x3_ ('0'..'9')                          bit 3: 0x4_, 0x6_ (1..F)
 *   bit 4: 0x5_ (0..A and '_')                      bit 5: 0x7_ (0..A)
 * The value is the byte plus a roll picked by the high nibble; '_' (which
 * shares 0x5_ with 'P'..'Z') is moved to the unused slot 0. */
__attribute__((target("avx2")))
static size_t decode_avx2(uint8_t *out, const char *in, size_t n)
{
	const __m256i lut_lo = _mm256_setr_epi8(
		0x0b, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x07, 0x37, 0x37, 0x35, 0x37, 0x27,
		0x0b, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x07, 0x37, 0x37, 0x35, 0x37, 0x27);
	const __m256i lut_hi = _mm256_setr_epi8(
		0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x08, 0x20, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
		0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x08, 0x20, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01);
	const __m256i lut_roll = _mm256_setr_epi8(
		-32, 0, 17, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0,
		-32, 0, 17, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
	const __m256i nibble = _mm256_set1_epi8(0x0f);
	size_t done = 0;
	while (n - done >= 32) {
		__m256i c = _mm256_loadu_si256((const __m256i *) (const void *) (in + done));
		__m256i hi = _mm256_and_si256(_mm256_srli_epi32(c, 4), nibble);
		__m256i lo = _mm256_and_si256(c, nibble);
		if (!_mm256_testz_si256(_mm256_shuffle_epi8(lut_lo, lo), _mm256_shuffle_epi8(lut_hi, hi))) {
			break;
		}
		__m256i underscore = _mm256_and_si256(_mm256_cmpeq_epi8(c, _mm256_set1_epi8('_')), _mm256_set1_epi8(0x0b));
		__m256i v = _mm256_add_epi8(c, _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(hi, underscore)));
		/* 4 x 6 bits -> 3 bytes in each 32-bit lane, then 12 bytes a 128-bit lane. */
		v = _mm256_maddubs_epi16(v, _mm256_set1_epi32(0x01400140));
		v = _mm256_madd_epi16(v, _mm256_set1_epi32(0x00011000));
		v = _mm256_shuffle_epi8(v, _mm256_setr_epi8(
			2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
			2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1));
		v = _mm256_permutevar8x32_epi32(v, _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7));
		/* Exactly 24 bytes: the buffer may end there. */
		_mm_storeu_si128((__m128i *) (void *) out, _mm256_castsi256_si128(v));
		_mm_storel_epi64((__m128i *) (void *) (out + 16), _mm256_extracti128_si256(v, 1));
		out += 24;
		done += 32;
	}
	return done;
}
#endif

#ifdef SC_B64_AVX512
/*
 * AVX-512 VBMI, 48 bytes <-> 64 characters a step: byte permutes (vpermb,
 * vpermi2b) do the table work and vpmultishiftqb cuts the 6-bit fields.
 * Loads and stores are masked to the bytes a step owns, and each ends with
 * one masked partial step. Decoding, as with AVX2, leaves every step it
 * would reject to the scalar code.
 */
#define SC_B64_VBMI_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi")))
#define SC_B64_48_BYTES    0x0000ffffffffffffULL

/* The 64 characters of 48 bytes (the low 48 of v). */
SC_B64_VBMI_TARGET
static inline __m512i encode_vbmi_step(__m512i v)
{
	/* Group k's bytes a, b, c become the 32-bit lane b | a << 8 | c << 16 | b << 24:
	 * its four characters are then the 6 bits at 10, 4, 22 and 16. */
	const __m512i spread = _mm512_setr_epi32(
		0x01020001, 0x04050304, 0x07080607, 0x0a0b090a, 0x0d0e0c0d, 0x10110f10, 0x13141213, 0x16171516,
		0x191a1819, 0x1c1d1b1c, 0x1f201e1f, 0x22232122, 0x25262425, 0x28292728, 0x2b2c2a2b, 0x2e2f2d2e);
	const __m512i shifts = _mm512_set1_epi64(0x3036242a1016040aLL);
	const __m512i chars = _mm512_loadu_si512((const void *) alphabet); /* vpermb uses 6 bits of an index */
	v = _mm512_permutexvar_epi8(spread, v);
	v = _mm512_multishift_epi64_epi8(shifts, v);
	return _mm512_permutexvar_epi8(v, chars);
}

/* Same overlap rule as encode_avx2(); no step reads before in. */
SC_B64_VBMI_TARGET
static size_t encode_vbmi(char *out, const uint8_t *in, size_t n)
{
	size_t done = 0;
	while (n - done >= 48) {
		uintptr_t w_end = (uintptr_t) (out + 64), next = (uintptr_t) (in + done + 48);
		if (w_end > next && (uintptr_t) out < (uintptr_t) (in + n)) {
			break;
		}
		_mm512_storeu_si512((void *) out, encode_vbmi_step(_mm512_maskz_loadu_epi8(SC_B64_48_BYTES, in + done)));
		out += 64;
		done += 48;
	}
	/* The last partial step masked: bytes past the end load as zero, as the
	 * scalar code pads them, and only the characters they own are stored.
	 * All of its input is loaded before any output is written. */
	size_t rest = n - done;
	if (rest > 0 && rest < 48) {
		_mm512_mask_storeu_epi8(out, ((__mmask64) 1 << sc_b64_encoded_len(rest)) - 1,
			encode_vbmi_step(_mm512_maskz_loadu_epi8(((__mmask64) 1 << rest) - 1, in + done)));
		done = n;
	}
	return done;
}

/* The 48 bytes of 64 characters, in the low 48 bytes of *bytes; false (and
 * *bytes unset) when any character is outside the alphabet. */
SC_B64_VBMI_TARGET
static inline bool decode_vbmi_step(__m512i c, __m512i *bytes)
{
	/* Packed, lane k holds its 3 bytes low to high as the 3rd, 2nd, 1st:
	 * output byte 3k + j is byte 4k + 2 - j. */
	static const uint8_t compact[64] = {
		2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 18, 17, 16, 22, 21, 20, 26, 25, 24, 30, 29, 28,
		34, 33, 32, 38, 37, 36, 42, 41, 40, 46, 45, 44, 50, 49, 48, 54, 53, 52, 58, 57, 56, 62, 61, 60,
	};
	/* decode_table's first half, indexed by a character's low 7 bits: an
	 * invalid character maps to 0xff, and one >= 0x80 has the bit itself. */
	const __m512i lo = _mm512_loadu_si512((const void *) decode_table);
	const __m512i hi = _mm512_loadu_si512((const void *) (decode_table + 64));
	__m512i v = _mm512_permutex2var_epi8(lo, c, hi);
	if (_mm512_movepi8_mask(_mm512_or_si512(c, v)) != 0) {
		return false;
	}
	/* 4 x 6 bits -> 24 bits in each 32-bit lane, then 48 bytes in order. */
	v = _mm512_maddubs_epi16(v, _mm512_set1_epi32(0x01400140));
	v = _mm512_madd_epi16(v, _mm512_set1_epi32(0x00011000));
	*bytes = _mm512_permutexvar_epi8(_mm512_loadu_si512((const void *) compact), v);
	return true;
}

/* Decodes while the steps are valid, the last partial one included;
 * returns the characters consumed. */
SC_B64_VBMI_TARGET
static size_t decode_vbmi(uint8_t *out, const char *in, size_t n)
{
	__m512i bytes;
	size_t done = 0;
	while (n - done >= 64) {
		if (!decode_vbmi_step(_mm512_loadu_si512((const void *) (in + done)), &bytes)) {
			return done;
		}
		_mm512_mask_storeu_epi8(out, SC_B64_48_BYTES, bytes);
		out += 48;
		done += 64;
	}
	/* The last partial step, when it can be valid: masked, with 'A' (0) in
	 * the lanes past the end. Anything it would reject (a bad character,
	 * bits set past the last byte, a length of 4k + 1) is left to the
	 * scalar code, which decides every error. */
	size_t rest = n - done;
	if (rest == 0 || rest % 4 == 1) {
		return done;
	}
	unsigned last = decode_table[(unsigned char) in[n - 1]];
	if ((rest % 4 == 2 && (last & 0x0f)) || (rest % 4 == 3 && (last & 0x03))) {
		return done;
	}
	if (!decode_vbmi_step(_mm512_mask_loadu_epi8(_mm512_set1_epi8('A'), ((__mmask64) 1 << rest) - 1, in + done), &bytes)) {
		return done;
	}
	_mm512_mask_storeu_epi8(out, ((__mmask64) 1 << decoded_len(rest)) - 1, bytes);
	return n;
}
#endif

void sc_b64_encode(char *out, const uint8_t *in, size_t n)
{
	size_t done = 0;
#ifdef SC_B64_AVX512
	if (n > 0 && (sc_cpu_features() & SC_CPU_AVX512VBMI)) {
		done = encode_vbmi(out, in, n);
		if (done == n) {
			return;
		}
	}
#endif
#ifdef SC_B64_AVX2
	if (n - done >= 64 && (sc_cpu_features() & SC_CPU_AVX2)) {
		if (done == 0) {
			/* The first group by scalar code, so each AVX2 step may read 4 bytes back. */
			encode_scalar(out, in, 24);
			done = 24;
		}
		done += encode_avx2(out + done / 3 * 4, in + done, n - done);
	}
#endif
	encode_scalar(out + done / 3 * 4, in + done, n - done);
}

bool sc_b64_decode(uint8_t *out, size_t *out_len, const char *in, size_t n)
{
	size_t done = 0;
#ifdef SC_B64_AVX512
	if (n > 0 && (sc_cpu_features() & SC_CPU_AVX512VBMI)) {
		done = decode_vbmi(out, in, n);
		if (done == n) {
			*out_len = decoded_len(n);
			return true;
		}
	}
#endif
#ifdef SC_B64_AVX2
	if (n - done >= 64 && (sc_cpu_features() & SC_CPU_AVX2)) {
		done += decode_avx2(out + done / 4 * 3, in + done, n - done);
	}
#endif
	size_t rest_len;
	if (!decode_scalar(out + done / 4 * 3, &rest_len, in + done, n - done)) {
		return false;
	}
	*out_len = done / 4 * 3 + rest_len;
	return true;
}

/* ---- constant time: no branch and no table index on the data ---- */

/* All ones when lo <= x <= hi, else 0 (x, lo, hi in 0..255). */
static inline unsigned ct_in(unsigned x, unsigned lo, unsigned hi)
{
	return ~(unsigned) (((int) (x - lo) | (int) (hi - x)) >> 31);
}

/* All ones when v > k (v, k in 0..63). */
static inline unsigned ct_gt(unsigned v, unsigned k)
{
	return (unsigned) ((int) (k - v) >> 31);
}

/* The character of a 6-bit value; c62/c63 pick the alphabet. */
static inline char ct_char(unsigned v, unsigned c62, unsigned c63)
{
	unsigned c = v + 'A';
	c += ct_gt(v, 25) & 6u;                     /* 26..51 -> 'a'..'z' */
	c -= ct_gt(v, 51) & 75u;                    /* 52..61 -> '0'..'9' */
	c += ct_gt(v, 61) & (c62 - ('9' + 1));      /* 62 */
	c += ct_gt(v, 62) & (c63 - c62 - 1);        /* 63 */
	return (char) (c & 0xff);
}

/* The 6-bit value of a character, with bit 8 set when it is not in the alphabet. */
static inline unsigned ct_value(unsigned char ch, unsigned c62, unsigned c63)
{
	unsigned x = ch, valid;
	unsigned v = (ct_in(x, 'A', 'Z') & (x - 'A'))
		| (ct_in(x, 'a', 'z') & (x - 'a' + 26))
		| (ct_in(x, '0', '9') & (x - '0' + 52))
		| (ct_in(x, c62, c62) & 62u)
		| (ct_in(x, c63, c63) & 63u);
	valid = ct_in(x, 'A', 'Z') | ct_in(x, 'a', 'z') | ct_in(x, '0', '9') | ct_in(x, c62, c62) | ct_in(x, c63, c63);
	return (v & 63u) | (~valid & 0x100u);
}

static void encode_ct(char *out, const uint8_t *in, size_t n, unsigned c62, unsigned c63)
{
	size_t i = 0;
	for (; i + 3 <= n; i += 3) {
		uint32_t w = (uint32_t) in[i] << 16 | (uint32_t) in[i + 1] << 8 | in[i + 2];
		*out++ = ct_char(w >> 18, c62, c63);
		*out++ = ct_char((w >> 12) & 63, c62, c63);
		*out++ = ct_char((w >> 6) & 63, c62, c63);
		*out++ = ct_char(w & 63, c62, c63);
	}
	if (n - i >= 1) { /* the tail's length is public */
		uint32_t w = (uint32_t) in[i] << 16 | (n - i == 2 ? (uint32_t) in[i + 1] << 8 : 0);
		*out++ = ct_char(w >> 18, c62, c63);
		*out++ = ct_char((w >> 12) & 63, c62, c63);
		if (n - i == 2) {
			*out++ = ct_char((w >> 6) & 63, c62, c63);
		}
	}
	*out = '\0';
}

/* Strict decoding; only the verdict is public. */
static bool decode_ct(uint8_t *out, size_t cap, size_t *out_len, const char *in, size_t n, unsigned c62, unsigned c63)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t full = n / 4, rest = n % 4, len = decoded_len(n), o = 0;
	unsigned invalid = 0, stray = 0; /* characters outside the alphabet; non-zero unused bits */
	if (rest == 1 || len > cap) {
		return false;
	}
	for (size_t g = 0; g < full; g++, s += 4) {
		unsigned a = ct_value(s[0], c62, c63), b = ct_value(s[1], c62, c63);
		unsigned c = ct_value(s[2], c62, c63), d = ct_value(s[3], c62, c63);
		invalid |= a | b | c | d;
		uint32_t w = (a & 63) << 18 | (b & 63) << 12 | (c & 63) << 6 | (d & 63);
		out[o++] = (uint8_t) (w >> 16);
		out[o++] = (uint8_t) (w >> 8);
		out[o++] = (uint8_t) w;
	}
	if (rest) {
		unsigned a = ct_value(s[0], c62, c63), b = ct_value(s[1], c62, c63);
		unsigned c = rest == 3 ? ct_value(s[2], c62, c63) : 0;
		invalid |= a | b | c;
		uint32_t w = (a & 63) << 18 | (b & 63) << 12 | (c & 63) << 6;
		stray = rest == 2 ? (w & 0xffff) : (w & 0xff); /* canonical: unused bits zero */
		out[o++] = (uint8_t) (w >> 16);
		if (rest == 3) {
			out[o++] = (uint8_t) (w >> 8);
		}
	}
	bool ok = ((invalid & 0x100u) | stray) == 0;
	SC_CT_DECLASSIFY(&ok, sizeof ok); /* the verdict is public */
	*out_len = ok ? len : 0;
	return ok;
}

void sc_b64_encode_ct(char *out, const uint8_t *in, size_t n)
{
	encode_ct(out, in, n, '-', '_');
}

bool sc_b64_decode_ct(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n)
{
	return decode_ct(out, out_cap, out_len, in, n, '-', '_');
}

bool sc_b64_decode_key(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n)
{
	if (n >= 7 && memcmp(in, "base64:", 7) == 0) {
		in += 7;
		n -= 7;
	}
	for (;;) { /* padding carries no key bits */
		bool pad = n > 0 && in[n - 1] == '=';
		SC_CT_DECLASSIFY(&pad, sizeof pad);
		if (!pad) {
			break;
		}
		n--;
	}
	/* Which alphabet a key was written in is not secret either. */
	return decode_ct(out, out_cap, out_len, in, n, '+', '/')
		|| decode_ct(out, out_cap, out_len, in, n, '-', '_');
}
