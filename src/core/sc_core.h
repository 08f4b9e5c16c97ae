/* src/core: the pure-C heart of sodium_crypt. Nothing here knows Zend, so it
 * is unit-tested and fuzzed on its own (tests/c, tests/fuzz). */
#ifndef SC_CORE_H
#define SC_CORE_H

#include "sc_aegis.h"
#include "sc_arena.h"
#include "sc_b64.h"
#include "sc_blake2b.h"
#include "sc_cipher.h"
#include "sc_cpu.h"
#include "sc_payload.h"
#include "sc_pkcs11.h"
#include "sc_random.h"
#include "sc_userkey.h"

/* sodium_init(), CPU detection and the random source; 0 on success. Call
 * once per process. */
int sc_core_init(void);

#endif
