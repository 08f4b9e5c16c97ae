/*
 * AEGIS-128L and AEGIS-256 over one 128-bit block type, written from
 * draft-irtf-cfrg-aegis-aead. Included by one file per instruction set after
 * it defines:
 *   SC_TARGET           function attribute enabling the instructions
 *   SC_NAME(x)          a unique name for x
 *   blk                 the 128-bit vector type
 *   blk_load(p), blk_store(p, b), blk_xor(a, b), blk_and(a, b)
 *   blk_round(in, rk)   one AES encryption round: MixColumns(ShiftRows(
 *                       SubBytes(in))) ^ rk
 *   blk_load64x2(p)     blk_load(p) by two 8-byte loads. For the nonce, which
 *                       the vDSO has just stored 8 bytes at a time: x86 cannot
 *                       forward two stores to one 16-byte load, which then
 *                       waits for them to reach the cache (make bench-aead,
 *                       "sealed box": 0.26 -> 0.245 us at 1 KiB)
 *   blk_u64x2(lo, hi)   the block le64(lo) || le64(hi)
 */
#include "sc_ct.h"

#include <sodium.h>
#include <string.h>

/* The init, absorb and finalisation steps are inlined into each encrypt and
 * decrypt, so the state stays in registers from the first round to the tag
 * instead of passing through memory between them. */
#define SC_STEP static inline __attribute__((always_inline))

static const uint8_t SC_NAME(c0)[16] = {
	0x00, 0x01, 0x01, 0x02, 0x03, 0x05, 0x08, 0x0d,
	0x15, 0x22, 0x37, 0x59, 0x90, 0xe9, 0x79, 0x62,
};
static const uint8_t SC_NAME(c1)[16] = {
	0xdb, 0x3d, 0x18, 0x55, 0x6d, 0xc2, 0x2f, 0xf1,
	0x20, 0x11, 0x31, 0x42, 0x73, 0xb5, 0x28, 0xdd,
};

/* ---- AEGIS-128L: eight blocks, 256-bit rate ---- */

/*
 * The update, with each message block's XOR moved out of the AES round:
 * AESRound(S7, S0 ^ M0) = AESRound(S7, M0) ^ S0, since the round ends by
 * XORing its key. The old S0 then meets one XOR after the round instead of
 * delaying the round itself, so the longest chain per update is one round
 * (plus one XOR in six updates) where it was a XOR and a round (make
 * bench-aead, AEGIS-256 at 1 MiB: 108 -> 91 us encrypting). Decryption
 * passes C as the round key and S0 ^ Z as the extra term (M = C ^ Z), so Z
 * is off the round's path too.
 */
SC_TARGET static inline void SC_NAME(update128l_x)(blk s[8], blk rk0, blk x0, blk rk1, blk x1)
{
	/* Highest first, so each new block reads its predecessor's old value. */
	blk s7 = s[7];
	s[7] = blk_round(s[6], s[7]);
	s[6] = blk_round(s[5], s[6]);
	s[5] = blk_round(s[4], s[5]);
	s[4] = blk_xor(blk_round(s[3], rk1), x1);
	s[3] = blk_round(s[2], s[3]);
	s[2] = blk_round(s[1], s[2]);
	s[1] = blk_round(s[0], s[1]);
	s[0] = blk_xor(blk_round(s7, rk0), x0);
}

SC_TARGET static inline void SC_NAME(update128l)(blk s[8], blk m0, blk m1)
{
	SC_NAME(update128l_x)(s, m0, s[0], m1, s[4]);
}

SC_TARGET SC_STEP void SC_NAME(init128l)(blk s[8], const uint8_t *k, const uint8_t *npub)
{
	blk key = blk_load(k), nonce = blk_load64x2(npub);
	blk c0 = blk_load(SC_NAME(c0)), c1 = blk_load(SC_NAME(c1));
	s[0] = blk_xor(key, nonce);
	s[1] = c1;
	s[2] = c0;
	s[3] = c1;
	s[4] = blk_xor(key, nonce);
	s[5] = blk_xor(key, c0);
	s[6] = blk_xor(key, c1);
	s[7] = blk_xor(key, c0);
	for (int i = 0; i < 10; i++) {
		SC_NAME(update128l)(s, nonce, key);
	}
}

