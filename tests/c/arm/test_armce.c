/* The ARMv8 Crypto Extensions AEGIS against the flattened vectors, run under
 * qemu-aarch64 by tests/c/arm/run. */
#include "sc_aegis.h"
#include "sc_cpu.h"
#include "../sc_test.h"

static unsigned char key[64], nonce[64], ad[70000], msg[70000], ct[70000], tag[64], out[70000], otag[64];
static char line[450000], k[200], n[200], a[140002], m[140002], c[140002], t[200], res[16];

int main(int argc, char **argv)
{
	sc_cpu_detect();
	CHECK(sc_aegis_armce.usable(), "HWCAP_AES not reported");
	FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
	CHECK(f != NULL, "no vector file");
	int cases = 0;
	while (f && fgets(line, sizeof line, f)) {
		int id;
		size_t taglen;
		if (sscanf(line, "%d %zu %15s %199s %199s %140001s %140001s %140001s %199s", &id, &taglen, res, k, n, a, m, c, t) != 9
				|| id > 2) {
			continue; /* only the AEGIS lines */
		}
		sc_unhex(key, k); sc_unhex(nonce, n); sc_unhex(tag, t);
		size_t adlen = sc_unhex(ad, a), mlen = sc_unhex(msg, m), clen = sc_unhex(ct, c);
		sc_aegis_alg alg = id == 2 ? SC_AEGIS_ALG_128L : SC_AEGIS_ALG_256;
		int valid = strcmp(res, "valid") == 0;
		int r = sc_aegis_armce.decrypt(alg, out, ct, clen, tag, taglen, ad, adlen, nonce, key);
		CHECK((r == 0) == valid, "case %d: decrypt %d", cases, r);
		if (valid) {
			sc_aegis_armce.encrypt(alg, out, otag, taglen, msg, mlen, ad, adlen, nonce, key);
			CHECK(memcmp(out, ct, clen) == 0 && memcmp(otag, tag, taglen) == 0, "case %d: encrypt", cases);
		}
		cases++;
	}
	printf("armv8-ce: %d AEGIS vectors\n", cases);
	CHECK(cases > 900, "too few vectors");
	return sc_test_done("test_armce");
}
