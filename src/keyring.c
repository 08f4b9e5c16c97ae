/* SodiumCrypt\Keyring: the engine behind Crypt::. Seals with the current key
 * in the configured format; opens V1 (key by id) and laravel-crypto
 * (current key, then previous ones) of its own cipher and of the ciphers it
 * was explicitly allowed to read, no others. */
#include "sc_php.h"
#include "zend_enum.h"
#include "keyring_arginfo.h"

zend_class_entry *sc_ce_Keyring;
static zend_object_handlers keyring_handlers;

typedef struct {
	const sc_cipher *cipher;
	sc_cipher_set also_read;  /* further ciphers it opens (never seals) */
	sc_format format;
	uint32_t nkeys;           /* [0] is the current key */
	zend_object **keys;       /* Key objects, referenced */
	sc_keyref *refs;          /* their bytes, refreshed at every use (this_keyring_live) */
	zend_object std;
} sc_keyring_obj;

static inline sc_keyring_obj *keyring_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_keyring_obj, obj);
}

static zend_object *keyring_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_keyring_obj), &keyring_handlers);
}

static void keyring_free(zend_object *obj)
{
	sc_keyring_obj *ring = keyring_from_obj(obj);
	if (ring->keys) { /* NULL when the constructor failed or never ran */
		for (uint32_t i = 0; i < ring->nkeys; i++) {
			OBJ_RELEASE(ring->keys[i]);
		}
		efree(ring->keys);
		efree(ring->refs);
	}
	zend_object_std_dtor(obj);
}

static sc_keyring_obj *this_keyring(zval *this_ptr)
{
	sc_keyring_obj *ring = keyring_from_obj(Z_OBJ_P(this_ptr));
	if (!ring->cipher) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return ring;
}

/* The ring, its key bytes looked up afresh: a key wiped since construction
 * (KeyContext::clear()) makes the ring fail closed. */
static sc_keyring_obj *this_keyring_live(zval *this_ptr)
{
	sc_keyring_obj *ring = this_keyring(this_ptr);
	for (uint32_t i = 0; ring && i < ring->nkeys; i++) {
		const sc_keyref *ref = sc_key_live(ring->keys[i]);
		if (!ref) {
			return NULL;
		}
		ring->refs[i] = *ref;
	}
	return ring;
}

static sc_format format_from_case(zend_object *format_case)
{
	return zend_string_equals_literal(Z_STR_P(zend_enum_fetch_case_name(format_case)), "V1")
		? SC_FORMAT_V1 : SC_FORMAT_LARAVEL_CRYPTO;
}

static zend_object *format_case(sc_format format)
{
	return zend_enum_get_case_cstr(sc_ce_PayloadFormat, format == SC_FORMAT_V1 ? "V1" : "LaravelCrypto");
}

