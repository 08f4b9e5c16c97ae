#include "sc_b64.h"

#include <sodium.h>
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

void sc_b64_encode_ct(char *out, const uint8_t *in, size_t n)
{
	sodium_bin2base64(out, sc_b64_encoded_len(n) + 1, in, n,
		sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* libsodium 1.0.18 reads the text as (signed) char and maps some bytes >= 0x80
 * onto alphabet values: refuse them first, without a data-dependent branch. */
static bool has_high_byte(const char *in, size_t n)
{
	unsigned char acc = 0;
	for (size_t i = 0; i < n; i++) {
		acc |= (unsigned char) in[i];
	}
	return (acc & 0x80) != 0;
}

static bool sodium_decode(uint8_t *out, size_t cap, size_t *out_len, const char *in, size_t n, int variant)
{
	const char *end;
	return sodium_base642bin(out, cap, in, n, NULL, out_len, &end, variant) == 0 && end == in + n;
}

bool sc_b64_decode_ct(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n)
{
	if (n % 4 == 1 || has_high_byte(in, n)) {
		return false;
	}
	return sodium_decode(out, out_cap, out_len, in, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool sc_b64_decode_key(uint8_t *out, size_t out_cap, size_t *out_len, const char *in, size_t n)
{
	if (n >= 7 && memcmp(in, "base64:", 7) == 0) {
		in += 7;
		n -= 7;
	}
	while (n > 0 && in[n - 1] == '=') {
		n--; /* how much padding there is follows from the length: not secret */
	}
	if (n % 4 == 1 || has_high_byte(in, n)) {
		return false;
	}
	return sodium_decode(out, out_cap, out_len, in, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)
		|| sodium_decode(out, out_cap, out_len, in, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
