#include "sc_arena.h"

#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SC_CHUNK_BYTES (SC_ARENA_UNIT * SC_ARENA_CHUNK_UNITS)
#define SC_WORDS       (SC_ARENA_CHUNK_UNITS / 64u)

typedef struct sc_chunk {
	struct sc_chunk *next;
	unsigned char *base;      /* sodium_malloc(SC_CHUNK_BYTES) */
	uint64_t used[SC_WORDS];  /* one bit a unit */
	bool locked;              /* mlock() succeeded (sodium_malloc() ignores its failure) */
} sc_chunk;

static sc_chunk *chunks;
static size_t units_in_use;
static pthread_mutex_t arena_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* mlock() is not inherited across fork(): lock the child's copy again, so
 * keys created before php-fpm forks its workers stay out of swap there too. */
static void relock_after_fork(void)
{
	for (sc_chunk *c = chunks; c; c = c->next) {
		c->locked = sodium_mlock(c->base, SC_CHUNK_BYTES) == 0;
	}
}

static void register_atfork(void)
{
	(void) pthread_atfork(NULL, NULL, relock_after_fork);
}

static inline uint64_t run_mask(unsigned n, unsigned at)
{
	return (n == 64 ? UINT64_MAX : ((UINT64_C(1) << n) - 1)) << at;
}

/* Finds n free consecutive units inside one bitmap word; returns the unit index. */
static bool chunk_find(const sc_chunk *c, unsigned n, unsigned *unit)
{
	for (unsigned w = 0; w < SC_WORDS; w++) {
		if (c->used[w] == UINT64_MAX) {
			continue;
		}
		for (unsigned at = 0; at + n <= 64; at++) {
			if ((c->used[w] & run_mask(n, at)) == 0) {
				*unit = w * 64 + at;
				return true;
			}
		}
	}
	return false;
}

static sc_chunk *chunk_new(void)
{
	sc_chunk *c = calloc(1, sizeof *c);
	if (!c) {
		return NULL;
	}
	c->base = sodium_malloc(SC_CHUNK_BYTES);
	if (!c->base) {
		free(c);
		return NULL;
	}
	sodium_memzero(c->base, SC_CHUNK_BYTES); /* sodium_malloc fills with 0xdb */
	/* sodium_malloc() has tried mlock() and ignored a refusal (RLIMIT_MEMLOCK,
	 * no CAP_IPC_LOCK): ask again, so that the arena knows and can say. */
	c->locked = sodium_mlock(c->base, SC_CHUNK_BYTES) == 0;
	c->next = chunks;
	chunks = c;
	return c;
}

void *sc_arena_alloc(size_t len)
{
	if (len == 0 || len > SC_ARENA_MAX_ALLOC) {
		return NULL;
	}
	unsigned n = (unsigned) ((len + SC_ARENA_UNIT - 1) / SC_ARENA_UNIT);
	unsigned unit;
	void *p = NULL;

	pthread_once(&atfork_once, register_atfork);
	pthread_mutex_lock(&arena_lock);
	sc_chunk *c = chunks;
	while (c && !chunk_find(c, n, &unit)) {
		c = c->next;
	}
	if (!c && (c = chunk_new()) != NULL) {
		unit = 0;
	}
	if (c) {
		c->used[unit / 64] |= run_mask(n, unit % 64);
		units_in_use += n;
		p = c->base + (size_t) unit * SC_ARENA_UNIT;
	}
	pthread_mutex_unlock(&arena_lock);
	return p;
}

void sc_arena_free(void *p, size_t len)
{
	if (!p) {
		return;
	}
	unsigned n = (unsigned) ((len + SC_ARENA_UNIT - 1) / SC_ARENA_UNIT);
	sodium_memzero(p, (size_t) n * SC_ARENA_UNIT);

	pthread_mutex_lock(&arena_lock);
	for (sc_chunk *c = chunks; c; c = c->next) {
		unsigned char *u = p;
		if (u >= c->base && u < c->base + SC_CHUNK_BYTES) {
			unsigned unit = (unsigned) ((size_t) (u - c->base) / SC_ARENA_UNIT);
			c->used[unit / 64] &= ~run_mask(n, unit % 64);
			units_in_use -= n;
			break;
		}
	}
	pthread_mutex_unlock(&arena_lock);
}

size_t sc_arena_in_use(void)
{
	pthread_mutex_lock(&arena_lock);
	size_t bytes = units_in_use * SC_ARENA_UNIT;
	pthread_mutex_unlock(&arena_lock);
	return bytes;
}

size_t sc_arena_chunks(void)
{
	size_t n = 0;
	pthread_mutex_lock(&arena_lock);
	for (sc_chunk *c = chunks; c; c = c->next) {
		n++;
	}
	pthread_mutex_unlock(&arena_lock);
	return n;
}

size_t sc_arena_locked_chunks(void)
{
	size_t n = 0;
	pthread_mutex_lock(&arena_lock);
	for (sc_chunk *c = chunks; c; c = c->next) {
		n += c->locked;
	}
	pthread_mutex_unlock(&arena_lock);
	return n;
}

size_t sc_arena_dirty_free_bytes(void)
{
	size_t dirty = 0;
	pthread_mutex_lock(&arena_lock);
	for (sc_chunk *c = chunks; c; c = c->next) {
		for (unsigned unit = 0; unit < SC_ARENA_CHUNK_UNITS; unit++) {
			if (c->used[unit / 64] & (UINT64_C(1) << (unit % 64))) {
				continue;
			}
			const unsigned char *u = c->base + (size_t) unit * SC_ARENA_UNIT;
			for (unsigned i = 0; i < SC_ARENA_UNIT; i++) {
				dirty += u[i] != 0;
			}
		}
	}
	pthread_mutex_unlock(&arena_lock);
	return dirty;
}

void sc_arena_shutdown(void)
{
	pthread_mutex_lock(&arena_lock);
	while (chunks) {
		sc_chunk *c = chunks;
		chunks = c->next;
		sodium_free(c->base); /* wipes before unmapping */
		free(c);
	}
	units_in_use = 0;
	pthread_mutex_unlock(&arena_lock);
}
