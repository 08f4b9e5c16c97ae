/* Little-endian integers in byte strings, the byte order of every format
 * here (BLAKE2b words, AEGIS lengths, mode-3 limits, typed context lengths). */
#ifndef SC_LE_H
#define SC_LE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The n (1..8) low bytes of v. */
static inline void sc_store_le(uint8_t *p, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (uint8_t) (v >> (8 * i));
	}
}

static inline uint64_t sc_load_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = n; i > 0; i--) {
		v = v << 8 | p[i - 1];
	}
	return v;
}

/* Whole 64-bit words, one move on little-endian machines (the hot path of
 * BLAKE2b, where the loops above are not always merged). */
static inline uint64_t sc_load_le64(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
#else
	return sc_load_le(p, 8);
#endif
}

static inline void sc_store_le64(uint8_t *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &v, sizeof v);
#else
	sc_store_le(p, v, 8);
#endif
}

#endif
