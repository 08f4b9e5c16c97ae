#include "sc_pkcs11.h"
#include "sc_arena.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#ifndef SC_HAVE_PKCS11

sc_p11_status sc_p11_unwrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *wrapped, size_t wrapped_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	(void) cfg; (void) kek_label; (void) wrapped; (void) wrapped_len; (void) out; (void) out_cap;
	*out_len = 0;
	*ckr = 0;
	return SC_P11_UNSUPPORTED;
}

sc_p11_status sc_p11_wrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *key, size_t key_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	(void) cfg; (void) kek_label; (void) key; (void) key_len; (void) out; (void) out_cap;
	*out_len = 0;
	*ckr = 0;
	return SC_P11_UNSUPPORTED;
}

const char *sc_p11_ckr_name(unsigned long ckr)
{
	(void) ckr;
	return NULL;
}

unsigned long sc_p11_unwrap_calls(void) { return 0; }
size_t sc_p11_cached(void) { return 0; }
void sc_p11_shutdown(void) {}

#else

#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>
#include <p11-kit/pkcs11.h>

/* PKCS#11 3.0's number for RFC 5649; p11-kit's header before 0.25 lacks it. */
#ifndef CKM_AES_KEY_WRAP_KWP
# define CKM_AES_KEY_WRAP_KWP 0x210bUL
#endif

#define CACHE_SLOTS 32

typedef struct {
	uint8_t digest[32];   /* BLAKE2b-256 of (token, KEK label, wrapped bytes) */
	uint8_t *bytes;       /* in the arena; NULL: free slot */
	size_t len;
} cache_entry;

/* The process's module. Guarded by lock; after fork() the child gets a fresh
 * lock (atfork) and sees pid != getpid(): it initialises the module again. */
static struct {
	void *handle;
	CK_FUNCTION_LIST_PTR fn;
	char *path;
	pid_t pid;            /* the process that called C_Initialize */
	unsigned long unwraps;
	cache_entry cache[CACHE_SLOTS];
} mod;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void unlock_in_child(void)
{
	pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
	memcpy(&lock, &fresh, sizeof lock);
}

static void register_atfork(void)
{
	(void) pthread_atfork(NULL, NULL, unlock_in_child);
}

/* Every entry point takes the module's lock through here. */
static void module_lock(void)
{
	pthread_once(&atfork_once, register_atfork);
	pthread_mutex_lock(&lock);
}

/* ---- the module ---- */

static sc_p11_status module_ready(const char *path, unsigned long *ckr)
{
	if (path == NULL || path[0] == '\0') {
		return SC_P11_NO_MODULE;
	}
	if (mod.fn != NULL && mod.pid == getpid()) {
		return strcmp(mod.path, path) == 0 ? SC_P11_OK : SC_P11_LOAD;
	}
	if (mod.handle == NULL) {
		mod.handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (mod.handle == NULL) {
			return SC_P11_LOAD;
		}
		CK_C_GetFunctionList get = NULL;
		*(void **) &get = dlsym(mod.handle, "C_GetFunctionList");
		CK_FUNCTION_LIST_PTR fn = NULL;
		if (get == NULL || get(&fn) != CKR_OK || fn == NULL) {
			dlclose(mod.handle);
			mod.handle = NULL;
			return SC_P11_NOT_PKCS11;
		}
		free(mod.path);
		mod.path = strdup(path);
		if (mod.path == NULL) {
			dlclose(mod.handle);
			mod.handle = NULL;
			return SC_P11_MEMORY;
		}
		mod.fn = fn;
	} else if (strcmp(mod.path, path) != 0) {
		return SC_P11_LOAD;
	}
	/* Our own process's first call, or a child's after fork(): the library
	 * must be initialised in this process (PKCS#11 2.40, section 6.7.7). */
	CK_C_INITIALIZE_ARGS args;
	memset(&args, 0, sizeof args);
	args.flags = CKF_OS_LOCKING_OK;
	CK_RV rv = mod.fn->C_Initialize(&args);
	if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
		/* A library that kept its state across fork(): start it over here. */
		(void) mod.fn->C_Finalize(NULL);
		rv = mod.fn->C_Initialize(&args);
	}
	if (rv != CKR_OK) {
		*ckr = rv;
		return SC_P11_INIT;
	}
	mod.pid = getpid();
	return SC_P11_OK;
}

