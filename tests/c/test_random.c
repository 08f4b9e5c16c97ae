/* sc_random: the vDSO path where the kernel has it, the fallback where it
 * has not, and every way the vDSO can fail. */
#include "sc_random.h"
#include "sc_test.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <sodium.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define DRAWS 2000
#define LEN   24

static int cmp24(const void *a, const void *b)
{
	return memcmp(a, b, LEN);
}

/* Draws n nonces into out; returns how many repeat or are all zero. */
static size_t draw_and_count_bad(uint8_t (*out)[LEN], size_t n)
{
	static const uint8_t zero[LEN];
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		sc_random_buf(out[i], LEN);
		bad += memcmp(out[i], zero, LEN) == 0;
	}
	qsort(out, n, LEN, cmp24);
	for (size_t i = 1; i < n; i++) {
		bad += memcmp(out[i - 1], out[i], LEN) == 0;
	}
	return bad;
}

/* Whether this kernel must offer vgetrandom: Linux >= 6.11 on x86-64, with
 * a vDSO in the auxiliary vector (valgrind, for one, hides it). */
static bool kernel_has_vgetrandom(void)
{
#if defined(__x86_64__)
	struct utsname u;
	unsigned major = 0, minor = 0;
	if (uname(&u) != 0 || sscanf(u.release, "%u.%u", &major, &minor) != 2) {
		return false;
	}
	return (major > 6 || (major == 6 && minor >= 11)) && getauxval(AT_SYSINFO_EHDR) != 0;
#else
	return false;
#endif
}

/* ---- fakes of the vDSO entry point ---- */

static size_t fake_state_size = 64;
static unsigned fake_calls;
static void *fake_last_state;
static int fake_errno;          /* returned (negated) by failing draws */
static unsigned fake_fail_from = 1; /* the first failing call (1-based), with fake_errno set */
static unsigned fake_fail_count;    /* how many fail, 0: all from there on */
static size_t fake_step;  /* at most this many bytes a call, 0: all */

static ssize_t fake_vgetrandom(void *buf, size_t len, unsigned flags, void *state, size_t state_len)
{
	if (!buf && len == 0 && flags == 0 && state_len == ~(size_t) 0) {
		uint32_t *params = state;
		memset(params, 0, 16 * sizeof *params);
		params[0] = (uint32_t) fake_state_size;
		params[1] = PROT_READ | PROT_WRITE;
		params[2] = MAP_PRIVATE | MAP_ANONYMOUS;
		return 0;
	}
	fake_calls++;
	fake_last_state = state;
	if (state_len != fake_state_size || flags != 0) {
		return -EINVAL;
	}
	if (fake_errno && fake_calls >= fake_fail_from
			&& (fake_fail_count == 0 || fake_calls < fake_fail_from + fake_fail_count)) {
		return -fake_errno;
	}
	size_t n = fake_step && fake_step < len ? fake_step : len;
	memset(buf, 0xa5, n); /* recognisable: the caller must not mix it up with a fallback */
	return (ssize_t) n;
}

static ssize_t fake_no_query(void *buf, size_t len, unsigned flags, void *state, size_t state_len)
{
	(void) buf; (void) len; (void) flags; (void) state; (void) state_len;
	return -ENOSYS;
}

static void *thread_draws(void *arg)
{
	uint8_t (*out)[LEN] = arg;
	for (size_t i = 0; i < DRAWS; i++) {
		sc_random_buf(out[i], LEN);
	}
	return NULL;
}

