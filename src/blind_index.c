/* SodiumCrypt\BlindIndex: keyed BLAKE2b of normalised values, one KDF
 * sub-key per column, cached in the locked arena as a BLAKE2b state with
 * the key block compressed. The cache hangs on the Key, not on the index:
 * it is wiped with the key's bytes, so a state derived from KeyContext's
 * key goes at clear() like the key itself, and every index over one key
 * shares it. */
#include "sc_php.h"
#include "zend_smart_str.h"
#include "blind_index_arginfo.h"

#include <sodium.h>

zend_class_entry *sc_ce_BlindIndex;
static zend_object_handlers blind_index_handlers;

#define MAX_CACHED_COLUMNS 64

typedef struct {
	zend_object *key;     /* a 32-byte Key, referenced */
	size_t out_len;
	zend_object std;
} sc_blind_index_obj;

static inline sc_blind_index_obj *blind_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_blind_index_obj, obj);
}

static void state_dtor(zval *zv)
{
	sc_arena_free(Z_PTR_P(zv), sizeof(sc_blind_state)); /* wipes it */
}

static zend_object *blind_index_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_blind_index_obj), &blind_index_handlers);
}

static void blind_index_free(zend_object *obj)
{
	sc_blind_index_obj *bi = blind_from_obj(obj);
	if (bi->key) {
		OBJ_RELEASE(bi->key);
	}
	zend_object_std_dtor(obj);
}

/* The hashing state of a column, copied into buf: nothing a computation
 * holds points into the cache, which a call-out (a userland mb_strtolower)
 * may change or, by clearing the key, destroy. false (with an exception)
 * when the key has been wiped. */
static bool column_state(sc_blind_index_obj *bi, zend_string *column, sc_blind_state *buf)
{
	const sc_keyref *key = sc_key_live(bi->key);
	if (!key) {
		return false;
	}
	sc_key_obj *owner = sc_key_from_obj(bi->key);
	const sc_blind_state *cached = owner->blind_states ? zend_hash_find_ptr(owner->blind_states, column) : NULL;
	if (cached) {
		memcpy(buf, cached, sizeof *buf);
		return true;
	}
	uint8_t sub[SC_BLIND_KEY_BYTES];
	sc_blind_subkey(sub, key->bytes, ZSTR_VAL(column), ZSTR_LEN(column));
	sc_blind_state_init(buf, sub);
	sodium_memzero(sub, sizeof sub);
	if (!owner->blind_states) {
		ALLOC_HASHTABLE(owner->blind_states);
		zend_hash_init(owner->blind_states, 8, NULL, state_dtor, 0);
	}
	sc_blind_state *kept;
	if (zend_hash_num_elements(owner->blind_states) < MAX_CACHED_COLUMNS && (kept = sc_arena_alloc(sizeof *kept))) {
		memcpy(kept, buf, sizeof *kept);
		zend_hash_add_new_ptr(owner->blind_states, column, kept);
	}
	return true;
}

/* Releases a string, wiping it first when this was the last reference: a
 * string someone else still holds (the result of a call-out, a userland
 * copy) is theirs, and stays intact. */
static void wipe_release(zend_string *s)
{
	if (!ZSTR_IS_INTERNED(s) && GC_REFCOUNT(s) == 1) {
		sodium_memzero(ZSTR_VAL(s), ZSTR_LEN(s));
	}
	zend_string_release(s);
}

/* mb_strtolower(), for text beyond ASCII: the very function laravel-crypto
 * calls, so the two agree on every input. */
static zend_string *mb_lower(const char *s, size_t len)
{
	zval fn, arg, ret;
	if (!zend_hash_str_exists(CG(function_table), "mb_strtolower", sizeof("mb_strtolower") - 1)) {
		sc_throw(sc_ce_CryptoException, "Normalising non-ASCII text for a blind index needs the mbstring extension");
		return NULL;
	}
	ZVAL_STRINGL(&fn, "mb_strtolower", sizeof("mb_strtolower") - 1);
	ZVAL_STRINGL(&arg, s, len);
	zend_result r = call_user_function(NULL, NULL, &fn, &ret, 1, &arg);
	/* symfony/polyfill-mbstring returns its argument when nothing changes,
	 * and a userland function may keep it: wipe the argument only if no
	 * one else holds it. */
	wipe_release(Z_STR(arg));
	zval_ptr_dtor(&fn);
	if (r == FAILURE || Z_TYPE(ret) != IS_STRING) {
		zval_ptr_dtor(&ret);
		if (!EG(exception)) {
			sc_throw(sc_ce_CryptoException, "mb_strtolower() failed");
		}
		return NULL;
	}
	return Z_STR(ret);
}

