#include "sc_core.h"

#include <sodium.h>

int sc_core_init(void)
{
	if (sodium_init() < 0) {
		return -1;
	}
	sc_cpu_detect();
	sc_random_init();
	return 0;
}
