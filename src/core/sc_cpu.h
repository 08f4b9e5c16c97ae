/* What the CPU offers, read once at start-up (cpuid / getauxval). */
#ifndef SC_CPU_H
#define SC_CPU_H

#include <stdbool.h>
#include <stddef.h>

enum {
	SC_CPU_AESNI      = 1u << 0, /* x86-64 AES-NI (+ SSE4.1 for the AEGIS path) */
	SC_CPU_PCLMUL     = 1u << 1,
	SC_CPU_AVX        = 1u << 2, /* AVX usable: CPU flag and OS-enabled YMM state */
	SC_CPU_AVX2       = 1u << 3,
	SC_CPU_VAES       = 1u << 4, /* with AVX2/YMM state */
	SC_CPU_VPCLMULQDQ = 1u << 5,
	SC_CPU_AVX512F    = 1u << 6, /* with OS-enabled ZMM state */
	SC_CPU_ARMV8_AES  = 1u << 7, /* ARMv8 Crypto Extensions */
	SC_CPU_AVX512VBMI = 1u << 8, /* with AVX512F and AVX512BW */
};

void sc_cpu_detect(void);
unsigned sc_cpu_features(void);
/* Overrides the detected set (tests and benchmarks: force the portable
 * path). Returns the previous set. */
unsigned sc_cpu_mask(unsigned keep);
/* Space-separated names of the detected features, e.g. "aes-ni pclmul avx2". */
void sc_cpu_describe(char *buf, size_t cap);

#endif