/* Pads a label to the 32 blank-padded bytes of CK_TOKEN_INFO.label. */
static bool token_label_is(const CK_UTF8CHAR field[32], const char *label)
{
	size_t n = strlen(label);
	if (n > 32 || memcmp(field, label, n) != 0) {
		return false;
	}
	for (size_t i = n; i < 32; i++) {
		if (field[i] != ' ') {
			return false;
		}
	}
	return true;
}

static sc_p11_status find_slot(const char *token, CK_SLOT_ID *slot, CK_FLAGS *token_flags, unsigned long *ckr)
{
	CK_ULONG count = 0;
	CK_RV rv = mod.fn->C_GetSlotList(CK_TRUE, NULL, &count);
	if (rv != CKR_OK) {
		*ckr = rv;
		return SC_P11_TOKEN_ERROR;
	}
	if (count == 0) {
		return SC_P11_NO_TOKEN;
	}
	CK_SLOT_ID *slots = calloc(count, sizeof *slots);
	if (slots == NULL) {
		return SC_P11_MEMORY;
	}
	rv = mod.fn->C_GetSlotList(CK_TRUE, slots, &count);
	sc_p11_status status = SC_P11_NO_TOKEN;
	bool any = token == NULL || token[0] == '\0';
	if (rv != CKR_OK) {
		*ckr = rv;
		status = SC_P11_TOKEN_ERROR;
	} else {
		/* Uninitialised tokens (SoftHSM2 always offers a free one) are not candidates. */
		for (CK_ULONG i = 0; i < count; i++) {
			CK_TOKEN_INFO info;
			if (mod.fn->C_GetTokenInfo(slots[i], &info) != CKR_OK || !(info.flags & CKF_TOKEN_INITIALIZED)) {
				continue;
			}
			if (!any && !token_label_is(info.label, token)) {
				continue;
			}
			if (status == SC_P11_OK) {
				status = SC_P11_MANY_TOKENS; /* two match: no label, or a label used twice */
				break;
			}
			*slot = slots[i];
			*token_flags = info.flags;
			status = SC_P11_OK;
		}
	}
	free(slots);
	return status;
}

static sc_p11_status open_session(const sc_p11_config *cfg, CK_SLOT_ID *slot, CK_SESSION_HANDLE *session, unsigned long *ckr)
{
	CK_FLAGS flags = 0;
	sc_p11_status status = find_slot(cfg->token, slot, &flags, ckr);
	if (status != SC_P11_OK) {
		return status;
	}
	CK_RV rv = mod.fn->C_OpenSession(*slot, CKF_SERIAL_SESSION, NULL, NULL, session);
	if (rv != CKR_OK) {
		*ckr = rv;
		return rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_DEVICE_REMOVED ? SC_P11_NO_TOKEN : SC_P11_TOKEN_ERROR;
	}
	if (cfg->pin == NULL) {
		if (flags & CKF_LOGIN_REQUIRED) {
			(void) mod.fn->C_CloseSession(*session);
			return SC_P11_NO_PIN;
		}
		return SC_P11_OK;
	}
	/* The login belongs to the application, not the session: a second
	 * session (another thread's) finds it done. */
	rv = mod.fn->C_Login(*session, CKU_USER, (CK_UTF8CHAR_PTR) cfg->pin, (CK_ULONG) strlen(cfg->pin));
	if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
		return SC_P11_OK;
	}
	(void) mod.fn->C_CloseSession(*session);
	*ckr = rv;
	switch (rv) {
		case CKR_PIN_INCORRECT: case CKR_PIN_INVALID: case CKR_PIN_LEN_RANGE: case CKR_PIN_EXPIRED:
		case CKR_USER_PIN_NOT_INITIALIZED:
			return SC_P11_PIN;
		case CKR_PIN_LOCKED:
			return SC_P11_PIN_LOCKED;
		default:
			return SC_P11_TOKEN_ERROR;
	}
}

