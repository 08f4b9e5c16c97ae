/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 697d074c68055f7ab57656a8e4bfad375aa3aa2f */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_StreamSealer___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, chunkBytes, IS_LONG, 0, "65536")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamSealer_header, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamSealer_push, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, chunk, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, last, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamSealer_chunkBytes, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_StreamSealer_finished, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SodiumCrypt_StreamSealer_headerBytes arginfo_class_SodiumCrypt_StreamSealer_chunkBytes

#define arginfo_class_SodiumCrypt_StreamSealer_tagBytes arginfo_class_SodiumCrypt_StreamSealer_chunkBytes


ZEND_METHOD(SodiumCrypt_StreamSealer, __construct);
ZEND_METHOD(SodiumCrypt_StreamSealer, header);
ZEND_METHOD(SodiumCrypt_StreamSealer, push);
ZEND_METHOD(SodiumCrypt_StreamSealer, chunkBytes);
ZEND_METHOD(SodiumCrypt_StreamSealer, finished);
ZEND_METHOD(SodiumCrypt_StreamSealer, headerBytes);
ZEND_METHOD(SodiumCrypt_StreamSealer, tagBytes);


static const zend_function_entry class_SodiumCrypt_StreamSealer_methods[] = {
	ZEND_ME(SodiumCrypt_StreamSealer, __construct, arginfo_class_SodiumCrypt_StreamSealer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamSealer, header, arginfo_class_SodiumCrypt_StreamSealer_header, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamSealer, push, arginfo_class_SodiumCrypt_StreamSealer_push, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamSealer, chunkBytes, arginfo_class_SodiumCrypt_StreamSealer_chunkBytes, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamSealer, finished, arginfo_class_SodiumCrypt_StreamSealer_finished, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_StreamSealer, headerBytes, arginfo_class_SodiumCrypt_StreamSealer_headerBytes, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_StreamSealer, tagBytes, arginfo_class_SodiumCrypt_StreamSealer_tagBytes, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_StreamSealer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "StreamSealer", class_SodiumCrypt_StreamSealer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "push", sizeof("push") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
