/* SodiumCrypt\Pkcs11: keys wrapped under a KEK that stays in a PKCS#11 token. */
#include "sc_php.h"
#include "pkcs11_arginfo.h"
#include "core/sc_pkcs11.h"

#include <sodium.h>
#include <stdlib.h>

static zend_class_entry *sc_ce_Pkcs11;

#define REF_PREFIX     "pkcs11:"
#define REF_PREFIX_LEN (sizeof REF_PREFIX - 1)
#define PIN_ENV        "SODIUM_CRYPT_PKCS11_PIN"

/* A reference split into its KEK label (NUL-terminated) and its wrapped
 * bytes (room for what any base64 text that passes the length check decodes to). */
typedef struct {
	char label[SC_P11_LABEL_MAX + 1];
	uint8_t wrapped[SC_P11_WRAPPED_MAX + 2];
	size_t wrapped_len;
} reference;

static bool label_ok(const char *label, size_t len)
{
	return len > 0 && len <= SC_P11_LABEL_MAX && memchr(label, '\0', len) == NULL;
}

/* "pkcs11:<label>:<base64url>": the label runs to the last colon (base64url
 * has none), so a label may hold colons itself. */
static bool parse_reference(const zend_string *text, reference *ref)
{
	const char *s = ZSTR_VAL(text);
	size_t n = ZSTR_LEN(text);
	if (n <= REF_PREFIX_LEN || memcmp(s, REF_PREFIX, REF_PREFIX_LEN) != 0) {
		return false;
	}
	s += REF_PREFIX_LEN;
	n -= REF_PREFIX_LEN;
	const char *colon = zend_memrchr(s, ':', n);
	if (colon == NULL) {
		return false;
	}
	size_t label_len = (size_t) (colon - s), b64_len = n - label_len - 1;
	if (!label_ok(s, label_len) || b64_len == 0 || sc_b64_decoded_max(b64_len) > sizeof ref->wrapped
			|| !sc_b64_decode(ref->wrapped, &ref->wrapped_len, colon + 1, b64_len) || ref->wrapped_len > SC_P11_WRAPPED_MAX) {
		return false;
	}
	memcpy(ref->label, s, label_len);
	ref->label[label_len] = '\0';
	return true;
}

static zend_string *format_reference(const char *label, const uint8_t *wrapped, size_t len)
{
	size_t label_len = strlen(label), b64_len = sc_b64_encoded_len(len);
	zend_string *out = zend_string_alloc(REF_PREFIX_LEN + label_len + 1 + b64_len, 0);
	char *p = ZSTR_VAL(out);
	memcpy(p, REF_PREFIX, REF_PREFIX_LEN);
	memcpy(p + REF_PREFIX_LEN, label, label_len);
	p[REF_PREFIX_LEN + label_len] = ':';
	sc_b64_encode(p + REF_PREFIX_LEN + label_len + 1, wrapped, len);
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	return out;
}

/* The configuration as php.ini and the process environment give it. The PIN
 * is read from the environment of the process (never from a request's
 * FastCGI parameters) and is never copied into a PHP string. */
static void current_config(sc_p11_config *cfg)
{
	cfg->module = SC_G(pkcs11_module);
	cfg->token = SC_G(pkcs11_token);
	cfg->pin = getenv(PIN_ENV);
}

/* CryptoException naming what failed and where: the module path, the token,
 * the KEK label; never a PIN or key byte. */
static ZEND_COLD void throw_status(sc_p11_status status, unsigned long ckr, const sc_p11_config *cfg, const char *label)
{
	const char *what = sc_p11_status_text(status);
	const char *name = ckr ? sc_p11_ckr_name(ckr) : NULL;
	char code[48] = "";
	if (ckr && name) {
		snprintf(code, sizeof code, " (%s)", name);
	} else if (ckr) {
		snprintf(code, sizeof code, " (CK_RV 0x%lx)", ckr);
	}
	char token[SC_P11_LABEL_MAX + 16];
	if (cfg->token && cfg->token[0]) {
		snprintf(token, sizeof token, "token \"%s\"", cfg->token);
	} else {
		snprintf(token, sizeof token, "the only token");
	}
	switch (status) {
		case SC_P11_LOAD: case SC_P11_NOT_PKCS11: case SC_P11_INIT:
			sc_throw(sc_ce_CryptoException, "PKCS#11: %s: %s%s", what, cfg->module, code);
			break;
		case SC_P11_NO_TOKEN: case SC_P11_NO_PIN: case SC_P11_PIN: case SC_P11_PIN_LOCKED: case SC_P11_NO_MECHANISM:
			sc_throw(sc_ce_CryptoException, "PKCS#11: %s%s; %s, module %s", what, code, token, cfg->module);
			break;
		case SC_P11_NO_KEK: case SC_P11_MANY_KEKS: case SC_P11_BAD_WRAPPED: case SC_P11_BAD_LENGTH: case SC_P11_TOKEN_ERROR:
			sc_throw(sc_ce_CryptoException, "PKCS#11: %s%s; key label \"%s\", %s", what, code, label, token);
			break;
		default:
			sc_throw(sc_ce_CryptoException, "PKCS#11: %s%s", what, code);
	}
}

