/* SodiumCrypt\KeyWrap: a user's data key wrapped under a password (mode 3,
 * Argon2id with its limits recorded; mode 1, laravel-crypto's, still read)
 * or under the app key and user id (mode 2, BLAKE2b). */
#include "sc_php.h"
#include "key_wrap_arginfo.h"

#include <sodium.h>

static zend_class_entry *sc_ce_KeyWrap;
static zend_object_handlers key_wrap_handlers;

typedef struct {
	zend_long opslimit;
	zend_long memlimit;
	zend_object std;
} sc_key_wrap_obj;

static inline sc_key_wrap_obj *key_wrap_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_key_wrap_obj, obj);
}

static zend_object *key_wrap_create(zend_class_entry *ce)
{
	zend_object *obj = sc_object_create(ce, sizeof(sc_key_wrap_obj), &key_wrap_handlers);
	sc_key_wrap_obj *wrap = SC_OBJ_OF(sc_key_wrap_obj, obj);
	/* Not constructed yet: the INI limits. */
	wrap->opslimit = SC_G(argon2_opslimit);
	wrap->memlimit = SC_G(argon2_memlimit);
	return obj;
}

#define WANT_ANY 0
#define WANT_PASSWORD 1 /* mode 1 or 3 */
#define WANT_SERVER 2

/* The blob's mode, or 0 with a ValueError unless it is a well-formed blob of
 * the wanted kind. */
static int require_mode(const zend_string *blob, uint32_t arg_num, int want)
{
	int mode = sc_wrap_mode((const uint8_t *) ZSTR_VAL(blob), ZSTR_LEN(blob));
	bool fits = want == WANT_ANY ? mode != 0 : want == WANT_SERVER ? mode == 2 : (mode == 1 || mode == 3);
	if (fits) {
		return mode;
	}
	if (want == WANT_PASSWORD) {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a password-wrapped blob: %d bytes starting with 0x03 "
			"(or %d starting with 0x01), %zu bytes given", SC_WRAP_MODE3_BYTES, SC_WRAP_MODE1_BYTES, ZSTR_LEN(blob));
	} else if (want == WANT_SERVER) {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a mode 2 blob: %d bytes starting with 0x02, "
			"%zu bytes given", SC_WRAP_MODE2_BYTES, ZSTR_LEN(blob));
	} else {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a mode 1, 2 or 3 blob (%d bytes starting with 0x01, "
			"%d with 0x02, %d with 0x03), %zu bytes given",
			SC_WRAP_MODE1_BYTES, SC_WRAP_MODE2_BYTES, SC_WRAP_MODE3_BYTES, ZSTR_LEN(blob));
	}
	return 0;
}

/* The bounds mode 3 can record, so that whatever is wrapped unwraps. */
static zend_result check_limits(zend_long ops, zend_long mem)
{
	if (ops < (zend_long) crypto_pwhash_OPSLIMIT_MIN || (zend_ulong) ops > SC_WRAP_OPSLIMIT_MAX) {
		sc_argument_error(zend_ce_value_error, 1, "must be between %u and %llu", (unsigned) crypto_pwhash_OPSLIMIT_MIN,
			SC_WRAP_OPSLIMIT_MAX);
		return FAILURE;
	}
	if (mem < (zend_long) crypto_pwhash_MEMLIMIT_MIN || (zend_ulong) mem > SC_WRAP_MEMLIMIT_MAX) {
		sc_argument_error(zend_ce_value_error, 2, "must be between %u and %llu bytes",
			(unsigned) crypto_pwhash_MEMLIMIT_MIN, SC_WRAP_MEMLIMIT_MAX);
		return FAILURE;
	}
	return SUCCESS;
}

PHP_METHOD(SodiumCrypt_KeyWrap, __construct)
{
	zend_long ops = 0, mem = 0;
	bool ops_null = true, mem_null = true;
	sc_key_wrap_obj *wrap = key_wrap_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(ops, ops_null)
		Z_PARAM_LONG_OR_NULL(mem, mem_null)
	ZEND_PARSE_PARAMETERS_END();

	ops = ops_null ? SC_G(argon2_opslimit) : ops;
	mem = mem_null ? SC_G(argon2_memlimit) : mem;
	if (check_limits(ops, mem) == FAILURE) {
		RETURN_THROWS();
	}
	wrap->opslimit = ops;
	wrap->memlimit = mem;
}

