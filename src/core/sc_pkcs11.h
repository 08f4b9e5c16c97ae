/*
 * Data keys wrapped under a key-encryption key (KEK) that never leaves a
 * PKCS#11 token: an HSM, a cloud KMS's PKCS#11 library, SoftHSM2.
 *
 * The wrapped form is AES Key Wrap with Padding (NIST SP 800-38F KWP,
 * RFC 5649): deterministic, no nonce to manage, and the one key-wrapping
 * mode tokens commonly offer through C_WrapKey/C_UnwrapKey. The token is
 * asked for CKM_AES_KEY_WRAP_KWP (PKCS#11 3.0) and, when it lists only
 * CKM_AES_KEY_WRAP_PAD, for that: SoftHSM2 and several HSMs implement
 * RFC 5649 under the older number. A wrap whose length is not RFC 5649's
 * is refused, so a token whose PAD is PKCS#7 + RFC 3394 cannot write a
 * form the others would not read.
 *
 * One module per process (its path is a system setting), loaded with
 * dlopen() on first use and initialised with CKF_OS_LOCKING_OK; a child
 * process initialises it again (a PKCS#11 library does not survive fork()).
 * Every call opens its own session and closes it: nothing but the module
 * stays open between calls. Unwrapped keys are cached in the locked arena,
 * by a hash of (KEK label, wrapped bytes), so a process unwraps each key
 * once; sc_p11_shutdown() wipes the cache and finalises the module.
 */
#ifndef SC_PKCS11_H
#define SC_PKCS11_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A data key is 16 to 64 bytes; RFC 5649 adds 8 and rounds up to 8. */
#define SC_P11_KEY_MIN      16u
#define SC_P11_KEY_MAX      64u
#define SC_P11_WRAPPED_MAX  (SC_P11_KEY_MAX + 8u)
#define SC_P11_LABEL_MAX    255u

typedef enum {
	SC_P11_OK = 0,
	SC_P11_UNSUPPORTED,   /* built without a PKCS#11 header */
	SC_P11_NO_MODULE,     /* no module path configured */
	SC_P11_LOAD,          /* dlopen() failed */
	SC_P11_NOT_PKCS11,    /* no C_GetFunctionList in the library */
	SC_P11_INIT,          /* C_Initialize failed */
	SC_P11_NO_TOKEN,      /* no token, or none with the configured label */
	SC_P11_MANY_TOKENS,   /* several tokens match (no label set, or one label twice) */
	SC_P11_NO_PIN,        /* the token needs a login and no PIN is set */
	SC_P11_PIN,           /* the PIN was refused */
	SC_P11_PIN_LOCKED,
	SC_P11_NO_KEK,        /* no secret key with that label */
	SC_P11_MANY_KEKS,
	SC_P11_NO_MECHANISM,  /* the token offers no RFC 5649 key wrap */
	SC_P11_BAD_WRAPPED,   /* the bytes do not unwrap under that KEK */
	SC_P11_BAD_LENGTH,    /* an unwrapped key outside 16..64 bytes, or a wrap not RFC 5649's length */
	SC_P11_MEMORY,        /* the locked arena is exhausted */
	SC_P11_TOKEN_ERROR    /* any other CKR_*: see the code */
} sc_p11_status;

typedef struct {
	const char *module;      /* path of the PKCS#11 library */
	const char *token;       /* token label; NULL or "": the only token present */
	const char *pin;         /* user PIN; NULL: no login */
} sc_p11_config;

/* Unwraps wrapped (wrapped_len bytes) with the KEK labelled kek_label into
 * out (locked memory of out_cap >= SC_P11_KEY_MAX bytes); *out_len is the
 * key's length. From the cache when this process unwrapped it before. *ckr
 * is the token's CK_RV for SC_P11_TOKEN_ERROR (and where it helps: 0
 * otherwise). */
sc_p11_status sc_p11_unwrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *wrapped, size_t wrapped_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr);

/* Wraps key (16..64 bytes) with the KEK labelled kek_label: out receives
 * the RFC 5649 form, *out_len bytes (out_cap >= SC_P11_WRAPPED_MAX). The
 * key enters the token as an extractable session object that is destroyed
 * before this returns. */
sc_p11_status sc_p11_wrap(const sc_p11_config *cfg, const char *kek_label,
	const uint8_t *key, size_t key_len,
	uint8_t *out, size_t out_cap, size_t *out_len, unsigned long *ckr);

/* What went wrong, in words (no label, path or PIN in them). */
const char *sc_p11_status_text(sc_p11_status status);
/* The name of a CK_RV ("CKR_PIN_INCORRECT"), or NULL for an unknown one. */
const char *sc_p11_ckr_name(unsigned long ckr);

/* C_UnwrapKey calls this process made (cache hits make none). */
unsigned long sc_p11_unwrap_calls(void);
/* Unwrapped keys the cache holds. */
size_t sc_p11_cached(void);
/* Wipes the cache; finalises and unloads the module when this process
 * initialised it. */
void sc_p11_shutdown(void);

#endif
