/* The module entry, for a PHP that compiles sodium_crypt in. Other
 * extensions use the C API of include/php_sodium_crypt.h instead. */
#ifndef SODIUM_CRYPT_MODULE_H
#define SODIUM_CRYPT_MODULE_H

#include "php.h"

extern zend_module_entry sodium_crypt_module_entry;
#define phpext_sodium_crypt_ptr &sodium_crypt_module_entry

#endif
