/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 04bc836c9a15fc70c416f419174935c42268235d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_Pkcs11___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Pkcs11_unwrap, 0, 1, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, reference, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Pkcs11_wrap, 0, 2, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO(0, key, SodiumCrypt\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, kekLabel, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Pkcs11_generate, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, kekLabel, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, bytes, IS_LONG, 0, "32")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Pkcs11_isReference, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_Pkcs11, __construct);
ZEND_METHOD(SodiumCrypt_Pkcs11, unwrap);
ZEND_METHOD(SodiumCrypt_Pkcs11, wrap);
ZEND_METHOD(SodiumCrypt_Pkcs11, generate);
ZEND_METHOD(SodiumCrypt_Pkcs11, isReference);


static const zend_function_entry class_SodiumCrypt_Pkcs11_methods[] = {
	ZEND_ME(SodiumCrypt_Pkcs11, __construct, arginfo_class_SodiumCrypt_Pkcs11___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SodiumCrypt_Pkcs11, unwrap, arginfo_class_SodiumCrypt_Pkcs11_unwrap, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Pkcs11, wrap, arginfo_class_SodiumCrypt_Pkcs11_wrap, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Pkcs11, generate, arginfo_class_SodiumCrypt_Pkcs11_generate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Pkcs11, isReference, arginfo_class_SodiumCrypt_Pkcs11_isReference, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Pkcs11(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "Pkcs11", class_SodiumCrypt_Pkcs11_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
