#include "sc_b64.h"
#include "sc_ct.h"

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

void sc_b64_encode(char *out, const uint8_t *in, size_t n)
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

bool sc_b64_decode(uint8_t *out, size_t *out_len, const char *in, size_t n)
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
	size_t full = n / 4, rest = n % 4, len = full * 3 + (rest ? rest - 1 : 0), o = 0;
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
