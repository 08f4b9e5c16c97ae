#include "sc_payload.h"
#include "sc_b64.h"
#include "sc_ct.h"

#include <sodium.h>
#include <string.h>

#define V1_HEADER (1 + SC_KEY_ID_BYTES)
#define V1_AD_LEN (SC_V1_PREFIX_LEN + V1_HEADER)
#define V1_AD_MAX (V1_AD_LEN + SC_BINDING_BYTES)

void sc_binding_init(sc_binding *b, const uint8_t *bytes, size_t len)
{
	/* A fixed label first, so the hashed input is label | bytes, unambiguous. */
	static const char label[] = "sodium_crypt binding v1";
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, SC_BINDING_BYTES);
	crypto_generichash_update(&st, (const uint8_t *) label, sizeof label - 1);
	crypto_generichash_update(&st, bytes, len);
	crypto_generichash_final(&st, b->digest, SC_BINDING_BYTES);
	sodium_memzero(&st, sizeof st);
}

/* V1's AD: prefix | header, then the binding digest of a bound payload. */
static size_t v1_ad(uint8_t ad[V1_AD_MAX], const uint8_t header[V1_HEADER], const sc_binding *bind)
{
	memcpy(ad, SC_V1_PREFIX, SC_V1_PREFIX_LEN);
	memcpy(ad + SC_V1_PREFIX_LEN, header, V1_HEADER);
	if (!bind) {
		return V1_AD_LEN;
	}
	memcpy(ad + V1_AD_LEN, bind->digest, SC_BINDING_BYTES);
	return V1_AD_MAX;
}

void sc_key_id(uint8_t id[SC_KEY_ID_BYTES], const uint8_t *key, size_t keylen)
{
	static const char label[] = "sodium_crypt.key-id";
	uint8_t h[crypto_generichash_BYTES_MIN];
	crypto_generichash(h, sizeof h, (const uint8_t *) label, sizeof label - 1, key, keylen);
	memcpy(id, h, SC_KEY_ID_BYTES);
	sodium_memzero(h, sizeof h);
	SC_CT_DECLASSIFY(id, SC_KEY_ID_BYTES); /* key ids are public by design */
}

static size_t binary_len(sc_format format, const sc_cipher *cp, size_t mlen)
{
	size_t overhead = (size_t) cp->nonce_bytes + cp->tag_bytes + (format == SC_FORMAT_V1 ? V1_HEADER : 0);
	return mlen > SIZE_MAX - overhead ? SIZE_MAX : mlen + overhead;
}

size_t sc_seal_len(sc_format format, const sc_cipher *cp, size_t mlen)
{
	size_t bin = binary_len(format, cp, mlen);
	size_t text = bin == SIZE_MAX ? SIZE_MAX : sc_b64_encoded_len(bin);
	if (text == SIZE_MAX || (format == SC_FORMAT_V1 && text > SIZE_MAX - SC_V1_PREFIX_LEN)) {
		return SIZE_MAX;
	}
	return format == SC_FORMAT_V1 ? text + SC_V1_PREFIX_LEN : text;
}

void sc_seal(sc_format format, const sc_cipher *cp, const sc_keyref *key, const sc_binding *bind,
	char *out, const uint8_t *m, size_t mlen)
{
	size_t bin_len = binary_len(format, cp, mlen);
	size_t text_len = sc_seal_len(format, cp, mlen);
	/* The binary form is built in the tail of out and encoded forward in place. */
	uint8_t *bin = (uint8_t *) out + (text_len - bin_len);

	if (format == SC_FORMAT_V1) {
		uint8_t ad[V1_AD_MAX];
		bin[0] = (uint8_t) (cp->id | (bind ? SC_V1_BOUND : 0));
		memcpy(bin + 1, key->id, SC_KEY_ID_BYTES);
		size_t ad_len = v1_ad(ad, bin, bind);
		sc_box_seal(cp, cp->tag_bytes, bin + V1_HEADER, m, mlen, ad, ad_len, key->bytes);
		SC_CT_DECLASSIFY(bin, bin_len); /* ciphertext is public: the fast codec may index on it */
		memcpy(out, SC_V1_PREFIX, SC_V1_PREFIX_LEN);
		sc_b64_encode(out + SC_V1_PREFIX_LEN, bin, bin_len);
	} else {
		/* AD = the nonce, which sc_box_seal() writes at bin first. */
		sc_box_seal(cp, cp->tag_bytes, bin, m, mlen, cp->takes_ad ? bin : NULL, cp->takes_ad ? cp->nonce_bytes : 0, key->bytes);
		SC_CT_DECLASSIFY(bin, bin_len);
		sc_b64_encode(out, bin, bin_len);
	}
}

bool sc_payload_is_v1(const char *in, size_t len)
{
	return len >= SC_V1_PREFIX_LEN && memcmp(in, SC_V1_PREFIX, SC_V1_PREFIX_LEN) == 0;
}

