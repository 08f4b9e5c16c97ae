/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f7d244c638f2900729961f301c840f9078af2d5b */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_Keyring___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, cipher, SodiumCrypt\\Cipher, 0)
	ZEND_ARG_OBJ_INFO(0, current, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, previous, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, write, SodiumCrypt\\PayloadFormat, 0, "SodiumCrypt\\PayloadFormat::V1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, alsoRead, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_seal, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, plaintext, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, binding, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_open, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, payload, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, binding, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_sealMany, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, plaintexts, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_openMany, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, payloads, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_isCurrent, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, payload, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, bound, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_inspect, 0, 1, IS_ARRAY, 1)
	ZEND_ARG_TYPE_INFO(0, payload, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Keyring_cipher, 0, 0, SodiumCrypt\\Cipher, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Keyring_format, 0, 0, SodiumCrypt\\PayloadFormat, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Keyring_currentKey, 0, 0, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Keyring_previousKeys, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_Keyring, __construct);
ZEND_METHOD(SodiumCrypt_Keyring, seal);
ZEND_METHOD(SodiumCrypt_Keyring, open);
ZEND_METHOD(SodiumCrypt_Keyring, sealMany);
ZEND_METHOD(SodiumCrypt_Keyring, openMany);
ZEND_METHOD(SodiumCrypt_Keyring, isCurrent);
ZEND_METHOD(SodiumCrypt_Keyring, inspect);
ZEND_METHOD(SodiumCrypt_Keyring, cipher);
ZEND_METHOD(SodiumCrypt_Keyring, format);
ZEND_METHOD(SodiumCrypt_Keyring, currentKey);
ZEND_METHOD(SodiumCrypt_Keyring, previousKeys);


static const zend_function_entry class_SodiumCrypt_Keyring_methods[] = {
	ZEND_ME(SodiumCrypt_Keyring, __construct, arginfo_class_SodiumCrypt_Keyring___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, seal, arginfo_class_SodiumCrypt_Keyring_seal, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, open, arginfo_class_SodiumCrypt_Keyring_open, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, sealMany, arginfo_class_SodiumCrypt_Keyring_sealMany, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, openMany, arginfo_class_SodiumCrypt_Keyring_openMany, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, isCurrent, arginfo_class_SodiumCrypt_Keyring_isCurrent, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, inspect, arginfo_class_SodiumCrypt_Keyring_inspect, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, cipher, arginfo_class_SodiumCrypt_Keyring_cipher, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, format, arginfo_class_SodiumCrypt_Keyring_format, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, currentKey, arginfo_class_SodiumCrypt_Keyring_currentKey, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Keyring, previousKeys, arginfo_class_SodiumCrypt_Keyring_previousKeys, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Keyring(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "Keyring", class_SodiumCrypt_Keyring_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "seal", sizeof("seal") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "sealmany", sizeof("sealmany") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
