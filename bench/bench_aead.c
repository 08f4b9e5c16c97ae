/*
 * Raw AEAD throughput of src/core, one run, one process: AEGIS-128L and
 * AEGIS-256 (every implementation this build carries and this CPU runs),
 * libsodium's XChaCha20-Poly1305 and AES-256-GCM, at 1 KiB and 1 MiB,
 * encrypt and decrypt, with ratios against XChaCha20-Poly1305; then what a
 * nonce's random bytes cost from the extension's source and from libsodium,
 * and a whole sealed box (fresh nonce, then AEGIS-256) beside its two parts.
 *
 *   cmake --build _build/cmake --target bench_aead && _build/cmake/bench/bench_aead [--quick]
 *
 * A benchmark, not a test: it reports and asserts nothing.
 */
#include "sc_core.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

typedef struct {
	const char *label;
	const sc_cipher *cipher;
	const sc_aegis_impl *aegis; /* NULL: through sc_aead_* */
} row;

static uint8_t *msg, *ct, *out, key[32], nonce[32], tag[32];
static double target_seconds = 0.25;
static int rounds = 7;

/* One operation of a measurement: len bytes, flag picking its variant. */
typedef void (*op_fn)(const void *arg, size_t len, int flag);

static void aead_once(const void *arg, size_t len, int decrypt)
{
	const row *r = arg;
	const sc_cipher *cp = r->cipher;
	if (r->aegis) {
		sc_aegis_alg alg = cp->id == SC_AEGIS128L ? SC_AEGIS_ALG_128L : SC_AEGIS_ALG_256;
		if (decrypt) {
			r->aegis->decrypt(alg, out, ct, len, tag, 32, NULL, 0, nonce, key);
		} else {
			r->aegis->encrypt(alg, ct, tag, 32, msg, len, NULL, 0, nonce, key);
		}
	} else if (decrypt) {
		sc_aead_decrypt(cp, cp->tag_bytes, out, ct, len, tag, NULL, 0, nonce, key);
	} else {
		sc_aead_encrypt(cp, cp->tag_bytes, ct, tag, msg, len, NULL, 0, nonce, key);
	}
}

/* len random bytes into msg: sc_random_buf() (flag 0) or randombytes_buf(). */
static void random_once(const void *arg, size_t len, int sodium)
{
	(void) arg;
	if (sodium) {
		randombytes_buf(msg, len);
	} else {
		sc_random_buf(msg, len);
	}
}

/* One sealed box of len bytes, AEGIS-256: a fresh nonce, then the encryption. */
static void box_once(const void *arg, size_t len, int flag)
{
	(void) arg;
	(void) flag;
	sc_box_seal(sc_cipher_get(SC_AEGIS256), 32, ct, msg, len, NULL, 0, key);
}

/* Median time of one operation, in seconds. */
static double measure_op(op_fn once, const void *arg, size_t len, int flag)
{
	double samples[16];
	once(arg, len, 0); /* warm-up (and the ciphertext an AEAD decrypt needs) */
	size_t iters = 1;
	for (;;) { /* calibrate: a round takes target_seconds / rounds */
		double t0 = now();
		for (size_t i = 0; i < iters; i++) once(arg, len, flag);
		double dt = now() - t0;
		if (dt > target_seconds / rounds / 4) {
			iters = (size_t) ((double) iters * (target_seconds / rounds) / dt) + 1;
			break;
		}
		iters *= 4;
	}
	for (int k = 0; k < rounds; k++) {
		double t0 = now();
		for (size_t i = 0; i < iters; i++) once(arg, len, flag);
		samples[k] = (now() - t0) / (double) iters;
	}
	qsort(samples, (size_t) rounds, sizeof samples[0], cmp_double);
	return samples[rounds / 2];
}

static double measure(const row *r, size_t len, int decrypt)
{
	return measure_op(aead_once, r, len, decrypt);
}