/* How a context is joined to the value. */
typedef enum {
	CONTEXT_TYPED,          /* field(value) | field(part)…: unambiguous */
	CONTEXT_LARAVEL_CRYPTO, /* value "|" part "|" …: laravel-crypto's, ambiguous */
} context_encoding;

/* type | LE64(length) | bytes */
static void append_field(smart_str *s, char type, const char *p, size_t len)
{
	uint8_t n[8];
	sc_store_le(n, len, sizeof n);
	smart_str_appendc(s, type);
	smart_str_appendl(s, (const char *) n, sizeof n);
	smart_str_appendl(s, p, len);
}

/* One context part, typed: strings, ints, bools and null each keep their
 * type, so null, false, "" and 0 stay distinct. FAILURE with a TypeError. */
static zend_result append_typed_part(smart_str *s, zval *part)
{
	char buf[MAX_LENGTH_OF_LONG + 1];
	char *digits;
	switch (Z_TYPE_P(part)) {
		case IS_STRING:
			append_field(s, 's', Z_STRVAL_P(part), Z_STRLEN_P(part));
			return SUCCESS;
		case IS_LONG:
			digits = zend_print_long_to_buf(buf + sizeof buf - 1, Z_LVAL_P(part));
			append_field(s, 'i', digits, (size_t) (buf + sizeof buf - 1 - digits));
			return SUCCESS;
		case IS_TRUE:
		case IS_FALSE:
			append_field(s, 'b', Z_TYPE_P(part) == IS_TRUE ? "1" : "0", 1);
			return SUCCESS;
		case IS_NULL:
			append_field(s, 'n', "", 0);
			return SUCCESS;
		default:
			sc_argument_error(zend_ce_type_error, 4, "must contain only strings, ints, bools or null, %s given",
				Z_TYPE_P(part) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(part)->name) : zend_zval_type_name(part));
			return FAILURE;
	}
}

/* laravel-crypto's: "|" . (string) part. */
static zend_result append_loose_part(smart_str *s, zval *part)
{
	if (Z_TYPE_P(part) == IS_ARRAY || Z_TYPE_P(part) == IS_OBJECT || Z_TYPE_P(part) == IS_RESOURCE) {
		sc_argument_error(zend_ce_type_error, 4, "must contain only scalars or null, %s given", zend_zval_type_name(part));
		return FAILURE;
	}
	smart_str_appendc(s, '|');
	zend_string *p = zval_get_string(part);
	smart_str_append(s, p);
	zend_string_release(p);
	return SUCCESS;
}

/* Normalising without a call-out: *s and *len narrowed to the value trimmed,
 * and true when that is ASCII of at most cap bytes, lower-cased into buf;
 * false when it needs mb_strtolower() or does not fit. */
static bool trimmed_ascii_lower(char *buf, size_t cap, const char **s, size_t *len)
{
	sc_trim(s, len);
	return *len <= cap && sc_ascii_lower(buf, *s, *len);
}

/* The value as hashed: mb_strtolower(trim(value)) when normalising, else
 * the value itself (another reference, which wipe_release() leaves intact).
 * NULL with an exception. */
static zend_string *normalised(const zend_string *value, bool normalise)
{
	const char *s = ZSTR_VAL(value);
	size_t len = ZSTR_LEN(value);
	if (!normalise) {
		return zend_string_copy((zend_string *) value);
	}
	zend_string *out = zend_string_alloc(len, 0);
	if (trimmed_ascii_lower(ZSTR_VAL(out), ZSTR_LEN(out), &s, &len)) {
		ZSTR_LEN(out) = len;
		ZSTR_VAL(out)[len] = '\0';
		return out;
	}
	sodium_memzero(ZSTR_VAL(out), ZSTR_LEN(out));
	zend_string_efree(out);
	return mb_lower(s, len);
}

/* What is hashed: the normalised value, then the context in the given
 * encoding. NULL with an exception. */
static zend_string *index_input(const zend_string *value, bool normalise, HashTable *context, context_encoding enc)
{
	zend_string *text = normalised(value, normalise);
	if (!text || !context || zend_hash_num_elements(context) == 0) {
		return text;
	}
	smart_str input = {0};
	if (enc == CONTEXT_TYPED) {
		append_field(&input, 's', ZSTR_VAL(text), ZSTR_LEN(text));
	} else {
		smart_str_append(&input, text);
	}
	wipe_release(text);
	zval *part;
	ZEND_HASH_FOREACH_VAL(context, part) {
		ZVAL_DEREF(part);
		if ((enc == CONTEXT_TYPED ? append_typed_part(&input, part) : append_loose_part(&input, part)) == FAILURE) {
			if (input.s) {
				sodium_memzero(ZSTR_VAL(input.s), ZSTR_LEN(input.s));
			}
			smart_str_free(&input);
			return NULL;
		}
	} ZEND_HASH_FOREACH_END();
	smart_str_0(&input);
	return input.s;
}

