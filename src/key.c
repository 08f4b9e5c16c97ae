/* SodiumCrypt\Key: key bytes in the locked arena, never in a PHP string
 * unless exportBytes() is asked. */
#include "sc_php.h"
#include "zend_interfaces.h"
#include "key_arginfo.h"

#include <sodium.h>

zend_class_entry *sc_ce_Key;
static zend_object_handlers key_handlers;

#define KEY_MIN SC_MIN_KEYBYTES
#define KEY_MAX SC_MAX_KEYBYTES
#define Z_SC_KEY_P(zv) sc_key_from_obj(Z_OBJ_P(zv))

static zend_object *key_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_key_obj), &key_handlers);
}

static void key_free(zend_object *obj)
{
	sc_key_wipe(obj);
	zend_object_std_dtor(obj);
}

/* Gives an empty Key len zeroed bytes of locked memory; FAILURE (with an
 * exception) when the arena cannot hold them. */
static zend_result key_alloc(sc_key_obj *key, size_t len)
{
	key->ref.bytes = sc_arena_alloc(len);
	if (!key->ref.bytes) {
		sc_throw(sc_ce_CryptoException, "Cannot allocate locked memory for a key");
		return FAILURE;
	}
	key->ref.len = len;
	return SUCCESS;
}

static zend_result key_init(sc_key_obj *key, const uint8_t *bytes, size_t len)
{
	if (key_alloc(key, len) == FAILURE) {
		return FAILURE;
	}
	memcpy((uint8_t *) key->ref.bytes, bytes, len);
	return SUCCESS;
}

zend_object *sc_key_create_from(const uint8_t *bytes, size_t len)
{
	zend_object *obj = key_create(sc_ce_Key);
	if (key_init(sc_key_from_obj(obj), bytes, len) == FAILURE) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	return obj;
}

zend_object *sc_key_create_empty(size_t len)
{
	zend_object *obj = key_create(sc_ce_Key);
	if (key_alloc(sc_key_from_obj(obj), len) == FAILURE) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	return obj;
}

void sc_key_wipe(zend_object *obj)
{
	sc_key_obj *key = sc_key_from_obj(obj);
	if (key->blind_states) { /* its destructor wipes each state */
		zend_hash_destroy(key->blind_states);
		FREE_HASHTABLE(key->blind_states);
		key->blind_states = NULL;
	}
	sc_arena_free((void *) key->ref.bytes, key->ref.len);
	key->ref.bytes = NULL;
	key->ref.len = 0;
	key->has_id = false;
}

const sc_keyref *sc_key_live(zend_object *obj)
{
	sc_key_obj *key = sc_key_from_obj(obj);
	if (!key->ref.bytes) {
		sc_throw(sc_ce_CryptoException, "This key has been wiped (KeyContext::clear() or request end)");
		return NULL;
	}
	if (!key->has_id) {
		sc_key_id(key->ref.id, key->ref.bytes, key->ref.len);
		key->has_id = true;
	}
	return &key->ref;
}

const sc_keyref *sc_key_require_len(zend_object *key, size_t len, uint32_t arg_num)
{
	const sc_keyref *ref = sc_key_live(key);
	if (ref && ref->len != len) {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a %zu-byte key, %zu-byte key given", len, ref->len);
		return NULL;
	}
	return ref;
}

zend_result sc_key_require_fits(zend_object *key, const sc_cipher *cp, uint32_t arg_num)
{
	const sc_keyref *ref = sc_key_live(key);
	if (!ref) {
		return FAILURE;
	}
	if (ref->len != cp->key_bytes) {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a %u-byte key for %s, %zu-byte key given",
			cp->key_bytes, cp->name, ref->len);
		return FAILURE;
	}
	return SUCCESS;
}

static sc_key_obj *this_key(zval *this_ptr)
{
	return sc_key_live(Z_OBJ_P(this_ptr)) ? Z_SC_KEY_P(this_ptr) : NULL;
}

zend_string *sc_key_id_hex(const uint8_t id[SC_KEY_ID_BYTES])
{
	zend_string *hex = zend_string_alloc(2 * SC_KEY_ID_BYTES, 0);
	sodium_bin2hex(ZSTR_VAL(hex), 2 * SC_KEY_ID_BYTES + 1, id, SC_KEY_ID_BYTES);
	return hex;
}

/* var_dump(), print_r(), debug_zval_dump(): length and id, never bytes. */
static HashTable *key_get_debug_info(zend_object *obj, int *is_temp)
{
	sc_key_obj *key = sc_key_from_obj(obj);
	HashTable *ht = zend_new_array(2);
	zval zv;

	*is_temp = 1;
	ZVAL_LONG(&zv, (zend_long) key->ref.len);
	zend_hash_str_add_new(ht, "length", sizeof("length") - 1, &zv);
	if (key->ref.bytes && sc_key_live(obj)) {
		ZVAL_STR(&zv, sc_key_id_hex(key->ref.id));
		zend_hash_str_add_new(ht, "id", sizeof("id") - 1, &zv);
	}
	return ht;
}