static void describe(void)
{
	char features[128], model[128] = "unknown";
	FILE *f = fopen("/proc/cpuinfo", "r");
	if (f) {
		char line[512];
		while (fgets(line, sizeof line, f)) {
			if (strncmp(line, "model name", 10) == 0) {
				char *p = strchr(line, ':');
				if (p) {
					snprintf(model, sizeof model, "%s", p + 2);
					model[strcspn(model, "\n")] = '\0';
				}
				break;
			}
		}
		fclose(f);
	}
	sc_cpu_describe(features, sizeof features);
	printf("CPU: %s; features used: %s; libsodium %s\n\n", model, features, sodium_version_string());
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--quick") == 0) {
		target_seconds = 0.03;
		rounds = 3;
	}
	if (sc_core_init() != 0) {
		return 1;
	}
	size_t max = 1u << 20;
	msg = malloc(max);
	ct = malloc(max);
	out = malloc(max);
	randombytes_buf(msg, max);
	randombytes_buf(key, sizeof key);
	randombytes_buf(nonce, sizeof nonce);
	describe();

	row rows[16];
	int n = 0;
	const int aegis_ids[2] = { SC_AEGIS128L, SC_AEGIS256 };
	for (int a = 0; a < 2; a++) {
		for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
			const sc_aegis_impl *impl = sc_aegis_builtin[i];
			if (impl->usable() && (impl->tags & SC_AEGIS_TAG256)) {
				static char labels[8][64];
				snprintf(labels[n], sizeof labels[n], "%s (%s)", sc_cipher_get(aegis_ids[a])->name, impl->name);
				rows[n] = (row) { labels[n], sc_cipher_get(aegis_ids[a]), impl };
				n++;
			}
		}
	}
	rows[n++] = (row) { "xchacha20-poly1305 (libsodium)", sc_cipher_get(SC_XCHACHA20POLY1305), NULL };
	if (sc_cipher_available(sc_cipher_get(SC_AES256GCM))) {
		rows[n++] = (row) { "aes-256-gcm (libsodium)", sc_cipher_get(SC_AES256GCM), NULL };
	}
	const row *baseline = &rows[n - (sc_cipher_available(sc_cipher_get(SC_AES256GCM)) ? 2 : 1)];

	const size_t sizes[2] = { 1024, 1u << 20 };
	double base[2][2];
	for (int s = 0; s < 2; s++) {
		for (int d = 0; d < 2; d++) {
			base[s][d] = measure(baseline, sizes[s], d);
		}
	}
	printf("| cipher | 1 KiB enc | 1 KiB dec | 1 MiB enc | 1 MiB dec | 1 MiB enc GB/s | × XChaCha20 (1 MiB enc / dec) |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|\n");
	for (int i = 0; i < n; i++) {
		double t[2][2];
		for (int s = 0; s < 2; s++) {
			for (int d = 0; d < 2; d++) {
				t[s][d] = &rows[i] == baseline ? base[s][d] : measure(&rows[i], sizes[s], d);
			}
		}
		printf("| %s | %.2f µs | %.2f µs | %.1f µs | %.1f µs | %.2f | %.1f× / %.1f× |\n", rows[i].label,
			t[0][0] * 1e6, t[0][1] * 1e6, t[1][0] * 1e6, t[1][1] * 1e6,
			(double) sizes[1] / t[1][0] / 1e9, base[1][0] / t[1][0], base[1][1] / t[1][1]);
	}
	printf("\nRandom bytes, %s against libsodium's randombytes_buf:\n\n", sc_random_source());
	printf("| bytes | %s | randombytes_buf |\n|---:|---:|---:|\n", sc_random_source());
	const size_t draws[3] = { 16, 32, 1024 };
	for (int i = 0; i < 3; i++) {
		printf("| %zu | %.3f µs | %.3f µs |\n", draws[i],
			measure_op(random_once, NULL, draws[i], 0) * 1e6, measure_op(random_once, NULL, draws[i], 1) * 1e6);
	}
	const row *aegis256 = NULL;
	for (int i = 0; i < n; i++) {
		if (rows[i].cipher->id == SC_AEGIS256 && rows[i].aegis == sc_aegis_for_tag(32)) {
			aegis256 = &rows[i];
		}
	}
	if (aegis256) {
		/* The box costs the sum of its parts only when the encryption does
		 * not wait for the nonce's freshly stored bytes. */
		double parts = measure_op(random_once, NULL, 32, 0) + measure(aegis256, 1024, 0);
		printf("\nAEGIS-256 sealed box, 1 KiB: %.3f µs; its nonce and encryption apart: %.3f µs\n",
			measure_op(box_once, NULL, 1024, 0) * 1e6, parts * 1e6);
	}
	free(msg);
	free(ct);
	free(out);
	return 0;
}
