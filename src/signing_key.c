/* SodiumCrypt\SigningKey: Ed25519 through libsodium's crypto_sign, the
 * secret in a Key. crypto_sign wants its 64-byte form (seed ‖ public key):
 * from a seed it is derived once into locked memory of its own, except for
 * KeyContext's key, whose copy would outlive clear(): that one is derived
 * at each signature. */
#include "sc_php.h"
#include "signing_key_arginfo.h"

#include <sodium.h>

static zend_class_entry *sc_ce_SigningKey;
static zend_object_handlers signing_handlers;

typedef struct {
	zend_object *key;      /* the Key given, referenced; NULL until constructed */
	zend_object *derived;  /* the 64-byte form of a seed, or NULL (see above) */
	uint8_t public_key[crypto_sign_PUBLICKEYBYTES];
	zend_object std;
} sc_signing_obj;

static inline sc_signing_obj *signing_from_obj(zend_object *obj)
{
	return SC_OBJ_OF(sc_signing_obj, obj);
}

static zend_object *signing_create(zend_class_entry *ce)
{
	return sc_object_create(ce, sizeof(sc_signing_obj), &signing_handlers);
}

static void signing_free(zend_object *obj)
{
	sc_signing_obj *signing = signing_from_obj(obj);
	if (signing->key) {
		OBJ_RELEASE(signing->key);
	}
	if (signing->derived) {
		OBJ_RELEASE(signing->derived);
	}
	zend_object_std_dtor(obj);
}

static sc_signing_obj *this_signing(zval *this_ptr)
{
	sc_signing_obj *signing = signing_from_obj(Z_OBJ_P(this_ptr));
	if (!signing->key) {
		sc_throw_unconstructed(Z_OBJ_P(this_ptr));
		return NULL;
	}
	return signing;
}

PHP_METHOD(SodiumCrypt_SigningKey, __construct)
{
	zend_object *key_obj;
	sc_signing_obj *signing = signing_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(key_obj, sc_ce_Key)
	ZEND_PARSE_PARAMETERS_END();

	if (signing->key) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\SigningKey::__construct() twice");
		RETURN_THROWS();
	}
	const sc_keyref *ref = sc_key_live(key_obj);
	if (!ref) {
		RETURN_THROWS();
	}
	uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	if (ref->len != crypto_sign_SEEDBYTES && ref->len != crypto_sign_SECRETKEYBYTES) {
		sc_argument_error(zend_ce_value_error, 1, "must be a 32-byte seed or a 64-byte Ed25519 secret key, %zu-byte key given", ref->len);
		RETURN_THROWS();
	}
	crypto_sign_seed_keypair(pk, sk, ref->bytes);
	/* A 64-byte key's public half must be its seed's, or every signature would be invalid. */
	if (ref->len == crypto_sign_SECRETKEYBYTES && memcmp(pk, ref->bytes + crypto_sign_SEEDBYTES, sizeof pk) != 0) {
		sodium_memzero(sk, sizeof sk);
		sc_argument_error(zend_ce_value_error, 1, "must be an Ed25519 secret key whose second half is its public key");
		RETURN_THROWS();
	}
	bool derive = ref->len == crypto_sign_SEEDBYTES && !sc_key_from_obj(key_obj)->in_context;
	zend_object *derived = derive ? sc_key_create_from(sk, sizeof sk) : NULL;
	sodium_memzero(sk, sizeof sk);
	if (derive && !derived) {
		RETURN_THROWS();
	}
	signing->derived = derived;
	memcpy(signing->public_key, pk, sizeof pk);
	GC_ADDREF(key_obj);
	signing->key = key_obj;
}

PHP_METHOD(SodiumCrypt_SigningKey, sign)
{
	zend_string *message;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(message)
	ZEND_PARSE_PARAMETERS_END();

	sc_signing_obj *signing = this_signing(ZEND_THIS);
	const sc_keyref *key = signing ? sc_key_live(signing->key) : NULL;
	if (!key) {
		RETURN_THROWS();
	}
	uint8_t sk[crypto_sign_SECRETKEYBYTES];
	const uint8_t *secret = key->bytes;
	if (signing->derived) {
		secret = sc_key_live(signing->derived)->bytes; /* never wiped before the object dies */
	} else if (key->len == crypto_sign_SEEDBYTES) {
		uint8_t pk[crypto_sign_PUBLICKEYBYTES];
		crypto_sign_seed_keypair(pk, sk, key->bytes);
		secret = sk;
	}
	zend_string *sig = zend_string_alloc(crypto_sign_BYTES, 0);
	crypto_sign_detached((uint8_t *) ZSTR_VAL(sig), NULL, (const uint8_t *) ZSTR_VAL(message), ZSTR_LEN(message), secret);
	if (secret == sk) {
		sodium_memzero(sk, sizeof sk);
	}
	ZSTR_VAL(sig)[crypto_sign_BYTES] = '\0';
	RETURN_NEW_STR(sig);
}

PHP_METHOD(SodiumCrypt_SigningKey, publicKey)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sc_signing_obj *signing = this_signing(ZEND_THIS);
	if (!signing) {
		RETURN_THROWS();
	}
	RETURN_STRINGL((const char *) signing->public_key, sizeof signing->public_key);
}

PHP_METHOD(SodiumCrypt_SigningKey, verify)
{
	zend_string *sig, *message, *public_key;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(sig)
		Z_PARAM_STR(message)
		Z_PARAM_STR(public_key)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(ZSTR_LEN(sig) == crypto_sign_BYTES && ZSTR_LEN(public_key) == crypto_sign_PUBLICKEYBYTES
		&& crypto_sign_verify_detached((const uint8_t *) ZSTR_VAL(sig), (const uint8_t *) ZSTR_VAL(message),
			ZSTR_LEN(message), (const uint8_t *) ZSTR_VAL(public_key)) == 0);
}

void sc_register_signing_key(void)
{
	sc_ce_SigningKey = register_class_SodiumCrypt_SigningKey();
	sc_ce_SigningKey->create_object = signing_create;

	sc_object_handlers_init(&signing_handlers, XtOffsetOf(sc_signing_obj, std), signing_free);
}
