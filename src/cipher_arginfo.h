/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2483c2c3eec88ce8442034db393d529d79eb1473 */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SodiumCrypt_Cipher_fromLaravelName, 0, 1, SodiumCrypt\\Cipher, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Cipher_laravelName, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Cipher_keyBytes, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SodiumCrypt_Cipher_nonceBytes arginfo_class_SodiumCrypt_Cipher_keyBytes

#define arginfo_class_SodiumCrypt_Cipher_tagBytes arginfo_class_SodiumCrypt_Cipher_keyBytes

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Cipher_isAvailable, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SodiumCrypt_Cipher_implementation, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(SodiumCrypt_Cipher, fromLaravelName);
ZEND_METHOD(SodiumCrypt_Cipher, laravelName);
ZEND_METHOD(SodiumCrypt_Cipher, keyBytes);
ZEND_METHOD(SodiumCrypt_Cipher, nonceBytes);
ZEND_METHOD(SodiumCrypt_Cipher, tagBytes);
ZEND_METHOD(SodiumCrypt_Cipher, isAvailable);
ZEND_METHOD(SodiumCrypt_Cipher, implementation);


static const zend_function_entry class_SodiumCrypt_Cipher_methods[] = {
	ZEND_ME(SodiumCrypt_Cipher, fromLaravelName, arginfo_class_SodiumCrypt_Cipher_fromLaravelName, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SodiumCrypt_Cipher, laravelName, arginfo_class_SodiumCrypt_Cipher_laravelName, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Cipher, keyBytes, arginfo_class_SodiumCrypt_Cipher_keyBytes, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Cipher, nonceBytes, arginfo_class_SodiumCrypt_Cipher_nonceBytes, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Cipher, tagBytes, arginfo_class_SodiumCrypt_Cipher_tagBytes, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Cipher, isAvailable, arginfo_class_SodiumCrypt_Cipher_isAvailable, ZEND_ACC_PUBLIC)
	ZEND_ME(SodiumCrypt_Cipher, implementation, arginfo_class_SodiumCrypt_Cipher_implementation, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_Cipher(void)
{
	zend_class_entry *class_entry = zend_register_internal_enum("SodiumCrypt\\Cipher", IS_STRING, class_SodiumCrypt_Cipher_methods);

	zval enum_case_Aegis256_value;
	zend_string *enum_case_Aegis256_value_str = zend_string_init("aegis-256", strlen("aegis-256"), 1);
	ZVAL_STR(&enum_case_Aegis256_value, enum_case_Aegis256_value_str);
	zend_enum_add_case_cstr(class_entry, "Aegis256", &enum_case_Aegis256_value);

	zval enum_case_Aegis128L_value;
	zend_string *enum_case_Aegis128L_value_str = zend_string_init("aegis-128l", strlen("aegis-128l"), 1);
	ZVAL_STR(&enum_case_Aegis128L_value, enum_case_Aegis128L_value_str);
	zend_enum_add_case_cstr(class_entry, "Aegis128L", &enum_case_Aegis128L_value);

	zval enum_case_XChaCha20Poly1305_value;
	zend_string *enum_case_XChaCha20Poly1305_value_str = zend_string_init("xchacha20-poly1305", strlen("xchacha20-poly1305"), 1);
	ZVAL_STR(&enum_case_XChaCha20Poly1305_value, enum_case_XChaCha20Poly1305_value_str);
	zend_enum_add_case_cstr(class_entry, "XChaCha20Poly1305", &enum_case_XChaCha20Poly1305_value);

	zval enum_case_Aes256Gcm_value;
	zend_string *enum_case_Aes256Gcm_value_str = zend_string_init("aes-256-gcm", strlen("aes-256-gcm"), 1);
	ZVAL_STR(&enum_case_Aes256Gcm_value, enum_case_Aes256Gcm_value_str);
	zend_enum_add_case_cstr(class_entry, "Aes256Gcm", &enum_case_Aes256Gcm_value);

	zval enum_case_SecretBox_value;
	zend_string *enum_case_SecretBox_value_str = zend_string_init("xsalsa20-poly1305", strlen("xsalsa20-poly1305"), 1);
	ZVAL_STR(&enum_case_SecretBox_value, enum_case_SecretBox_value_str);
	zend_enum_add_case_cstr(class_entry, "SecretBox", &enum_case_SecretBox_value);

	return class_entry;
}
