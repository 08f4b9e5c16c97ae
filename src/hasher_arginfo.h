/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7a748df3afaa1cebd21f3dcd2007578c51bfa451 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_Hasher___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, algorithm, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, key, SodiumCrypt\\Key, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, outputBytes, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Hasher_hash, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Hasher_verify, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, digest, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Hasher_algorithm, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Hasher_outputBytes, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_Hasher, __construct);
ZEND_METHOD(SodiumCrypt_Hasher, hash);
ZEND_METHOD(SodiumCrypt_Hasher, verify);
ZEND_METHOD(SodiumCrypt_Hasher, algorithm);
ZEND_METHOD(SodiumCrypt_Hasher, outputBytes);


static const zend_function_entry class_SodiumCrypt_Hasher_methods[] = {
	ZEND_ME(SodiumCrypt_Hasher, __construct, arginfo_class_SodiumCrypt_Hasher___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Hasher, hash, arginfo_class_SodiumCrypt_Hasher_hash, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Hasher, verify, arginfo_class_SodiumCrypt_Hasher_verify, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Hasher, algorithm, arginfo_class_SodiumCrypt_Hasher_algorithm, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Hasher, outputBytes, arginfo_class_SodiumCrypt_Hasher_outputBytes, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Hasher(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "Hasher", class_SodiumCrypt_Hasher_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "hash", sizeof("hash") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
