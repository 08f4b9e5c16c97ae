/* A minimal harness for the src/core unit tests: CHECK counts, and the
 * program ends with "N passed, N failed" and a matching exit status. */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned sc_test_passed, sc_test_failed;

#define CHECK(cond, ...) do { \
	if (cond) { \
		sc_test_passed++; \
	} else { \
		sc_test_failed++; \
		fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
	} \
} while (0)

static inline int sc_test_done(const char *suite)
{
	printf("%s: %u passed, %u failed\n", suite, sc_test_passed, sc_test_failed);
	return sc_test_failed == 0 && sc_test_passed > 0 ? 0 : 1;
}

static inline size_t sc_unhex(unsigned char *out, const char *hex)
{
	size_t n = 0;
	if (strcmp(hex, "-") == 0) {
		return 0;
	}
	for (; hex[0] && hex[1]; hex += 2) {
		unsigned v;
		sscanf(hex, "%2x", &v);
		out[n++] = (unsigned char) v;
	}
	return n;
}

#endif
