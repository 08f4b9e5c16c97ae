/* SodiumCrypt\Hasher: hashes and MACs through libsodium, keys in a Key. */
#include "sc_php.h"
#include "hasher_arginfo.h"

#include <sodium.h>

static zend_class_entry *sc_ce_Hasher;
static zend_object_handlers hasher_handlers;

typedef enum { KEY_NONE, KEY_OPTIONAL, KEY_REQUIRED } key_rule;

typedef enum {
	H_BLAKE2B, H_SHA256, H_SHA512, H_SHA512_256, H_HMAC_SHA256, H_HMAC_SHA512, H_HMAC_SHA512_256,
} algorithm_id;

typedef struct {
	const char *name;
	algorithm_id id;
	uint8_t out;       /* the digest length (BLAKE2b: the default) */
	key_rule key;
} algorithm;

static const algorithm algorithms[] = {
	{ "blake2b",         H_BLAKE2B,         32, KEY_OPTIONAL },
	{ "sha256",          H_SHA256,          32, KEY_NONE },
	{ "sha512",          H_SHA512,          64, KEY_NONE },
	{ "sha512/256",      H_SHA512_256,      32, KEY_NONE },
	{ "hmac-sha256",     H_HMAC_SHA256,     32, KEY_REQUIRED },
	{ "hmac-sha512",     H_HMAC_SHA512,     64, KEY_REQUIRED },
	{ "hmac-sha512/256", H_HMAC_SHA512_256, 32, KEY_REQUIRED },
};

typedef struct {
	const algorithm *alg;   /* NULL until constructed */
	zend_object *key;       /* a Key, referenced, or NULL */
	size_t out_len;
	zend_object std;
} sc_hasher_obj;

static inline sc_hasher_obj *hasher_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_hasher_obj, obj);
}

static zend_object *hasher_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_hasher_obj), &hasher_handlers);
}

static void hasher_free(zend_object *obj)
{
	sc_hasher_obj *hasher = hasher_from_obj(obj);
	if (hasher->key) {
		OBJ_RELEASE(hasher->key);
	}
	zend_object_std_dtor(obj);
}

static sc_hasher_obj *this_hasher(zval *this_ptr)
{
	sc_hasher_obj *hasher = hasher_from_obj(Z_OBJ_P(this_ptr));
	if (!hasher->alg) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return hasher;
}

/* SHA-512/256 (FIPS 180-4, 5.3.6.2): SHA-512 from its own initial value,
 * cut to 32 bytes. libsodium's SHA-512 state is public; only its IV differs. */
static void sha512_256(uint8_t out[32], const uint8_t *in, size_t len)
{
	static const uint64_t iv[8] = {
		UINT64_C(0x22312194FC2BF72C), UINT64_C(0x9F555FA3C84C64C2),
		UINT64_C(0x2393B86B6F53B151), UINT64_C(0x963877195940EABD),
		UINT64_C(0x96283EE2A88EFFE3), UINT64_C(0xBE5E1E2553863992),
		UINT64_C(0x2B0199FC2C85B8AA), UINT64_C(0x0EB72DDC81C52CA2),
	};
	crypto_hash_sha512_state st;
	uint8_t full[64];
	crypto_hash_sha512_init(&st);
	memcpy(st.state, iv, sizeof iv);
	crypto_hash_sha512_update(&st, in, len);
	crypto_hash_sha512_final(&st, full);
	memcpy(out, full, 32);
	sodium_memzero(full, sizeof full);
	sodium_memzero(&st, sizeof st);
}

/* The digest of in into out (hasher->out_len bytes); FAILURE with an
 * exception when the key has been wiped. */
static zend_result digest(const sc_hasher_obj *hasher, uint8_t *out, const uint8_t *in, size_t len)
{
	const sc_keyref *key = NULL;
	if (hasher->key && !(key = sc_key_live(hasher->key))) {
		return FAILURE;
	}
	switch (hasher->alg->id) {
	case H_BLAKE2B:
		crypto_generichash(out, hasher->out_len, in, len, key ? key->bytes : NULL, key ? key->len : 0);
		break;
	case H_SHA256:
		crypto_hash_sha256(out, in, len);
		break;
	case H_SHA512:
		crypto_hash_sha512(out, in, len);
		break;
	case H_SHA512_256:
		sha512_256(out, in, len);
		break;
	case H_HMAC_SHA256: {
		crypto_auth_hmacsha256_state st;
		crypto_auth_hmacsha256_init(&st, key->bytes, key->len);
		crypto_auth_hmacsha256_update(&st, in, len);
		crypto_auth_hmacsha256_final(&st, out);
		sodium_memzero(&st, sizeof st);
		break;
	}
	case H_HMAC_SHA512: {
		crypto_auth_hmacsha512_state st;
		crypto_auth_hmacsha512_init(&st, key->bytes, key->len);
		crypto_auth_hmacsha512_update(&st, in, len);
		crypto_auth_hmacsha512_final(&st, out);
		sodium_memzero(&st, sizeof st);
		break;
	}
	case H_HMAC_SHA512_256: {
		crypto_auth_hmacsha512256_state st;
		crypto_auth_hmacsha512256_init(&st, key->bytes, key->len);
		crypto_auth_hmacsha512256_update(&st, in, len);
		crypto_auth_hmacsha512256_final(&st, out);
		sodium_memzero(&st, sizeof st);
		break;
	}
	}
	return SUCCESS;
}

