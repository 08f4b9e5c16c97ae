/* The five ciphers: sizes, names, availability, and one detached AEAD call
 * for each. */
#ifndef SC_CIPHER_H
#define SC_CIPHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The values are the V1 payload's cipher_id (secretbox has none: V1 needs AD). */
typedef enum {
	SC_AEGIS256 = 1,
	SC_AEGIS128L = 2,
	SC_XCHACHA20POLY1305 = 3,
	SC_AES256GCM = 4,
	SC_SECRETBOX = 5,
} sc_cipher_id;

#define SC_CIPHER_COUNT   5
#define SC_MAX_NONCEBYTES 32
#define SC_MAX_TAGBYTES   32
#define SC_MAX_KEYBYTES   64
#define SC_MIN_KEYBYTES   16

typedef struct {
	sc_cipher_id id;
	const char *name;          /* the Cipher enum's value, e.g. "aegis-256" */
	const char *case_name;     /* the enum case, e.g. "Aegis256" */
	const char *laravel_name;  /* laravel-crypto's app.cipher, e.g. "Sodium_AEGIS256GCM" */
	uint8_t key_bytes, nonce_bytes, tag_bytes;
	bool takes_ad;
} sc_cipher;

/* NULL for an id outside 1..5. */
const sc_cipher *sc_cipher_get(int id);
/* By enum value ("aegis-256") or, with laravel = true, by laravel-crypto name
 * (ASCII case-insensitive, as Laravel compares app.cipher). */
const sc_cipher *sc_cipher_find(const char *name, size_t len, bool laravel);

bool sc_cipher_available(const sc_cipher *c);
/* Which code runs it: "libsodium", "aes-ni", … or NULL when unavailable. */
const char *sc_cipher_implementation(const sc_cipher *c);
/* Why it is unavailable, for an exception message. */
const char *sc_cipher_unavailable_reason(const sc_cipher *c);

/* A tag length the cipher supports: its own, and 16 for AEGIS too (the
 * Wycheproof AEGIS files use 128-bit tags). */
bool sc_cipher_tag_ok(const sc_cipher *cp, size_t tag_len);
/* Can this CPU run the cipher at that tag length (AEGIS-128 tags need the
 * native path; libsodium's AEGIS has 256-bit tags only)? */
bool sc_cipher_tag_available(const sc_cipher *cp, size_t tag_len);

/*
 * Detached AEAD with the cipher's nonce size and a tag length for which
 * sc_cipher_tag_ok() holds. c may equal m. For secretbox ad must be empty.
 * Encryption cannot fail once the cipher is available; decryption returns
 * 0, or -1 with m wiped.
 */
void sc_aead_encrypt(const sc_cipher *cp, size_t tag_len, uint8_t *c, uint8_t *tag,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *nonce, const uint8_t *key);
int sc_aead_decrypt(const sc_cipher *cp, size_t tag_len, uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, const uint8_t *ad, size_t adlen,
	const uint8_t *nonce, const uint8_t *key);

/*
 * The "box": nonce | ciphertext | tag, or secretbox's nonce | tag | ciphertext,
 * which Aead returns and both payload formats carry. sc_box_seal() draws a
 * fresh nonce into out first, so ad may point at it (laravel-crypto's AD is
 * the nonce). sc_box_open() takes boxlen >= sc_box_overhead(); m may be
 * sc_box_body(cp, box) (in place).
 */
static inline size_t sc_box_overhead(const sc_cipher *cp, size_t tag_len)
{
	return (size_t) cp->nonce_bytes + tag_len;
}
static inline uint8_t *sc_box_body(const sc_cipher *cp, size_t tag_len, uint8_t *box)
{
	return box + cp->nonce_bytes + (cp->takes_ad ? 0 : tag_len);
}
void sc_box_seal(const sc_cipher *cp, size_t tag_len, uint8_t *out, const uint8_t *m, size_t mlen,
	const uint8_t *ad, size_t adlen, const uint8_t *key);
int sc_box_open(const sc_cipher *cp, size_t tag_len, uint8_t *m, const uint8_t *box, size_t boxlen,
	const uint8_t *ad, size_t adlen, const uint8_t *key);

/* A fresh nonce from the OS CSPRNG (getrandom: no user-space state to
 * duplicate across fork). */
void sc_nonce(uint8_t *nonce, size_t len);

#endif