PHP_METHOD(SodiumCrypt_Pkcs11, __construct)
{
	(void) return_value; /* private: the class is its static methods */
	ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(SodiumCrypt_Pkcs11, unwrap)
{
	zend_string *text;
	reference ref;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(text)
	ZEND_PARSE_PARAMETERS_END();

	if (!parse_reference(text, &ref)) {
		sc_argument_error(zend_ce_value_error, 1,
			"must be a reference \"pkcs11:<KEK label>:<wrapped key, base64url>\"");
		RETURN_THROWS();
	}
	/* The token writes the key into locked memory; the Key copies it from there. */
	uint8_t *bytes = sc_arena_alloc(SC_P11_KEY_MAX);
	if (bytes == NULL) {
		sc_throw(sc_ce_CryptoException, "Out of locked memory for keys");
		RETURN_THROWS();
	}
	sc_p11_config cfg;
	current_config(&cfg);
	size_t len = 0;
	unsigned long ckr = 0;
	sc_p11_status status = sc_p11_unwrap(&cfg, ref.label, ref.wrapped, ref.wrapped_len, bytes, SC_P11_KEY_MAX, &len, &ckr);
	zend_object *key = status == SC_P11_OK ? sc_key_create_from(bytes, len) : NULL;
	sc_arena_free(bytes, SC_P11_KEY_MAX);
	if (status != SC_P11_OK) {
		throw_status(status, ckr, &cfg, ref.label);
		RETURN_THROWS();
	}
	if (key == NULL) {
		RETURN_THROWS();
	}
	RETURN_OBJ(key);
}

static void wrap_into(zval *return_value, const uint8_t *key, size_t len, const zend_string *label)
{
	sc_p11_config cfg;
	current_config(&cfg);
	uint8_t wrapped[SC_P11_WRAPPED_MAX];
	size_t wrapped_len = 0;
	unsigned long ckr = 0;
	sc_p11_status status = sc_p11_wrap(&cfg, ZSTR_VAL(label), key, len, wrapped, sizeof wrapped, &wrapped_len, &ckr);
	if (status != SC_P11_OK) {
		throw_status(status, ckr, &cfg, ZSTR_VAL(label));
		return;
	}
	RETVAL_NEW_STR(format_reference(ZSTR_VAL(label), wrapped, wrapped_len));
}

static bool require_label(const zend_string *label, uint32_t arg_num)
{
	if (!label_ok(ZSTR_VAL(label), ZSTR_LEN(label))) {
		sc_argument_error(zend_ce_value_error, arg_num, "must be a key label of 1 to %u bytes without NUL", SC_P11_LABEL_MAX);
		return false;
	}
	return true;
}

PHP_METHOD(SodiumCrypt_Pkcs11, wrap)
{
	zend_object *key;
	zend_string *label;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ_OF_CLASS(key, sc_ce_Key)
		Z_PARAM_STR(label)
	ZEND_PARSE_PARAMETERS_END();

	if (!require_label(label, 2)) {
		RETURN_THROWS();
	}
	const sc_keyref *ref = sc_key_live(key);
	if (ref == NULL) {
		RETURN_THROWS();
	}
	wrap_into(return_value, ref->bytes, ref->len, label);
}

PHP_METHOD(SodiumCrypt_Pkcs11, generate)
{
	zend_string *label;
	zend_long bytes = 32;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(label)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(bytes)
	ZEND_PARSE_PARAMETERS_END();

	if (!require_label(label, 1)) {
		RETURN_THROWS();
	}
	if (bytes < (zend_long) SC_P11_KEY_MIN || bytes > (zend_long) SC_P11_KEY_MAX) {
		sc_argument_error(zend_ce_value_error, 2, "must be between %u and %u", SC_P11_KEY_MIN, SC_P11_KEY_MAX);
		RETURN_THROWS();
	}
	uint8_t *key = sc_arena_alloc((size_t) bytes);
	if (key == NULL) {
		sc_throw(sc_ce_CryptoException, "Out of locked memory for keys");
		RETURN_THROWS();
	}
	sc_random_buf(key, (size_t) bytes);
	wrap_into(return_value, key, (size_t) bytes, label);
	sc_arena_free(key, (size_t) bytes);
}

PHP_METHOD(SodiumCrypt_Pkcs11, isReference)
{
	zend_string *text;
	reference ref;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(text)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_BOOL(parse_reference(text, &ref));
}

void sc_register_pkcs11(void)
{
	sc_ce_Pkcs11 = register_class_SodiumCrypt_Pkcs11();
}
