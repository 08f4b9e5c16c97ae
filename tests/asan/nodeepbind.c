/* Test harness only (scripts/run-phpt-asan): PHP opens extensions with
 * RTLD_DEEPBIND, which the ASan runtime refuses. Preloaded ahead of it, this
 * drops the flag and hands the call on. */
#define _GNU_SOURCE
#include <dlfcn.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
