/* Functions for the test suite only, compiled in with SC_TEST_HOOKS. */
#include "sc_php.h"

#include <sodium.h>

#ifdef SC_TEST_HOOKS
ZEND_FUNCTION(SodiumCrypt_Test_context_memory);
ZEND_FUNCTION(SodiumCrypt_Test_context_memory)
{
	ZEND_PARSE_PARAMETERS_NONE();
	const uint8_t *bytes = SC_G(context_last_bytes);
	size_t len = SC_G(context_last_len);
	if (!bytes) {
		RETURN_NULL();
	}
	/* The arena chunk stays mapped after the unit is freed: reading it is defined. */
	zend_string *hex = zend_string_alloc(2 * len, 0);
	sodium_bin2hex(ZSTR_VAL(hex), 2 * len + 1, bytes, len);
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

ZEND_FUNCTION(SodiumCrypt_Test_arena_audit);
ZEND_FUNCTION(SodiumCrypt_Test_arena_audit)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, 3);
	add_assoc_long(return_value, "in_use", (zend_long) sc_arena_in_use());
	add_assoc_long(return_value, "chunks", (zend_long) sc_arena_chunks());
	add_assoc_long(return_value, "dirty_free", (zend_long) sc_arena_dirty_free_bytes());
}

ZEND_FUNCTION(SodiumCrypt_Test_pkcs11_unwrap_calls);
ZEND_FUNCTION(SodiumCrypt_Test_pkcs11_unwrap_calls)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long) sc_p11_unwrap_calls());
}
#endif
