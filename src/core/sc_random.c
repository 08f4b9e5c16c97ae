#include "sc_random.h"

#include <sodium.h>

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#if defined(__linux__)
# include <elf.h>
# include <link.h>
# include <pthread.h>
# include <sys/auxv.h>
# include <sys/mman.h>
# include <unistd.h>
# define SC_RANDOM_VDSO 1
#endif

static sc_vgetrandom_fn vgetrandom;
static unsigned long fallbacks;

#ifdef SC_RANDOM_VDSO
/* struct vgetrandom_opaque_params of <linux/random.h> (6.11), which older
 * headers lack: what the kernel wants of each state's mapping. */
typedef struct {
	uint32_t size_of_opaque_state;
	uint32_t mmap_prot;
	uint32_t mmap_flags;
	uint32_t reserved[13];
} vgetrandom_params;

static size_t state_size, map_len;
static int map_prot, map_flags;
static pthread_key_t state_key;
static bool state_key_made;
static __thread void *thread_state;
static __thread bool thread_unmappable; /* mmap failed once here: stop trying */

/* The address of a function the vDSO exports, or NULL. The vDSO is a
 * complete ELF image mapped by the kernel (AT_SYSINFO_EHDR); its dynamic
 * section holds link-time addresses, so each is moved by where the first
 * PT_LOAD landed. */
static void *vdso_function(const char *name)
{
	uintptr_t base = (uintptr_t) getauxval(AT_SYSINFO_EHDR);
	if (!base) {
		return NULL;
	}
	const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *) base;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
		return NULL;
	}
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *) (base + eh->e_phoff);
	const ElfW(Dyn) *dyn = NULL;
	uintptr_t load = 0;
	bool loaded = false;
	for (size_t i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !loaded) {
			load = base + ph[i].p_offset - ph[i].p_vaddr;
			loaded = true;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const ElfW(Dyn) *) (base + ph[i].p_offset);
		}
	}
	if (!loaded || !dyn) {
		return NULL;
	}
	const ElfW(Sym) *syms = NULL;
	const char *names = NULL;
	const Elf32_Word *hash = NULL, *gnu_hash = NULL;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		uintptr_t at = load + dyn->d_un.d_ptr;
		switch (dyn->d_tag) {
		case DT_SYMTAB: syms = (const ElfW(Sym) *) at; break;
		case DT_STRTAB: names = (const char *) at; break;
		case DT_HASH: hash = (const Elf32_Word *) at; break;
		case DT_GNU_HASH: gnu_hash = (const Elf32_Word *) at; break;
		}
	}
	if (!syms || !names || (!hash && !gnu_hash)) {
		return NULL;
	}
	/* How many symbols: DT_HASH says (nchain); DT_GNU_HASH only through
	 * the chain that ends at the highest bucket. */
	size_t count = 0;
	if (hash) {
		count = hash[1];
	} else {
		Elf32_Word nbuckets = gnu_hash[0], first = gnu_hash[1], bloom_words = gnu_hash[2];
		const Elf32_Word *buckets = (const Elf32_Word *) ((const ElfW(Addr) *) (gnu_hash + 4) + bloom_words);
		const Elf32_Word *chain = buckets + nbuckets;
		Elf32_Word last = 0;
		for (Elf32_Word b = 0; b < nbuckets; b++) {
			if (buckets[b] > last) {
				last = buckets[b];
			}
		}
		if (last >= first) {
			while (!(chain[last - first] & 1)) {
				last++;
			}
			count = (size_t) last + 1;
		}
	}
	for (size_t i = 0; i < count; i++) {
		const ElfW(Sym) *s = &syms[i];
		int bind = ELF64_ST_BIND(s->st_info);
		if (ELF64_ST_TYPE(s->st_info) == STT_FUNC && (bind == STB_GLOBAL || bind == STB_WEAK)
				&& s->st_shndx != SHN_UNDEF && strcmp(names + s->st_name, name) == 0) {
			return (void *) (load + s->st_value);
		}
	}
	return NULL;
}

