/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9b7a08b59f1cba02048b6a5f9e92b627aa30dc28 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SodiumCrypt_SigningKey___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, secret, SodiumCrypt\\Key, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_SigningKey_sign, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_SigningKey_publicKey, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_SigningKey_verify, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, signature, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, publicKey, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_SigningKey, __construct);
ZEND_METHOD(SodiumCrypt_SigningKey, sign);
ZEND_METHOD(SodiumCrypt_SigningKey, publicKey);
ZEND_METHOD(SodiumCrypt_SigningKey, verify);


static const zend_function_entry class_SodiumCrypt_SigningKey_methods[] = {
	ZEND_ME(SodiumCrypt_SigningKey, __construct, arginfo_class_SodiumCrypt_SigningKey___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_SigningKey, sign, arginfo_class_SodiumCrypt_SigningKey_sign, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_SigningKey, publicKey, arginfo_class_SodiumCrypt_SigningKey_publicKey, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_SigningKey, verify, arginfo_class_SodiumCrypt_SigningKey_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_SigningKey(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "SigningKey", class_SodiumCrypt_SigningKey_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