PHP_METHOD(SodiumCrypt_KeyWrap, wrapWithPassword)
{
	zend_object *user_key;
	zend_string *password;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ_OF_CLASS(user_key, sc_ce_Key)
		Z_PARAM_STR(password)
	ZEND_PARSE_PARAMETERS_END();

	sc_key_wrap_obj *wrap = key_wrap_from_obj(Z_OBJ_P(ZEND_THIS));
	const sc_keyref *key = sc_key_require_len(user_key, SC_USER_KEY_BYTES, 1);
	if (!key) {
		RETURN_THROWS();
	}
	zend_string *blob = zend_string_alloc(SC_WRAP_MODE3_BYTES, 0);
	if (sc_wrap_password3((uint8_t *) ZSTR_VAL(blob), key->bytes, ZSTR_VAL(password), ZSTR_LEN(password),
			(unsigned long long) wrap->opslimit, (size_t) wrap->memlimit) != 0) {
		zend_string_efree(blob);
		sc_throw(sc_ce_CryptoException, "Argon2id could not run with a memory limit of " ZEND_LONG_FMT " bytes",
			wrap->memlimit);
		RETURN_THROWS();
	}
	ZSTR_VAL(blob)[SC_WRAP_MODE3_BYTES] = '\0';
	RETURN_NEW_STR(blob);
}

PHP_METHOD(SodiumCrypt_KeyWrap, wrapWithServerKey)
{
	zend_object *user_key, *app_key;
	zend_string *user_id;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJ_OF_CLASS(user_key, sc_ce_Key)
		Z_PARAM_OBJ_OF_CLASS(app_key, sc_ce_Key)
		Z_PARAM_STR(user_id)
	ZEND_PARSE_PARAMETERS_END();

	const sc_keyref *key = sc_key_require_len(user_key, SC_USER_KEY_BYTES, 1);
	const sc_keyref *app = key ? sc_key_live(app_key) : NULL;
	if (!app) {
		RETURN_THROWS();
	}
	zend_string *blob = zend_string_alloc(SC_WRAP_MODE2_BYTES, 0);
	sc_wrap_server((uint8_t *) ZSTR_VAL(blob), key->bytes, app->bytes, app->len, ZSTR_VAL(user_id), ZSTR_LEN(user_id));
	ZSTR_VAL(blob)[SC_WRAP_MODE2_BYTES] = '\0';
	RETURN_NEW_STR(blob);
}

/* Unwraps into a new Key's locked memory: the key never passes through a
 * PHP string or an unlocked buffer. */
#define UNWRAP_INTO_KEY(call) do { \
	zend_object *out = sc_key_create_empty(SC_USER_KEY_BYTES); \
	if (!out) { \
		RETURN_THROWS(); \
	} \
	uint8_t *dst = (uint8_t *) sc_key_from_obj(out)->ref.bytes; \
	if ((call) != 0) { \
		OBJ_RELEASE(out); \
		sc_throw_decryption_failed(); \
		RETURN_THROWS(); \
	} \
	RETURN_OBJ(out); \
} while (0)

