/* Functions for the test suite only, compiled in with SC_TEST_HOOKS. */
#include "sc_php.h"

#include <sodium.h>

#ifdef SC_TEST_HOOKS
extern const uint8_t *sc_context_last_bytes;
extern size_t sc_context_last_len;

ZEND_FUNCTION(SodiumCrypt_Test_context_memory);
ZEND_FUNCTION(SodiumCrypt_Test_context_memory)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (!sc_context_last_bytes) {
		RETURN_NULL();
	}
	/* The arena chunk stays mapped after the unit is freed: reading it is defined. */
	zend_string *hex = zend_string_alloc(2 * sc_context_last_len, 0);
	sodium_bin2hex(ZSTR_VAL(hex), 2 * sc_context_last_len + 1, sc_context_last_bytes, sc_context_last_len);
	RETURN_NEW_STR(hex);
}

ZEND_FUNCTION(SodiumCrypt_Test_blind_index_cached);
ZEND_FUNCTION(SodiumCrypt_Test_blind_index_cached)
{
	zend_object *index;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(index, sc_ce_BlindIndex)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_LONG((zend_long) sc_blind_index_cached(index));
}
#endif
