/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b576b7b4b555333ea95a3380081dae19c36ce7e5 */

#if defined(SC_TEST_HOOKS)
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_SodiumCrypt_Test_context_memory, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()
#endif


#if defined(SC_TEST_HOOKS)
ZEND_FUNCTION(SodiumCrypt_Test_context_memory);
#endif


static const zend_function_entry ext_functions[] = {
#if defined(SC_TEST_HOOKS)
	ZEND_NS_FALIAS("SodiumCrypt\\Test", context_memory, SodiumCrypt_Test_context_memory, arginfo_SodiumCrypt_Test_context_memory)
#endif
	ZEND_FE_END
};
