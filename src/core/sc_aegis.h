/*
 * AEGIS-128L and AEGIS-256 (draft-irtf-cfrg-aegis-aead), 128- or 256-bit tags.
 *
 * Native implementations on hardware AES (x86-64 AES-NI, ARMv8 Crypto
 * Extensions), chosen at run time from the CPU, plus libsodium's when the
 * build found libsodium >= 1.0.19. There is no table-based software AES:
 * on a CPU without AES instructions and without libsodium's AEGIS,
 * sc_aegis_active() is NULL.
 */
#ifndef SC_AEGIS_H
#define SC_AEGIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { SC_AEGIS_ALG_128L = 0, SC_AEGIS_ALG_256 = 1 } sc_aegis_alg;

#define SC_AEGIS_TAG128 (1u << 0)
#define SC_AEGIS_TAG256 (1u << 1)

typedef struct sc_aegis_impl {
	const char *name;
	unsigned tags;            /* SC_AEGIS_TAG128 | SC_AEGIS_TAG256 it supports */
	bool (*usable)(void);     /* this CPU can run it */
	/* c may equal m (in place). taglen is 16 or 32. */
	void (*encrypt)(sc_aegis_alg alg, uint8_t *c, uint8_t *tag, size_t taglen,
		const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
		const uint8_t *npub, const uint8_t *k);
	/* 0 and the plaintext in m, or -1 with m wiped. m may equal c. The tag is
	 * compared in constant time. */
	int (*decrypt)(sc_aegis_alg alg, uint8_t *m, const uint8_t *c, size_t clen,
		const uint8_t *tag, size_t taglen, const uint8_t *ad, size_t adlen,
		const uint8_t *npub, const uint8_t *k);
} sc_aegis_impl;

/* Every implementation built into this binary (usable here or not). */
extern const sc_aegis_impl *const sc_aegis_builtin[];
extern const size_t sc_aegis_builtin_count;

/* The implementation that serves 256-bit tags on this CPU, or NULL. */
const sc_aegis_impl *sc_aegis_active(void);
/* The one that serves the given tag length (16 or 32), or NULL. */
const sc_aegis_impl *sc_aegis_for_tag(size_t taglen);

/* Per-instruction-set entry points (sc_aegis_x86.c, sc_aegis_arm.c). */
extern const sc_aegis_impl sc_aegis_aesni;
extern const sc_aegis_impl sc_aegis_armce;

#endif
