/* What the PHP classes of sodium_crypt share, one section per file that
 * serves the others. Private to the extension: the public C API is
 * include/php_sodium_crypt.h. */
#ifndef SC_PHP_H
#define SC_PHP_H

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_attributes.h"
#include "core/sc_core.h"

/* ---- sodium_crypt.c: the module, its globals, exceptions and PayloadFormat ---- */

ZEND_BEGIN_MODULE_GLOBALS(sodium_crypt)
	zend_long argon2_opslimit;
	zend_long argon2_memlimit;
	zend_object *context_key;  /* KeyContext's Key, NULL when clear */
	char *pkcs11_module;       /* path of the PKCS#11 library (system setting) */
	char *pkcs11_token;        /* label of the token to use; empty: the only one */
#ifdef SC_TEST_HOOKS
	/* For the test hook: where this thread's last context key lived. */
	const uint8_t *context_last_bytes;
	size_t context_last_len;
#endif
ZEND_END_MODULE_GLOBALS(sodium_crypt)
ZEND_EXTERN_MODULE_GLOBALS(sodium_crypt)
#define SC_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(sodium_crypt, v)

extern zend_class_entry *sc_ce_CryptoException;
extern zend_class_entry *sc_ce_DecryptionFailed;
extern zend_class_entry *sc_ce_MissingKeyContext;
extern zend_class_entry *sc_ce_PayloadFormat;

/* Class registration, called from MINIT in dependency order: one per class file. */
void sc_register_cipher(void);
void sc_register_key(void);
void sc_register_aead(void);
void sc_register_keyring(void);
void sc_register_key_wrap(void);
void sc_register_key_context(void);
void sc_register_blind_index(void);
void sc_register_hasher(void);
void sc_register_signing_key(void);
void sc_register_stream_sealer(void);
void sc_register_stream_opener(void);
void sc_register_pkcs11(void);

/* ---- sc_php.c: below the class files; it knows no class but the exceptions ---- */

/* The struct of type whose last member, std, is obj: every class's object
 * is its own struct with the zend_object at the end. */
#define SC_OBJ_OF(type, obj) ((type *) ((char *) (obj) - XtOffsetOf(type, std)))
/* create_object for such a struct of size bytes: zeroed, std initialised,
 * the class's handlers (sc_object_handlers_init()) set. */
zend_object *sc_object_create(zend_class_entry *ce, size_t size, const zend_object_handlers *handlers);
/* A class's handlers: the standard ones, the struct's offset, its free_obj
 * (NULL: the standard one), and no clone_obj (no object is ever cloned: a
 * copy of key material would outlive the one KeyContext::clear() wipes). */
void sc_object_handlers_init(zend_object_handlers *handlers, size_t offset, zend_object_free_obj_t free_obj);
/* The Error of a method called on an object whose constructor never ran. */
ZEND_COLD void sc_throw_unconstructed(const zend_object *obj);

/* Exceptions and argument errors with no argument values in their trace. */
ZEND_COLD void sc_throw(zend_class_entry *ce, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
ZEND_COLD void sc_argument_error(zend_class_entry *ce, uint32_t arg_num, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
ZEND_COLD void sc_throw_decryption_failed(void);
/* TypeError for an array argument holding an element that is not `what`. */
ZEND_COLD void sc_element_type_error(uint32_t arg_num, const char *what, zval *entry, zend_string *key, zend_ulong index);

/* Maps every value of an array argument (strings only) through fn into a new
 * array with the same keys: sealMany(), openMany(), computeMany(). All or
 * nothing: on any exception return_value is left undefined. */
typedef zend_string *(*sc_string_fn)(void *ctx, const zend_string *in);
void sc_map_strings(zval *return_value, HashTable *in, uint32_t arg_num, sc_string_fn fn, void *ctx);

/* ---- cipher.c: SodiumCrypt\Cipher ---- */

extern zend_class_entry *sc_ce_Cipher;
const sc_cipher *sc_cipher_from_case(zend_object *cipher_case);
zend_object *sc_cipher_case(const sc_cipher *cp);
/* Throws CryptoException and returns FAILURE when the cipher cannot run here. */
zend_result sc_cipher_require(const sc_cipher *cp);

/* ---- key.c: SodiumCrypt\Key ---- */

extern zend_class_entry *sc_ce_Key;

typedef struct {
	sc_keyref ref;      /* ref.bytes point into the locked arena */
	bool has_id;        /* ref.id computed (lazily: one BLAKE2b, not always needed) */
	bool in_context;    /* KeyContext's own copy, which clear() wipes */
	/* BlindIndex's column states derived from these bytes (column => state
	 * in the arena), NULL until one is made: wiped and freed with the bytes. */
	HashTable *blind_states;
	zend_object std;
} sc_key_obj;

static inline sc_key_obj *sc_key_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_key_obj, obj);
}

/* A new Key object holding a copy of len bytes (16..64); NULL with an
 * exception when the arena is exhausted. */
zend_object *sc_key_create_from(const uint8_t *bytes, size_t len);
/* A new Key with len zeroed bytes for the caller to fill in place (unwrap
 * writes straight into locked memory); NULL with an exception. */
zend_object *sc_key_create_empty(size_t len);
/* Wipes and drops the bytes of a Key, and what was derived from them
 * (blind_states): every holder sees it as cleared (KeyContext::clear()). */
void sc_key_wipe(zend_object *key);
/* The bytes (and id) of a Key, or NULL after throwing CryptoException when
 * they have been wiped. Holders call this at every use: a key pointer is
 * never cached. */
const sc_keyref *sc_key_live(zend_object *key);
/* A key id as Key::id() shows it: 8 lower-case hex digits. */
zend_string *sc_key_id_hex(const uint8_t id[SC_KEY_ID_BYTES]);
/* The bytes of a live key of exactly len bytes, or NULL with a ValueError
 * for argument arg_num (CryptoException for a wiped key). */
const sc_keyref *sc_key_require_len(zend_object *key, size_t len, uint32_t arg_num);
/* Throws (ValueError, or CryptoException for a wiped key) unless key fits cp. */
zend_result sc_key_require_fits(zend_object *key, const sc_cipher *cp, uint32_t arg_num);

/* ---- key_context.c: SodiumCrypt\KeyContext ---- */

/* KeyContext::clear(), also run at request shutdown. */
void sc_key_context_clear(void);

/* ---- keyring.c, blind_index.c: what the C API (api.c) and the test hooks reach ---- */

extern zend_class_entry *sc_ce_Keyring;
zend_result sc_keyring_seal(zend_object *keyring, zend_string *plaintext, zend_string **out);
zend_result sc_keyring_open(zend_object *keyring, zend_string *payload, zend_string **out);

extern zend_class_entry *sc_ce_BlindIndex;
zend_result sc_blind_index_compute(zend_object *blind_index, zend_string *value, zend_string *column,
	bool normalise, zend_string **out);
/* How many column hashing states are cached for a BlindIndex's key (test hook). */
uint32_t sc_blind_index_cached(zend_object *blind_index);

/* ---- api.c: the versioned C API ---- */

/* Fills the API tables; MINIT, once the class entries exist. */
void sc_api_init(void);

#endif
