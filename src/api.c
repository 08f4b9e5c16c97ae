/* The versioned C API of include/php_sodium_crypt.h: the only symbol this
 * module exports besides get_module(). */
#include "sc_php.h"
#include "php_sodium_crypt.h"

static bool api_context_has(void)
{
	return SC_G(context_key) != NULL;
}

static zend_object *api_context_get(void)
{
	return SC_G(context_key);
}

static php_sodium_crypt_api_v1 api_v1;

/* Filled at MINIT, when the class entries exist. */
void sc_api_init(void)
{
	api_v1 = (php_sodium_crypt_api_v1) {
		.version = 1,
		.size = sizeof(php_sodium_crypt_api_v1),
		.extension_version = PHP_SODIUM_CRYPT_VERSION,
		.ce_key = sc_ce_Key,
		.ce_keyring = sc_ce_Keyring,
		.ce_blind_index = sc_ce_BlindIndex,
		.keyring_seal = sc_keyring_seal,
		.keyring_open = sc_keyring_open,
		.context_has = api_context_has,
		.context_get = api_context_get,
		.blind_index_compute = sc_blind_index_compute,
	};
}

PHP_SODIUM_CRYPT_API const void *php_sodium_crypt_get_api(uint32_t version, php_sodium_crypt_api_status *status);

/* Every version ever served stays here; a new one is a new table beside it. */
PHP_SODIUM_CRYPT_API const void *php_sodium_crypt_get_api(uint32_t version, php_sodium_crypt_api_status *status)
{
	if (version == 1 && api_v1.version == 1) {
		*status = PHP_SODIUM_CRYPT_API_OK;
		return &api_v1;
	}
	*status = api_v1.version ? PHP_SODIUM_CRYPT_API_WRONG_VERSION : PHP_SODIUM_CRYPT_API_NOT_LOADED;
	return NULL;
}
