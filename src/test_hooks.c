/* Functions for the test suite only, compiled in with SC_TEST_HOOKS. */
#include "sc_php.h"

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
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < sc_context_last_len; i++) {
		ZSTR_VAL(hex)[2 * i] = digits[sc_context_last_bytes[i] >> 4];
		ZSTR_VAL(hex)[2 * i + 1] = digits[sc_context_last_bytes[i] & 15];
	}
	ZSTR_VAL(hex)[2 * sc_context_last_len] = '\0';
	RETURN_NEW_STR(hex);
}
#endif
