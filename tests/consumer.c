/* consumer.c: a program outside the project.  Built against the installed library with
   pkg-config by tests/installed.sh, it prints 486 as a UI would; compiled by tests/header.test
   under every C and C++ standard, strict, with and without POSIX.1-2008, to show the public
   header compiles there (CONSUMER_EXPECT_LOCALE_T=1 says the _l functions must be declared).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <locale.h>
#include <stdio.h>
#include <sipreason.h>

#if defined CONSUMER_EXPECT_LOCALE_T && CONSUMER_EXPECT_LOCALE_T && !SIPREASON_HAVE_LOCALE_T
# error "POSIX.1-2008 was asked for, but sipreason.h did not declare the _l functions"
#endif

int
main (void)
{
  setlocale (LC_ALL, "");
  printf ("%d|%s|%s|%s\n", 486, sipreason_phrase (486), sipreason_canonical (486),
          sipreason_class (486));
#if SIPREASON_HAVE_LOCALE_T
  /* The C locale's phrase through the locale_t form, as a server answering per request does.  */
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  if (c_locale != (locale_t) 0)
    {
      const char *wire = sipreason_phrase_l (486, c_locale);
      freelocale (c_locale);
      return wire != NULL ? 0 : 1;
    }
#endif
  return 0;
}
