/* SodiumCrypt\Cipher: the enum of the five ciphers. */
#include "sc_php.h"
#include "zend_enum.h"
#include "cipher_arginfo.h"

zend_class_entry *sc_ce_Cipher;

const sc_cipher *sc_cipher_from_case(zend_object *cipher_case)
{
	zval *value = zend_enum_fetch_case_value(cipher_case);
	const sc_cipher *cp = sc_cipher_find(Z_STRVAL_P(value), Z_STRLEN_P(value), false);
	ZEND_ASSERT(cp != NULL);
	return cp;
}

zend_object *sc_cipher_case(const sc_cipher *cp)
{
	return zend_enum_get_case_cstr(sc_ce_Cipher, cp->case_name);
}

zend_result sc_cipher_require(const sc_cipher *cp)
{
	if (!sc_cipher_available(cp)) {
		sc_throw(sc_ce_CryptoException, "%s is not available here: %s",
			cp->name, sc_cipher_unavailable_reason(cp));
		return FAILURE;
	}
	return SUCCESS;
}

#define THIS_CIPHER() sc_cipher_from_case(Z_OBJ_P(ZEND_THIS))

PHP_METHOD(SodiumCrypt_Cipher, fromLaravelName)
{
	zend_string *name;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	const sc_cipher *cp = sc_cipher_find(ZSTR_VAL(name), ZSTR_LEN(name), true);
	if (!cp) {
		sc_argument_error(zend_ce_value_error, 1,
			"must be one of \"Sodium_AEGIS256GCM\", \"Sodium_AEGIS128LGCM\", "
			"\"Sodium_XChaCha20Poly1305\", \"Sodium_AES256GCM\" or \"Sodium_SecretBox\"");
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(sc_cipher_case(cp));
}

PHP_METHOD(SodiumCrypt_Cipher, laravelName)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STRING(THIS_CIPHER()->laravel_name);
}

PHP_METHOD(SodiumCrypt_Cipher, keyBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(THIS_CIPHER()->key_bytes);
}

PHP_METHOD(SodiumCrypt_Cipher, nonceBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(THIS_CIPHER()->nonce_bytes);
}

PHP_METHOD(SodiumCrypt_Cipher, tagBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(THIS_CIPHER()->tag_bytes);
}

PHP_METHOD(SodiumCrypt_Cipher, isAvailable)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(sc_cipher_available(THIS_CIPHER()));
}

PHP_METHOD(SodiumCrypt_Cipher, implementation)
{
	ZEND_PARSE_PARAMETERS_NONE();
	const char *impl = sc_cipher_implementation(THIS_CIPHER());
	if (!impl) {
		RETURN_NULL();
	}
	RETURN_STRING(impl);
}

void sc_register_cipher(void)
{
	sc_ce_Cipher = register_class_SodiumCrypt_Cipher();
}
