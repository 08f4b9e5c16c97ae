/*
 * Per-user keys (laravel-crypto v3 compatible): wrapping a 32-byte user key
 * under a password (mode 1) or under the app key and user id (mode 2), and
 * the blind-index derivation for searchable encrypted columns.
 *
 *   mode 1: 0x01 | salt(16) | nonce(24) | XChaCha20-Poly1305(userKey,
 *           AD = salt | nonce, key = Argon2id13(password, salt, ops, mem))  89 bytes
 *   mode 2: 0x02 | nonce(24) | XChaCha20-Poly1305(userKey, AD = userId,
 *           key = BLAKE2b-256(key = appKey, "lc-user-key-wrap-v1" | userId))  73 bytes
 *   mode 3: 0x03 | ops(LE32) | mem KiB(LE32) | salt(16) | nonce(24) |
 *           XChaCha20-Poly1305(userKey, AD = the 49 bytes before the ciphertext,
 *           key = Argon2id13(password, salt, ops, mem KiB * 1024))          97 bytes
 *           (mode 1 with its limits recorded, as crypto_pwhash_str records
 *           them: changing the configured limits never locks a user out)
 *   blind index: sub = crypto_kdf(id 1, ctx = BLAKE2b-128(column)[0..8], key);
 *           index = BLAKE2b-256(key = sub, normalised value)
 *           with a context: BLAKE2b-256(key = ctx_sub, field(value) | field(part)…),
 *           ctx_sub = BLAKE2b-256(key = sub, "sodium_crypt blind index context v1"),
 *           field = type | LE64(length) | bytes
 */
#ifndef SC_USERKEY_H
#define SC_USERKEY_H

#include "sc_blake2b.h"
#include "sc_le.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SC_USER_KEY_BYTES   32
#define SC_WRAP_MODE1_BYTES 89
#define SC_WRAP_MODE2_BYTES 73
#define SC_WRAP_MODE3_BYTES 97
/* The limits a mode-3 blob may record, checked before Argon2 runs (a
 * damaged blob must not make it allocate terabytes or loop for hours). */
#define SC_WRAP_OPSLIMIT_MAX 65536ULL
#define SC_WRAP_MEMLIMIT_MAX (4ULL << 30)
#define SC_BLIND_KEY_BYTES  32
#define SC_BLIND_INDEX_BYTES 32

/* 1, 2 or 3 for a blob of the right length and mode byte, else 0. */
int sc_wrap_mode(const uint8_t *blob, size_t len);

/* -1 when Argon2id cannot run with these limits (memory). */
int sc_wrap_password(uint8_t out[SC_WRAP_MODE1_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit);
/* 0 and the key in user_key, or -1 (wrong password, damage, or no memory) with user_key wiped. */
int sc_unwrap_password(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE1_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit);

/* Mode 3; limits within crypto_pwhash's minimums and the maximums above. -1
 * when Argon2id cannot run with them (memory). */
int sc_wrap_password3(uint8_t out[SC_WRAP_MODE3_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const char *password, size_t password_len, unsigned long long opslimit, size_t memlimit);
/* The memory limit as a mode-3 blob records it (and Argon2 uses it): whole KiB. */
static inline size_t sc_wrap_memlimit_recorded(size_t memlimit) { return memlimit - memlimit % 1024; }
/* The limits a mode-3 blob records; false when they are out of range. */
bool sc_wrap_limits(const uint8_t blob[SC_WRAP_MODE3_BYTES], unsigned long long *opslimit, size_t *memlimit);
/* Under the limits the blob records; -1 also, before Argon2 runs, for limits
 * out of range or above max_ops / max_mem (the caller's bound: Argon2's
 * cost is read from the blob before its tag can be checked). */
int sc_unwrap_password3(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE3_BYTES],
	const char *password, size_t password_len, unsigned long long max_ops, size_t max_mem);

/* app_key 1..64 bytes. */
void sc_wrap_server(uint8_t out[SC_WRAP_MODE2_BYTES], const uint8_t user_key[SC_USER_KEY_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len);
int sc_unwrap_server(uint8_t user_key[SC_USER_KEY_BYTES], const uint8_t blob[SC_WRAP_MODE2_BYTES],
	const uint8_t *app_key, size_t app_key_len, const char *user_id, size_t user_id_len);

/* The per-column sub-key of a 32-byte blind-index key. */
void sc_blind_subkey(uint8_t sub[SC_BLIND_KEY_BYTES], const uint8_t key[SC_BLIND_KEY_BYTES],
	const char *column, size_t column_len);

/* A sub-key made ready to hash: BLAKE2b-256 keyed with it, the key block
 * already compressed, and the digest of the empty input. As secret as the
 * sub-key; it lives in locked memory wherever it is kept. */
typedef struct {
	sc_blake2b_state after_key;
	uint8_t empty[SC_BLIND_INDEX_BYTES];
} sc_blind_state;

void sc_blind_state_init(sc_blind_state *st, const uint8_t sub[SC_BLIND_KEY_BYTES]);
/* A contextual input (never empty: it starts with the value's field),
 * hashed under ctx_sub = BLAKE2b-256(key = sub, "sodium_crypt blind index
 * context v1"), so that no context-free input (any bytes at all) can equal
 * an encoded contextual one. Two compressions for ctx_sub's state, one per
 * 128 bytes of input. */
void sc_blind_context_hash(uint8_t *out, size_t out_len, const sc_blind_state *st,
	const uint8_t *input, size_t input_len);
/* BLAKE2b-256(key = sub, input), truncated to out_len (1..32) bytes: one
 * compression for inputs of up to 128 bytes. */
void sc_blind_hash(uint8_t *out, size_t out_len, const sc_blind_state *st,
	const uint8_t *input, size_t input_len);
/* sc_blind_hash() of n (1..8) inputs; those of 1..128 bytes are hashed
 * together (sc_blake2b_keyed_final_x8). */
void sc_blind_hash_x8(uint8_t *const out[8], size_t out_len, const sc_blind_state *st,
	const uint8_t *const in[8], const size_t len[8], size_t n);

/* PHP's trim() set: " \t\n\r\0\x0B". Returns the trimmed span of s. */
void sc_trim(const char **s, size_t *len);
/* ASCII-lowercases len bytes into out; false (out untouched past what was
 * written) when a byte >= 0x80 needs Unicode case mapping instead. */
bool sc_ascii_lower(char *out, const char *in, size_t len);

#endif
