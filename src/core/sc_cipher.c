#include "sc_cipher.h"
#include "sc_aegis.h"
#include "sc_ct.h"
#include "sc_random.h"

#include <sodium.h>
#include <string.h>

static const sc_cipher ciphers[SC_CIPHER_COUNT] = {
	{ SC_AEGIS256, "aegis-256", "Aegis256", "Sodium_AEGIS256GCM", 32, 32, 32, true },
	{ SC_AEGIS128L, "aegis-128l", "Aegis128L", "Sodium_AEGIS128LGCM", 16, 16, 32, true },
	{ SC_XCHACHA20POLY1305, "xchacha20-poly1305", "XChaCha20Poly1305", "Sodium_XChaCha20Poly1305", 32, 24, 16, true },
	{ SC_AES256GCM, "aes-256-gcm", "Aes256Gcm", "Sodium_AES256GCM", 32, 12, 16, true },
	{ SC_SECRETBOX, "xsalsa20-poly1305", "SecretBox", "Sodium_SecretBox", 32, 24, 16, false },
};

const sc_cipher *sc_cipher_get(int id)
{
	return id >= 1 && id <= SC_CIPHER_COUNT ? &ciphers[id - 1] : NULL;
}

static bool ascii_ieq(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char x = (unsigned char) a[i], y = (unsigned char) b[i];
		if (x >= 'A' && x <= 'Z') x += 32;
		if (y >= 'A' && y <= 'Z') y += 32;
		if (x != y) {
			return false;
		}
	}
	return true;
}

const sc_cipher *sc_cipher_find(const char *name, size_t len, bool laravel)
{
	for (size_t i = 0; i < SC_CIPHER_COUNT; i++) {
		const char *candidate = laravel ? ciphers[i].laravel_name : ciphers[i].name;
		if (strlen(candidate) == len && (laravel ? ascii_ieq(candidate, name, len)
				: memcmp(candidate, name, len) == 0)) {
			return &ciphers[i];
		}
	}
	return NULL;
}

static inline sc_aegis_alg aegis_alg(const sc_cipher *cp)
{
	return cp->id == SC_AEGIS128L ? SC_AEGIS_ALG_128L : SC_AEGIS_ALG_256;
}

const char *sc_cipher_implementation(const sc_cipher *cp)
{
	switch (cp->id) {
	case SC_AEGIS256:
	case SC_AEGIS128L: {
		const sc_aegis_impl *impl = sc_aegis_active();
		return impl ? impl->name : NULL;
	}
	case SC_AES256GCM:
		return crypto_aead_aes256gcm_is_available() ? "libsodium" : NULL;
	default:
		return "libsodium";
	}
}

bool sc_cipher_available(const sc_cipher *cp)
{
	return sc_cipher_implementation(cp) != NULL;
}

const char *sc_cipher_unavailable_reason(const sc_cipher *cp)
{
	switch (cp->id) {
	case SC_AEGIS256:
	case SC_AEGIS128L:
		return "this CPU has no AES instructions (AES-NI or ARMv8 Crypto Extensions) "
			"and libsodium is older than 1.0.19";
	case SC_AES256GCM:
		return "libsodium offers AES-256-GCM only on CPUs with AES-NI and PCLMULQDQ";
	default:
		return "";
	}
}

bool sc_cipher_tag_ok(const sc_cipher *cp, size_t tag_len)
{
	return tag_len == cp->tag_bytes || (tag_len == 16 && (cp->id == SC_AEGIS256 || cp->id == SC_AEGIS128L));
}

bool sc_cipher_tag_available(const sc_cipher *cp, size_t tag_len)
{
	if (cp->id == SC_AEGIS256 || cp->id == SC_AEGIS128L) {
		return sc_aegis_for_tag(tag_len) != NULL;
	}
	return sc_cipher_available(cp);
}

void sc_aead_encrypt(const sc_cipher *cp, size_t tag_len, uint8_t *c, uint8_t *tag,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *nonce, const uint8_t *key)
{
	switch (cp->id) {
	case SC_AEGIS256:
	case SC_AEGIS128L:
		sc_aegis_for_tag(tag_len)->encrypt(aegis_alg(cp), c, tag, tag_len, m, mlen, ad, adlen, nonce, key);
		break;
	case SC_XCHACHA20POLY1305:
		crypto_aead_xchacha20poly1305_ietf_encrypt_detached(c, tag, NULL, m, mlen, ad, adlen, NULL, nonce, key);
		break;
	case SC_AES256GCM:
		crypto_aead_aes256gcm_encrypt_detached(c, tag, NULL, m, mlen, ad, adlen, NULL, nonce, key);
		break;
	case SC_SECRETBOX:
		crypto_secretbox_detached(c, tag, m, mlen, nonce, key);
		break;
	}
}

int sc_aead_decrypt(const sc_cipher *cp, size_t tag_len, uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, const uint8_t *ad, size_t adlen,
	const uint8_t *nonce, const uint8_t *key)
{
	int r = -1;
	switch (cp->id) {
	case SC_AEGIS256:
	case SC_AEGIS128L:
		return sc_aegis_for_tag(tag_len)->decrypt(aegis_alg(cp), m, c, clen, tag, tag_len, ad, adlen, nonce, key);
	case SC_XCHACHA20POLY1305:
		r = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(m, NULL, c, clen, tag, ad, adlen, nonce, key);
		break;
	case SC_AES256GCM:
		r = crypto_aead_aes256gcm_decrypt_detached(m, NULL, c, clen, tag, ad, adlen, nonce, key);
		break;
	case SC_SECRETBOX:
		r = crypto_secretbox_open_detached(m, c, tag, clen, nonce, key);
		break;
	}
	SC_CT_DECLASSIFY(&r, sizeof r); /* the verdict is public */
	if (r != 0) {
		sodium_memzero(m, clen);
	}
	return r;
}

void sc_box_seal(const sc_cipher *cp, size_t tag_len, uint8_t *out, const uint8_t *m, size_t mlen,
	const uint8_t *ad, size_t adlen, const uint8_t *key)
{
	uint8_t *body = sc_box_body(cp, tag_len, out);
	uint8_t *tag = cp->takes_ad ? body + mlen : out + cp->nonce_bytes;
	sc_nonce(out, cp->nonce_bytes);
	sc_aead_encrypt(cp, tag_len, body, tag, m, mlen, ad, adlen, out, key);
}

int sc_box_open(const sc_cipher *cp, size_t tag_len, uint8_t *m, const uint8_t *box, size_t boxlen,
	const uint8_t *ad, size_t adlen, const uint8_t *key)
{
	size_t clen = boxlen - sc_box_overhead(cp, tag_len);
	const uint8_t *body = sc_box_body(cp, tag_len, (uint8_t *) box);
	const uint8_t *tag = cp->takes_ad ? body + clen : box + cp->nonce_bytes;
	return sc_aead_decrypt(cp, tag_len, m, body, clen, tag, ad, adlen, box, key);
}

void sc_nonce(uint8_t *nonce, size_t len)
{
	sc_random_buf(nonce, len);
}
