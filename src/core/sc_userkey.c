#include "sc_userkey.h"
#include "sc_random.h"

#include <sodium.h>
#include <string.h>

#define SALT   16
#define NONCE  crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG    crypto_aead_xchacha20poly1305_ietf_ABYTES

int sc_wrap_mode(const uint8_t *blob, size_t len)
{
	if (len == SC_WRAP_MODE1_BYTES && blob[0] == 1) {
		return 1;
	}
	if (len == SC_WRAP_MODE2_BYTES && blob[0] == 2) {
		return 2;
	}
	if (len == SC_WRAP_MODE3_BYTES && blob[0] == 3) {
		return 3;
	}
	return 0;
}

#define LIMITS 8 /* mode 3: ops LE32, mem KiB LE32 */

/*
 * What modes 1 and 3 share: XChaCha20-Poly1305 of the user key under
 * Argon2id(password, salt). A blob is head | salt | nonce | ciphertext, the
 * head being the mode byte (and for mode 3 the limits); the AD is salt and
 * nonce for mode 1 (laravel-crypto's), and everything before the
 * ciphertext for mode 3.
 */
typedef struct {
	size_t head, ad_from;
} password_layout;

static const password_layout MODE1 = { 1, 1 }, MODE3 = { 1 + LIMITS, 0 };

static int password_seal(uint8_t *out, password_layout l, const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit)
{
	uint8_t kek[32];
	uint8_t *salt = out + l.head, *nonce = salt + SALT;
	sc_random_buf(salt, SALT + NONCE);
	if (crypto_pwhash(kek, sizeof kek, password, password_len, salt, opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
		return -1;
	}
	crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NONCE, NULL, user_key, SC_USER_KEY_BYTES,
		out + l.ad_from, l.head + SALT + NONCE - l.ad_from, NULL, nonce, kek);
	sodium_memzero(kek, sizeof kek);
	return 0;
}

/* 0, or -1 with user_key wiped. */
static int password_open(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t *blob, password_layout l,
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit)
{
	uint8_t kek[32];
	const uint8_t *salt = blob + l.head, *nonce = salt + SALT;
	int r = crypto_pwhash(kek, sizeof kek, password, password_len, salt, opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13);
	if (r == 0) {
		r = crypto_aead_xchacha20poly1305_ietf_decrypt(user_key, NULL, NULL, nonce + NONCE, SC_USER_KEY_BYTES + TAG,
			blob + l.ad_from, l.head + SALT + NONCE - l.ad_from, nonce, kek);
	}
	sodium_memzero(kek, sizeof kek);
	if (r != 0) {
		sodium_memzero(user_key, SC_USER_KEY_BYTES);
	}
	return r;
}

