/* AEGIS on x86-64 AES-NI, in two encodings of the same template: VEX (AVX,
 * three-operand vaesenc: no register copies, ~1.6x faster for AEGIS-128L
 * here) and legacy SSE for CPUs without AVX. Built for every x86-64 target:
 * the instructions are enabled per function and usable() asks cpuid, so
 * the binary runs anywhere and offers only what the CPU has. */
#include "sc_aegis.h"
#include "sc_cpu.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

typedef __m128i blk;
#define blk_load(p)     _mm_loadu_si128((const __m128i *) (const void *) (p))
#define blk_store(p, b) _mm_storeu_si128((__m128i *) (void *) (p), (b))
#define blk_xor(a, b)   _mm_xor_si128((a), (b))
#define blk_and(a, b)   _mm_and_si128((a), (b))
#define blk_round(in, rk) _mm_aesenc_si128((in), (rk))

#define SC_TARGET  __attribute__((target("aes,avx")))
#define SC_NAME(x) sc_aesni_avx_##x
#include "sc_aegis_tmpl.h"
#undef SC_TARGET
#undef SC_NAME

#define SC_TARGET  __attribute__((target("aes,sse4.1")))
#define SC_NAME(x) sc_aesni_sse_##x
#include "sc_aegis_tmpl.h"
#undef SC_TARGET
#undef SC_NAME

static bool avx_usable(void)
{
	unsigned f = sc_cpu_features();
	return (f & SC_CPU_AESNI) && (f & SC_CPU_AVX);
}

static bool sse_usable(void)
{
	return (sc_cpu_features() & SC_CPU_AESNI) != 0;
}

const sc_aegis_impl sc_aegis_aesni_avx = {
	.name = "aes-ni+avx",
	.tags = SC_AEGIS_TAG128 | SC_AEGIS_TAG256,
	.usable = avx_usable,
	.encrypt = sc_aesni_avx_encrypt,
	.decrypt = sc_aesni_avx_decrypt,
};

const sc_aegis_impl sc_aegis_aesni = {
	.name = "aes-ni",
	.tags = SC_AEGIS_TAG128 | SC_AEGIS_TAG256,
	.usable = sse_usable,
	.encrypt = sc_aesni_sse_encrypt,
	.decrypt = sc_aesni_sse_decrypt,
};
#endif