PHP_METHOD(SodiumCrypt_KeyWrap, unwrapWithPassword)
{
	zend_string *blob, *password;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(blob)
		Z_PARAM_STR(password)
	ZEND_PARSE_PARAMETERS_END();

	sc_key_wrap_obj *wrap = key_wrap_from_obj(Z_OBJ_P(ZEND_THIS));
	int mode = require_mode(blob, 1, WANT_PASSWORD);
	if (!mode) {
		RETURN_THROWS();
	}
	/* Mode 3 under the limits it records, up to four times this object's:
	 * the limits are read before the tag can be checked, so a stored blob
	 * edited to record the ceiling must not buy hours of Argon2id. Mode 1
	 * records none: this object's. */
	unsigned long long max_ops = MIN((unsigned long long) wrap->opslimit * 4, SC_WRAP_OPSLIMIT_MAX);
	size_t max_mem = (size_t) MIN((unsigned long long) wrap->memlimit * 4, SC_WRAP_MEMLIMIT_MAX);
	unsigned long long ops;
	size_t mem;
	if (mode == 3 && sc_wrap_limits((const uint8_t *) ZSTR_VAL(blob), &ops, &mem) && (ops > max_ops || mem > max_mem)) {
		sc_throw(sc_ce_CryptoException, "This key is wrapped under Argon2id limits (ops %llu, memory %zu bytes) above four times "
			"this KeyWrap's (ops " ZEND_LONG_FMT ", memory " ZEND_LONG_FMT " bytes): refused before Argon2id runs. Raise the "
			"configured limits (sodium_crypt.argon2_opslimit/memlimit, or the KeyWrap's) to at least a quarter of the recorded ones.",
			ops, mem, wrap->opslimit, wrap->memlimit);
		RETURN_THROWS();
	}
	UNWRAP_INTO_KEY(mode == 3
		? sc_unwrap_password3(dst, (const uint8_t *) ZSTR_VAL(blob), ZSTR_VAL(password), ZSTR_LEN(password), max_ops, max_mem)
		: sc_unwrap_password(dst, (const uint8_t *) ZSTR_VAL(blob), ZSTR_VAL(password), ZSTR_LEN(password),
			(unsigned long long) wrap->opslimit, (size_t) wrap->memlimit));
}

PHP_METHOD(SodiumCrypt_KeyWrap, unwrapWithServerKey)
{
	zend_string *blob, *user_id;
	zend_object *app_key;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(blob)
		Z_PARAM_OBJ_OF_CLASS(app_key, sc_ce_Key)
		Z_PARAM_STR(user_id)
	ZEND_PARSE_PARAMETERS_END();

	if (!require_mode(blob, 1, WANT_SERVER)) {
		RETURN_THROWS();
	}
	const sc_keyref *app = sc_key_live(app_key);
	if (!app) {
		RETURN_THROWS();
	}
	UNWRAP_INTO_KEY(sc_unwrap_server(dst, (const uint8_t *) ZSTR_VAL(blob), app->bytes, app->len,
		ZSTR_VAL(user_id), ZSTR_LEN(user_id)));
}

PHP_METHOD(SodiumCrypt_KeyWrap, mode)
{
	zend_string *blob;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(blob)
	ZEND_PARSE_PARAMETERS_END();

	int mode = require_mode(blob, 1, WANT_ANY);
	if (!mode) {
		RETURN_THROWS();
	}
	RETURN_LONG(mode);
}

PHP_METHOD(SodiumCrypt_KeyWrap, needsRewrap)
{
	zend_string *blob;
	unsigned long long ops;
	size_t mem;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(blob)
	ZEND_PARSE_PARAMETERS_END();

	sc_key_wrap_obj *wrap = key_wrap_from_obj(Z_OBJ_P(ZEND_THIS));
	int mode = require_mode(blob, 1, WANT_ANY);
	if (!mode) {
		RETURN_THROWS();
	}
	if (mode == 2) {
		RETURN_FALSE;
	}
	RETURN_BOOL(mode == 1 || !sc_wrap_limits((const uint8_t *) ZSTR_VAL(blob), &ops, &mem)
		|| ops != (unsigned long long) wrap->opslimit
		|| mem != sc_wrap_memlimit_recorded((size_t) wrap->memlimit));
}

PHP_METHOD(SodiumCrypt_KeyWrap, opsLimit)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(key_wrap_from_obj(Z_OBJ_P(ZEND_THIS))->opslimit);
}

PHP_METHOD(SodiumCrypt_KeyWrap, memLimit)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(key_wrap_from_obj(Z_OBJ_P(ZEND_THIS))->memlimit);
}

void sc_register_key_wrap(void)
{
	sc_ce_KeyWrap = register_class_SodiumCrypt_KeyWrap();
	sc_ce_KeyWrap->create_object = key_wrap_create;

	sc_object_handlers_init(&key_wrap_handlers, XtOffsetOf(sc_key_wrap_obj, std), NULL);
}