/* z0 || z1, the keystream of one 32-byte block. */
SC_TARGET static inline void SC_NAME(stream128l)(const blk s[8], blk *z0, blk *z1)
{
	*z0 = blk_xor(blk_xor(s[6], s[1]), blk_and(s[2], s[3]));
	*z1 = blk_xor(blk_xor(s[2], s[5]), blk_and(s[6], s[7]));
}

/* le64(|ad| in bits) || le64(|m| in bits), built in a register: bytes
 * stored one by one and read back as a block would stall the load. */
SC_TARGET SC_STEP blk SC_NAME(lengths)(size_t adlen, size_t mlen)
{
	return blk_u64x2((uint64_t) adlen * 8, (uint64_t) mlen * 8);
}

SC_TARGET SC_STEP void SC_NAME(absorb128l)(blk s[8], const uint8_t *ad, size_t adlen)
{
	size_t i = 0;
	for (; i + 32 <= adlen; i += 32) {
		SC_NAME(update128l)(s, blk_load(ad + i), blk_load(ad + i + 16));
	}
	if (i < adlen) {
		uint8_t pad[32] = { 0 };
		memcpy(pad, ad + i, adlen - i);
		SC_NAME(update128l)(s, blk_load(pad), blk_load(pad + 16));
	}
}

SC_TARGET SC_STEP void SC_NAME(final128l)(blk s[8], uint8_t *tag, size_t taglen, size_t adlen, size_t mlen)
{
	blk t = blk_xor(s[2], SC_NAME(lengths)(adlen, mlen));
	for (int i = 0; i < 7; i++) {
		SC_NAME(update128l)(s, t, t);
	}
	if (taglen == 16) {
		blk a = blk_xor(blk_xor(blk_xor(s[0], s[1]), blk_xor(s[2], s[3])),
			blk_xor(blk_xor(s[4], s[5]), s[6]));
		blk_store(tag, a);
	} else {
		blk_store(tag, blk_xor(blk_xor(s[0], s[1]), blk_xor(s[2], s[3])));
		blk_store(tag + 16, blk_xor(blk_xor(s[4], s[5]), blk_xor(s[6], s[7])));
	}
}

SC_TARGET static void SC_NAME(enc128l)(uint8_t *c, uint8_t *tag, size_t taglen,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	blk s[8], z0, z1;
	size_t i = 0;
	SC_NAME(init128l)(s, k, npub);
	SC_NAME(absorb128l)(s, ad, adlen);
	for (; i + 32 <= mlen; i += 32) {
		blk t0 = blk_load(m + i), t1 = blk_load(m + i + 16);
		SC_NAME(stream128l)(s, &z0, &z1);
		blk_store(c + i, blk_xor(t0, z0));
		blk_store(c + i + 16, blk_xor(t1, z1));
		SC_NAME(update128l)(s, t0, t1);
	}
	if (i < mlen) {
		uint8_t pad[32] = { 0 };
		memcpy(pad, m + i, mlen - i);
		blk t0 = blk_load(pad), t1 = blk_load(pad + 16);
		SC_NAME(stream128l)(s, &z0, &z1);
		blk_store(pad, blk_xor(t0, z0));
		blk_store(pad + 16, blk_xor(t1, z1));
		memcpy(c + i, pad, mlen - i);
		SC_NAME(update128l)(s, t0, t1);
		sodium_memzero(pad, sizeof pad);
	}
	SC_NAME(final128l)(s, tag, taglen, adlen, mlen);
	sodium_memzero(s, sizeof s);
}

