/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 26b14460fb1e5ab054de75c1aaf435306c32f4cd */




static const zend_function_entry class_SodiumCrypt_CryptoException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_SodiumCrypt_DecryptionFailed_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_SodiumCrypt_MissingKeyContext_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_SodiumCrypt_PayloadFormat_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_SodiumCrypt_CryptoException(zend_class_entry *class_entry_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "CryptoException", class_SodiumCrypt_CryptoException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);

	return class_entry;
}

static zend_class_entry *register_class_SodiumCrypt_DecryptionFailed(zend_class_entry *class_entry_SodiumCrypt_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "DecryptionFailed", class_SodiumCrypt_DecryptionFailed_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_SodiumCrypt_CryptoException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_SodiumCrypt_MissingKeyContext(zend_class_entry *class_entry_SodiumCrypt_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SodiumCrypt", "MissingKeyContext", class_SodiumCrypt_MissingKeyContext_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_SodiumCrypt_CryptoException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_SodiumCrypt_PayloadFormat(void)
{
	zend_class_entry *class_entry = zend_register_internal_enum("SodiumCrypt\\PayloadFormat", IS_UNDEF, class_SodiumCrypt_PayloadFormat_methods);

	zend_enum_add_case_cstr(class_entry, "V1", NULL);

	zend_enum_add_case_cstr(class_entry, "LaravelCrypto", NULL);

	return class_entry;
}