static sc_p11_status find_kek(CK_SESSION_HANDLE session, const char *label, CK_OBJECT_HANDLE *kek, unsigned long *ckr)
{
	CK_OBJECT_CLASS klass = CKO_SECRET_KEY;
	CK_ATTRIBUTE find[] = {
		{CKA_CLASS, &klass, sizeof klass},
		{CKA_LABEL, (void *) label, (CK_ULONG) strlen(label)},
	};
	CK_RV rv = mod.fn->C_FindObjectsInit(session, find, 2);
	if (rv != CKR_OK) {
		*ckr = rv;
		return SC_P11_TOKEN_ERROR;
	}
	CK_OBJECT_HANDLE found[2];
	CK_ULONG n = 0;
	rv = mod.fn->C_FindObjects(session, found, 2, &n);
	(void) mod.fn->C_FindObjectsFinal(session);
	if (rv != CKR_OK) {
		*ckr = rv;
		return SC_P11_TOKEN_ERROR;
	}
	if (n == 0) {
		return SC_P11_NO_KEK;
	}
	if (n > 1) {
		return SC_P11_MANY_KEKS;
	}
	*kek = found[0];
	return SC_P11_OK;
}

/* KWP by its 3.0 number if the token lists it, else by 2.40's. */
static sc_p11_status kwp_mechanism(CK_SLOT_ID slot, CK_MECHANISM_TYPE *mech, unsigned long *ckr)
{
	CK_MECHANISM_INFO info;
	CK_RV rv = mod.fn->C_GetMechanismInfo(slot, CKM_AES_KEY_WRAP_KWP, &info);
	if (rv == CKR_OK) {
		*mech = CKM_AES_KEY_WRAP_KWP;
		return SC_P11_OK;
	}
	rv = mod.fn->C_GetMechanismInfo(slot, CKM_AES_KEY_WRAP_PAD, &info);
	if (rv == CKR_OK) {
		*mech = CKM_AES_KEY_WRAP_PAD;
		return SC_P11_OK;
	}
	if (rv != CKR_MECHANISM_INVALID) {
		*ckr = rv;
	}
	return SC_P11_NO_MECHANISM;
}

/* The RFC 5649 length of a wrapped key of n bytes. */
static size_t kwp_len(size_t n)
{
	return 8 + (n + 7) / 8 * 8;
}

/* Opens a session with the KEK found and the mechanism chosen. */
static sc_p11_status prepare(const sc_p11_config *cfg, const char *kek_label, CK_SESSION_HANDLE *session,
	CK_OBJECT_HANDLE *kek, CK_MECHANISM_TYPE *mech, unsigned long *ckr)
{
	sc_p11_status status = module_ready(cfg->module, ckr);
	if (status != SC_P11_OK) {
		return status;
	}
	CK_SLOT_ID slot = 0;
	status = open_session(cfg, &slot, session, ckr);
	if (status != SC_P11_OK) {
		return status;
	}
	status = find_kek(*session, kek_label, kek, ckr);
	if (status == SC_P11_OK) {
		status = kwp_mechanism(slot, mech, ckr);
	}
	if (status != SC_P11_OK) {
		(void) mod.fn->C_CloseSession(*session);
	}
	return status;
}

/* ---- the cache ---- */

static void cache_digest(uint8_t digest[32], const sc_p11_config *cfg, const char *label, const uint8_t *wrapped, size_t len)
{
	crypto_generichash_state st;
	const char *token = cfg->token ? cfg->token : "";
	crypto_generichash_init(&st, NULL, 0, 32);
	/* Each part NUL-terminated, the last one length-bounded: unambiguous. */
	crypto_generichash_update(&st, (const unsigned char *) token, strlen(token) + 1);
	crypto_generichash_update(&st, (const unsigned char *) label, strlen(label) + 1);
	crypto_generichash_update(&st, wrapped, len);
	crypto_generichash_final(&st, digest, 32);
}

static cache_entry *cache_find(const uint8_t digest[32])
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		if (mod.cache[i].bytes != NULL && sodium_memcmp(mod.cache[i].digest, digest, 32) == 0) {
			return &mod.cache[i];
		}
	}
	return NULL;
}

/* Keeps a copy of a key just unwrapped; a full cache keeps nothing (the
 * next call unwraps again: correct, only slower). */
static void cache_add(const uint8_t digest[32], const uint8_t *key, size_t len)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		cache_entry *e = &mod.cache[i];
		if (e->bytes == NULL) {
			e->bytes = sc_arena_alloc(len);
			if (e->bytes != NULL) {
				memcpy(e->bytes, key, len);
				memcpy(e->digest, digest, 32);
				e->len = len;
			}
			return;
		}
	}
}

