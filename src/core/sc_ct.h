/*
 * Constant-time annotations for the ctgrind check (tests/c/test_ct.c, built
 * with -DSC_CTGRIND and run under valgrind memcheck): secrets are marked
 * undefined, so any branch or memory index that depends on one is reported.
 * SC_CT_DECLASSIFY marks the few values derived from secrets that are public
 * by design (a tag check's verdict, a key id, whether input was well formed)
 * before code branches on them. Both are no-ops in every other build.
 */
#ifndef SC_CT_H
#define SC_CT_H

#ifdef SC_CTGRIND
# include <valgrind/memcheck.h>
# define SC_CT_SECRET(p, n)     VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
# define SC_CT_DECLASSIFY(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))
#else
# define SC_CT_SECRET(p, n)     ((void) 0)
# define SC_CT_DECLASSIFY(p, n) ((void) 0)
#endif

#endif
