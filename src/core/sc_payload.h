/*
 * The payload formats (docs/payload-formats.md), as text:
 *   V1:             "sc1." b64url(cipher_id(1) | key_id(4) | nonce | ct | tag),
 *                   AD = "sc1." | cipher_id | key_id
 *   V1, bound:      the same with SC_V1_BOUND set in cipher_id and
 *                   AD = "sc1." | cipher_id | key_id | binding digest (32),
 *                   digest = BLAKE2b-256("sodium_crypt binding v1" | binding)
 *   laravel-crypto: b64url(nonce | ct | tag), AD = nonce;
 *                   secretbox: b64url(nonce | tag | ct), no AD
 */
#ifndef SC_PAYLOAD_H
#define SC_PAYLOAD_H

#include "sc_cipher.h"

#define SC_KEY_ID_BYTES 4
#define SC_V1_PREFIX     "sc1."
#define SC_V1_PREFIX_LEN 4
#define SC_V1_BOUND      0x80 /* cipher_id flag: the AD carries a binding digest */
#define SC_BINDING_BYTES 32

/* What a bound payload is bound to (say, its table, column and row), as the
 * digest that goes into its AD: it opens only under the same binding. */
typedef struct {
	uint8_t digest[SC_BINDING_BYTES];
} sc_binding;

void sc_binding_init(sc_binding *b, const uint8_t *bytes, size_t len);

typedef enum { SC_FORMAT_V1 = 0, SC_FORMAT_LARAVEL_CRYPTO = 1 } sc_format;

/* A key as the formats see it: bytes (in the arena) and its public id. */
typedef struct {
	const uint8_t *bytes;
	size_t len;
	uint8_t id[SC_KEY_ID_BYTES];
} sc_keyref;

/* key_id = BLAKE2b-128(key = the key, "sodium_crypt.key-id")[0..4). keylen 16..64. */
void sc_key_id(uint8_t id[SC_KEY_ID_BYTES], const uint8_t *key, size_t keylen);

/* Text length of a sealed payload of mlen bytes; SIZE_MAX when too large. */
size_t sc_seal_len(sc_format format, const sc_cipher *cp, size_t mlen);
/* Writes exactly sc_seal_len() characters (no NUL). The cipher must be
 * available, the key cp->key_bytes long, and V1 needs a cipher with AD.
 * bind: NULL, or the binding of a V1 payload (bound payloads are V1 only). */
void sc_seal(sc_format format, const sc_cipher *cp, const sc_keyref *key, const sc_binding *bind,
	char *out, const uint8_t *m, size_t mlen);

typedef enum {
	SC_OPEN_OK = 0,
	SC_OPEN_FAILED = -1,      /* malformed, tampered, unknown key or cipher */
	SC_OPEN_UNAVAILABLE = -2, /* a V1 payload of a cipher this machine lacks */
} sc_open_result;

/* Buffer size sc_open() needs for a payload of len characters. */
static inline size_t sc_open_buf_len(size_t len) { return len / 4 * 3 + 2; }

/* A set of ciphers, one bit per sc_cipher_id: what a ring reads besides its own. */
typedef unsigned sc_cipher_set;
#define SC_CIPHER_BIT(id) (1u << (unsigned) (id))
#define SC_CIPHER_ALL     (((1u << (SC_CIPHER_COUNT + 1)) - 1) & ~1u)

/*
 * Opens a payload of ring_cipher or of a cipher in also_read, and no other:
 * a key is used only with the ciphers its ring was given. A V1 payload (by
 * its prefix) names its cipher and key id, so keys are picked by id (no
 * trial decryption beyond keys that share an id). A laravel-crypto payload
 * names neither: it is tried under ring_cipher, then each available cipher
 * of also_read in id order, each with the keys[0..nkeys) of its key length:
 * at most SC_CIPHER_COUNT * nkeys attempts. The plaintext lands at
 * buf[0..*mlen); on failure buf holds nothing of it. *cipher_out names the
 * payload's cipher (for SC_OPEN_UNAVAILABLE). With bind, only a V1 payload
 * bound to it opens; without, only an unbound one.
 */
sc_open_result sc_open(const sc_cipher *ring_cipher, sc_cipher_set also_read, const sc_keyref *keys, size_t nkeys,
	const sc_binding *bind, uint8_t *buf, size_t *mlen, const char *in, size_t len, const sc_cipher **cipher_out);

/* True when the text is a V1 payload by its prefix ("sc1."). */
bool sc_payload_is_v1(const char *in, size_t len);

/* What a payload is, as sc_payload_inspect() reads it. */
#define SC_NO_KEY SIZE_MAX
typedef struct {
	sc_format format;
	const sc_cipher *cipher;
	bool bound;
	uint8_t key_id[SC_KEY_ID_BYTES]; /* the id the payload names (V1), or of the key that opens it */
	size_t key;                      /* the index of that key in keys[], or SC_NO_KEY */
} sc_payload_info;

/*
 * What a payload is: its format, cipher, whether it is bound, and which of
 * keys[0..nkeys) it is under. A V1 payload is read from its header, for any
 * cipher id this code knows (read by the ring or not), and the check is of
 * form only, not of authenticity (sc_open() checks that): its key is the
 * one with the header's id and the cipher's key length; only the header is
 * decoded, and the text's length checked to hold a box of that cipher. A
 * laravel-crypto payload has no header: it is opened as sc_open() would (buf
 * as there; the plaintext is wiped before returning) and described by the
 * cipher and key that open it. buf may be NULL for a V1 payload
 * (sc_payload_is_v1()). false: neither a V1 payload of a known cipher and a
 * possible length nor one that opens.
 */
bool sc_payload_inspect(const sc_cipher *ring_cipher, sc_cipher_set also_read, const sc_keyref *keys, size_t nkeys,
	uint8_t *buf, const char *in, size_t len, sc_payload_info *info);

/* True when the payload is V1 under this cipher and key id, bound or not as
 * asked: the test of "already current" that re-encryption uses to skip rows.
 * Reads the header only; says nothing of authenticity. */
bool sc_payload_is_current(const sc_cipher *cp, const uint8_t key_id[SC_KEY_ID_BYTES], bool bound,
	const char *in, size_t len);

#endif