sc_vgetrandom_fn sc_random_vdso_lookup(void)
{
	/* x86-64, LoongArch, PowerPC and s390 call it __vdso_getrandom; arm64
	 * __kernel_getrandom. */
	void *fn = vdso_function("__vdso_getrandom");
	if (!fn) {
		fn = vdso_function("__kernel_getrandom");
	}
	sc_vgetrandom_fn out;
	memcpy(&out, &fn, sizeof out); /* object to function pointer, as dlsym() */
	return out;
}

static void drop_state(void *state)
{
	if (state) {
		munmap(state, map_len);
	}
}

/* The calling thread's state, mapped on first use; NULL when the kernel
 * refuses the mapping. */
static void *state_of_thread(void)
{
	if (thread_state || thread_unmappable) {
		return thread_state;
	}
	void *p = mmap(NULL, map_len, map_prot, map_flags, -1, 0);
	if (p == MAP_FAILED) {
		thread_unmappable = true;
		return NULL;
	}
	if (pthread_setspecific(state_key, p) != 0) {
		munmap(p, map_len);
		thread_unmappable = true;
		return NULL;
	}
	thread_state = p;
	return p;
}

static void forget_thread_state(void)
{
	if (state_key_made) {
		pthread_setspecific(state_key, NULL);
	}
	drop_state(thread_state);
	thread_state = NULL;
	thread_unmappable = false;
}

void sc_random_use(sc_vgetrandom_fn fn)
{
	vgetrandom_params params;
	long page = sysconf(_SC_PAGESIZE);

	forget_thread_state();
	vgetrandom = NULL;
	if (!fn || page <= 0) {
		return;
	}
	memset(&params, 0, sizeof params);
	/* The kernel's query: no buffer, no length, no flags, length ~0. */
	if (fn(NULL, 0, 0, &params, ~(size_t) 0) != 0 || params.size_of_opaque_state == 0
			|| params.size_of_opaque_state > (size_t) page) {
		return;
	}
	if (!state_key_made) {
		if (pthread_key_create(&state_key, drop_state) != 0) {
			return;
		}
		state_key_made = true;
	}
	state_size = params.size_of_opaque_state;
	map_len = (size_t) page; /* one state a thread, at a page start: it never straddles pages */
	map_prot = (int) params.mmap_prot;
	map_flags = (int) params.mmap_flags;
	vgetrandom = fn;
}

void sc_random_init(void)
{
	sc_random_use(sc_random_vdso_lookup());
}

void sc_random_shutdown(void)
{
	forget_thread_state();
	vgetrandom = NULL;
	if (state_key_made) {
		pthread_key_delete(state_key);
		state_key_made = false;
	}
}

/* Fills what it can; returns the bytes it could not. */
static size_t from_vdso(uint8_t *p, size_t len)
{
	void *state = state_of_thread();
	if (!state) {
		return len;
	}
	while (len > 0) {
		ssize_t got = vgetrandom(p, len, 0, state, state_size);
		if (got == -EINTR) {
			continue;
		}
		if (got <= 0) {
			break;
		}
		p += got;
		len -= (size_t) got;
	}
	return len;
}
#else
sc_vgetrandom_fn sc_random_vdso_lookup(void)
{
	return NULL;
}

void sc_random_use(sc_vgetrandom_fn fn)
{
	(void) fn;
}

void sc_random_init(void)
{
}

void sc_random_shutdown(void)
{
}
#endif

void sc_random_buf(void *buf, size_t len)
{
	uint8_t *p = buf;
#ifdef SC_RANDOM_VDSO
	if (vgetrandom) {
		size_t left = from_vdso(p, len);
		if (left == 0) {
			return;
		}
		__atomic_add_fetch(&fallbacks, 1, __ATOMIC_RELAXED);
		p += len - left;
		len = left;
	}
#endif
	randombytes_buf(p, len);
}

const char *sc_random_source(void)
{
	return vgetrandom ? "vdso getrandom" : "libsodium randombytes_buf";
}

unsigned long sc_random_fallbacks(void)
{
	return __atomic_load_n(&fallbacks, __ATOMIC_RELAXED);
}
