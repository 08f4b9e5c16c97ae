/* SodiumCrypt\Aead: one cipher, one key, a fresh random nonce a message. */
#include "sc_php.h"
#include "aead_arginfo.h"

static zend_class_entry *sc_ce_Aead;
static zend_object_handlers aead_handlers;

typedef struct {
	const sc_cipher *cipher;
	size_t tag_len;
	zend_object *key;         /* a Key, referenced */
	zend_object std;
} sc_aead_obj;

static inline sc_aead_obj *aead_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_aead_obj, obj);
}

static zend_object *aead_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_aead_obj), &aead_handlers);
}

static void aead_free(zend_object *obj)
{
	sc_aead_obj *aead = aead_from_obj(obj);
	if (aead->key) {
		OBJ_RELEASE(aead->key);
	}
	zend_object_std_dtor(obj);
}

static sc_aead_obj *this_aead(zval *this_ptr)
{
	sc_aead_obj *aead = aead_from_obj(Z_OBJ_P(this_ptr));
	if (!aead->cipher) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return aead;
}

PHP_METHOD(SodiumCrypt_Aead, __construct)
{
	zend_object *cipher_case, *key_obj;
	zend_long tag_bytes = 0;
	sc_aead_obj *aead = aead_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJ_OF_CLASS(cipher_case, sc_ce_Cipher)
		Z_PARAM_OBJ_OF_CLASS(key_obj, sc_ce_Key)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(tag_bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (aead->cipher) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\Aead::__construct() twice");
		RETURN_THROWS();
	}
	const sc_cipher *cp = sc_cipher_from_case(cipher_case);
	size_t tag_len = tag_bytes == 0 ? cp->tag_bytes : (size_t) tag_bytes;
	if (tag_bytes < 0 || !sc_cipher_tag_ok(cp, tag_len)) {
		if (cp->tag_bytes == 32) {
			sc_argument_error(zend_ce_value_error, 3, "must be 0, 16 or 32 for %s", cp->name);
		} else {
			sc_argument_error(zend_ce_value_error, 3, "must be 0 or %u for %s", cp->tag_bytes, cp->name);
		}
		RETURN_THROWS();
	}
	if (sc_cipher_require(cp) == FAILURE || sc_key_require_fits(key_obj, cp, 2) == FAILURE) {
		RETURN_THROWS();
	}
	if (!sc_cipher_tag_available(cp, tag_len)) {
		sc_throw(sc_ce_CryptoException, "%s with %zu-byte tags is not available here: "
			"libsodium's AEGIS has 256-bit tags only and this CPU has no AES instructions", cp->name, tag_len);
		RETURN_THROWS();
	}
	GC_ADDREF(key_obj);
	aead->key = key_obj;
	aead->tag_len = tag_len;
	aead->cipher = cp;
}

/* encrypt() and decrypt(): (string, AD = "") through the box of the cipher. */
static void crypt_box(INTERNAL_FUNCTION_PARAMETERS, bool seal)
{
	zend_string *in, *ad = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(in)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(ad)
	ZEND_PARSE_PARAMETERS_END();

	sc_aead_obj *aead = this_aead(ZEND_THIS);
	const sc_keyref *key = aead ? sc_key_live(aead->key) : NULL;
	if (!key) {
		RETURN_THROWS();
	}
	const sc_cipher *cp = aead->cipher;
	const uint8_t *ad_bytes = ad ? (const uint8_t *) ZSTR_VAL(ad) : NULL;
	size_t ad_len = ad ? ZSTR_LEN(ad) : 0;
	size_t overhead = sc_box_overhead(cp, aead->tag_len);
	if (!cp->takes_ad && ad_len > 0) {
		sc_argument_error(zend_ce_value_error, 2, "must be empty for %s, which takes no associated data", cp->name);
		RETURN_THROWS();
	}

	if (seal) {
		if (ZSTR_LEN(in) > ZSTR_MAX_LEN - overhead) {
			sc_argument_error(zend_ce_value_error, 1, "is too long");
			RETURN_THROWS();
		}
		zend_string *out = zend_string_alloc(ZSTR_LEN(in) + overhead, 0);
		sc_box_seal(cp, aead->tag_len, (uint8_t *) ZSTR_VAL(out), (const uint8_t *) ZSTR_VAL(in), ZSTR_LEN(in),
			ad_bytes, ad_len, key->bytes);
		ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
		RETURN_NEW_STR(out);
	}

	if (ZSTR_LEN(in) < overhead) {
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(ZSTR_LEN(in) - overhead, 0);
	if (sc_box_open(cp, aead->tag_len, (uint8_t *) ZSTR_VAL(out), (const uint8_t *) ZSTR_VAL(in), ZSTR_LEN(in),
			ad_bytes, ad_len, key->bytes) != 0) {
		zend_string_efree(out);
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	RETURN_NEW_STR(out);
}

PHP_METHOD(SodiumCrypt_Aead, encrypt)
{
	crypt_box(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

PHP_METHOD(SodiumCrypt_Aead, decrypt)
{
	crypt_box(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

PHP_METHOD(SodiumCrypt_Aead, cipher)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_aead_obj *aead = this_aead(ZEND_THIS);
	if (!aead) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(sc_cipher_case(aead->cipher));
}

PHP_METHOD(SodiumCrypt_Aead, tagBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_aead_obj *aead = this_aead(ZEND_THIS);
	if (!aead) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) aead->tag_len);
}

void sc_register_aead(void)
{
	sc_ce_Aead = register_class_SodiumCrypt_Aead();
	sc_ce_Aead->create_object = aead_create;

	sc_object_handlers_init(&aead_handlers, XtOffsetOf(sc_aead_obj, std), aead_free);
}
