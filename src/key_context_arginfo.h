/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 6323b7ec2437fdd46585c29ce96e953205fda769 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_KeyContext___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_set, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_get, 0, 0, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_has, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_clear, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_fromToken, 0, 1, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyContext_toToken, 0, 1, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_KeyContext, __construct);
ZEND_METHOD(SodiumCrypt_KeyContext, set);
ZEND_METHOD(SodiumCrypt_KeyContext, get);
ZEND_METHOD(SodiumCrypt_KeyContext, has);
ZEND_METHOD(SodiumCrypt_KeyContext, clear);
ZEND_METHOD(SodiumCrypt_KeyContext, fromToken);
ZEND_METHOD(SodiumCrypt_KeyContext, toToken);


static const zend_function_entry class_SodiumCrypt_KeyContext_methods[] = {
	ZEND_ME(SodiumCrypt_KeyContext, __construct, arginfo_class_SodiumCrypt_KeyContext___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SodiumCrypt_KeyContext, set, arginfo_class_SodiumCrypt_KeyContext_set, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyContext, get, arginfo_class_SodiumCrypt_KeyContext_get, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyContext, has, arginfo_class_SodiumCrypt_KeyContext_has, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyContext, clear, arginfo_class_SodiumCrypt_KeyContext_clear, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyContext, fromToken, arginfo_class_SodiumCrypt_KeyContext_fromToken, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyContext, toToken, arginfo_class_SodiumCrypt_KeyContext_toToken, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_KeyContext(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "KeyContext", class_SodiumCrypt_KeyContext_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "fromtoken", sizeof("fromtoken") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
