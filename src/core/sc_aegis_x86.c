/* AEGIS on x86-64 AES-NI. Built for every x86-64 target: the instructions
 * are enabled per function and usable() asks cpuid, so the binary runs
 * anywhere and offers this path only where the CPU has it. (A VEX/AVX
 * encoding of the same template measured within 3% of this one, so only
 * one is carried.) */
#include "sc_aegis.h"
#include "sc_cpu.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define SC_TARGET  __attribute__((target("aes,sse4.1")))
#define SC_NAME(x) sc_aesni_##x
typedef __m128i blk;
#define blk_load(p)     _mm_loadu_si128((const __m128i *) (const void *) (p))
#define blk_store(p, b) _mm_storeu_si128((__m128i *) (void *) (p), (b))
#define blk_xor(a, b)   _mm_xor_si128((a), (b))
#define blk_and(a, b)   _mm_and_si128((a), (b))
#define blk_round(in, rk) _mm_aesenc_si128((in), (rk))
#define blk_u64x2(lo, hi) _mm_set_epi64x((long long) (hi), (long long) (lo))
#define blk_load64x2(p) _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *) (const void *) (p)), \
	_mm_loadl_epi64((const __m128i *) (const void *) ((const uint8_t *) (p) + 8)))

#include "sc_aegis_tmpl.h"

static bool aesni_usable(void)
{
	return (sc_cpu_features() & SC_CPU_AESNI) != 0;
}

const sc_aegis_impl sc_aegis_aesni = {
	.name = "aes-ni",
	.tags = SC_AEGIS_TAG128 | SC_AEGIS_TAG256,
	.usable = aesni_usable,
	.encrypt = sc_aesni_encrypt,
	.decrypt = sc_aesni_decrypt,
};
#endif
