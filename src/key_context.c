/* SodiumCrypt\KeyContext: the request's user key. The context owns a copy in
 * the locked arena; clear() — and request shutdown, whatever the script did —
 * wipes it, and every Key handed out by get() is that object, so nothing
 * obtained from the context outlives clear() with bytes in it. */
#include "sc_php.h"
#include "key_context_arginfo.h"

static zend_class_entry *sc_ce_KeyContext;

void sc_key_context_clear(void)
{
	zend_object *key = SC_G(context_key);
	if (key) {
		SC_G(context_key) = NULL;
		sc_key_wipe(key);
		OBJ_RELEASE(key);
	}
}

PHP_METHOD(SodiumCrypt_KeyContext, __construct)
{
	(void) return_value; /* private: KeyContext is static only */
	ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(SodiumCrypt_KeyContext, set)
{
	zend_object *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(key, sc_ce_Key)
	ZEND_PARSE_PARAMETERS_END();

	const sc_keyref *ref = sc_key_live(key);
	if (!ref) {
		RETURN_THROWS();
	}
	zend_object *copy = sc_key_create_from(ref->bytes, ref->len);
	if (!copy) {
		RETURN_THROWS();
	}
	sc_key_from_obj(copy)->in_context = true;
	sc_key_context_clear();
	SC_G(context_key) = copy;
#ifdef SC_TEST_HOOKS
	SC_G(context_last_bytes) = sc_key_from_obj(copy)->ref.bytes;
	SC_G(context_last_len) = ref->len;
#endif
}

PHP_METHOD(SodiumCrypt_KeyContext, get)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (!SC_G(context_key)) {
		sc_throw(sc_ce_MissingKeyContext, "No user key is set for this request: call KeyContext::set() first "
			"(the BootPerUserEncryption middleware does)");
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(SC_G(context_key));
}

PHP_METHOD(SodiumCrypt_KeyContext, has)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(SC_G(context_key) != NULL);
}

PHP_METHOD(SodiumCrypt_KeyContext, clear)
{
	(void) return_value;
	ZEND_PARSE_PARAMETERS_NONE();
	sc_key_context_clear();
}

#define TOKEN_CHARS 43 /* base64url of 32 bytes, unpadded */

PHP_METHOD(SodiumCrypt_KeyContext, fromToken)
{
	zend_string *token;
	size_t len;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(token)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(token) != TOKEN_CHARS) {
		sc_argument_error(zend_ce_value_error, 1, "must be a base64url token of a %d-byte key (%d characters)",
			SC_USER_KEY_BYTES, TOKEN_CHARS);
		RETURN_THROWS();
	}
	zend_object *key = sc_key_create_empty(SC_USER_KEY_BYTES);
	if (!key) {
		RETURN_THROWS();
	}
	if (!sc_b64_decode_ct((uint8_t *) sc_key_from_obj(key)->ref.bytes, SC_USER_KEY_BYTES, &len,
			ZSTR_VAL(token), ZSTR_LEN(token)) || len != SC_USER_KEY_BYTES) {
		OBJ_RELEASE(key);
		sc_argument_error(zend_ce_value_error, 1, "must be a base64url token of a %d-byte key (%d characters)",
			SC_USER_KEY_BYTES, TOKEN_CHARS);
		RETURN_THROWS();
	}
	RETURN_OBJ(key);
}

PHP_METHOD(SodiumCrypt_KeyContext, toToken)
{
	zend_object *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(key, sc_ce_Key)
	ZEND_PARSE_PARAMETERS_END();

	const sc_keyref *ref = sc_key_require_len(key, SC_USER_KEY_BYTES, 1);
	if (!ref) {
		RETURN_THROWS();
	}
	zend_string *token = zend_string_alloc(TOKEN_CHARS, 0); /* + the NUL the encoder writes */
	sc_b64_encode_ct(ZSTR_VAL(token), ref->bytes, ref->len);
	RETURN_NEW_STR(token);
}

void sc_register_key_context(void)
{
	sc_ce_KeyContext = register_class_SodiumCrypt_KeyContext();
}