/* Every element an object of ce; else a TypeError naming argument arg_num. */
static bool all_of_class(HashTable *ht, zend_class_entry *ce, uint32_t arg_num, const char *what)
{
	zval *entry;
	zend_ulong index;
	zend_string *name;
	ZEND_HASH_FOREACH_KEY_VAL(ht, index, name, entry) {
		ZVAL_DEREF(entry);
		if (Z_TYPE_P(entry) != IS_OBJECT || Z_OBJCE_P(entry) != ce) {
			sc_element_type_error(arg_num, what, entry, name, index);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

PHP_METHOD(SodiumCrypt_Keyring, __construct)
{
	zend_object *cipher_case, *current, *format_case = NULL;
	HashTable *previous = NULL, *also_read = NULL;
	sc_keyring_obj *ring = keyring_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 5)
		Z_PARAM_OBJ_OF_CLASS(cipher_case, sc_ce_Cipher)
		Z_PARAM_OBJ_OF_CLASS(current, sc_ce_Key)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(previous)
		Z_PARAM_OBJ_OF_CLASS(format_case, sc_ce_PayloadFormat)
		Z_PARAM_ARRAY_HT(also_read)
	ZEND_PARSE_PARAMETERS_END();

	if (ring->cipher) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\Keyring::__construct() twice");
		RETURN_THROWS();
	}
	const sc_cipher *cp = sc_cipher_from_case(cipher_case);
	sc_format format = format_case ? format_from_case(format_case) : SC_FORMAT_V1;
	if (format == SC_FORMAT_V1 && !cp->takes_ad) {
		sc_argument_error(zend_ce_value_error, 4, "cannot be PayloadFormat::V1 for %s: V1 authenticates its "
			"header as associated data, which %s does not take; use PayloadFormat::LaravelCrypto", cp->name, cp->name);
		RETURN_THROWS();
	}
	if (sc_cipher_require(cp) == FAILURE || sc_key_require_fits(current, cp, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if ((previous && !all_of_class(previous, sc_ce_Key, 3, "SodiumCrypt\\Key objects"))
			|| (also_read && !all_of_class(also_read, sc_ce_Cipher, 5, "SodiumCrypt\\Cipher cases"))) {
		RETURN_THROWS();
	}
	zval *entry;
	sc_cipher_set readable = 0;
	if (also_read) {
		/* A cipher this machine lacks is allowed, and simply never opens anything. */
		ZEND_HASH_FOREACH_VAL(also_read, entry) {
			ZVAL_DEREF(entry);
			readable |= SC_CIPHER_BIT(sc_cipher_from_case(Z_OBJ_P(entry))->id);
		} ZEND_HASH_FOREACH_END();
	}

	uint32_t n = 1 + (previous ? zend_hash_num_elements(previous) : 0);
	ring->keys = safe_emalloc(n, sizeof(zend_object *), 0);
	ring->refs = safe_emalloc(n, sizeof(sc_keyref), 0);
	ring->keys[0] = current;
	if (previous) {
		uint32_t i = 1;
		ZEND_HASH_FOREACH_VAL(previous, entry) {
			ZVAL_DEREF(entry);
			ring->keys[i++] = Z_OBJ_P(entry);
		} ZEND_HASH_FOREACH_END();
	}
	for (uint32_t i = 0; i < n; i++) {
		GC_ADDREF(ring->keys[i]);
	}
	ring->nkeys = n;
	ring->also_read = readable & ~SC_CIPHER_BIT(cp->id);
	ring->format = format;
	ring->cipher = cp;
}

/* Seals one string, bound (always V1) or not; NULL with an exception when it is too long. */
static zend_string *ring_seal(const sc_keyring_obj *ring, const sc_binding *bind, const zend_string *pt)
{
	sc_format format = bind ? SC_FORMAT_V1 : ring->format;
	size_t len = sc_seal_len(format, ring->cipher, ZSTR_LEN(pt));
	if (len == SIZE_MAX || len > ZSTR_MAX_LEN) {
		sc_throw(sc_ce_CryptoException, "The plaintext is too long to seal");
		return NULL;
	}
	zend_string *out = zend_string_alloc(len, 0);
	sc_seal(format, ring->cipher, &ring->refs[0], bind, ZSTR_VAL(out),
		(const uint8_t *) ZSTR_VAL(pt), ZSTR_LEN(pt));
	ZSTR_VAL(out)[len] = '\0';
	return out;
}

/* Opens one payload; NULL with an exception when it does not open. */
static zend_string *ring_open(const sc_keyring_obj *ring, const sc_binding *bind, const zend_string *payload)
{
	zend_string *out = zend_string_alloc(sc_open_buf_len(ZSTR_LEN(payload)), 0);
	const sc_cipher *payload_cipher;
	size_t len;
	sc_open_result r = sc_open(ring->cipher, ring->also_read, ring->refs, ring->nkeys, bind, (uint8_t *) ZSTR_VAL(out), &len,
		ZSTR_VAL(payload), ZSTR_LEN(payload), &payload_cipher);
	if (r != SC_OPEN_OK) {
		zend_string_efree(out);
		if (r == SC_OPEN_UNAVAILABLE) {
			sc_cipher_require(payload_cipher);
		} else {
			sc_throw_decryption_failed();
		}
		return NULL;
	}
	/* Like base64_decode(): keep the allocation, shorten the string. */
	ZSTR_LEN(out) = len;
	ZSTR_VAL(out)[len] = '\0';
	return out;
}

/* Unbound, as sc_string_fn for sealMany()/openMany() and the C API. */
static zend_string *seal_one(void *ctx, const zend_string *pt)
{
	return ring_seal(ctx, NULL, pt);
}

static zend_string *open_one(void *ctx, const zend_string *payload)
{
	return ring_open(ctx, NULL, payload);
}

/* For the C API: seal()/open() of a Keyring object. */
static zend_result ring_call(zend_object *obj, zend_string *in, zend_string **out, sc_string_fn fn)
{
	zval this_zv;
	ZVAL_OBJ(&this_zv, obj);
	sc_keyring_obj *ring = this_keyring_live(&this_zv);
	*out = ring ? fn(ring, in) : NULL;
	return *out ? SUCCESS : FAILURE;
}

zend_result sc_keyring_seal(zend_object *keyring, zend_string *plaintext, zend_string **out)
{
	return ring_call(keyring, plaintext, out, seal_one);
}

zend_result sc_keyring_open(zend_object *keyring, zend_string *payload, zend_string **out)
{
	return ring_call(keyring, payload, out, open_one);
}

/* seal() and open(): one string, with its optional binding (argument 2). */
static void one_string(INTERNAL_FUNCTION_PARAMETERS,
	zend_string *(*fn)(const sc_keyring_obj *ring, const sc_binding *bind, const zend_string *in))
{
	zend_string *in, *binding = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(in)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(binding)
	ZEND_PARSE_PARAMETERS_END();

	sc_keyring_obj *ring = this_keyring_live(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	sc_binding bind;
	if (binding) {
		if (!ring->cipher->takes_ad) {
			sc_argument_error(zend_ce_value_error, 2, "needs a cipher with associated data, and %s has none",
				ring->cipher->name);
			RETURN_THROWS();
		}
		sc_binding_init(&bind, (const uint8_t *) ZSTR_VAL(binding), ZSTR_LEN(binding));
	}
	zend_string *out = fn(ring, binding ? &bind : NULL, in);
	if (!out) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(out);
}

/* sealMany() and openMany(): every string of an array through fn. */
static void many_strings(INTERNAL_FUNCTION_PARAMETERS, sc_string_fn fn)
{
	HashTable *in;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(in)
	ZEND_PARSE_PARAMETERS_END();

	sc_keyring_obj *ring = this_keyring_live(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	sc_map_strings(return_value, in, 1, fn, ring);
}

PHP_METHOD(SodiumCrypt_Keyring, seal)
{
	one_string(INTERNAL_FUNCTION_PARAM_PASSTHRU, ring_seal);
}

PHP_METHOD(SodiumCrypt_Keyring, open)
{
	one_string(INTERNAL_FUNCTION_PARAM_PASSTHRU, ring_open);
}

PHP_METHOD(SodiumCrypt_Keyring, sealMany)
{
	many_strings(INTERNAL_FUNCTION_PARAM_PASSTHRU, seal_one);
}

PHP_METHOD(SodiumCrypt_Keyring, openMany)
{
	many_strings(INTERNAL_FUNCTION_PARAM_PASSTHRU, open_one);
}

/* sc_payload_inspect() with the ring's keys. A V1 payload is read from its
 * header alone; a laravel-crypto one is opened in a scratch buffer, which the
 * core leaves wiped. */
static bool ring_inspect(const sc_keyring_obj *ring, const zend_string *payload, sc_payload_info *info)
{
	uint8_t *buf = sc_payload_is_v1(ZSTR_VAL(payload), ZSTR_LEN(payload)) ? NULL : emalloc(sc_open_buf_len(ZSTR_LEN(payload)));
	bool known = sc_payload_inspect(ring->cipher, ring->also_read, ring->refs, ring->nkeys, buf,
		ZSTR_VAL(payload), ZSTR_LEN(payload), info);
	if (buf) {
		efree(buf);
	}
	return known;
}

PHP_METHOD(SodiumCrypt_Keyring, isCurrent)
{
	zend_string *payload;
	bool bound = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(payload)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(bound)
	ZEND_PARSE_PARAMETERS_END();

	sc_keyring_obj *ring = this_keyring_live(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	/* Bound payloads are V1 whatever the ring writes; V1 is judged by its header. */
	if (bound || ring->format == SC_FORMAT_V1) {
		RETURN_BOOL(sc_payload_is_current(ring->cipher, ring->refs[0].id, bound, ZSTR_VAL(payload), ZSTR_LEN(payload)));
	}
	sc_payload_info info;
	RETURN_BOOL(ring_inspect(ring, payload, &info) && info.format == SC_FORMAT_LARAVEL_CRYPTO
		&& info.cipher == ring->cipher && info.key == 0);
}

PHP_METHOD(SodiumCrypt_Keyring, inspect)
{
	zend_string *payload;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(payload)
	ZEND_PARSE_PARAMETERS_END();

	sc_keyring_obj *ring = this_keyring_live(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	sc_payload_info info;
	if (!ring_inspect(ring, payload, &info)) {
		RETURN_NULL();
	}
	zval zv;
	array_init_size(return_value, 5);
	ZVAL_OBJ_COPY(&zv, format_case(info.format));
	zend_hash_str_add_new(Z_ARRVAL_P(return_value), ZEND_STRL("format"), &zv);
	ZVAL_OBJ_COPY(&zv, sc_cipher_case(info.cipher));
	zend_hash_str_add_new(Z_ARRVAL_P(return_value), ZEND_STRL("cipher"), &zv);
	ZVAL_BOOL(&zv, info.bound);
	zend_hash_str_add_new(Z_ARRVAL_P(return_value), ZEND_STRL("bound"), &zv);
	if (info.key == SC_NO_KEY) {
		ZVAL_NULL(&zv);
	} else {
		ZVAL_LONG(&zv, (zend_long) info.key);
	}
	zend_hash_str_add_new(Z_ARRVAL_P(return_value), ZEND_STRL("key"), &zv);
	ZVAL_STR(&zv, sc_key_id_hex(info.key_id));
	zend_hash_str_add_new(Z_ARRVAL_P(return_value), ZEND_STRL("keyId"), &zv);
}

PHP_METHOD(SodiumCrypt_Keyring, cipher)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_keyring_obj *ring = this_keyring(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(sc_cipher_case(ring->cipher));
}

PHP_METHOD(SodiumCrypt_Keyring, format)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_keyring_obj *ring = this_keyring(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(format_case(ring->format));
}

PHP_METHOD(SodiumCrypt_Keyring, currentKey)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_keyring_obj *ring = this_keyring(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(ring->keys[0]);
}

PHP_METHOD(SodiumCrypt_Keyring, previousKeys)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_keyring_obj *ring = this_keyring(ZEND_THIS);
	if (!ring) {
		RETURN_THROWS();
	}
	array_init_size(return_value, ring->nkeys - 1);
	for (uint32_t i = 1; i < ring->nkeys; i++) {
		zval key;
		ZVAL_OBJ_COPY(&key, ring->keys[i]);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(return_value), &key);
	}
}

void sc_register_keyring(void)
{
	sc_ce_Keyring = register_class_SodiumCrypt_Keyring();
	sc_ce_Keyring->create_object = keyring_create;

	sc_object_handlers_init(&keyring_handlers, XtOffsetOf(sc_keyring_obj, std), keyring_free);
}
