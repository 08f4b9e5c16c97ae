/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b2339f6d5d8ee3c7d95c37a9978ae204bc5cc213 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_BlindIndex___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, outputBytes, IS_LONG, 0, "32")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_BlindIndex_compute, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, column, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, normalise, _IS_BOOL, 0, "true")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_BlindIndex_verify, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, index, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, column, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, normalise, _IS_BOOL, 0, "true")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_SodiumCrypt_BlindIndex_computeLaravelCrypto arginfo_class_SodiumCrypt_BlindIndex_compute

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_BlindIndex_computeMany, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, values, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, column, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, normalise, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_BlindIndex, __construct);
ZEND_METHOD(SodiumCrypt_BlindIndex, compute);
ZEND_METHOD(SodiumCrypt_BlindIndex, verify);
ZEND_METHOD(SodiumCrypt_BlindIndex, computeLaravelCrypto);
ZEND_METHOD(SodiumCrypt_BlindIndex, computeMany);


static const zend_function_entry class_SodiumCrypt_BlindIndex_methods[] = {
	ZEND_ME(SodiumCrypt_BlindIndex, __construct, arginfo_class_SodiumCrypt_BlindIndex___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_BlindIndex, compute, arginfo_class_SodiumCrypt_BlindIndex_compute, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_BlindIndex, verify, arginfo_class_SodiumCrypt_BlindIndex_verify, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_BlindIndex, computeLaravelCrypto, arginfo_class_SodiumCrypt_BlindIndex_computeLaravelCrypto, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_BlindIndex, computeMany, arginfo_class_SodiumCrypt_BlindIndex_computeMany, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_BlindIndex(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "BlindIndex", class_SodiumCrypt_BlindIndex_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "compute", sizeof("compute") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "computelaravelcrypto", sizeof("computelaravelcrypto") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "computemany", sizeof("computemany") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
