/* sodium_crypt: authenticated encryption for PHP on libsodium. */
#ifndef PHP_SODIUM_CRYPT_H
#define PHP_SODIUM_CRYPT_H

extern zend_module_entry sodium_crypt_module_entry;
#define phpext_sodium_crypt_ptr &sodium_crypt_module_entry

#define PHP_SODIUM_CRYPT_VERSION "0.1.0"

#endif
