/* The sodium_crypt module: registration, lifecycle, phpinfo(). */
#include "sc_php.h"
#include "sodium_crypt_module.h"
#include "php_sodium_crypt.h"
#include "ext/standard/info.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_enum.h"
#include "sodium_crypt_arginfo.h"
#include "test_hooks_arginfo.h" /* ext_functions: empty unless SC_TEST_HOOKS */

#include <sodium.h>

ZEND_DECLARE_MODULE_GLOBALS(sodium_crypt)

zend_class_entry *sc_ce_CryptoException;
zend_class_entry *sc_ce_DecryptionFailed;
zend_class_entry *sc_ce_MissingKeyContext;
zend_class_entry *sc_ce_PayloadFormat;

/* Argon2id limits for KeyWrap; the defaults are libsodium's INTERACTIVE ones
 * (crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE). */
PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("sodium_crypt.argon2_opslimit", "2", PHP_INI_ALL, OnUpdateLong,
		argon2_opslimit, zend_sodium_crypt_globals, sodium_crypt_globals)
	STD_PHP_INI_ENTRY("sodium_crypt.argon2_memlimit", "67108864", PHP_INI_ALL, OnUpdateLong,
		argon2_memlimit, zend_sodium_crypt_globals, sodium_crypt_globals)
	/* System settings: a script must not choose which library the process loads. */
	STD_PHP_INI_ENTRY("sodium_crypt.pkcs11_module", "", PHP_INI_SYSTEM, OnUpdateString,
		pkcs11_module, zend_sodium_crypt_globals, sodium_crypt_globals)
	STD_PHP_INI_ENTRY("sodium_crypt.pkcs11_token", "", PHP_INI_SYSTEM, OnUpdateString,
		pkcs11_token, zend_sodium_crypt_globals, sodium_crypt_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(sodium_crypt)
{
#if defined(COMPILE_DL_SODIUM_CRYPT) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(sodium_crypt_globals, 0, sizeof *sodium_crypt_globals);
}

static PHP_MINIT_FUNCTION(sodium_crypt)
{
	REGISTER_INI_ENTRIES();
	if (sc_core_init() != 0) {
		php_error_docref(NULL, E_CORE_WARNING, "libsodium failed to initialise");
		return FAILURE;
	}
	/* Dependency order: a class is registered after every class it names. */
	sc_ce_CryptoException = register_class_SodiumCrypt_CryptoException(spl_ce_RuntimeException);
	sc_ce_DecryptionFailed = register_class_SodiumCrypt_DecryptionFailed(sc_ce_CryptoException);
	sc_ce_MissingKeyContext = register_class_SodiumCrypt_MissingKeyContext(sc_ce_CryptoException);
	sc_ce_PayloadFormat = register_class_SodiumCrypt_PayloadFormat();
	sc_register_cipher();
	sc_register_key();
	sc_register_aead();
	sc_register_keyring();
	sc_register_key_wrap();
	sc_register_key_context();
	sc_register_blind_index();
	sc_register_hasher();
	sc_register_signing_key();
	sc_register_stream_sealer();
	sc_register_stream_opener();
	sc_register_pkcs11();
	sc_api_init();
	return SUCCESS;
}

/* Whatever the script did (exit, fatal error, uncaught exception), the
 * request's user key is wiped before the next request can run. */
static PHP_RSHUTDOWN_FUNCTION(sodium_crypt)
{
	(void) type;
	(void) module_number;
	sc_key_context_clear();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(sodium_crypt)
{
	UNREGISTER_INI_ENTRIES();
	/* Every Key is gone by now; wipe and unmap whatever the arena holds,
	 * the keys a PKCS#11 token unwrapped for this process included. */
	sc_p11_shutdown();
	sc_arena_shutdown();
	sc_random_shutdown();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(sodium_crypt)
{
	char features[128];
	char buf[192];
	const sc_aegis_impl *aegis = sc_aegis_active();

	php_info_print_table_start();
	php_info_print_table_row(2, "sodium_crypt support", "enabled");
	php_info_print_table_row(2, "Version", PHP_SODIUM_CRYPT_VERSION);
	php_info_print_table_row(2, "libsodium headers version", SODIUM_VERSION_STRING);
	php_info_print_table_row(2, "libsodium library version", sodium_version_string());
	php_info_print_table_row(2, "AEGIS implementation", aegis ? aegis->name : "unavailable");
	php_info_print_table_row(2, "AES-256-GCM", crypto_aead_aes256gcm_is_available() ? "libsodium" : "unavailable");
	sc_cpu_describe(features, sizeof features);
	php_info_print_table_row(2, "CPU features used", features);
	php_info_print_table_row(2, "Random source", sc_random_source());
	size_t chunks = sc_arena_chunks(), locked = sc_arena_locked_chunks();
	snprintf(buf, sizeof buf, "%zu bytes in use, %zu chunk%s of %u bytes, %s", sc_arena_in_use(), chunks, chunks == 1 ? "" : "s",
		SC_ARENA_UNIT * SC_ARENA_CHUNK_UNITS, chunks == 0 ? "none allocated yet"
			: locked == chunks ? "locked (mlock)" : locked == 0
			? "NOT locked: mlock() was refused (raise RLIMIT_MEMLOCK, `ulimit -l`, or grant CAP_IPC_LOCK): keys may be swapped to disk"
			: "SOME NOT locked: mlock() was refused for some (raise RLIMIT_MEMLOCK, `ulimit -l`, or grant CAP_IPC_LOCK)");
	php_info_print_table_row(2, "Key memory", buf);
	snprintf(buf, sizeof buf, "%lu unwrap%s by the token in this process, %zu key%s cached",
		sc_p11_unwrap_calls(), sc_p11_unwrap_calls() == 1 ? "" : "s", sc_p11_cached(), sc_p11_cached() == 1 ? "" : "s");
#ifdef SC_HAVE_PKCS11
	php_info_print_table_row(2, "PKCS#11 key envelopes", buf);
#else
	php_info_print_table_row(2, "PKCS#11 key envelopes", "not built in (no p11-kit pkcs11.h at build time)");
#endif
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep sodium_crypt_deps[] = {
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_OPTIONAL("mbstring") /* BlindIndex lower-cases non-ASCII text with mb_strtolower() */
	ZEND_MOD_END
};

zend_module_entry sodium_crypt_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	sodium_crypt_deps,
	"sodium_crypt",
	ext_functions,
	PHP_MINIT(sodium_crypt),
	PHP_MSHUTDOWN(sodium_crypt),
	NULL,
	PHP_RSHUTDOWN(sodium_crypt),
	PHP_MINFO(sodium_crypt),
	PHP_SODIUM_CRYPT_VERSION,
	PHP_MODULE_GLOBALS(sodium_crypt),
	PHP_GINIT(sodium_crypt),
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_SODIUM_CRYPT
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(sodium_crypt)
#endif