static zend_string *compute(sc_blind_index_obj *bi, const sc_blind_state *st, const zend_string *value,
	bool normalise, HashTable *context, context_encoding enc)
{
	zend_string *out = zend_string_alloc(bi->out_len, 0);
	ZSTR_VAL(out)[bi->out_len] = '\0';
	bool has_context = context && zend_hash_num_elements(context) > 0;

	/* The common case allocates nothing: no context, and the value as it is
	 * or lower-cased ASCII that fits on the stack. */
	if (!has_context) {
		const char *s = ZSTR_VAL(value);
		size_t len = ZSTR_LEN(value);
		char lowered[256];
		if (!normalise) {
			sc_blind_hash((uint8_t *) ZSTR_VAL(out), bi->out_len, st, (const uint8_t *) s, len);
			return out;
		}
		if (trimmed_ascii_lower(lowered, sizeof lowered, &s, &len)) {
			sc_blind_hash((uint8_t *) ZSTR_VAL(out), bi->out_len, st, (const uint8_t *) lowered, len);
			sodium_memzero(lowered, len);
			return out;
		}
		sodium_memzero(lowered, sizeof lowered);
	}
	zend_string *input = index_input(value, normalise, context, enc);
	/* index_input() may have called userland (mb_strtolower): if that
	 * cleared the key, nothing more is hashed under it. */
	if (input && !sc_key_live(bi->key)) {
		wipe_release(input);
		input = NULL;
	}
	if (!input) {
		zend_string_efree(out);
		return NULL;
	}
	if (has_context && enc == CONTEXT_TYPED) {
		sc_blind_context_hash((uint8_t *) ZSTR_VAL(out), bi->out_len, st, (const uint8_t *) ZSTR_VAL(input), ZSTR_LEN(input));
	} else {
		sc_blind_hash((uint8_t *) ZSTR_VAL(out), bi->out_len, st, (const uint8_t *) ZSTR_VAL(input), ZSTR_LEN(input));
	}
	wipe_release(input);
	return out;
}

static sc_blind_index_obj *this_blind_index(zval *this_ptr)
{
	sc_blind_index_obj *bi = blind_from_obj(Z_OBJ_P(this_ptr));
	if (!bi->key) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return bi;
}

/* compute() of a BlindIndex object, for its methods and the C API; NULL
 * with an exception. */
static zend_string *compute_of(zend_object *obj, const zend_string *value, zend_string *column, bool normalise,
	HashTable *context, context_encoding enc)
{
	sc_blind_state st;
	zval this_zv;
	ZVAL_OBJ(&this_zv, obj);
	sc_blind_index_obj *bi = this_blind_index(&this_zv);
	zend_string *out = bi && column_state(bi, column, &st) ? compute(bi, &st, value, normalise, context, enc) : NULL;
	sodium_memzero(&st, sizeof st);
	return out;
}

zend_result sc_blind_index_compute(zend_object *obj, zend_string *value, zend_string *column, bool normalise,
	zend_string **out)
{
	*out = compute_of(obj, value, column, normalise, NULL, CONTEXT_TYPED);
	return *out ? SUCCESS : FAILURE;
}

uint32_t sc_blind_index_cached(zend_object *obj)
{
	zend_object *key = blind_from_obj(obj)->key;
	const HashTable *states = key ? sc_key_from_obj(key)->blind_states : NULL;
	return states ? zend_hash_num_elements(states) : 0;
}

PHP_METHOD(SodiumCrypt_BlindIndex, __construct)
{
	zend_object *key;
	zend_long out_len = SC_BLIND_INDEX_BYTES;
	sc_blind_index_obj *bi = blind_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(key, sc_ce_Key)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(out_len)
	ZEND_PARSE_PARAMETERS_END();

	if (bi->key) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\BlindIndex::__construct() twice");
		RETURN_THROWS();
	}
	if (!sc_key_require_len(key, SC_BLIND_KEY_BYTES, 1)) {
		RETURN_THROWS();
	}
	if (out_len < 1 || out_len > SC_BLIND_INDEX_BYTES) {
		sc_argument_error(zend_ce_value_error, 2, "must be between 1 and %d", SC_BLIND_INDEX_BYTES);
		RETURN_THROWS();
	}
	GC_ADDREF(key);
	bi->key = key;
	bi->out_len = (size_t) out_len;
}

static void compute_method(INTERNAL_FUNCTION_PARAMETERS, context_encoding enc)
{
	zend_string *value, *column;
	bool normalise = true;
	HashTable *context = NULL;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(value)
		Z_PARAM_STR(column)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(normalise)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	zend_string *out = compute_of(Z_OBJ_P(ZEND_THIS), value, column, normalise, context, enc);
	if (!out) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(out);
}

