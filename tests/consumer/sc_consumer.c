/*
 * sc_consumer: a second extension using sodium_crypt's C API the way a
 * session handler or queue driver would. It never links against
 * sodium_crypt: the API table is fetched by name through the loaded
 * module's handle, on first use, so the load order does not matter.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "php.h"
#include "php_sodium_crypt.h"

static const php_sodium_crypt_api_v1 *api(void)
{
	php_sodium_crypt_api_status status;
	const php_sodium_crypt_api_v1 *sc = php_sodium_crypt_api_v1_fetch(&status);
	if (!sc) {
		zend_throw_error(NULL, "sodium_crypt API unavailable (status %d)", (int) status);
	}
	return sc;
}

/* "ok v1 size N", "not loaded" or "wrong version", for any version asked. */
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sc_consumer_status, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, version, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()
PHP_FUNCTION(sc_consumer_status)
{
	zend_long version = 1;
	php_sodium_crypt_api_status status;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(version)
	ZEND_PARSE_PARAMETERS_END();
	const php_sodium_crypt_api_v1 *sc = php_sodium_crypt_api_fetch((uint32_t) version, &status);
	switch (status) {
	case PHP_SODIUM_CRYPT_API_OK:
		RETURN_STR(zend_strpprintf(0, "ok v%u size %u ext %s", sc->version, sc->size, sc->extension_version));
	case PHP_SODIUM_CRYPT_API_NOT_LOADED:
		RETURN_STRING("not loaded");
	default:
		RETURN_STRING("wrong version");
	}
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sc_consumer_seal, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, keyring, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

static void ring_op(INTERNAL_FUNCTION_PARAMETERS, bool seal)
{
	zval *ring;
	zend_string *in, *out;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT(ring)
		Z_PARAM_STR(in)
	ZEND_PARSE_PARAMETERS_END();
	const php_sodium_crypt_api_v1 *sc = api();
	if (!sc) {
		RETURN_THROWS();
	}
	if (!instanceof_function(Z_OBJCE_P(ring), sc->ce_keyring)) {
		zend_argument_type_error(1, "must be a SodiumCrypt\\Keyring");
		RETURN_THROWS();
	}
	if ((seal ? sc->keyring_seal : sc->keyring_open)(Z_OBJ_P(ring), in, &out) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(out);
}

PHP_FUNCTION(sc_consumer_seal) { ring_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }
PHP_FUNCTION(sc_consumer_open) { ring_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sc_consumer_context, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()
PHP_FUNCTION(sc_consumer_context)
{
	ZEND_PARSE_PARAMETERS_NONE();
	const php_sodium_crypt_api_v1 *sc = api();
	if (!sc) {
		RETURN_THROWS();
	}
	zend_object *key = sc->context_has() ? sc->context_get() : NULL;
	if (!key) {
		RETURN_NULL();
	}
	RETURN_OBJ_COPY(key);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sc_consumer_blind, 0, 3, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, blindIndex, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, column, IS_STRING, 0)
ZEND_END_ARG_INFO()
PHP_FUNCTION(sc_consumer_blind)
{
	zval *bi;
	zend_string *value, *column, *out;
	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_OBJECT(bi)
		Z_PARAM_STR(value)
		Z_PARAM_STR(column)
	ZEND_PARSE_PARAMETERS_END();
	const php_sodium_crypt_api_v1 *sc = api();
	if (!sc) {
		RETURN_THROWS();
	}
	if (!instanceof_function(Z_OBJCE_P(bi), sc->ce_blind_index)) {
		zend_argument_type_error(1, "must be a SodiumCrypt\\BlindIndex");
		RETURN_THROWS();
	}
	if (sc->blind_index_compute(Z_OBJ_P(bi), value, column, true, &out) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(out);
}

static const zend_function_entry sc_consumer_functions[] = {
	PHP_FE(sc_consumer_status, arginfo_sc_consumer_status)
	PHP_FE(sc_consumer_seal, arginfo_sc_consumer_seal)
	PHP_FE(sc_consumer_open, arginfo_sc_consumer_seal)
	PHP_FE(sc_consumer_context, arginfo_sc_consumer_context)
	PHP_FE(sc_consumer_blind, arginfo_sc_consumer_blind)
	PHP_FE_END
};

zend_module_entry sc_consumer_module_entry = {
	STANDARD_MODULE_HEADER,
	"sc_consumer",
	sc_consumer_functions,
	NULL, NULL, NULL, NULL, NULL,
	"0.1.0",
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_SC_CONSUMER
ZEND_GET_MODULE(sc_consumer)
#endif
