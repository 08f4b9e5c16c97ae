/*
 * Locked, guard-paged memory for key bytes.
 *
 * One process-wide arena: chunks from sodium_malloc() (guard pages, mlock
 * where the system allows it, excluded from core dumps), carved into 64-byte
 * units. Allocation is a bitmap search, so a key costs no sodium_malloc()
 * (~16 us) of its own.
 * Freed units are wiped at once; sc_arena_shutdown() wipes and unmaps all.
 */
#ifndef SC_ARENA_H
#define SC_ARENA_H

#include <stddef.h>
#include <stdint.h>

#define SC_ARENA_UNIT        64u
#define SC_ARENA_CHUNK_UNITS 256u                  /* 16 KiB a chunk */
#define SC_ARENA_MAX_ALLOC   (SC_ARENA_UNIT * 64u) /* one bitmap word */

/* Zeroed, 64-byte aligned memory; NULL when len is 0 or too large, or the
 * system refuses another chunk. */
void *sc_arena_alloc(size_t len);
/* Wipes the units and returns them. p may be NULL. */
void sc_arena_free(void *p, size_t len);

/* Bytes handed out and not yet freed (whole units). */
size_t sc_arena_in_use(void);
/* Number of chunks the arena holds. */
size_t sc_arena_chunks(void);
/* Of those, the chunks mlock() locked (the others may be swapped out). */
size_t sc_arena_locked_chunks(void);
/* Nonzero bytes in units that are not in use: always 0, since a unit is
 * wiped before it is returned (an audit for the tests; reads every chunk). */
size_t sc_arena_dirty_free_bytes(void);
/* Wipes every unit, in use or not, and unmaps the chunks. */
void sc_arena_shutdown(void);

#endif
