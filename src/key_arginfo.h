/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 05c5ee8d2097814f8d0bcbe3dc9d2e38ea589c13 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_Key___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Key_generate, 0, 0, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, bytes, IS_LONG, 0, "32")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Key_fromBytes, 0, 1, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, bytes, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Key_fromBase64, 0, 1, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, encoded, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Key_length, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Key_id, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Key_equals, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_OBJ_INFO(0, other, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SodiumCrypt_Key_exportBytes arginfo_class_SodiumCrypt_Key_id


ZEND_METHOD(SodiumCrypt_Key, __construct);
ZEND_METHOD(SodiumCrypt_Key, generate);
ZEND_METHOD(SodiumCrypt_Key, fromBytes);
ZEND_METHOD(SodiumCrypt_Key, fromBase64);
ZEND_METHOD(SodiumCrypt_Key, length);
ZEND_METHOD(SodiumCrypt_Key, id);
ZEND_METHOD(SodiumCrypt_Key, equals);
ZEND_METHOD(SodiumCrypt_Key, exportBytes);


static const zend_function_entry class_SodiumCrypt_Key_methods[] = {
	ZEND_ME(SodiumCrypt_Key, __construct, arginfo_class_SodiumCrypt_Key___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SodiumCrypt_Key, generate, arginfo_class_SodiumCrypt_Key_generate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Key, fromBytes, arginfo_class_SodiumCrypt_Key_fromBytes, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Key, fromBase64, arginfo_class_SodiumCrypt_Key_fromBase64, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Key, length, arginfo_class_SodiumCrypt_Key_length, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Key, id, arginfo_class_SodiumCrypt_Key_id, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Key, equals, arginfo_class_SodiumCrypt_Key_equals, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Key, exportBytes, arginfo_class_SodiumCrypt_Key_exportBytes, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Key(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "Key", class_SodiumCrypt_Key_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "frombytes", sizeof("frombytes") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "frombase64", sizeof("frombase64") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
