#include "sc_aegis.h"

#include <sodium.h>

/* libsodium >= 1.0.19 carries AEGIS (256-bit tags only). */
#if defined(crypto_aead_aegis256_KEYBYTES) && defined(crypto_aead_aegis128l_KEYBYTES)
# define SC_HAVE_SODIUM_AEGIS 1

static bool sodium_usable(void)
{
	return true;
}

static void sodium_encrypt(sc_aegis_alg alg, uint8_t *c, uint8_t *tag, size_t taglen,
	const uint8_t *m, size_t mlen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	(void) taglen;
	if (alg == SC_AEGIS_ALG_128L) {
		crypto_aead_aegis128l_encrypt_detached(c, tag, NULL, m, mlen, ad, adlen, NULL, npub, k);
	} else {
		crypto_aead_aegis256_encrypt_detached(c, tag, NULL, m, mlen, ad, adlen, NULL, npub, k);
	}
}

static int sodium_decrypt(sc_aegis_alg alg, uint8_t *m, const uint8_t *c, size_t clen,
	const uint8_t *tag, size_t taglen, const uint8_t *ad, size_t adlen,
	const uint8_t *npub, const uint8_t *k)
{
	int r;
	(void) taglen;
	if (alg == SC_AEGIS_ALG_128L) {
		r = crypto_aead_aegis128l_decrypt_detached(m, NULL, c, clen, tag, ad, adlen, npub, k);
	} else {
		r = crypto_aead_aegis256_decrypt_detached(m, NULL, c, clen, tag, ad, adlen, npub, k);
	}
	if (r != 0) {
		sodium_memzero(m, clen);
	}
	return r;
}

static const sc_aegis_impl sc_aegis_sodium = {
	.name = "libsodium",
	.tags = SC_AEGIS_TAG256,
	.usable = sodium_usable,
	.encrypt = sodium_encrypt,
	.decrypt = sodium_decrypt,
};
#endif

/* In order of preference: native on hardware AES first (it also serves the
 * 128-bit tags libsodium lacks), libsodium's after. */
const sc_aegis_impl *const sc_aegis_builtin[] = {
#if defined(__x86_64__) || defined(__i386__)
	&sc_aegis_aesni,
#endif
#if defined(__aarch64__)
	&sc_aegis_armce,
#endif
#ifdef SC_HAVE_SODIUM_AEGIS
	&sc_aegis_sodium,
#endif
	NULL,
};
const size_t sc_aegis_builtin_count = sizeof sc_aegis_builtin / sizeof sc_aegis_builtin[0] - 1;

const sc_aegis_impl *sc_aegis_for_tag(size_t taglen)
{
	unsigned want = taglen == 16 ? SC_AEGIS_TAG128 : taglen == 32 ? SC_AEGIS_TAG256 : 0;
	for (size_t i = 0; i < sc_aegis_builtin_count; i++) {
		const sc_aegis_impl *impl = sc_aegis_builtin[i];
		if ((impl->tags & want) && impl->usable()) {
			return impl;
		}
	}
	return NULL;
}

const sc_aegis_impl *sc_aegis_active(void)
{
	return sc_aegis_for_tag(32);
}
