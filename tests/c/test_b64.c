/* The two base64url codecs: agreement, strictness, in-place encoding. */
#include "sc_core.h"
#include "sc_test.h"

#include <sodium.h>

static uint8_t in[4096], back[4096 + 4];
static char fast[6000], ct[6000], buf[6000];

/* Everything the fast codec promises, on the path the CPU mask leaves. */
static void check_path(const char *path)
{
	size_t n;
	int agree = 1, round = 1, inplace = 1, bounded = 1;
	for (size_t len = 0; len <= 1200; len++) {
		randombytes_buf(in, len);
		size_t elen = sc_b64_encoded_len(len);
		memset(fast, '#', elen + 64);
		sc_b64_encode(fast, in, len);
		for (size_t i = elen; i < elen + 64; i++) {
			bounded &= fast[i] == '#';
		}
		sc_b64_encode_ct(ct, in, len);
		agree &= memcmp(fast, ct, elen) == 0 && strlen(ct) == elen;
		round &= sc_b64_decode(back, &n, fast, elen) && n == len && memcmp(back, in, len) == 0;
		round &= sc_b64_decode_ct(back, sizeof back, &n, fast, elen) && n == len && memcmp(back, in, len) == 0;
		/* The payload writer's case: input in the tail of the output. */
		memcpy(buf + elen - len, in, len);
		sc_b64_encode(buf, (uint8_t *) buf + elen - len, len);
		inplace &= memcmp(buf, fast, elen) == 0;
	}
	CHECK(agree, "%s: fast and constant-time encoders agree", path);
	CHECK(round, "%s: both decoders invert the encoder", path);
	CHECK(inplace, "%s: in-place encoding from the tail", path);
	CHECK(bounded, "%s: the encoder writes nothing past its output", path);
	CHECK(sc_b64_encoded_len(SIZE_MAX) == SIZE_MAX, "%s: overflow is reported", path);

	/* Strictness, identical for both decoders. */
	const char *bad[] = {
		"A", "AAAAA", "AA=", "AA==", "AAA=", "A+AA", "A/AA", "AA AA", "AA\nA", "AAA\0",
		"AB", "AAB", "AAAAAB", /* non-zero trailing bits */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t len = i == 9 ? 4 : strlen(bad[i]);
		CHECK(!sc_b64_decode(back, &n, bad[i], len), "%s: fast decoder accepted \"%s\"", path, bad[i]);
		CHECK(!sc_b64_decode_ct(back, sizeof back, &n, bad[i], len), "%s: ct decoder accepted \"%s\"", path, bad[i]);
	}
	/* Every byte value in every position of a 4-character group. */
	int same = 1;
	for (int pos = 0; pos < 4; pos++) {
		for (int c = 0; c < 256; c++) {
			char t[4] = { 'Q', 'U', 'J', 'D' };
			t[pos] = (char) c;
			size_t n1 = 0, n2 = 0;
			bool a = sc_b64_decode(back, &n1, t, 4);
			uint8_t back2[8];
			bool b = sc_b64_decode_ct(back2, sizeof back2, &n2, t, 4);
			same &= a == b && (!a || (n1 == n2 && memcmp(back, back2, n1) == 0));
		}
	}
	CHECK(same, "%s: decoders agree on every byte value", path);

	/* The same with inputs long enough for the vector paths: every byte
	 * value at positions across and between their 32- (AVX2) and 64-character
	 * (AVX-512) steps, and in the partial step after them (250 and 251
	 * characters: 4k + 2 and 4k + 3). */
	static const size_t raw_lens[] = { 192, 187, 188 };
	static const int positions[] = { 0, 1, 5, 30, 31, 32, 33, 63, 64, 95, 96, 100, 127, 128, 191, 192, 200, 247, 248, 249, 250, 255 };
	int agree_long = 1, checked = 0;
	for (size_t li = 0; li < sizeof raw_lens / sizeof raw_lens[0]; li++) {
		uint8_t raw[192], v1[256], v2[256];
		char text[257];
		randombytes_buf(raw, raw_lens[li]);
		size_t tlen = sc_b64_encoded_len(raw_lens[li]);
		sc_b64_encode(text, raw, raw_lens[li]);
		for (size_t pi = 0; pi < sizeof positions / sizeof positions[0]; pi++) {
			if ((size_t) positions[pi] >= tlen) {
				continue;
			}
			for (int c = 0; c < 256; c++) {
				char t[256];
				memcpy(t, text, tlen);
				t[positions[pi]] = (char) c;
				size_t n1 = 0, n2 = 0;
				bool a = sc_b64_decode(v1, &n1, t, tlen);
				bool b = sc_b64_decode_ct(v2, sizeof v2, &n2, t, tlen);
				agree_long &= a == b && (!a || (n1 == n2 && memcmp(v1, v2, n1) == 0));
				checked++;
			}
		}
	}
	CHECK(agree_long && checked == (22 + 20 + 21) * 256, "%s: long inputs: decoders agree on every byte value at every position", path);
	CHECK(sc_b64_decode(back, &n, "", 0) && n == 0, "%s: empty input decodes to nothing", path);

}

int main(void)
{
	size_t n;
	CHECK(sc_core_init() == 0, "init");
	unsigned all = sc_cpu_features();
	check_path("detected CPU");
	if (all & SC_CPU_AVX512VBMI) {
		sc_cpu_mask(all & ~(unsigned) SC_CPU_AVX512VBMI);
		check_path("AVX2");
	}
	sc_cpu_mask(all & ~(unsigned) (SC_CPU_AVX512VBMI | SC_CPU_AVX2));
	check_path("scalar");
	sc_cpu_mask(all);
	printf("test_b64: paths run: %s%sscalar\n", (all & SC_CPU_AVX512VBMI) ? "AVX-512 VBMI, " : "",
		(all & SC_CPU_AVX2) ? "AVX2, " : "");

	/* Keys as people write them. */
	static const uint8_t k16[16] = { 0xeb, 0x42, 0xa0, 0xae, 0xcb, 0x52, 0x2c, 0x40, 0x25, 0xaf, 0xc9, 0xda, 0x54, 0x0f, 0xc1, 0x34 };
	const char *forms[] = { "base64:60KgrstSLEAlr8naVA/BNA==", "60KgrstSLEAlr8naVA/BNA==", "60KgrstSLEAlr8naVA/BNA", "60KgrstSLEAlr8naVA_BNA" };
	for (size_t i = 0; i < 4; i++) {
		CHECK(sc_b64_decode_key(back, sizeof back, &n, forms[i], strlen(forms[i])) && n == 16 && memcmp(back, k16, 16) == 0,
			"key form %s", forms[i]);
	}
	const char *bad_keys[] = { "base64:", "base64:60Kg\x80stSLEAlr8naVA/BNA==", "60Kgrst SLEAlr8naVA/BNA==", "60KgrstSLEAlr8naVA/BNB==" };
	for (size_t i = 0; i < 4; i++) {
		CHECK(!sc_b64_decode_key(back, sizeof back, &n, bad_keys[i], strlen(bad_keys[i])) || n == 0, "bad key %s", bad_keys[i]);
	}
	return sc_test_done("test_b64");
}