SC_TARGET static int SC_NAME(dec128l)(uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, size_t taglen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	blk s[8], z0, z1;
	uint8_t expected[32];
	size_t i = 0;
	SC_NAME(init128l)(s, k, npub);
	SC_NAME(absorb128l)(s, ad, adlen);
	for (; i + 32 <= clen; i += 32) {
		blk c0 = blk_load(c + i), c1 = blk_load(c + i + 16);
		SC_NAME(stream128l)(s, &z0, &z1);
		blk_store(m + i, blk_xor(c0, z0));
		blk_store(m + i + 16, blk_xor(c1, z1));
		SC_NAME(update128l_x)(s, c0, blk_xor(s[0], z0), c1, blk_xor(s[4], z1));
	}
	if (i < clen) {
		uint8_t pad[32] = { 0 };
		memcpy(pad, c + i, clen - i);
		SC_NAME(stream128l)(s, &z0, &z1);
		blk_store(pad, blk_xor(blk_load(pad), z0));
		blk_store(pad + 16, blk_xor(blk_load(pad + 16), z1));
		memcpy(m + i, pad, clen - i);
		/* Only the message bytes enter the state: zero what lies past them. */
		memset(pad + (clen - i), 0, 32 - (clen - i));
		SC_NAME(update128l)(s, blk_load(pad), blk_load(pad + 16));
		sodium_memzero(pad, sizeof pad);
	}
	SC_NAME(final128l)(s, expected, taglen, adlen, clen);
	sodium_memzero(s, sizeof s);
	int ok = taglen == 16 ? crypto_verify_16(expected, tag) : crypto_verify_32(expected, tag);
	sodium_memzero(expected, sizeof expected);
	SC_CT_DECLASSIFY(&ok, sizeof ok); /* the verdict is public */
	if (ok != 0) {
		sodium_memzero(m, clen);
		return -1;
	}
	return 0;
}

/* ---- AEGIS-256: six blocks, 128-bit rate ---- */

/* The update, with the message XOR moved out of the round as in AEGIS-128L:
 * S0' = AESRound(S5, rk) ^ x, where rk ^ x = S0 ^ M. */
SC_TARGET static inline void SC_NAME(update256_x)(blk s[6], blk rk, blk x)
{
	blk s5 = s[5];
	s[5] = blk_round(s[4], s[5]);
	s[4] = blk_round(s[3], s[4]);
	s[3] = blk_round(s[2], s[3]);
	s[2] = blk_round(s[1], s[2]);
	s[1] = blk_round(s[0], s[1]);
	s[0] = blk_xor(blk_round(s5, rk), x);
}

SC_TARGET static inline void SC_NAME(update256)(blk s[6], blk msg)
{
	SC_NAME(update256_x)(s, msg, s[0]);
}

SC_TARGET SC_STEP void SC_NAME(init256)(blk s[6], const uint8_t *k, const uint8_t *npub)
{
	blk k0 = blk_load(k), k1 = blk_load(k + 16);
	blk n0 = blk_load64x2(npub), n1 = blk_load64x2(npub + 16);
	blk c0 = blk_load(SC_NAME(c0)), c1 = blk_load(SC_NAME(c1));
	blk kn0 = blk_xor(k0, n0), kn1 = blk_xor(k1, n1);
	s[0] = kn0;
	s[1] = kn1;
	s[2] = c1;
	s[3] = c0;
	s[4] = blk_xor(k0, c0);
	s[5] = blk_xor(k1, c1);
	for (int i = 0; i < 4; i++) {
		SC_NAME(update256)(s, k0);
		SC_NAME(update256)(s, k1);
		SC_NAME(update256)(s, kn0);
		SC_NAME(update256)(s, kn1);
	}
}

SC_TARGET static inline blk SC_NAME(stream256)(const blk s[6])
{
	/* S1 ^ S4 ^ S5 ^ (S2 & S3), grouped so the AND is the only deep term. */
	return blk_xor(blk_xor(s[1], blk_xor(s[4], s[5])), blk_and(s[2], s[3]));
}

SC_TARGET SC_STEP void SC_NAME(absorb256)(blk s[6], const uint8_t *ad, size_t adlen)
{
	size_t i = 0;
	for (; i + 16 <= adlen; i += 16) {
		SC_NAME(update256)(s, blk_load(ad + i));
	}
	if (i < adlen) {
		uint8_t pad[16] = { 0 };
		memcpy(pad, ad + i, adlen - i);
		SC_NAME(update256)(s, blk_load(pad));
	}
}

