/* The locked arena: alignment, zeroing, wipe on free, reuse, growth. */
#include "sc_core.h"
#include "sc_test.h"

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i]) return 0;
	}
	return 1;
}

int main(void)
{
	CHECK(sc_core_init() == 0, "init");
	CHECK(sc_arena_alloc(0) == NULL, "zero-length allocation");
	CHECK(sc_arena_alloc(SC_ARENA_MAX_ALLOC + 1) == NULL, "oversized allocation");

	unsigned char *a = sc_arena_alloc(32);
	CHECK(a != NULL && ((uintptr_t) a % 64) == 0, "32 bytes, 64-aligned");
	CHECK(all_zero(a, 64), "fresh memory is zeroed");
	CHECK(sc_arena_in_use() == 64, "one unit in use: %zu", sc_arena_in_use());
	memset(a, 0xa5, 32);
	sc_arena_free(a, 32);
	/* The chunk stays mapped: reading it shows the wipe. */
	CHECK(all_zero(a, 64), "freed memory is wiped");
	CHECK(sc_arena_in_use() == 0, "nothing in use");
	CHECK(sc_arena_alloc(32) == a, "a freed unit is reused");
	sc_arena_free(a, 32);

	/* Many keys, several chunks; sizes across unit boundaries. */
	enum { N = 1000 };
	static unsigned char *p[N];
	static size_t len[N];
	for (int i = 0; i < N; i++) {
		len[i] = (size_t) (i % 130) + 1;
		p[i] = sc_arena_alloc(len[i]);
		if (!p[i]) break;
		memset(p[i], i & 0xff ? i & 0xff : 1, len[i]);
	}
	int ok = 1;
	for (int i = 0; i < N && ok; i++) {
		ok = p[i] && p[i][0] == (i & 0xff ? i & 0xff : 1) && p[i][len[i] - 1] == p[i][0];
	}
	CHECK(ok, "1000 live allocations keep their bytes");
	CHECK(sc_arena_chunks() > 1, "the arena grew to %zu chunks", sc_arena_chunks());
	for (int i = 0; i < N; i += 2) {
		sc_arena_free(p[i], len[i]);
	}
	for (int i = 0; i < N; i += 2) {
		p[i] = sc_arena_alloc(len[i]);
	}
	CHECK(sc_arena_chunks() <= 8, "freed units are reused before new chunks: %zu", sc_arena_chunks());
	for (int i = 0; i < N; i++) {
		sc_arena_free(p[i], len[i]);
	}
	CHECK(sc_arena_in_use() == 0, "all returned: %zu", sc_arena_in_use());
	CHECK(sc_arena_dirty_free_bytes() == 0, "every free unit of every chunk is zero");
	/* The audit sees a free unit that is not zero (written after its free). */
	a = sc_arena_alloc(16);
	sc_arena_free(a, 16);
	a[3] = 0x5a;
	CHECK(sc_arena_dirty_free_bytes() == 1, "the audit counts a dirty free byte: %zu", sc_arena_dirty_free_bytes());
	a[3] = 0;
	sc_arena_shutdown();
	CHECK(sc_arena_chunks() == 0, "shutdown unmaps every chunk");
	CHECK(sc_arena_alloc(16) != NULL, "usable again after shutdown");
	sc_arena_shutdown();
	return sc_test_done("test_arena");
}
