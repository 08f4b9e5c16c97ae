/* The three libsodium functions the AEGIS template uses, for the aarch64
 * cross test (tests/c/arm/run), which has no arm64 libsodium to link. */
#ifndef SC_ARM_SODIUM_SHIM_H
#define SC_ARM_SODIUM_SHIM_H
#include <stddef.h>
#include <string.h>

static inline void sodium_memzero(void *p, size_t n)
{
	volatile unsigned char *v = p;
	while (n--) *v++ = 0;
}

static inline int sc_shim_verify(const unsigned char *a, const unsigned char *b, size_t n)
{
	unsigned d = 0;
	for (size_t i = 0; i < n; i++) d |= a[i] ^ b[i];
	return (int) ((1u & ((d - 1) >> 8)) - 1);
}
#define crypto_verify_16(a, b) sc_shim_verify((a), (b), 16)
#define crypto_verify_32(a, b) sc_shim_verify((a), (b), 32)
#endif