/* ---- unwrap, wrap ---- */

/* The data key as a session object the token lets us read back: a generic
 * secret, never on the token, extractable and not sensitive, destroyed as
 * soon as its value is read (unwrap) or wrapped (wrap). The token only reads
 * a template, so the values can be shared. */
#define SESSION_KEY_ATTRS 6
static void session_key_template(CK_ATTRIBUTE tmpl[SESSION_KEY_ATTRS])
{
	static CK_OBJECT_CLASS klass = CKO_SECRET_KEY;
	static CK_KEY_TYPE key_type = CKK_GENERIC_SECRET;
	static CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
	const CK_ATTRIBUTE all[SESSION_KEY_ATTRS] = {
		{CKA_CLASS, &klass, sizeof klass},
		{CKA_KEY_TYPE, &key_type, sizeof key_type},
		{CKA_TOKEN, &no, sizeof no},
		{CKA_PRIVATE, &yes, sizeof yes},
		{CKA_SENSITIVE, &no, sizeof no},
		{CKA_EXTRACTABLE, &yes, sizeof yes},
	};
	memcpy(tmpl, all, sizeof all);
}

static sc_p11_status unwrap_locked(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *wrapped, size_t wrapped_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	uint8_t digest[32];
	cache_digest(digest, cfg, kek_label, wrapped, wrapped_len);
	const cache_entry *hit = cache_find(digest);
	if (hit != NULL && hit->len <= out_cap) {
		memcpy(out, hit->bytes, hit->len);
		*out_len = hit->len;
		return SC_P11_OK;
	}
	if (wrapped_len < kwp_len(SC_P11_KEY_MIN) || wrapped_len > kwp_len(SC_P11_KEY_MAX) || wrapped_len % 8 != 0) {
		return SC_P11_BAD_LENGTH;
	}

	CK_SESSION_HANDLE session;
	CK_OBJECT_HANDLE kek;
	CK_MECHANISM_TYPE type;
	sc_p11_status status = prepare(cfg, kek_label, &session, &kek, &type, ckr);
	if (status != SC_P11_OK) {
		return status;
	}
	CK_ATTRIBUTE tmpl[SESSION_KEY_ATTRS];
	session_key_template(tmpl); /* destroyed below */
	CK_MECHANISM mech = {type, NULL, 0};
	CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
	mod.unwraps++;
	CK_RV rv = mod.fn->C_UnwrapKey(session, &mech, kek, (CK_BYTE_PTR) wrapped, (CK_ULONG) wrapped_len,
		tmpl, SESSION_KEY_ATTRS, &key);
	if (rv != CKR_OK) {
		*ckr = rv;
		switch (rv) {
			case CKR_WRAPPED_KEY_INVALID: case CKR_WRAPPED_KEY_LEN_RANGE: case CKR_ENCRYPTED_DATA_INVALID:
			case CKR_ENCRYPTED_DATA_LEN_RANGE:
			/* The KEK was found and takes the mechanism: a failed integrity
			 * check is what remains. SoftHSM2 reports it so. */
			case CKR_GENERAL_ERROR: case CKR_FUNCTION_FAILED:
				status = SC_P11_BAD_WRAPPED;
				break;
			default:
				status = SC_P11_TOKEN_ERROR;
		}
	} else {
		CK_ATTRIBUTE value = {CKA_VALUE, NULL, 0};
		rv = mod.fn->C_GetAttributeValue(session, key, &value, 1);
		if (rv != CKR_OK) {
			*ckr = rv;
			status = SC_P11_TOKEN_ERROR;
		} else if (value.ulValueLen < SC_P11_KEY_MIN || value.ulValueLen > SC_P11_KEY_MAX || value.ulValueLen > out_cap
				|| kwp_len(value.ulValueLen) != wrapped_len) {
			status = SC_P11_BAD_LENGTH;
		} else {
			value.pValue = out;
			rv = mod.fn->C_GetAttributeValue(session, key, &value, 1);
			if (rv != CKR_OK) {
				*ckr = rv;
				status = SC_P11_TOKEN_ERROR;
				sodium_memzero(out, out_cap);
			} else {
				*out_len = value.ulValueLen;
				cache_add(digest, out, *out_len);
			}
		}
		(void) mod.fn->C_DestroyObject(session, key);
	}
	(void) mod.fn->C_CloseSession(session);
	return status;
}