SC_TARGET SC_STEP void SC_NAME(final256)(blk s[6], uint8_t *tag, size_t taglen, size_t adlen, size_t mlen)
{
	blk t = blk_xor(s[3], SC_NAME(lengths)(adlen, mlen));
	for (int i = 0; i < 7; i++) {
		SC_NAME(update256)(s, t);
	}
	if (taglen == 16) {
		blk_store(tag, blk_xor(blk_xor(blk_xor(s[0], s[1]), blk_xor(s[2], s[3])), blk_xor(s[4], s[5])));
	} else {
		blk_store(tag, blk_xor(blk_xor(s[0], s[1]), s[2]));
		blk_store(tag + 16, blk_xor(blk_xor(s[3], s[4]), s[5]));
	}
}

SC_TARGET static void SC_NAME(enc256)(uint8_t *c, uint8_t *tag, size_t taglen,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	blk s[6];
	size_t i = 0;
	SC_NAME(init256)(s, k, npub);
	SC_NAME(absorb256)(s, ad, adlen);
	for (; i + 16 <= mlen; i += 16) {
		blk t = blk_load(m + i);
		blk_store(c + i, blk_xor(t, SC_NAME(stream256)(s)));
		SC_NAME(update256)(s, t);
	}
	if (i < mlen) {
		uint8_t pad[16] = { 0 };
		memcpy(pad, m + i, mlen - i);
		blk t = blk_load(pad);
		blk_store(pad, blk_xor(t, SC_NAME(stream256)(s)));
		memcpy(c + i, pad, mlen - i);
		SC_NAME(update256)(s, t);
		sodium_memzero(pad, sizeof pad);
	}
	SC_NAME(final256)(s, tag, taglen, adlen, mlen);
	sodium_memzero(s, sizeof s);
}

SC_TARGET static int SC_NAME(dec256)(uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, size_t taglen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	blk s[6];
	uint8_t expected[32];
	size_t i = 0;
	SC_NAME(init256)(s, k, npub);
	SC_NAME(absorb256)(s, ad, adlen);
	for (; i + 16 <= clen; i += 16) {
		blk ci = blk_load(c + i), z = SC_NAME(stream256)(s);
		blk_store(m + i, blk_xor(ci, z));
		SC_NAME(update256_x)(s, ci, blk_xor(s[0], z));
	}
	if (i < clen) {
		uint8_t pad[16] = { 0 };
		memcpy(pad, c + i, clen - i);
		blk_store(pad, blk_xor(blk_load(pad), SC_NAME(stream256)(s)));
		memcpy(m + i, pad, clen - i);
		memset(pad + (clen - i), 0, 16 - (clen - i));
		SC_NAME(update256)(s, blk_load(pad));
		sodium_memzero(pad, sizeof pad);
	}
	SC_NAME(final256)(s, expected, taglen, adlen, clen);
	sodium_memzero(s, sizeof s);
	int ok = taglen == 16 ? crypto_verify_16(expected, tag) : crypto_verify_32(expected, tag);
	sodium_memzero(expected, sizeof expected);
	SC_CT_DECLASSIFY(&ok, sizeof ok); /* the verdict is public */
	if (ok != 0) {
		sodium_memzero(m, clen);
		return -1;
	}
	return 0;
}

/* ---- the sc_aegis_impl entry points ---- */

static void SC_NAME(encrypt)(sc_aegis_alg alg, uint8_t *c, uint8_t *tag, size_t taglen,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	if (alg == SC_AEGIS_ALG_128L) {
		SC_NAME(enc128l)(c, tag, taglen, m, mlen, ad, adlen, npub, k);
	} else {
		SC_NAME(enc256)(c, tag, taglen, m, mlen, ad, adlen, npub, k);
	}
}

static int SC_NAME(decrypt)(sc_aegis_alg alg, uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, size_t taglen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	if (alg == SC_AEGIS_ALG_128L) {
		return SC_NAME(dec128l)(m, c, clen, tag, taglen, ad, adlen, npub, k);
	}
	return SC_NAME(dec256)(m, c, clen, tag, taglen, ad, adlen, npub, k);
}
