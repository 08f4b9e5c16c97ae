/* sc_blake2b against libsodium's crypto_generichash: from a cached key
 * state (used many times over), every message length from 1 to 260 bytes
 * (past two blocks) under every key length 1..64, longer messages to 1,100
 * bytes and six digest lengths under some; then eight at a time. */
#include "sc_blake2b.h"
#include "sc_cpu.h"
#include "sc_test.h"

#include <sodium.h>

int main(void)
{
	static uint8_t msg[1100];
	uint8_t key[64], got[64], want[64];
	static const size_t out_lens[] = { 1, 16, 20, 32, 48, 64 };
	if (sodium_init() < 0) {
		return 1;
	}
	randombytes_buf(msg, sizeof msg);
	randombytes_buf(key, sizeof key);

	unsigned mismatches = 0, cases = 0;
	for (size_t key_len = 1; key_len <= 64; key_len++) {
		sc_blake2b_state st;
		sc_blake2b_keyed_init(&st, 32, key, key_len);
		for (size_t len = 1; len <= 260; len++) {
			crypto_generichash(want, 32, msg, len, key, key_len);
			memset(got, 0, sizeof got);
			sc_blake2b_keyed_final(&st, got, 32, msg, len);
			mismatches += memcmp(got, want, 32) != 0;
			cases++;
		}
	}
	CHECK(mismatches == 0, "every key length: %u of %u digests differ from crypto_generichash", mismatches, cases);

	mismatches = cases = 0;
	for (size_t o = 0; o < sizeof out_lens / sizeof out_lens[0]; o++) {
		size_t out_len = out_lens[o];
		for (size_t key_len = 1; key_len <= 64; key_len += key_len < 4 || key_len > 60 ? 1 : 15) {
			sc_blake2b_state st;
			sc_blake2b_keyed_init(&st, out_len, key, key_len);
			for (size_t len = 1; len <= sizeof msg; len += len < 300 ? 1 : 97) {
				crypto_generichash(want, out_len, msg, len, key, key_len);
				memset(got, 0, sizeof got);
				sc_blake2b_keyed_final(&st, got, out_len, msg, len);
				mismatches += memcmp(got, want, out_len) != 0;
				cases++;
			}
		}
	}
	CHECK(mismatches == 0, "%u of %u digests differ from crypto_generichash", mismatches, cases);

	/* Eight at a time, on the AVX-512 path where the CPU has it and on the
	 * portable one: batches of 1..8 messages of every length 1..128, each
	 * lane against crypto_generichash. */
	sc_cpu_detect();
	unsigned saved = sc_cpu_features();
	for (int pass = 0; pass < 2; pass++) {
		sc_cpu_mask(pass == 0 ? saved : saved & ~(unsigned) SC_CPU_AVX512F);
		mismatches = 0;
		cases = 0;
		for (size_t key_len = 1; key_len <= 64; key_len += 63) {
			sc_blake2b_state st;
			sc_blake2b_keyed_init(&st, 32, key, key_len);
			for (size_t first = 1; first <= 128; first++) {
				size_t n = 1 + first % 8, lens[8];
				uint8_t outs[8][64], *out[8];
				const uint8_t *in[8];
				for (size_t l = 0; l < n; l++) {
					lens[l] = 1 + (first + 37 * l) % 128;
					in[l] = msg + 3 * l;
					out[l] = outs[l];
				}
				/* A truncated digest (the blind index's output length) writes
				 * that many bytes and no more. */
				size_t trunc = 1 + first % 32;
				memset(outs, 0xee, sizeof outs);
				sc_blake2b_keyed_final_x8(&st, out, trunc, in, lens, n);
				for (size_t l = 0; l < n; l++) {
					crypto_generichash(want, 32, in[l], lens[l], key, key_len);
					mismatches += memcmp(outs[l], want, trunc) != 0 || (trunc < 64 && outs[l][trunc] != 0xee);
					cases++;
				}
			}
		}
		CHECK(mismatches == 0, "%s: %u of %u batched digests differ", pass == 0 ? "detected CPU" : "portable",
			mismatches, cases);
	}
	printf("blake2b: batches ran on %s\n", (saved & SC_CPU_AVX512F) ? "AVX-512 and the portable path" : "the portable path only");
	sc_cpu_mask(saved);
	return sc_test_done("blake2b");
}