sc_p11_status sc_p11_unwrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *wrapped, size_t wrapped_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	*out_len = 0;
	*ckr = 0;
	module_lock();
	sc_p11_status status = unwrap_locked(cfg, kek_label, wrapped, wrapped_len, out, out_cap, out_len, ckr);
	pthread_mutex_unlock(&lock);
	return status;
}

static sc_p11_status wrap_locked(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *key, size_t key_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	CK_SESSION_HANDLE session;
	CK_OBJECT_HANDLE kek;
	CK_MECHANISM_TYPE type;
	sc_p11_status status = prepare(cfg, kek_label, &session, &kek, &type, ckr);
	if (status != SC_P11_OK) {
		return status;
	}
	CK_ATTRIBUTE tmpl[SESSION_KEY_ATTRS + 1];
	session_key_template(tmpl); /* destroyed below */
	tmpl[SESSION_KEY_ATTRS] = (CK_ATTRIBUTE) {CKA_VALUE, (void *) key, (CK_ULONG) key_len};
	CK_OBJECT_HANDLE obj = CK_INVALID_HANDLE;
	CK_RV rv = mod.fn->C_CreateObject(session, tmpl, SESSION_KEY_ATTRS + 1, &obj);
	if (rv != CKR_OK) {
		*ckr = rv;
		status = SC_P11_TOKEN_ERROR;
	} else {
		CK_MECHANISM mech = {type, NULL, 0};
		CK_ULONG n = (CK_ULONG) out_cap;
		rv = mod.fn->C_WrapKey(session, &mech, kek, obj, out, &n);
		if (rv != CKR_OK) {
			*ckr = rv;
			status = SC_P11_TOKEN_ERROR;
		} else if (n != kwp_len(key_len)) {
			status = SC_P11_BAD_LENGTH; /* not RFC 5649: PKCS#7 padding then RFC 3394, say */
		} else {
			*out_len = n;
		}
		(void) mod.fn->C_DestroyObject(session, obj);
	}
	(void) mod.fn->C_CloseSession(session);
	return status;
}

sc_p11_status sc_p11_wrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *key, size_t key_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr)
{
	*out_len = 0;
	*ckr = 0;
	if (key_len < SC_P11_KEY_MIN || key_len > SC_P11_KEY_MAX || out_cap < kwp_len(key_len)) {
		return SC_P11_BAD_LENGTH;
	}
	module_lock();
	sc_p11_status status = wrap_locked(cfg, kek_label, key, key_len, out, out_cap, out_len, ckr);
	pthread_mutex_unlock(&lock);
	return status;
}

unsigned long sc_p11_unwrap_calls(void)
{
	module_lock();
	unsigned long n = mod.unwraps;
	pthread_mutex_unlock(&lock);
	return n;
}

size_t sc_p11_cached(void)
{
	size_t n = 0;
	module_lock();
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		n += mod.cache[i].bytes != NULL;
	}
	pthread_mutex_unlock(&lock);
	return n;
}

void sc_p11_shutdown(void)
{
	module_lock();
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		cache_entry *e = &mod.cache[i];
		if (e->bytes != NULL) {
			sc_arena_free(e->bytes, e->len);
		}
	}
	sodium_memzero(mod.cache, sizeof mod.cache);
	/* A child that never used the module holds the parent's copy of its
	 * state: finalising that would act on the parent's behalf. */
	if (mod.fn != NULL && mod.pid == getpid()) {
		(void) mod.fn->C_Finalize(NULL);
	}
	if (mod.handle != NULL) {
		dlclose(mod.handle);
	}
	free(mod.path);
	mod.handle = NULL;
	mod.fn = NULL;
	mod.path = NULL;
	mod.pid = 0;
	pthread_mutex_unlock(&lock);
}