PHP_METHOD(SodiumCrypt_BlindIndex, compute)
{
	compute_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, CONTEXT_TYPED);
}

PHP_METHOD(SodiumCrypt_BlindIndex, computeLaravelCrypto)
{
	compute_method(INTERNAL_FUNCTION_PARAM_PASSTHRU, CONTEXT_LARAVEL_CRYPTO);
}

PHP_METHOD(SodiumCrypt_BlindIndex, verify)
{
	zend_string *index, *value, *column;
	bool normalise = true;
	HashTable *context = NULL;

	ZEND_PARSE_PARAMETERS_START(3, 5)
		Z_PARAM_STR(index)
		Z_PARAM_STR(value)
		Z_PARAM_STR(column)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(normalise)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	zend_string *expected = compute_of(Z_OBJ_P(ZEND_THIS), value, column, normalise, context, CONTEXT_TYPED);
	if (!expected) {
		RETURN_THROWS();
	}
	bool same = ZSTR_LEN(index) == ZSTR_LEN(expected)
		&& sodium_memcmp(ZSTR_VAL(index), ZSTR_VAL(expected), ZSTR_LEN(expected)) == 0;
	zend_string_release(expected);
	RETURN_BOOL(same);
}

/* computeMany() hashes its values eight at a time: a value whose hashed
 * form is at hand without a call-out (the bytes, or trimmed ASCII lower-
 * cased) waits in `in`, its result string already in the array and written
 * when the batch is hashed. Any other value first flushes the batch, so
 * nothing waits across a call-out to userland. */
typedef struct {
	sc_blind_index_obj *bi;
	const sc_blind_state *st;
	bool normalise;
	size_t pending;
	zend_string *out[8];
	size_t len[8];
	uint8_t in[8][SC_BLAKE2B_BLOCK];
} compute_each_ctx;

static void compute_flush(compute_each_ctx *c)
{
	uint8_t *to[8];
	const uint8_t *from[8];
	if (c->pending == 0) {
		return;
	}
	for (size_t i = 0; i < c->pending; i++) {
		to[i] = (uint8_t *) ZSTR_VAL(c->out[i]);
		from[i] = c->in[i];
	}
	sc_blind_hash_x8(to, c->bi->out_len, c->st, from, c->len, c->pending);
	for (size_t i = 0; i < c->pending; i++) {
		sodium_memzero(c->in[i], c->len[i]);
	}
	c->pending = 0;
}

static zend_string *compute_each(void *ctx, const zend_string *value)
{
	compute_each_ctx *c = ctx;
	const char *s = ZSTR_VAL(value);
	size_t len = ZSTR_LEN(value);
	uint8_t *slot = c->in[c->pending];
	if (c->normalise ? trimmed_ascii_lower((char *) slot, sizeof c->in[0], &s, &len) : len <= sizeof c->in[0]) {
		if (!c->normalise) {
			memcpy(slot, s, len);
		}
		zend_string *out = zend_string_alloc(c->bi->out_len, 0);
		ZSTR_VAL(out)[c->bi->out_len] = '\0';
		c->out[c->pending] = out;
		c->len[c->pending++] = len;
		if (c->pending == 8) {
			compute_flush(c);
		}
		return out;
	}
	sodium_memzero(slot, sizeof c->in[0]);
	compute_flush(c);
	return compute(c->bi, c->st, value, c->normalise, NULL, CONTEXT_TYPED);
}

PHP_METHOD(SodiumCrypt_BlindIndex, computeMany)
{
	HashTable *values;
	zend_string *column;
	bool normalise = true;
	sc_blind_state st;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_ARRAY_HT(values)
		Z_PARAM_STR(column)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(normalise)
	ZEND_PARSE_PARAMETERS_END();

	sc_blind_index_obj *bi = this_blind_index(ZEND_THIS);
	if (!bi || !column_state(bi, column, &st)) {
		RETURN_THROWS();
	}
	compute_each_ctx ctx = { .bi = bi, .st = &st, .normalise = normalise };
	sc_map_strings(return_value, values, 1, compute_each, &ctx);
	if (!EG(exception)) {
		compute_flush(&ctx);
	}
	/* After an exception the waiting strings went with the array; their
	 * inputs are wiped all the same. */
	for (size_t i = 0; i < ctx.pending; i++) {
		sodium_memzero(ctx.in[i], ctx.len[i]);
	}
	sodium_memzero(&st, sizeof st);
}

void sc_register_blind_index(void)
{
	sc_ce_BlindIndex = register_class_SodiumCrypt_BlindIndex();
	sc_ce_BlindIndex->create_object = blind_index_create;

	sc_object_handlers_init(&blind_index_handlers, XtOffsetOf(sc_blind_index_obj, std), blind_index_free);
}