/* == between two Keys compares the bytes in constant time; a Key never
 * equals anything else. */
static int key_compare(zval *a, zval *b)
{
	ZEND_COMPARE_OBJECTS_FALLBACK(a, b);
	if (Z_OBJCE_P(a) != sc_ce_Key || Z_OBJCE_P(b) != sc_ce_Key) {
		return ZEND_UNCOMPARABLE;
	}
	const sc_key_obj *x = Z_SC_KEY_P(a), *y = Z_SC_KEY_P(b);
	if (x->ref.len != y->ref.len || !x->ref.bytes || !y->ref.bytes) {
		return ZEND_UNCOMPARABLE;
	}
	return sodium_memcmp(x->ref.bytes, y->ref.bytes, x->ref.len) == 0 ? 0 : ZEND_UNCOMPARABLE;
}

PHP_METHOD(SodiumCrypt_Key, __construct)
{
	(void) return_value; /* private: Keys come from the static factories */
	ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(SodiumCrypt_Key, generate)
{
	zend_long bytes = 32;
	uint8_t buf[KEY_MAX];

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (bytes < KEY_MIN || bytes > KEY_MAX) {
		sc_argument_error(zend_ce_value_error, 1, "must be between %d and %d", KEY_MIN, KEY_MAX);
		RETURN_THROWS();
	}
	object_init_ex(return_value, sc_ce_Key);
	sc_random_buf(buf, (size_t) bytes);
	zend_result r = key_init(Z_SC_KEY_P(return_value), buf, (size_t) bytes);
	sodium_memzero(buf, sizeof buf);
	if (r == FAILURE) {
		zval_ptr_dtor(return_value);
		RETURN_THROWS();
	}
}

PHP_METHOD(SodiumCrypt_Key, fromBytes)
{
	zend_string *bytes;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(bytes) < KEY_MIN || ZSTR_LEN(bytes) > KEY_MAX) {
		sc_argument_error(zend_ce_value_error, 1, "must be %d to %d bytes long, %zu bytes given",
			KEY_MIN, KEY_MAX, ZSTR_LEN(bytes));
		RETURN_THROWS();
	}
	object_init_ex(return_value, sc_ce_Key);
	if (key_init(Z_SC_KEY_P(return_value), (const uint8_t *) ZSTR_VAL(bytes), ZSTR_LEN(bytes)) == FAILURE) {
		zval_ptr_dtor(return_value);
		RETURN_THROWS();
	}
}

PHP_METHOD(SodiumCrypt_Key, fromBase64)
{
	zend_string *encoded;
	uint8_t buf[KEY_MAX];
	size_t len = 0;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(encoded)
	ZEND_PARSE_PARAMETERS_END();

	if (!sc_b64_decode_key(buf, sizeof buf, &len, ZSTR_VAL(encoded), ZSTR_LEN(encoded)) || len < KEY_MIN) {
		sodium_memzero(buf, sizeof buf);
		sc_argument_error(zend_ce_value_error, 1,
			"must be base64 (optionally prefixed \"base64:\") of a %d- to %d-byte key", KEY_MIN, KEY_MAX);
		RETURN_THROWS();
	}
	object_init_ex(return_value, sc_ce_Key);
	zend_result r = key_init(Z_SC_KEY_P(return_value), buf, len);
	sodium_memzero(buf, sizeof buf);
	if (r == FAILURE) {
		zval_ptr_dtor(return_value);
		RETURN_THROWS();
	}
}

PHP_METHOD(SodiumCrypt_Key, length)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_key_obj *key = this_key(ZEND_THIS);
	if (!key) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) key->ref.len);
}

PHP_METHOD(SodiumCrypt_Key, id)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_key_obj *key = this_key(ZEND_THIS);
	if (!key) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(sc_key_id_hex(key->ref.id));
}

PHP_METHOD(SodiumCrypt_Key, equals)
{
	zval *other;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(other, sc_ce_Key)
	ZEND_PARSE_PARAMETERS_END();

	sc_key_obj *key = this_key(ZEND_THIS);
	if (!key) {
		RETURN_THROWS();
	}
	RETURN_BOOL(key_compare(ZEND_THIS, other) == 0);
}

PHP_METHOD(SodiumCrypt_Key, exportBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_key_obj *key = this_key(ZEND_THIS);
	if (!key) {
		RETURN_THROWS();
	}
	RETURN_STRINGL((const char *) key->ref.bytes, key->ref.len);
}

void sc_register_key(void)
{
	sc_ce_Key = register_class_SodiumCrypt_Key();
	sc_ce_Key->create_object = key_create;

	sc_object_handlers_init(&key_handlers, XtOffsetOf(sc_key_obj, std), key_free);
	key_handlers.get_debug_info = key_get_debug_info;
	key_handlers.compare = key_compare;
}