const char *sc_p11_ckr_name(unsigned long ckr)
{
	switch (ckr) {
#define NAME(x) case x: return #x;
		NAME(CKR_GENERAL_ERROR) NAME(CKR_FUNCTION_FAILED) NAME(CKR_ARGUMENTS_BAD)
		NAME(CKR_DEVICE_ERROR) NAME(CKR_DEVICE_MEMORY) NAME(CKR_DEVICE_REMOVED)
		NAME(CKR_HOST_MEMORY) NAME(CKR_CANT_LOCK) NAME(CKR_CRYPTOKI_NOT_INITIALIZED)
		NAME(CKR_ENCRYPTED_DATA_INVALID) NAME(CKR_ENCRYPTED_DATA_LEN_RANGE)
		NAME(CKR_KEY_HANDLE_INVALID) NAME(CKR_KEY_TYPE_INCONSISTENT) NAME(CKR_KEY_FUNCTION_NOT_PERMITTED)
		NAME(CKR_KEY_UNEXTRACTABLE) NAME(CKR_MECHANISM_INVALID) NAME(CKR_MECHANISM_PARAM_INVALID)
		NAME(CKR_ATTRIBUTE_SENSITIVE) NAME(CKR_ATTRIBUTE_VALUE_INVALID) NAME(CKR_TEMPLATE_INCONSISTENT)
		NAME(CKR_TEMPLATE_INCOMPLETE) NAME(CKR_PIN_INCORRECT) NAME(CKR_PIN_INVALID) NAME(CKR_PIN_LEN_RANGE)
		NAME(CKR_PIN_EXPIRED) NAME(CKR_PIN_LOCKED) NAME(CKR_SESSION_COUNT) NAME(CKR_TOKEN_NOT_PRESENT)
		NAME(CKR_TOKEN_NOT_RECOGNIZED) NAME(CKR_UNWRAPPING_KEY_HANDLE_INVALID)
		NAME(CKR_UNWRAPPING_KEY_SIZE_RANGE) NAME(CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT)
		NAME(CKR_USER_NOT_LOGGED_IN) NAME(CKR_USER_PIN_NOT_INITIALIZED) NAME(CKR_WRAPPED_KEY_INVALID)
		NAME(CKR_WRAPPED_KEY_LEN_RANGE) NAME(CKR_WRAPPING_KEY_HANDLE_INVALID)
		NAME(CKR_WRAPPING_KEY_SIZE_RANGE) NAME(CKR_WRAPPING_KEY_TYPE_INCONSISTENT)
#undef NAME
		default: return NULL;
	}
}

#endif /* SC_HAVE_PKCS11 */

const char *sc_p11_status_text(sc_p11_status status)
{
	switch (status) {
		case SC_P11_OK: return "no error";
		case SC_P11_UNSUPPORTED: return "this build of sodium_crypt has no PKCS#11 support (build it where p11-kit's pkcs11.h is installed: libp11-kit-dev)";
		case SC_P11_NO_MODULE: return "no PKCS#11 module is configured (set sodium_crypt.pkcs11_module in php.ini)";
		case SC_P11_LOAD: return "the PKCS#11 module could not be loaded";
		case SC_P11_NOT_PKCS11: return "the library is not a PKCS#11 module (it has no C_GetFunctionList)";
		case SC_P11_INIT: return "the PKCS#11 module failed to initialise";
		case SC_P11_NO_TOKEN: return "the token is not present";
		case SC_P11_MANY_TOKENS: return "several tokens match (set sodium_crypt.pkcs11_token to the label of exactly one)";
		case SC_P11_NO_PIN: return "the token needs a login and no PIN is set (SODIUM_CRYPT_PKCS11_PIN in the environment)";
		case SC_P11_PIN: return "the token refused the PIN";
		case SC_P11_PIN_LOCKED: return "the token's user PIN is locked";
		case SC_P11_NO_KEK: return "the token holds no secret key with that label";
		case SC_P11_MANY_KEKS: return "the token holds several secret keys with that label";
		case SC_P11_NO_MECHANISM: return "the token offers no AES key wrap with padding (RFC 5649: CKM_AES_KEY_WRAP_KWP or CKM_AES_KEY_WRAP_PAD)";
		case SC_P11_BAD_WRAPPED: return "the wrapped key does not unwrap under that key-encryption key (another KEK, or damaged)";
		case SC_P11_BAD_LENGTH: return "the wrapped key is not an RFC 5649 wrap of a 16- to 64-byte key";
		case SC_P11_MEMORY: return "out of locked memory";
		case SC_P11_TOKEN_ERROR: return "the token reported an error";
	}
	return "unknown error";
}
