/*
 * Negative control for test_ct: the same harness (sc_ct.h, -DSC_CTGRIND)
 * around a comparison that does branch on a secret. ctest requires memcheck's
 * report in the output, so test_ct passing means something: the client
 * requests are live and memcheck sees through them.
 */
#include "sc_ct.h"

#include <stdio.h>
#include <string.h>

#ifndef SC_CTGRIND
# error "build with -DSC_CTGRIND"
#endif

int main(void)
{
	unsigned char secret[16] = "0123456789abcdef", guess[16] = "0123456789abcdeX";
	SC_CT_SECRET(secret, sizeof secret);
	/* memcmp stops at the first difference: a secret-dependent branch. */
	int differ = memcmp(secret, guess, sizeof secret) != 0;
	printf("compared: %d\n", differ);
	return 0;
}