static void test_vdso(void)
{
	static uint8_t nonces[DRAWS][LEN];
	sc_vgetrandom_fn vdso = sc_random_vdso_lookup();
	bool expected = kernel_has_vgetrandom();
	CHECK(!expected || vdso != NULL, "Linux >= 6.11 on x86-64 exports getrandom in the vDSO");
	if (!vdso) {
		printf("vdso: this kernel has no vgetrandom; the fallback tests still run\n");
		return;
	}
	sc_random_use(vdso);
	CHECK(strcmp(sc_random_source(), "vdso getrandom") == 0, "source %s", sc_random_source());
	unsigned long before = sc_random_fallbacks();
	CHECK(draw_and_count_bad(nonces, DRAWS) == 0, "vDSO nonces repeat or are zero");
	uint8_t big[100000];
	sc_random_buf(big, sizeof big); /* beyond the vDSO's batch: served by whole ChaCha blocks */
	size_t zeros = 0;
	for (size_t i = 0; i < sizeof big; i++) {
		zeros += big[i] == 0;
	}
	CHECK(zeros < sizeof big / 128, "%zu zero bytes of %zu", zeros, sizeof big);
	CHECK(sc_random_fallbacks() == before, "the vDSO failed a call");

	/* Threads each get their own state: none collide, none fall back. */
	static uint8_t per_thread[4][DRAWS][LEN];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		pthread_create(&t[i], NULL, thread_draws, per_thread[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
	}
	static uint8_t all[4 * DRAWS][LEN];
	memcpy(all, per_thread, sizeof all);
	qsort(all, 4 * DRAWS, LEN, cmp24);
	size_t dup = 0;
	for (size_t i = 1; i < 4 * DRAWS; i++) {
		dup += memcmp(all[i - 1], all[i], LEN) == 0;
	}
	CHECK(dup == 0, "%zu nonces shared between threads", dup);
	CHECK(sc_random_fallbacks() == before, "a thread fell back");

	/* Forks from a warm parent: each child's first draws differ from the
	 * parent's and from every other child's. */
	enum { CHILDREN = 16 };
	int fds[2];
	CHECK(pipe(fds) == 0, "pipe");
	for (int c = 0; c < CHILDREN; c++) {
		pid_t pid = fork();
		if (pid == 0) {
			uint8_t mine[4][LEN];
			for (int i = 0; i < 4; i++) {
				sc_random_buf(mine[i], LEN);
			}
			ssize_t w = write(fds[1], mine, sizeof mine);
			_exit(w == (ssize_t) sizeof mine && sc_random_fallbacks() == before ? 0 : 1);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %d", c);
	}
	static uint8_t seen[(CHILDREN + 1) * 4][LEN];
	CHECK(read(fds[0], seen, CHILDREN * 4 * LEN) == CHILDREN * 4 * LEN, "children's nonces");
	for (int i = 0; i < 4; i++) {
		sc_random_buf(seen[CHILDREN * 4 + i], LEN);
	}
	close(fds[0]);
	close(fds[1]);
	qsort(seen, (CHILDREN + 1) * 4, LEN, cmp24);
	dup = 0;
	for (size_t i = 1; i < (CHILDREN + 1) * 4; i++) {
		dup += memcmp(seen[i - 1], seen[i], LEN) == 0;
	}
	CHECK(dup == 0, "%zu nonces shared after fork", dup);
}

static void test_absent(void)
{
	static uint8_t nonces[DRAWS][LEN];
	sc_random_use(NULL);
	CHECK(strcmp(sc_random_source(), "libsodium randombytes_buf") == 0, "source %s", sc_random_source());
	unsigned long before = sc_random_fallbacks();
	CHECK(draw_and_count_bad(nonces, DRAWS) == 0, "fallback nonces repeat or are zero");
	CHECK(sc_random_fallbacks() == before, "no vDSO, so nothing counts as falling back");

	sc_random_use(fake_no_query);
	CHECK(strcmp(sc_random_source(), "libsodium randombytes_buf") == 0, "a vDSO that answers no query is not used");
	fake_state_size = 8192; /* more than a page: the state would straddle */
	sc_random_use(fake_vgetrandom);
	CHECK(strcmp(sc_random_source(), "libsodium randombytes_buf") == 0, "a state larger than a page is refused");
	fake_state_size = 64;
}

static void test_fake_and_failing(void)
{
	uint8_t buf[100];
	static const uint8_t a5[100] = { [0 ... 99] = 0xa5 };

	sc_random_use(fake_vgetrandom);
	CHECK(strcmp(sc_random_source(), "vdso getrandom") == 0, "the fake is in use");
	fake_calls = 0;
	sc_random_buf(buf, sizeof buf);
	CHECK(fake_calls == 1 && memcmp(buf, a5, sizeof buf) == 0, "one call serves the whole buffer");
	void *state = fake_last_state;
	CHECK(state != NULL && ((uintptr_t) state & (uintptr_t) (sysconf(_SC_PAGESIZE) - 1)) == 0,
		"the state starts a page");
	sc_random_buf(buf, 10);
	CHECK(fake_last_state == state, "the thread keeps its state");

	/* Short reads are completed, not padded from elsewhere. */
	fake_step = 7;
	fake_calls = 0;
	unsigned long before = sc_random_fallbacks();
	sc_random_buf(buf, sizeof buf);
	CHECK(fake_calls == 15 && memcmp(buf, a5, sizeof buf) == 0, "%u calls for 100 bytes 7 at a time", fake_calls);
	CHECK(sc_random_fallbacks() == before, "short reads are not failures");

	/* A failing call: the bytes still come, from libsodium, and it counts. */
	fake_step = 0;
	fake_errno = EIO;
	memset(buf, 0, sizeof buf);
	sc_random_buf(buf, sizeof buf);
	CHECK(sc_random_fallbacks() == before + 1, "the failure counted");
	CHECK(memcmp(buf, a5, sizeof buf) != 0, "the failed call's bytes came from randombytes_buf");
	size_t zeros = 0;
	for (size_t i = 0; i < sizeof buf; i++) {
		zeros += buf[i] == 0;
	}
	CHECK(zeros < 10, "the fallback filled the buffer (%zu zero bytes)", zeros);

	/* Failing part-way: what the vDSO filled stays, libsodium fills the rest. */
	fake_errno = EIO;
	fake_step = 40;
	fake_fail_from = 2;
	fake_calls = 0;
	memset(buf, 0, sizeof buf);
	sc_random_buf(buf, sizeof buf);
	CHECK(fake_calls == 2 && memcmp(buf, a5, 40) == 0 && memcmp(buf + 40, a5, 60) != 0,
		"40 bytes from the vDSO, 60 from libsodium");
	CHECK(sc_random_fallbacks() == before + 2, "the second failure counted");

	/* EINTR is retried, never a fallback. */
	fake_errno = EINTR;
	fake_step = 0;
	fake_fail_from = 1;
	fake_fail_count = 1;
	fake_calls = 0;
	sc_random_buf(buf, sizeof buf);
	CHECK(fake_calls == 2 && memcmp(buf, a5, sizeof buf) == 0, "%u calls after one EINTR", fake_calls);
	CHECK(sc_random_fallbacks() == before + 2, "EINTR did not fall back");
	fake_errno = 0;
	sc_random_use(NULL);
}

int main(void)
{
	if (sodium_init() < 0) {
		return 1;
	}
	sc_random_init();
	test_vdso();
	test_absent();
	test_fake_and_failing();
	sc_random_shutdown();
	return sc_test_done("random");
}
