/* AEGIS on ARMv8 Crypto Extensions (AESE + AESMC), enabled per function and
 * offered only when the kernel reports HWCAP_AES. */
#include "sc_aegis.h"
#include "sc_cpu.h"
#include "sc_le.h"

#if defined(__aarch64__)
#include <arm_neon.h>

#define SC_TARGET  __attribute__((target("+crypto")))
#define SC_NAME(x) sc_armce_##x
typedef uint8x16_t blk;
#define blk_load(p)     vld1q_u8((const uint8_t *) (p))
#define blk_store(p, b) vst1q_u8((uint8_t *) (p), (b))
#define blk_xor(a, b)   veorq_u8((a), (b))
#define blk_and(a, b)   vandq_u8((a), (b))
/* AESE xors its key in before SubBytes/ShiftRows: give it zero, add rk after MixColumns. */
#define blk_round(in, rk) veorq_u8(vaesmcq_u8(vaeseq_u8((in), vdupq_n_u8(0))), (rk))
/* One load: the x86 store-forwarding case blk_load64x2 exists for is not
 * measured on ARM here (qemu only). */
#define blk_load64x2(p)   blk_load(p)
#define blk_u64x2(lo, hi) armce_u64x2((lo), (hi))

/* Through memory, so the byte order is right whatever the lanes' order. */
static inline uint8x16_t armce_u64x2(uint64_t lo, uint64_t hi)
{
	uint8_t b[16];
	sc_store_le64(b, lo);
	sc_store_le64(b + 8, hi);
	return vld1q_u8(b);
}

#include "sc_aegis_tmpl.h"

static bool armce_usable(void)
{
	return (sc_cpu_features() & SC_CPU_ARMV8_AES) != 0;
}

const sc_aegis_impl sc_aegis_armce = {
	.name = "armv8-ce",
	.tags = SC_AEGIS_TAG128 | SC_AEGIS_TAG256,
	.usable = armce_usable,
	.encrypt = sc_armce_encrypt,
	.decrypt = sc_armce_decrypt,
};
#endif
