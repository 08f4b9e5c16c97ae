/*
 * Per-user keys (laravel-crypto v3 compatible): wrapping a 32-byte user key
 * under a password (mode 1) or under the app key and user id (mode 2), and
 * the blind-index derivation for searchable encrypted columns.
 *
 *   mode 1: 0x01 | salt(16) | nonce(24) | XChaCha20-Poly1305(userKey,
 *           AD = salt | nonce, key = Argon2id13(password, salt, ops, mem))  89 bytes
 *   mode 2: 0x02 | nonce(24) | XChaCha20-Poly1305(userKey, AD = userId,
 *           key = BLAKE2b-256(key = appKey, "lc-user-key-wrap-v1" | userId))  73 bytes
 *   blind index: sub = crypto_kdf(id 1, ctx = BLAKE2b-128(column)[0..8], key);
 *           index = BLAKE2b-256(key = sub, normalised value)
 *           with a context: BLAKE2b-256(key = sc_blind_context_subkey(sub),
 *           field(value) | field(part)…), field = type | LE64(length) | bytes
 */
#ifndef SC_USERKEY_H
#define SC_USERKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SC_USER_KEY_BYTES   32
#define SC_WRAP_MODE1_BYTES 89
#define SC_WRAP_MODE2_BYTES 73
#define SC_BLIND_KEY_BYTES  32
#define SC_BLIND_INDEX_BYTES 32

/* 1 or 2 for a blob of the right length and mode byte, else 0. */
int sc_wrap_mode(const uint8_t *blob, size_t len);

/* -1 when Argon2id cannot run with these limits (memory). */
int sc_wrap_password(uint8_t out[SC_WRAP_MODE1_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit);
/* 0 and the key in user_key, or -1 (wrong password, damage, or no memory) with user_key wiped. */
int sc_unwrap_password(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE1_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit);

/* app_key 1..64 bytes. */
void sc_wrap_server(uint8_t out[SC_WRAP_MODE2_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len);
int sc_unwrap_server(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE2_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len);

/* The per-column sub-key of a 32-byte blind-index key. */
void sc_blind_subkey(uint8_t sub[SC_BLIND_KEY_BYTES], const uint8_t key[SC_BLIND_KEY_BYTES],
	const char *column, size_t column_len);
/* The key contextual inputs are hashed under: BLAKE2b-256(key = sub,
 * "sodium_crypt blind index context v1"), so that no context-free input
 * (any bytes at all) can equal an encoded contextual one. */
void sc_blind_context_subkey(uint8_t out[SC_BLIND_KEY_BYTES], const uint8_t sub[SC_BLIND_KEY_BYTES]);
/* BLAKE2b-256(key = sub, input), truncated to out_len (1..32) bytes. */
void sc_blind_hash(uint8_t *out, size_t out_len, const uint8_t sub[SC_BLIND_KEY_BYTES],
	const uint8_t *input, size_t input_len);

/* PHP's trim() set: " \t\n\r\0\x0B". Returns the trimmed span of s. */
void sc_trim(const char **s, size_t *len);
/* ASCII-lowercases len bytes into out; false (out untouched past what was
 * written) when a byte >= 0x80 needs Unicode case mapping instead. */
bool sc_ascii_lower(char *out, const char *in, size_t len);

#endif
