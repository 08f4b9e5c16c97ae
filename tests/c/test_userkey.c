/* sc_userkey: wrap/unwrap in the three modes, damage, trim and lower-casing,
 * and the blind-index derivation spelled out with libsodium calls. */
#include "sc_core.h"
#include "sc_test.h"

#include <sodium.h>

int main(void)
{
	uint8_t user[32], back[32], app[32], b1[SC_WRAP_MODE1_BYTES], b2[SC_WRAP_MODE2_BYTES];
	CHECK(sc_core_init() == 0, "init");
	randombytes_buf(user, sizeof user);
	randombytes_buf(app, sizeof app);

	CHECK(sc_wrap_password(b1, user, "pw", 2, 1, 8192) == 0, "wrap mode 1");
	CHECK(sc_wrap_mode(b1, sizeof b1) == 1 && sc_wrap_mode(b1, sizeof b1 - 1) == 0, "mode 1 detected");
	CHECK(sc_unwrap_password(back, b1, "pw", 2, 1, 8192) == 0 && memcmp(back, user, 32) == 0, "unwrap mode 1");
	CHECK(sc_unwrap_password(back, b1, "pW", 2, 1, 8192) == -1, "wrong password");
	CHECK(sc_unwrap_password(back, b1, "pw", 2, 2, 8192) == -1, "other Argon2 limits");
	int zero = 1;
	for (int i = 0; i < 32; i++) zero &= back[i] == 0;
	CHECK(zero, "output wiped on failure");
	CHECK(sc_wrap_password(b1, user, "pw", 2, 1, (size_t) 1 << 50) == -1, "impossible memory limit fails cleanly");

	/* mode 3: the limits travel in the blob, authenticated. */
	uint8_t b3[SC_WRAP_MODE3_BYTES];
	unsigned long long ops;
	size_t mem;
	CHECK(sc_wrap_password3(b3, user, "pw", 2, 2, 16384 + 100) == 0, "wrap mode 3");
	CHECK(sc_wrap_mode(b3, sizeof b3) == 3 && sc_wrap_mode(b3, sizeof b3 - 1) == 0, "mode 3 detected");
	CHECK(sc_wrap_limits(b3, &ops, &mem) && ops == 2 && mem == 16384, "limits recorded (KiB, as Argon2 counts)");
	CHECK(b3[1] == 2 && b3[5] == 16 && b3[6] == 0, "limits little-endian: ops, then mem in KiB");
	CHECK(sc_unwrap_password3(back, b3, "pw", 2, SC_WRAP_OPSLIMIT_MAX, SC_WRAP_MEMLIMIT_MAX) == 0 && memcmp(back, user, 32) == 0, "unwrap mode 3 without being told the limits");
	CHECK(sc_unwrap_password3(back, b3, "pw", 2, 2, 16384) == 0, "limits equal to the bound open");
	CHECK(sc_unwrap_password3(back, b3, "pw", 2, 1, 16384) == -1 && sc_unwrap_password3(back, b3, "pw", 2, 2, 15360) == -1, "limits above the caller's bound refused");
	CHECK(sc_unwrap_password3(back, b3, "pW", 2, SC_WRAP_OPSLIMIT_MAX, SC_WRAP_MEMLIMIT_MAX) == -1, "mode 3 wrong password");
	b3[1] = 3;
	CHECK(sc_unwrap_password3(back, b3, "pw", 2, SC_WRAP_OPSLIMIT_MAX, SC_WRAP_MEMLIMIT_MAX) == -1, "limits are authenticated");
	b3[1] = 0;
	CHECK(!sc_wrap_limits(b3, &ops, &mem) && sc_unwrap_password3(back, b3, "pw", 2, SC_WRAP_OPSLIMIT_MAX, SC_WRAP_MEMLIMIT_MAX) == -1, "ops 0 refused before Argon2");
	b3[1] = 2;
	b3[8] = 0x01; /* 16 GiB */
	CHECK(!sc_wrap_limits(b3, &ops, &mem), "memory beyond the ceiling refused before Argon2");
	CHECK(sc_wrap_password3(b3, user, "pw", 2, SC_WRAP_OPSLIMIT_MAX + 1, 8192) == -1, "ops beyond the ceiling not written");
	CHECK(sc_wrap_password3(b3, user, "pw", 2, 1, SC_WRAP_MEMLIMIT_MAX + 1024) == -1, "memory beyond the ceiling not written");

	sc_wrap_server(b2, user, app, 32, "42", 2);
	CHECK(sc_wrap_mode(b2, sizeof b2) == 2, "mode 2 detected");
	CHECK(sc_unwrap_server(back, b2, app, 32, "42", 2) == 0 && memcmp(back, user, 32) == 0, "unwrap mode 2");
	CHECK(sc_unwrap_server(back, b2, app, 32, "43", 2) == -1, "wrong user id");
	CHECK(sc_unwrap_server(back, b2, app, 16, "42", 2) == -1, "wrong app key");
	int flips = 0;
	for (size_t i = 1; i < sizeof b2; i++) {
		b2[i] ^= 0x80;
		flips += sc_unwrap_server(back, b2, app, 32, "42", 2) == -1;
		b2[i] ^= 0x80;
	}
	CHECK(flips == (int) sizeof b2 - 1, "every damaged byte fails (%d)", flips);

	/* mode 2 key-encryption key, spelled out: BLAKE2b-256(key = app, "lc-user-key-wrap-v1" | id). */
	uint8_t kek[32], manual[SC_WRAP_MODE2_BYTES];
	crypto_generichash(kek, 32, (const uint8_t *) "lc-user-key-wrap-v142", 21, app, 32);
	manual[0] = 2;
	memcpy(manual + 1, b2 + 1, 24);
	crypto_aead_xchacha20poly1305_ietf_encrypt(manual + 25, NULL, user, 32, (const uint8_t *) "42", 2, NULL, manual + 1, kek);
	CHECK(memcmp(manual, b2, sizeof b2) == 0, "mode 2 layout");

	const char *s = " \t\n\r\v\0x Y\0 ";
	size_t n = 12;
	sc_trim(&s, &n);
	CHECK(n == 3 && memcmp(s, "x Y", 3) == 0, "trim takes PHP's set");
	char low[8];
	CHECK(sc_ascii_lower(low, "AbC-9Z", 6) && memcmp(low, "abc-9z", 6) == 0, "ascii lower");
	CHECK(!sc_ascii_lower(low, "\xc3\x89", 2), "non-ASCII is left to mb_strtolower");

	/* The blind index derivation, spelled out. */
	uint8_t key[32], sub[32], expect_sub[32], h[16], idx[32], expect[32];
	randombytes_buf(key, 32);
	sc_blind_subkey(sub, key, "email", 5);
	crypto_generichash(h, 16, (const uint8_t *) "email", 5, NULL, 0);
	crypto_kdf_derive_from_key(expect_sub, 32, 1, (const char *) h, key);
	CHECK(memcmp(sub, expect_sub, 32) == 0, "column sub-key");
	sc_blind_state st;
	sc_blind_state_init(&st, sub);
	sc_blind_hash(idx, 32, &st, (const uint8_t *) "bob", 3);
	crypto_generichash(expect, 32, (const uint8_t *) "bob", 3, expect_sub, 32);
	CHECK(memcmp(idx, expect, 32) == 0, "index");
	sc_blind_hash(idx, 5, &st, (const uint8_t *) "bob", 3);
	CHECK(memcmp(idx, expect, 5) == 0, "truncated index is a prefix");
	sc_blind_hash(idx, 32, &st, NULL, 0);
	crypto_generichash(expect, 32, NULL, 0, expect_sub, 32);
	CHECK(memcmp(idx, expect, 32) == 0, "index of the empty value");
	/* With a context: under BLAKE2b-256(key = sub, label). */
	static const char label[] = "sodium_crypt blind index context v1";
	uint8_t ctx_sub[32];
	crypto_generichash(ctx_sub, 32, (const uint8_t *) label, sizeof label - 1, expect_sub, 32);
	sc_blind_context_hash(idx, 32, &st, (const uint8_t *) "s\x03\0\0\0\0\0\0\0bob", 12);
	crypto_generichash(expect, 32, (const uint8_t *) "s\x03\0\0\0\0\0\0\0bob", 12, ctx_sub, 32);
	CHECK(memcmp(idx, expect, 32) == 0, "contextual index");
	return sc_test_done("test_userkey");
}