PHP_METHOD(SodiumCrypt_Hasher, __construct)
{
	zend_string *name;
	zend_object *key_obj = NULL;
	zend_long out_bytes = 0;
	sc_hasher_obj *hasher = hasher_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(key_obj, sc_ce_Key)
		Z_PARAM_LONG(out_bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (hasher->alg) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\Hasher::__construct() twice");
		RETURN_THROWS();
	}
	const algorithm *alg = NULL;
	for (size_t i = 0; i < sizeof algorithms / sizeof algorithms[0]; i++) {
		if (zend_string_equals_cstr(name, algorithms[i].name, strlen(algorithms[i].name))) {
			alg = &algorithms[i];
			break;
		}
	}
	if (!alg) {
		sc_argument_error(zend_ce_value_error, 1, "must be one of \"blake2b\", \"sha256\", \"sha512\", "
			"\"sha512/256\", \"hmac-sha256\", \"hmac-sha512\" or \"hmac-sha512/256\"");
		RETURN_THROWS();
	}
	if (alg->key == KEY_NONE && key_obj) {
		sc_argument_error(zend_ce_value_error, 2, "must be null for %s, which takes no key", alg->name);
		RETURN_THROWS();
	}
	if (alg->key == KEY_REQUIRED && !key_obj) {
		sc_argument_error(zend_ce_value_error, 2, "must be a Key for %s", alg->name);
		RETURN_THROWS();
	}
	if (key_obj && !sc_key_live(key_obj)) {
		RETURN_THROWS();
	}
	if (alg->id == H_BLAKE2B) {
		if (out_bytes != 0 && (out_bytes < crypto_generichash_BYTES_MIN || out_bytes > crypto_generichash_BYTES_MAX)) {
			sc_argument_error(zend_ce_value_error, 3, "must be 0 or from %u to %u for blake2b",
				(unsigned) crypto_generichash_BYTES_MIN, (unsigned) crypto_generichash_BYTES_MAX);
			RETURN_THROWS();
		}
	} else if (out_bytes != 0 && out_bytes != alg->out) {
		sc_argument_error(zend_ce_value_error, 3, "must be 0 or %u for %s", alg->out, alg->name);
		RETURN_THROWS();
	}
	if (key_obj) {
		GC_ADDREF(key_obj);
		hasher->key = key_obj;
	}
	hasher->out_len = out_bytes ? (size_t) out_bytes : alg->out;
	hasher->alg = alg;
}

PHP_METHOD(SodiumCrypt_Hasher, hash)
{
	zend_string *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	sc_hasher_obj *hasher = this_hasher(ZEND_THIS);
	if (!hasher) {
		RETURN_THROWS();
	}
	zend_string *out = zend_string_alloc(hasher->out_len, 0);
	if (digest(hasher, (uint8_t *) ZSTR_VAL(out), (const uint8_t *) ZSTR_VAL(data), ZSTR_LEN(data)) == FAILURE) {
		zend_string_efree(out);
		RETURN_THROWS();
	}
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	RETURN_NEW_STR(out);
}

PHP_METHOD(SodiumCrypt_Hasher, verify)
{
	zend_string *expected, *data;
	uint8_t got[64];

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(expected)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	sc_hasher_obj *hasher = this_hasher(ZEND_THIS);
	if (!hasher || digest(hasher, got, (const uint8_t *) ZSTR_VAL(data), ZSTR_LEN(data)) == FAILURE) {
		RETURN_THROWS();
	}
	bool equal = ZSTR_LEN(expected) == hasher->out_len
		&& sodium_memcmp(got, ZSTR_VAL(expected), hasher->out_len) == 0;
	sodium_memzero(got, sizeof got);
	RETURN_BOOL(equal);
}

PHP_METHOD(SodiumCrypt_Hasher, algorithm)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_hasher_obj *hasher = this_hasher(ZEND_THIS);
	if (!hasher) {
		RETURN_THROWS();
	}
	RETURN_STRING(hasher->alg->name);
}

PHP_METHOD(SodiumCrypt_Hasher, outputBytes)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_hasher_obj *hasher = this_hasher(ZEND_THIS);
	if (!hasher) {
		RETURN_THROWS();
	}
	RETURN_LONG((zend_long) hasher->out_len);
}

void sc_register_hasher(void)
{
	sc_ce_Hasher = register_class_SodiumCrypt_Hasher();
	sc_ce_Hasher->create_object = hasher_create;

	sc_object_handlers_init(&hasher_handlers, XtOffsetOf(sc_hasher_obj, std), hasher_free);
}
