/*
 * sodium_crypt: authenticated encryption for PHP on libsodium.
 *
 * This header is the C API for other extensions, and nothing else (installed
 * under ext/sodium_crypt/; the module entry is in src/sodium_crypt_module.h).
 * A consumer asks the loaded sodium_crypt for a table of
 * function pointers by version:
 *
 *     php_sodium_crypt_api_status status;
 *     const php_sodium_crypt_api_v1 *sc = php_sodium_crypt_api_v1_fetch(&status);
 *     if (!sc) { ... status says: not loaded, or no such version ... }
 *     zend_string *payload;
 *     if (sc->keyring_seal(ring_object, plaintext, &payload) == SUCCESS) { ... }
 *
 * The fetch looks the getter up through the module's own dlopen() handle,
 * so it works whatever the load order and whether or not the two modules'
 * symbols are global; call it after MINIT (in RINIT or on first use), when
 * every extension has been loaded. The first two fields of every table,
 * version and size, never move; a version once served is served for good.
 */
#ifndef PHP_SODIUM_CRYPT_H
#define PHP_SODIUM_CRYPT_H

#include "php.h"

#define PHP_SODIUM_CRYPT_VERSION "0.9.0"

/* ---- the versioned C API ---- */

#define PHP_SODIUM_CRYPT_API_GETTER "php_sodium_crypt_get_api"

/* Marks that getter, the one symbol the module exports: PHP builds
 * extensions with hidden visibility. */
#if defined(PHP_WIN32)
# define PHP_SODIUM_CRYPT_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
# define PHP_SODIUM_CRYPT_API __attribute__((visibility("default")))
#else
# define PHP_SODIUM_CRYPT_API
#endif

#define PHP_SODIUM_CRYPT_API_LATEST 1

typedef enum {
	PHP_SODIUM_CRYPT_API_OK = 0,
	PHP_SODIUM_CRYPT_API_NOT_LOADED = 1,      /* sodium_crypt is not loaded (or not started) */
	PHP_SODIUM_CRYPT_API_WRONG_VERSION = 2,   /* it is, but does not serve that version */
} php_sodium_crypt_api_status;

/*
 * Version 1. Functions that can fail return FAILURE with a PHP exception
 * thrown (DecryptionFailed, CryptoException, …), as the PHP methods do;
 * objects must be instances of the classes named.
 */
typedef struct php_sodium_crypt_api_v1 {
	uint32_t version;                     /* 1 */
	uint32_t size;                        /* sizeof(php_sodium_crypt_api_v1) */
	const char *extension_version;        /* PHP_SODIUM_CRYPT_VERSION of the loaded module */

	zend_class_entry *ce_key;             /* SodiumCrypt\Key */
	zend_class_entry *ce_keyring;         /* SodiumCrypt\Keyring */
	zend_class_entry *ce_blind_index;     /* SodiumCrypt\BlindIndex */

	/* Keyring::seal() / Keyring::open(): *out is a new string on SUCCESS. */
	zend_result (*keyring_seal)(zend_object *keyring, zend_string *plaintext, zend_string **out);
	zend_result (*keyring_open)(zend_object *keyring, zend_string *payload, zend_string **out);

	/* KeyContext::has() / KeyContext::get(): the request's Key, borrowed
	 * (valid until KeyContext::clear() or request end), or NULL. */
	bool (*context_has)(void);
	zend_object *(*context_get)(void);

	/* BlindIndex::compute() without a context array. */
	zend_result (*blind_index_compute)(zend_object *blind_index, zend_string *value, zend_string *column,
		bool normalise, zend_string **out);
} php_sodium_crypt_api_v1;

/* The one exported function: the table of that version, or NULL with *status set. */
typedef const void *(*php_sodium_crypt_get_api_fn)(uint32_t version, php_sodium_crypt_api_status *status);

/* For consumers: the getter of the loaded sodium_crypt, found through its
 * module handle (RTLD_LOCAL-safe), or in the executable for a static build. */
static inline php_sodium_crypt_get_api_fn php_sodium_crypt_getter(void)
{
	zend_module_entry *module = zend_hash_str_find_ptr(&module_registry, "sodium_crypt", sizeof("sodium_crypt") - 1);
	if (!module || !module->module_started) {
		return NULL;
	}
#if defined(HAVE_LIBDL) || defined(PHP_WIN32)
	void *handle = module->handle;
# ifndef PHP_WIN32
	if (!handle) { /* compiled into PHP */
		handle = RTLD_DEFAULT;
	}
# endif
	return (php_sodium_crypt_get_api_fn) DL_FETCH_SYMBOL(handle, PHP_SODIUM_CRYPT_API_GETTER);
#else
	return NULL;
#endif
}

static inline const void *php_sodium_crypt_api_fetch(uint32_t version, php_sodium_crypt_api_status *status)
{
	php_sodium_crypt_get_api_fn get = php_sodium_crypt_getter();
	if (!get) {
		*status = PHP_SODIUM_CRYPT_API_NOT_LOADED;
		return NULL;
	}
	return get(version, status);
}

static inline const php_sodium_crypt_api_v1 *php_sodium_crypt_api_v1_fetch(php_sodium_crypt_api_status *status)
{
	return (const php_sodium_crypt_api_v1 *) php_sodium_crypt_api_fetch(1, status);
}

#endif
