/* SodiumCrypt\StreamOpener: one file StreamSealer wrote, opened chunk by chunk. */
#include "sc_php.h"
#include "core/sc_stream.h"
#include "stream_opener_arginfo.h"

static zend_class_entry *sc_ce_StreamOpener;
static zend_object_handlers opener_handlers;

typedef struct {
	zend_object *key;   /* the Key the header names, referenced; NULL until constructed */
	sc_stream stream;
	zend_object std;
} sc_opener_obj;

static inline sc_opener_obj *opener_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_opener_obj, obj);
}

static zend_object *opener_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_opener_obj), &opener_handlers);
}

static void opener_free(zend_object *obj)
{
	sc_opener_obj *opener = opener_from_obj(obj);
	if (opener->key) {
		OBJ_RELEASE(opener->key);
	}
	zend_object_std_dtor(obj);
}

static sc_opener_obj *this_opener(zval *this_ptr)
{
	sc_opener_obj *opener = opener_from_obj(Z_OBJ_P(this_ptr));
	if (!opener->key) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return opener;
}

PHP_METHOD(SodiumCrypt_StreamOpener, __construct)
{
	zend_string *header;
	HashTable *keys;
	zval *entry;
	zend_ulong index;
	zend_string *name;
	zend_object *found = NULL;
	sc_opener_obj *opener = opener_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(header)
		Z_PARAM_ARRAY_HT(keys)
	ZEND_PARSE_PARAMETERS_END();

	if (opener->key) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\StreamOpener::__construct() twice");
		RETURN_THROWS();
	}
	if (sc_cipher_require(sc_cipher_get(SC_AEGIS256)) == FAILURE) {
		RETURN_THROWS();
	}
	if (sc_stream_resume(&opener->stream, (const uint8_t *) ZSTR_VAL(header), ZSTR_LEN(header)) != SC_STREAM_OK) {
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	const uint8_t *want = opener->stream.header + SC_STREAM_KEY_ID_AT;
	ZEND_HASH_FOREACH_KEY_VAL(keys, index, name, entry) {
		ZVAL_DEREF(entry);
		if (Z_TYPE_P(entry) != IS_OBJECT || Z_OBJCE_P(entry) != sc_ce_Key) {
			sc_element_type_error(2, "SodiumCrypt\\Key objects", entry, name, index);
			RETURN_THROWS();
		}
		const sc_keyref *ref = sc_key_live(Z_OBJ_P(entry));
		if (!ref) {
			RETURN_THROWS();
		}
		if (!found && ref->len == 32 && memcmp(ref->id, want, SC_KEY_ID_BYTES) == 0) {
			found = Z_OBJ_P(entry);
		}
	} ZEND_HASH_FOREACH_END();
	if (!found) {
		zend_string *id = sc_key_id_hex(want);
		sc_throw(sc_ce_CryptoException, "This file was encrypted under key id %s, which is none of the %u keys given",
			ZSTR_VAL(id), zend_hash_num_elements(keys));
		zend_string_release(id);
		RETURN_THROWS();
	}
	GC_ADDREF(found);
	opener->key = found;
}

PHP_METHOD(SodiumCrypt_StreamOpener, pull)
{
	zend_string *chunk;
	bool last = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(chunk)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(last)
	ZEND_PARSE_PARAMETERS_END();

	sc_opener_obj *opener = this_opener(ZEND_THIS);
	const sc_keyref *key = opener ? sc_key_live(opener->key) : NULL;
	if (!key) {
		RETURN_THROWS();
	}
	size_t len = ZSTR_LEN(chunk);
	if (len < SC_STREAM_TAG_BYTES || len - SC_STREAM_TAG_BYTES > opener->stream.chunk_bytes) {
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(len - SC_STREAM_TAG_BYTES, 0);
	if (sc_stream_open(&opener->stream, (uint8_t *) ZSTR_VAL(out), (const uint8_t *) ZSTR_VAL(chunk), len,
			last, key->bytes) != SC_STREAM_OK) {
		zend_string_efree(out);
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	RETURN_NEW_STR(out);
}

PHP_METHOD(SodiumCrypt_StreamOpener, chunkBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_opener_obj *opener = this_opener(ZEND_THIS);
	if (!opener) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) opener->stream.chunk_bytes);
}

PHP_METHOD(SodiumCrypt_StreamOpener, keyId)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_opener_obj *opener = this_opener(ZEND_THIS);
	if (!opener) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(sc_key_id_hex(opener->stream.header + SC_STREAM_KEY_ID_AT));
}

PHP_METHOD(SodiumCrypt_StreamOpener, finished)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_opener_obj *opener = this_opener(ZEND_THIS);
	if (!opener) {
		RETURN_THROWS();
	}
	RETURN_BOOL(opener->stream.finished);
}

PHP_METHOD(SodiumCrypt_StreamOpener, plaintextSize)
{
	zend_long file_bytes;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(file_bytes)
	ZEND_PARSE_PARAMETERS_END();

	sc_opener_obj *opener = this_opener(ZEND_THIS);
	if (!opener) {
		RETURN_THROWS();
	}
	if (file_bytes < 0) {
		sc_argument_error(zend_ce_value_error, 1, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	int64_t size = sc_stream_plaintext_size((uint64_t) file_bytes, opener->stream.chunk_bytes);
	if (size < 0) {
		sc_throw_decryption_failed();
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) size);
}

void sc_register_stream_opener(void)
{
	sc_ce_StreamOpener = register_class_SodiumCrypt_StreamOpener();
	sc_ce_StreamOpener->create_object = opener_create;

	sc_object_handlers_init(&opener_handlers, XtOffsetOf(sc_opener_obj, std), opener_free);
}
