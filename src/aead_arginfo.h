/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0f2baaa13f88510f11cda7074283963b099132ee */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_Aead___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, cipher, SodiumCrypt\\Cipher, 0)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tagBytes, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Aead_encrypt, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, pt, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ad, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Aead_decrypt, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, nonceCtTag, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ad, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Aead_cipher, 0, 0, SodiumCrypt\\Cipher, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Aead_tagBytes, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_Aead, __construct);
ZEND_METHOD(SodiumCrypt_Aead, encrypt);
ZEND_METHOD(SodiumCrypt_Aead, decrypt);
ZEND_METHOD(SodiumCrypt_Aead, cipher);
ZEND_METHOD(SodiumCrypt_Aead, tagBytes);


static const zend_function_entry class_SodiumCrypt_Aead_methods[] = {
	ZEND_ME(SodiumCrypt_Aead, __construct, arginfo_class_SodiumCrypt_Aead___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Aead, encrypt, arginfo_class_SodiumCrypt_Aead_encrypt, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Aead, decrypt, arginfo_class_SodiumCrypt_Aead_decrypt, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Aead, cipher, arginfo_class_SodiumCrypt_Aead_cipher, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Aead, tagBytes, arginfo_class_SodiumCrypt_Aead_tagBytes, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Aead(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "Aead", class_SodiumCrypt_Aead_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "encrypt", sizeof("encrypt") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
