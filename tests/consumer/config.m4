dnl A second extension that uses sodium_crypt's C API, built by the test suite.
PHP_ARG_ENABLE([sc_consumer], [whether to enable the sodium_crypt API consumer], [AS_HELP_STRING([--enable-sc_consumer], [test only])], [no])
if test "$PHP_SC_CONSUMER" != "no"; then
  PHP_NEW_EXTENSION([sc_consumer], [sc_consumer.c], [$ext_shared], [], [-Wall -Wextra -fvisibility=hidden])
  dnl SC_API_INCLUDE: the directory holding php_sodium_crypt.h (the repository's include/).
  PHP_ADD_INCLUDE([$SC_API_INCLUDE])
fi
