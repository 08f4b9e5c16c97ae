/* What the class files share: the object lifecycle, exceptions and argument
 * errors whose traces carry no argument values, and the array mapping of the
 * *Many() methods. Below the class files: nothing here knows a class but the
 * exceptions. */
#include "sc_php.h"

zend_object *sc_object_create(zend_class_entry *ce, size_t size, const zend_object_handlers *handlers)
{
	/* zend_object_alloc() zeroes the struct up to std; std_init does std. */
	zend_object *obj = (zend_object *) ((char *) zend_object_alloc(size, ce) + handlers->offset);
	zend_object_std_init(obj, ce);
	obj->handlers = handlers;
	return obj;
}

void sc_object_handlers_init(zend_object_handlers *handlers, size_t offset, zend_object_free_obj_t free_obj)
{
	memcpy(handlers, &std_object_handlers, sizeof *handlers);
	handlers->offset = (int) offset;
	if (free_obj) {
		handlers->free_obj = free_obj;
	}
	handlers->clone_obj = NULL;
}

ZEND_COLD void sc_throw_unconstructed(const zend_object *obj)
{
	zend_throw_error(NULL, "This %s has not been constructed", ZSTR_VAL(obj->ce->name));
}

static const char decryption_failed_message[] = "The payload could not be decrypted";

static ZEND_COLD void throw_without_args(zend_class_entry *ce, const char *message)
{
	/* Build the trace without argument values: a caller's frame may hold a
	 * password or plaintext that #[\SensitiveParameter] does not cover. */
	bool ignore_args = EG(exception_ignore_args);
	EG(exception_ignore_args) = true;
	zend_throw_exception(ce, message, 0);
	EG(exception_ignore_args) = ignore_args;
}

ZEND_COLD void sc_throw(zend_class_entry *ce, const char *format, ...)
{
	va_list va;
	va_start(va, format);
	zend_string *message = zend_vstrpprintf(0, format, va);
	va_end(va);
	throw_without_args(ce, ZSTR_VAL(message));
	zend_string_release(message);
}

ZEND_COLD void sc_argument_error(zend_class_entry *ce, uint32_t arg_num, const char *format, ...)
{
	va_list va;
	bool ignore_args = EG(exception_ignore_args);
	EG(exception_ignore_args) = true;
	va_start(va, format);
	zend_argument_error_variadic(ce, arg_num, format, va);
	va_end(va);
	EG(exception_ignore_args) = ignore_args;
}

ZEND_COLD void sc_throw_decryption_failed(void)
{
	throw_without_args(sc_ce_DecryptionFailed, decryption_failed_message);
}

ZEND_COLD void sc_element_type_error(uint32_t arg_num, const char *what, zval *entry, zend_string *key, zend_ulong index)
{
	if (key) {
		sc_argument_error(zend_ce_type_error, arg_num, "must contain only %s, %s given at key \"%s\"",
			what, zend_zval_type_name(entry), ZSTR_VAL(key));
	} else {
		sc_argument_error(zend_ce_type_error, arg_num, "must contain only %s, %s given at index " ZEND_ULONG_FMT,
			what, zend_zval_type_name(entry), index);
	}
}

void sc_map_strings(zval *return_value, HashTable *in, uint32_t arg_num, sc_string_fn fn, void *ctx)
{
	zval *entry, result;
	zend_ulong index;
	zend_string *name;

	array_init_size(return_value, zend_hash_num_elements(in));
	ZEND_HASH_FOREACH_KEY_VAL(in, index, name, entry) {
		ZVAL_DEREF(entry);
		if (Z_TYPE_P(entry) != IS_STRING) {
			sc_element_type_error(arg_num, "strings", entry, name, index);
			break;
		}
		zend_string *out = fn(ctx, Z_STR_P(entry));
		if (!out) {
			break;
		}
		ZVAL_STR(&result, out);
		if (name) {
			zend_hash_add_new(Z_ARRVAL_P(return_value), name, &result);
		} else {
			zend_hash_index_add_new(Z_ARRVAL_P(return_value), index, &result);
		}
	} ZEND_HASH_FOREACH_END();

	if (EG(exception)) {
		/* The VM frees return_value after an exception: leave nothing there. */
		zval_ptr_dtor(return_value);
		ZVAL_UNDEF(return_value);
	}
}
