/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2684cac7ef32d4458eab82cab67bd09ecf798941 */

#if defined(SC_TEST_HOOKS)
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_SodiumCrypt_Test_context_memory, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()
#endif

#if defined(SC_TEST_HOOKS)
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_SodiumCrypt_Test_blind_index_cached, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, index, SodiumCrypt\\BlindIndex, 0)
ZEND_END_ARG_INFO()
#endif

#if defined(SC_TEST_HOOKS)
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_SodiumCrypt_Test_arena_audit, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
#endif

#if defined(SC_TEST_HOOKS)
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_SodiumCrypt_Test_pkcs11_unwrap_calls, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()
#endif


#if defined(SC_TEST_HOOKS)
ZEND_FUNCTION(SodiumCrypt_Test_context_memory);
#endif
#if defined(SC_TEST_HOOKS)
ZEND_FUNCTION(SodiumCrypt_Test_blind_index_cached);
#endif
#if defined(SC_TEST_HOOKS)
ZEND_FUNCTION(SodiumCrypt_Test_arena_audit);
#endif
#if defined(SC_TEST_HOOKS)
ZEND_FUNCTION(SodiumCrypt_Test_pkcs11_unwrap_calls);
#endif


static const zend_function_entry ext_functions[] = {
#if defined(SC_TEST_HOOKS)
	ZEND_NS_FALIAS("SodiumCrypt\\Test", context_memory, SodiumCrypt_Test_context_memory, arginfo_SodiumCrypt_Test_context_memory)
#endif
#if defined(SC_TEST_HOOKS)
	ZEND_NS_FALIAS("SodiumCrypt\\Test", blind_index_cached, SodiumCrypt_Test_blind_index_cached, arginfo_SodiumCrypt_Test_blind_index_cached)
#endif
#if defined(SC_TEST_HOOKS)
	ZEND_NS_FALIAS("SodiumCrypt\\Test", arena_audit, SodiumCrypt_Test_arena_audit, arginfo_SodiumCrypt_Test_arena_audit)
#endif
#if defined(SC_TEST_HOOKS)
	ZEND_NS_FALIAS("SodiumCrypt\\Test", pkcs11_unwrap_calls, SodiumCrypt_Test_pkcs11_unwrap_calls, arginfo_SodiumCrypt_Test_pkcs11_unwrap_calls)
#endif
	ZEND_FE_END
};
