/* SodiumCrypt\StreamSealer: one file, sealed chunk by chunk (src/core/sc_stream.h). */
#include "sc_php.h"
#include "core/sc_stream.h"
#include "stream_sealer_arginfo.h"

static zend_class_entry *sc_ce_StreamSealer;
static zend_object_handlers sealer_handlers;

typedef struct {
	zend_object *key;   /* a 32-byte Key, referenced; NULL until constructed */
	sc_stream stream;
	zend_object std;
} sc_sealer_obj;

static inline sc_sealer_obj *sealer_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_sealer_obj, obj);
}

static zend_object *sealer_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_sealer_obj), &sealer_handlers);
}

static void sealer_free(zend_object *obj)
{
	sc_sealer_obj *sealer = sealer_from_obj(obj);
	if (sealer->key) {
		OBJ_RELEASE(sealer->key);
	}
	zend_object_std_dtor(obj);
}

static sc_sealer_obj *this_sealer(zval *this_ptr)
{
	sc_sealer_obj *sealer = sealer_from_obj(Z_OBJ_P(this_ptr));
	if (!sealer->key) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return sealer;
}

/* log2 of a power of two in the chunk range, or 0. */
static unsigned chunk_log2(zend_long bytes)
{
	for (unsigned b = SC_STREAM_MIN_LOG2; b <= SC_STREAM_MAX_LOG2; b++) {
		if (bytes == (zend_long) 1 << b) {
			return b;
		}
	}
	return 0;
}

PHP_METHOD(SodiumCrypt_StreamSealer, __construct)
{
	zend_object *key_obj;
	zend_long chunk_bytes = 65536;
	sc_sealer_obj *sealer = sealer_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(key_obj, sc_ce_Key)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(chunk_bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (sealer->key) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\StreamSealer::__construct() twice");
		RETURN_THROWS();
	}
	unsigned log2 = chunk_log2(chunk_bytes);
	if (!log2) {
		sc_argument_error(zend_ce_value_error, 2, "must be a power of two from %u to %u",
			1u << SC_STREAM_MIN_LOG2, 1u << SC_STREAM_MAX_LOG2);
		RETURN_THROWS();
	}
	const sc_cipher *cp = sc_cipher_get(SC_AEGIS256);
	if (sc_cipher_require(cp) == FAILURE || sc_key_require_fits(key_obj, cp, 1) == FAILURE) {
		RETURN_THROWS();
	}
	sc_stream_start(&sealer->stream, log2, sc_key_live(key_obj)->id);
	GC_ADDREF(key_obj);
	sealer->key = key_obj;
}

PHP_METHOD(SodiumCrypt_StreamSealer, header)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_sealer_obj *sealer = this_sealer(ZEND_THIS);
	if (!sealer) {
		RETURN_THROWS();
	}
	RETURN_STRINGL((const char *) sealer->stream.header, SC_STREAM_HEADER_BYTES);
}

PHP_METHOD(SodiumCrypt_StreamSealer, push)
{
	zend_string *chunk;
	bool last = false;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(chunk)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(last)
	ZEND_PARSE_PARAMETERS_END();

	sc_sealer_obj *sealer = this_sealer(ZEND_THIS);
	const sc_keyref *key = sealer ? sc_key_live(sealer->key) : NULL;
	if (!key) {
		RETURN_THROWS();
	}
	size_t len = ZSTR_LEN(chunk);
	if (len > sealer->stream.chunk_bytes) {
		sc_argument_error(zend_ce_value_error, 1, "must be at most %zu bytes", sealer->stream.chunk_bytes);
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(len + SC_STREAM_TAG_BYTES, 0);
	sc_stream_result r = sc_stream_seal(&sealer->stream, (uint8_t *) ZSTR_VAL(out),
		(const uint8_t *) ZSTR_VAL(chunk), len, last, key->bytes);
	if (r != SC_STREAM_OK) {
		zend_string_efree(out);
		if (r == SC_STREAM_FINISHED) {
			sc_throw(sc_ce_CryptoException, "This stream is finished: its last chunk has been pushed");
		} else if (r == SC_STREAM_BAD_LENGTH) {
			sc_argument_error(zend_ce_value_error, 1, "must be %zu bytes unless it is the last chunk",
				sealer->stream.chunk_bytes);
		} else {
			sc_throw(sc_ce_CryptoException, "This stream has reached its chunk limit");
		}
		RETURN_THROWS();
	}
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	RETURN_NEW_STR(out);
}

PHP_METHOD(SodiumCrypt_StreamSealer, chunkBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_sealer_obj *sealer = this_sealer(ZEND_THIS);
	if (!sealer) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) sealer->stream.chunk_bytes);
}

PHP_METHOD(SodiumCrypt_StreamSealer, finished)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_sealer_obj *sealer = this_sealer(ZEND_THIS);
	if (!sealer) {
		RETURN_THROWS();
	}
	RETURN_BOOL(sealer->stream.finished);
}

PHP_METHOD(SodiumCrypt_StreamSealer, headerBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(SC_STREAM_HEADER_BYTES);
}

PHP_METHOD(SodiumCrypt_StreamSealer, tagBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(SC_STREAM_TAG_BYTES);
}

void sc_register_stream_sealer(void)
{
	sc_ce_StreamSealer = register_class_SodiumCrypt_StreamSealer();
	sc_ce_StreamSealer->create_object = sealer_create;

	sc_object_handlers_init(&sealer_handlers, XtOffsetOf(sc_sealer_obj, std), sealer_free);
}