/* The cipher a V1 header (its first byte) names, when bin_len bytes can hold
 * that header and a box of it; NULL for an unknown id, a cipher without AD,
 * or a payload too short. */
static const sc_cipher *v1_cipher(const uint8_t *header, size_t bin_len)
{
	const sc_cipher *cp = bin_len >= V1_HEADER ? sc_cipher_get(header[0] & ~SC_V1_BOUND) : NULL;
	return cp && cp->takes_ad && bin_len >= V1_HEADER + (size_t) cp->nonce_bytes + cp->tag_bytes ? cp : NULL;
}

/* A V1 payload's header from its first 8 characters alone (the header's 40
 * bits are 7 characters; the 8th also carries nonce bits) and the length its
 * text decodes to: nothing else is decoded. false: not V1, or text that no
 * base64url payload of that length could be. */
static bool v1_head(const char *in, size_t len, uint8_t head[6], size_t *bin_len)
{
	size_t head_len;
	if (!sc_payload_is_v1(in, len)) {
		return false;
	}
	size_t text_len = len - SC_V1_PREFIX_LEN;
	if (text_len < 8 || text_len % 4 == 1 || !sc_b64_decode(head, &head_len, in + SC_V1_PREFIX_LEN, 8)) {
		return false;
	}
	*bin_len = text_len / 4 * 3 + (text_len % 4 ? text_len % 4 - 1 : 0);
	return true;
}

static sc_open_result open_v1(sc_cipher_set readable, const sc_keyref *keys, size_t nkeys, const sc_binding *bind,
	uint8_t *buf, size_t *mlen, const char *in, size_t len, const sc_cipher **cipher_out)
{
	const char *text = in + SC_V1_PREFIX_LEN;
	size_t text_len = len - SC_V1_PREFIX_LEN, bin_len;

	if (!sc_b64_decode(buf, &bin_len, text, text_len)) {
		return SC_OPEN_FAILED;
	}
	const sc_cipher *cp = v1_cipher(buf, bin_len);
	/* Bound and unbound never stand in for each other. */
	if (!cp || !(readable & SC_CIPHER_BIT(cp->id)) || ((buf[0] & SC_V1_BOUND) != 0) != (bind != NULL)) {
		return SC_OPEN_FAILED;
	}
	*cipher_out = cp;
	if (!sc_cipher_available(cp)) {
		return SC_OPEN_UNAVAILABLE;
	}

	uint8_t ad[V1_AD_MAX];
	size_t ad_len = v1_ad(ad, buf, bind);
	uint8_t *box = buf + V1_HEADER;
	uint8_t *ct = sc_box_body(cp, cp->tag_bytes, box);
	size_t ct_len = bin_len - V1_HEADER - sc_box_overhead(cp, cp->tag_bytes);
	bool intact = true;

	/* Only keys with the payload's id are tried: several only when two keys
	 * of the ring share a 32-bit id. */
	for (size_t k = 0; k < nkeys; k++) {
		if (keys[k].len != cp->key_bytes || memcmp(keys[k].id, ad + SC_V1_PREFIX_LEN + 1, SC_KEY_ID_BYTES) != 0) {
			continue;
		}
		if (!intact) { /* a failed attempt wiped the ciphertext in place */
			sc_b64_decode(buf, &bin_len, text, text_len);
		}
		if (sc_box_open(cp, cp->tag_bytes, ct, box, bin_len - V1_HEADER, ad, ad_len, keys[k].bytes) == 0) {
			memmove(buf, ct, ct_len);
			*mlen = ct_len;
			return SC_OPEN_OK;
		}
		intact = false;
	}
	return SC_OPEN_FAILED;
}

/* A laravel-crypto payload as text, and whether buf holds it decoded (a
 * failed attempt wipes the ciphertext in place: the next one decodes again). */
typedef struct {
	const char *in;
	size_t len, bin_len;
	bool decoded;
} lc_text;

static void lc_decode(uint8_t *buf, lc_text *t)
{
	if (!t->decoded) {
		sc_b64_decode(buf, &t->bin_len, t->in, t->len); /* sc_open() checked it decodes */
		t->decoded = true;
	}
}

/* One cipher's attempts at a laravel-crypto payload, a key of its length at a time. */
static sc_open_result open_laravel_crypto(const sc_cipher *cp, const sc_keyref *keys, size_t nkeys,
	uint8_t *buf, size_t *mlen, lc_text *t, size_t *key_out)
{
	for (size_t k = 0; k < nkeys; k++) {
		if (keys[k].len != cp->key_bytes) {
			continue;
		}
		lc_decode(buf, t);
		if (t->bin_len < sc_box_overhead(cp, cp->tag_bytes)) {
			return SC_OPEN_FAILED;
		}
		/* In place; the nonce (the AD) lies before the body and stays intact. */
		uint8_t *ct = sc_box_body(cp, cp->tag_bytes, buf);
		size_t ct_len = t->bin_len - sc_box_overhead(cp, cp->tag_bytes);
		if (sc_box_open(cp, cp->tag_bytes, ct, buf, t->bin_len, cp->takes_ad ? buf : NULL, cp->takes_ad ? cp->nonce_bytes : 0,
				keys[k].bytes) == 0) {
			memmove(buf, ct, ct_len);
			*mlen = ct_len;
			*key_out = k;
			return SC_OPEN_OK;
		}
		t->decoded = false;
	}
	return SC_OPEN_FAILED;
}

