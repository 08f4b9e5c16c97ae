/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0973ba0553ed204761016f0fcb617cffaed5837e */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, header, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, keys, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener_pull, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, chunk, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, last, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener_chunkBytes, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener_keyId, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener_finished, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamOpener_plaintextSize, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, fileBytes, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_StreamOpener, __construct);
ZEND_METHOD(SodiumCrypt_StreamOpener, pull);
ZEND_METHOD(SodiumCrypt_StreamOpener, chunkBytes);
ZEND_METHOD(SodiumCrypt_StreamOpener, keyId);
ZEND_METHOD(SodiumCrypt_StreamOpener, finished);
ZEND_METHOD(SodiumCrypt_StreamOpener, plaintextSize);


static const zend_function_entry class_SodiumCrypt_StreamOpener_methods[] = {
	ZEND_ME(SodiumCrypt_StreamOpener, __construct, arginfo_class_SodiumCrypt_StreamOpener___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamOpener, pull, arginfo_class_SodiumCrypt_StreamOpener_pull, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamOpener, chunkBytes, arginfo_class_SodiumCrypt_StreamOpener_chunkBytes, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamOpener, keyId, arginfo_class_SodiumCrypt_StreamOpener_keyId, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamOpener, finished, arginfo_class_SodiumCrypt_StreamOpener_finished, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamOpener, plaintextSize, arginfo_class_SodiumCrypt_StreamOpener_plaintextSize, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_StreamOpener(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "StreamOpener", class_SodiumCrypt_StreamOpener_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
