/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: a08a7981572123a7ac6aef330e48600295c57cb3 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, opsLimit, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, memLimit, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_wrapWithPassword, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, userKey, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_wrapWithServerKey, 0, 3, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, userKey, SodiumCrypt\\Key, 0)
	ZEND_ARG_OBJ_INFO(0, appKey, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, userId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_unwrapWithPassword, 0, 2, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, blob, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_unwrapWithServerKey, 0, 3, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, blob, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, appKey, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, userId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_mode, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, blob, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_needsRewrap, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, blob, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_KeyWrap_opsLimit, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SodiumCrypt_KeyWrap_memLimit arginfo_class_SodiumCrypt_KeyWrap_opsLimit


ZEND_METHOD(SodiumCrypt_KeyWrap, __construct);
ZEND_METHOD(SodiumCrypt_KeyWrap, wrapWithPassword);
ZEND_METHOD(SodiumCrypt_KeyWrap, wrapWithServerKey);
ZEND_METHOD(SodiumCrypt_KeyWrap, unwrapWithPassword);
ZEND_METHOD(SodiumCrypt_KeyWrap, unwrapWithServerKey);
ZEND_METHOD(SodiumCrypt_KeyWrap, mode);
ZEND_METHOD(SodiumCrypt_KeyWrap, needsRewrap);
ZEND_METHOD(SodiumCrypt_KeyWrap, opsLimit);
ZEND_METHOD(SodiumCrypt_KeyWrap, memLimit);


static const zend_function_entry class_SodiumCrypt_KeyWrap_methods[] = {
	ZEND_ME(SodiumCrypt_KeyWrap, __construct, arginfo_class_SodiumCrypt_KeyWrap___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, wrapWithPassword, arginfo_class_SodiumCrypt_KeyWrap_wrapWithPassword, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, wrapWithServerKey, arginfo_class_SodiumCrypt_KeyWrap_wrapWithServerKey, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, unwrapWithPassword, arginfo_class_SodiumCrypt_KeyWrap_unwrapWithPassword, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, unwrapWithServerKey, arginfo_class_SodiumCrypt_KeyWrap_unwrapWithServerKey, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, mode, arginfo_class_SodiumCrypt_KeyWrap_mode, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_KeyWrap, needsRewrap, arginfo_class_SodiumCrypt_KeyWrap_needsRewrap, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, opsLimit, arginfo_class_SodiumCrypt_KeyWrap_opsLimit, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_KeyWrap, memLimit, arginfo_class_SodiumCrypt_KeyWrap_memLimit, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_KeyWrap(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "KeyWrap", class_SodiumCrypt_KeyWrap_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "wrapwithpassword", sizeof("wrapwithpassword") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "unwrapwithpassword", sizeof("unwrapwithpassword") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
