/*
 * Random bytes for nonces, keys and salts.
 *
 * Where the Linux kernel exports getrandom() in the vDSO (6.11 and later),
 * the bytes come from there: the same generator as the getrandom() system
 * call, without the system call. It runs over an opaque state per thread,
 * which the kernel describes (size, mmap protection and flags) and keeps
 * safe: the mapping is wiped on fork and may be dropped under memory
 * pressure, and the kernel reseeds it when its generation changes (VM
 * snapshots, reseeds). Each thread maps its own state on first use and
 * unmaps it when the thread ends.
 *
 * Everywhere else, and for any call the vDSO fails, libsodium's
 * randombytes_buf().
 */
#ifndef SC_RANDOM_H
#define SC_RANDOM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The vDSO entry point's signature (the kernel's vgetrandom). */
typedef ssize_t (*sc_vgetrandom_fn)(void *buf, size_t len, unsigned int flags, void *state, size_t state_len);

/* Looks the vDSO up; called by sc_core_init(). */
void sc_random_init(void);
/* Unmaps the calling thread's state and forgets the thread key; module
 * shutdown, after every other thread has stopped drawing. */
void sc_random_shutdown(void);

/* Fills buf with len random bytes. Never fails. */
void sc_random_buf(void *buf, size_t len);

/* "vdso getrandom" or "libsodium randombytes_buf". */
const char *sc_random_source(void);
/* Calls that fell back to randombytes_buf after the vDSO failed them. */
unsigned long sc_random_fallbacks(void);

/* Tests only: use fn as the vDSO entry point (NULL: none), as if found by
 * sc_random_init(). The calling thread's state is dropped. */
void sc_random_use(sc_vgetrandom_fn fn);
/* The vDSO's own entry point, NULL when the kernel has none. */
sc_vgetrandom_fn sc_random_vdso_lookup(void);

#endif
