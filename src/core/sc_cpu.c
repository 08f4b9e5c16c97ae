#include "sc_cpu.h"

#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
# include <cpuid.h>
#elif defined(__aarch64__) && defined(__linux__)
# include <sys/auxv.h>
# include <asm/hwcap.h>
#endif

static unsigned detected;
static unsigned active;

#if defined(__x86_64__) || defined(__i386__)
static unsigned long long read_xcr0(void)
{
	unsigned eax, edx;
	__asm__ volatile ("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
	return ((unsigned long long) edx << 32) | eax;
}

static unsigned detect_x86(void)
{
	unsigned a, b, c, d, f = 0;
	if (!__get_cpuid(1, &a, &b, &c, &d)) {
		return 0;
	}
	bool sse41 = c & (1u << 19), aes = c & (1u << 25), pclmul = c & (1u << 1);
	bool osxsave = c & (1u << 27), avx = c & (1u << 28);
	if (aes && sse41) {
		f |= SC_CPU_AESNI;
	}
	if (pclmul) {
		f |= SC_CPU_PCLMUL;
	}
	unsigned long long xcr0 = osxsave ? read_xcr0() : 0;
	bool ymm = (xcr0 & 0x6) == 0x6, zmm = (xcr0 & 0xe6) == 0xe6;
	if (!(avx && ymm)) {
		return f;
	}
	f |= SC_CPU_AVX;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
		return f;
	}
	if (b & (1u << 5)) {
		f |= SC_CPU_AVX2;
	}
	if ((f & SC_CPU_AVX2) && (c & (1u << 9)) && (f & SC_CPU_AESNI)) {
		f |= SC_CPU_VAES;
	}
	if ((f & SC_CPU_AVX2) && (c & (1u << 10))) {
		f |= SC_CPU_VPCLMULQDQ;
	}
	if (zmm && (b & (1u << 16))) {
		f |= SC_CPU_AVX512F;
	}
	if ((f & SC_CPU_AVX512F) && (b & (1u << 30)) && (c & (1u << 1))) {
		f |= SC_CPU_AVX512VBMI;
	}
	return f;
}
#endif

void sc_cpu_detect(void)
{
#if defined(__x86_64__) || defined(__i386__)
	detected = detect_x86();
#elif defined(__aarch64__) && defined(__linux__) && defined(HWCAP_AES)
	detected = (getauxval(AT_HWCAP) & HWCAP_AES) ? SC_CPU_ARMV8_AES : 0;
#else
	detected = 0;
#endif
	active = detected;
}

unsigned sc_cpu_features(void)
{
	return active;
}

unsigned sc_cpu_mask(unsigned keep)
{
	unsigned previous = active;
	active = detected & keep;
	return previous;
}

void sc_cpu_describe(char *buf, size_t cap)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ SC_CPU_AESNI, "aes-ni" }, { SC_CPU_PCLMUL, "pclmul" }, { SC_CPU_AVX, "avx" },
		{ SC_CPU_AVX2, "avx2" }, { SC_CPU_VAES, "vaes" }, { SC_CPU_VPCLMULQDQ, "vpclmulqdq" },
		{ SC_CPU_AVX512F, "avx512f" }, { SC_CPU_AVX512VBMI, "avx512vbmi" }, { SC_CPU_ARMV8_AES, "armv8-aes" },
	};
	size_t used = 0;
	if (cap == 0) {
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (active & names[i].bit) {
			int w = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", names[i].name);
			if (w < 0 || (size_t) w >= cap - used) {
				break;
			}
			used += (size_t) w;
		}
	}
	if (used == 0) {
		snprintf(buf, cap, "none");
	}
}
