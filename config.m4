dnl sodium_crypt: phpize && ./configure --enable-sodium_crypt && make
dnl Enabled unless --disable-sodium_crypt: PIE runs ./configure with no options.
PHP_ARG_ENABLE([sodium_crypt],
  [whether to enable sodium_crypt],
  [AS_HELP_STRING([--disable-sodium_crypt], [Do not build sodium_crypt (needs libsodium >= 1.0.18)])],
  [yes])

PHP_ARG_ENABLE([sodium-crypt-test-hooks],
  [whether to build sodium_crypt's test-only functions],
  [AS_HELP_STRING([--enable-sodium-crypt-test-hooks], [Test builds only: SodiumCrypt\\Test\\* functions that read freed key memory])],
  [no], [no])

if test "$PHP_SODIUM_CRYPT" != "no"; then
  if test "$PHP_SODIUM_CRYPT_TEST_HOOKS" != "no"; then
    AC_DEFINE([SC_TEST_HOOKS], [1], [Build the test-only functions])
  fi
  PKG_CHECK_MODULES([LIBSODIUM], [libsodium >= 1.0.18])
  PHP_EVAL_INCLINE([$LIBSODIUM_CFLAGS])
  PHP_EVAL_LIBLINE([$LIBSODIUM_LIBS], [SODIUM_CRYPT_SHARED_LIBADD])
  PHP_SUBST([SODIUM_CRYPT_SHARED_LIBADD])

  dnl PKCS#11 key envelopes need only the standard header (the module is
  dnl dlopen()ed at run time): p11-kit's. Without it, Pkcs11 says so when called.
  dnl A -D rather than config.h: src/core does not include config.h.
  sc_p11_cflags=""
  PKG_CHECK_MODULES([P11KIT], [p11-kit-1], [
    PHP_EVAL_INCLINE([$P11KIT_CFLAGS])
    sc_p11_cflags="-DSC_HAVE_PKCS11=1"
    PHP_ADD_LIBRARY([dl], [1], [SODIUM_CRYPT_SHARED_LIBADD])
  ], [
    echo "configure: p11-kit-1 not found: the Pkcs11 class will report that PKCS#11 is not built in" >&2
  ])

  dnl One source list for both builds: src/sources.list.
  sc_srcdir=PHP_EXT_SRCDIR([sodium_crypt])
  sc_sources=`sed -e '/^#/d' -e '/^$/d' "$sc_srcdir/src/sources.list" | tr '\n' ' '`

  PHP_NEW_EXTENSION([sodium_crypt], [$sc_sources], [$ext_shared], [],
    [-std=gnu17 -Wall -Wextra -fvisibility=hidden -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 $sc_p11_cflags])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/core], [1])
  PHP_ADD_INCLUDE([$ext_srcdir/include])
  PHP_ADD_INCLUDE([$ext_srcdir/src])
  PHP_INSTALL_HEADERS([ext/sodium_crypt], [include/php_sodium_crypt.h])
fi