int sc_wrap_password(uint8_t out[SC_WRAP_MODE1_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit)
{
	out[0] = 1;
	return password_seal(out, MODE1, user_key, password, password_len, opslimit, memlimit);
}

int sc_unwrap_password(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE1_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit)
{
	return password_open(user_key, blob, MODE1, password, password_len, opslimit, memlimit);
}

static bool limits_ok(unsigned long long ops, unsigned long long mem)
{
	return ops >= crypto_pwhash_OPSLIMIT_MIN && ops <= SC_WRAP_OPSLIMIT_MAX
		&& mem >= crypto_pwhash_MEMLIMIT_MIN && mem <= SC_WRAP_MEMLIMIT_MAX;
}

bool sc_wrap_limits(const uint8_t blob[SC_WRAP_MODE3_BYTES], unsigned long long *opslimit, size_t *memlimit)
{
	unsigned long long ops = sc_load_le(blob + 1, 4), mem = sc_load_le(blob + 5, 4) * 1024;
	if (!limits_ok(ops, mem)) {
		return false;
	}
	*opslimit = ops;
	*memlimit = (size_t) mem;
	return true;
}

int sc_wrap_password3(uint8_t out[SC_WRAP_MODE3_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit)
{
	memlimit = sc_wrap_memlimit_recorded(memlimit); /* Argon2 counts KiB: the same key either way */
	if (!limits_ok(opslimit, memlimit)) {
		return -1;
	}
	out[0] = 3;
	sc_store_le(out + 1, opslimit, 4);
	sc_store_le(out + 5, memlimit / 1024, 4);
	return password_seal(out, MODE3, user_key, password, password_len, opslimit, memlimit);
}

int sc_unwrap_password3(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE3_BYTES],
	const char *password, size_t password_len, unsigned long long max_ops, size_t max_mem)
{
	unsigned long long ops;
	size_t mem;
	if (!sc_wrap_limits(blob, &ops, &mem) || ops > max_ops || mem > max_mem) {
		sodium_memzero(user_key, SC_USER_KEY_BYTES);
		return -1;
	}
	return password_open(user_key, blob, MODE3, password, password_len, ops, mem);
}

static void server_kek(uint8_t kek[32], const uint8_t *app_key, size_t app_key_len,
	const char *user_id, size_t user_id_len)
{
	static const char label[] = "lc-user-key-wrap-v1";
	crypto_generichash_state st;
	crypto_generichash_init(&st, app_key, app_key_len, 32);
	crypto_generichash_update(&st, (const uint8_t *) label, sizeof label - 1);
	crypto_generichash_update(&st, (const uint8_t *) user_id, user_id_len);
	crypto_generichash_final(&st, kek, 32);
	sodium_memzero(&st, sizeof st);
}

void sc_wrap_server(uint8_t out[SC_WRAP_MODE2_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len)
{
	uint8_t kek[32];
	out[0] = 2;
	sc_random_buf(out + 1, NONCE);
	server_kek(kek, app_key, app_key_len, user_id, user_id_len);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + NONCE, NULL, user_key, SC_USER_KEY_BYTES,
		(const uint8_t *) user_id, user_id_len, NULL, out + 1, kek);
	sodium_memzero(kek, sizeof kek);
}

int sc_unwrap_server(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE2_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len)
{
	uint8_t kek[32];
	server_kek(kek, app_key, app_key_len, user_id, user_id_len);
	int r = crypto_aead_xchacha20poly1305_ietf_decrypt(user_key, NULL, NULL, blob + 1 + NONCE,
		SC_USER_KEY_BYTES + TAG, (const uint8_t *) user_id, user_id_len, blob + 1, kek);
	sodium_memzero(kek, sizeof kek);
	if (r != 0) {
		sodium_memzero(user_key, SC_USER_KEY_BYTES);
	}
	return r;
}

void sc_blind_subkey(uint8_t sub[SC_BLIND_KEY_BYTES], const uint8_t key[SC_BLIND_KEY_BYTES],
	const char *column, size_t column_len)
{
	uint8_t h[16];
	char ctx[crypto_kdf_CONTEXTBYTES];
	crypto_generichash(h, sizeof h, (const uint8_t *) column, column_len, NULL, 0);
	memcpy(ctx, h, sizeof ctx);
	crypto_kdf_derive_from_key(sub, SC_BLIND_KEY_BYTES, 1, ctx, key);
}

void sc_blind_state_init(sc_blind_state *st, const uint8_t sub[SC_BLIND_KEY_BYTES])
{
	sc_blake2b_keyed_init(&st->after_key, SC_BLIND_INDEX_BYTES, sub, SC_BLIND_KEY_BYTES);
	crypto_generichash(st->empty, sizeof st->empty, NULL, 0, sub, SC_BLIND_KEY_BYTES);
}

void sc_blind_context_hash(uint8_t *out, size_t out_len, const sc_blind_state *st,
	const uint8_t *input, size_t input_len)
{
	static const char label[] = "sodium_crypt blind index context v1";
	uint8_t ctx_sub[SC_BLIND_KEY_BYTES];
	sc_blake2b_state ctx;
	sc_blind_hash(ctx_sub, sizeof ctx_sub, st, (const uint8_t *) label, sizeof label - 1);
	sc_blake2b_keyed_init(&ctx, SC_BLIND_INDEX_BYTES, ctx_sub, sizeof ctx_sub);
	sc_blake2b_keyed_final(&ctx, out, out_len, input, input_len);
	sodium_memzero(ctx_sub, sizeof ctx_sub);
	sodium_memzero(&ctx, sizeof ctx);
}

void sc_blind_hash(uint8_t *out, size_t out_len, const sc_blind_state *st,
	const uint8_t *input, size_t input_len)
{
	if (input_len == 0) {
		memcpy(out, st->empty, out_len);
		return;
	}
	sc_blake2b_keyed_final(&st->after_key, out, out_len, input, input_len);
}

void sc_blind_hash_x8(uint8_t *const out[8], size_t out_len, const sc_blind_state *st,
	const uint8_t *const in[8], const size_t len[8], size_t n)
{
	uint8_t *to[8];
	const uint8_t *from[8];
	size_t from_len[8], k = 0;
	for (size_t l = 0; l < n; l++) {
		if (len[l] == 0 || len[l] > SC_BLAKE2B_BLOCK) {
			sc_blind_hash(out[l], out_len, st, in[l], len[l]);
			continue;
		}
		to[k] = out[l];
		from[k] = in[l];
		from_len[k++] = len[l];
	}
	if (k > 0) {
		sc_blake2b_keyed_final_x8(&st->after_key, to, out_len, from, from_len, k);
	}
}

static inline bool is_trim_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

void sc_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;
	while (n > 0 && is_trim_char(p[0])) {
		p++;
		n--;
	}
	while (n > 0 && is_trim_char(p[n - 1])) {
		n--;
	}
	*s = p;
	*len = n;
}

bool sc_ascii_lower(char *out, const char *in, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) in[i];
		if (c >= 0x80) {
			return false;
		}
		out[i] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return true;
}