/* A laravel-crypto payload: ring_cipher first, then each available cipher
 * of also_read in id order; *cipher_out and *key_out name what opened it. */
static sc_open_result open_laravel_crypto_any(const sc_cipher *ring_cipher, sc_cipher_set also_read,
	const sc_keyref *keys, size_t nkeys, uint8_t *buf, size_t *mlen, const char *in, size_t len,
	const sc_cipher **cipher_out, size_t *key_out)
{
	if (!sc_cipher_available(ring_cipher)) {
		return SC_OPEN_UNAVAILABLE;
	}
	lc_text t = { .in = in, .len = len, .decoded = true };
	if (!sc_b64_decode(buf, &t.bin_len, in, len)) {
		return SC_OPEN_FAILED; /* not base64url: no cipher would open it */
	}
	if (open_laravel_crypto(ring_cipher, keys, nkeys, buf, mlen, &t, key_out) == SC_OPEN_OK) {
		return SC_OPEN_OK;
	}
	for (int id = 1; id <= SC_CIPHER_COUNT; id++) {
		const sc_cipher *cp = sc_cipher_get(id);
		if (cp == ring_cipher || !(also_read & SC_CIPHER_BIT(id)) || !sc_cipher_available(cp)) {
			continue;
		}
		if (open_laravel_crypto(cp, keys, nkeys, buf, mlen, &t, key_out) == SC_OPEN_OK) {
			*cipher_out = cp;
			return SC_OPEN_OK;
		}
	}
	return SC_OPEN_FAILED;
}

sc_open_result sc_open(const sc_cipher *ring_cipher, sc_cipher_set also_read, const sc_keyref *keys, size_t nkeys,
	const sc_binding *bind, uint8_t *buf, size_t *mlen, const char *in, size_t len, const sc_cipher **cipher_out)
{
	*cipher_out = ring_cipher;
	if (sc_payload_is_v1(in, len)) {
		return open_v1(also_read | SC_CIPHER_BIT(ring_cipher->id), keys, nkeys, bind, buf, mlen, in, len, cipher_out);
	}
	if (bind) {
		return SC_OPEN_FAILED; /* laravel-crypto payloads are never bound */
	}
	size_t key;
	return open_laravel_crypto_any(ring_cipher, also_read, keys, nkeys, buf, mlen, in, len, cipher_out, &key);
}

bool sc_payload_inspect(const sc_cipher *ring_cipher, sc_cipher_set also_read, const sc_keyref *keys, size_t nkeys,
	uint8_t *buf, const char *in, size_t len, sc_payload_info *info)
{
	info->key = SC_NO_KEY;
	if (sc_payload_is_v1(in, len)) {
		uint8_t head[6];
		size_t bin_len;
		const sc_cipher *cp = v1_head(in, len, head, &bin_len) ? v1_cipher(head, bin_len) : NULL;
		if (!cp) {
			return false;
		}
		info->format = SC_FORMAT_V1;
		info->cipher = cp;
		info->bound = (head[0] & SC_V1_BOUND) != 0;
		memcpy(info->key_id, head + 1, SC_KEY_ID_BYTES);
		for (size_t k = 0; k < nkeys; k++) {
			if (keys[k].len == cp->key_bytes && memcmp(keys[k].id, info->key_id, SC_KEY_ID_BYTES) == 0) {
				info->key = k;
				break;
			}
		}
		return true;
	}
	size_t mlen;
	const sc_cipher *cp = ring_cipher;
	if (open_laravel_crypto_any(ring_cipher, also_read, keys, nkeys, buf, &mlen, in, len, &cp, &info->key) != SC_OPEN_OK) {
		return false;
	}
	sodium_memzero(buf, mlen); /* the plaintext: only the key and cipher were asked for */
	info->format = SC_FORMAT_LARAVEL_CRYPTO;
	info->cipher = cp;
	info->bound = false;
	memcpy(info->key_id, keys[info->key].id, SC_KEY_ID_BYTES);
	return true;
}

bool sc_payload_is_current(const sc_cipher *cp, const uint8_t key_id[SC_KEY_ID_BYTES], bool bound,
	const char *in, size_t len)
{
	uint8_t head[6];
	size_t bin_len;
	return v1_head(in, len, head, &bin_len) && head[0] == (cp->id | (bound ? SC_V1_BOUND : 0))
		&& memcmp(head + 1, key_id, SC_KEY_ID_BYTES) == 0;
}
