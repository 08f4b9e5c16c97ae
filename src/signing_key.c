/* SodiumCrypt\SigningKey: Ed25519 through libsodium's crypto_sign, the
 * secret in a Key (libsodium's 64-byte form, seed ‖ public key). */
#include "sc_php.h"
#include "signing_key_arginfo.h"

#include <sodium.h>

zend_class_entry *sc_ce_SigningKey;
static zend_object_handlers signing_handlers;

typedef struct {
	zend_object *secret;   /* a 64-byte Key, referenced; NULL until constructed */
	uint8_t public_key[crypto_sign_PUBLICKEYBYTES];
	zend_object std;
} sc_signing_obj;

static inline sc_signing_obj *signing_from_obj(zend_object *obj)
{
	return (sc_signing_obj *) ((char *) obj - XtOffsetOf(sc_signing_obj, std));
}

static zend_object *signing_create(zend_class_entry *ce)
{
	sc_signing_obj *signing = zend_object_alloc(sizeof(sc_signing_obj), ce);
	zend_object_std_init(&signing->std, ce);
	signing->std.handlers = &signing_handlers;
	return &signing->std;
}

static void signing_free(zend_object *obj)
{
	sc_signing_obj *signing = signing_from_obj(obj);
	if (signing->secret) {
		OBJ_RELEASE(signing->secret);
	}
	zend_object_std_dtor(obj);
}

static sc_signing_obj *this_signing(zval *this_ptr)
{
	sc_signing_obj *signing = signing_from_obj(Z_OBJ_P(this_ptr));
	if (!signing->secret) {
		zend_throw_error(NULL, "This SodiumCrypt\\SigningKey has not been constructed");
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

	if (signing->secret) {
		zend_throw_error(NULL, "Cannot call SodiumCrypt\\SigningKey::__construct() twice");
		RETURN_THROWS();
	}
	const sc_keyref *ref = sc_key_live(key_obj);
	if (!ref) {
		RETURN_THROWS();
	}
	if (ref->len == crypto_sign_SEEDBYTES) {
		/* The 64-byte form is derived once, into locked memory of its own. */
		zend_object *secret = sc_key_create_empty(crypto_sign_SECRETKEYBYTES);
		if (!secret) {
			RETURN_THROWS();
		}
		crypto_sign_seed_keypair(signing->public_key, (uint8_t *) sc_key_from_obj(secret)->ref.bytes, ref->bytes);
		signing->secret = secret;
		return;
	}
	if (ref->len != crypto_sign_SECRETKEYBYTES) {
		sc_argument_error(zend_ce_value_error, 1, "must be a 32-byte seed or a 64-byte Ed25519 secret key, %zu-byte key given", ref->len);
		RETURN_THROWS();
	}
	/* The public half must be the seed's, or every signature would be invalid. */
	uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	crypto_sign_seed_keypair(pk, sk, ref->bytes);
	sodium_memzero(sk, sizeof sk);
	if (memcmp(pk, ref->bytes + crypto_sign_SEEDBYTES, sizeof pk) != 0) {
		sc_argument_error(zend_ce_value_error, 1, "must be an Ed25519 secret key whose second half is its public key");
		RETURN_THROWS();
	}
	memcpy(signing->public_key, pk, sizeof pk);
	GC_ADDREF(key_obj);
	signing->secret = key_obj;
}

PHP_METHOD(SodiumCrypt_SigningKey, sign)
{
	zend_string *message;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(message)
	ZEND_PARSE_PARAMETERS_END();

	sc_signing_obj *signing = this_signing(ZEND_THIS);
	const sc_keyref *secret = signing ? sc_key_live(signing->secret) : NULL;
	if (!secret) {
		RETURN_THROWS();
	}
	zend_string *sig = zend_string_alloc(crypto_sign_BYTES, 0);
	crypto_sign_detached((uint8_t *) ZSTR_VAL(sig), NULL, (const uint8_t *) ZSTR_VAL(message), ZSTR_LEN(message),
		secret->bytes);
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

	memcpy(&signing_handlers, &std_object_handlers, sizeof signing_handlers);
	signing_handlers.offset = XtOffsetOf(sc_signing_obj, std);
	signing_handlers.free_obj = signing_free;
	signing_handlers.clone_obj = NULL;
}
