/* cli.c: main() of the sipreason command: the locale, then the run (src/cli-run.c).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if HAVE_STDIO_EXT_H
# include <stdio_ext.h>
#endif

#include "cli-run.h"

static int
is_c_locale_name (const char *name)
{
  return strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

/* Sets the locale from the environment, and returns the language preference the library is to
   read by name, or NULL to follow the locale.  When the locale the environment names is not
   installed (minimal containers often lack ko_KR.UTF-8), setlocale fails and gettext would
   fall back to English; the library then reads the language the environment asks for.  */
static const char *
set_locale_from_environment (void)
{
  if (setlocale (LC_ALL, "") != NULL)
    return NULL;

  /* The messages locale, as setlocale would have taken it; LANGUAGE outranks it unless it is
     C, as in gettext.  */
  const char *wanted = NULL;
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < 3 && (wanted == NULL || *wanted == '\0'); i++)
    wanted = getenv (variables[i]);
  if (wanted == NULL || *wanted == '\0' || is_c_locale_name (wanted))
    return NULL;
  const char *language = getenv ("LANGUAGE");
  return language != NULL && *language != '\0' ? language : wanted;
}

int
main (int argc, char **argv)
{
  const char *languages = set_locale_from_environment ();
#if HAVE___FSETLOCKING
  /* One thread: stdio need not lock around each call (sipreason - prints millions of lines).  */
  __fsetlocking (stdin, FSETLOCKING_BYCALLER);
  __fsetlocking (stdout, FSETLOCKING_BYCALLER);
#endif

  /* Static: its phrase table is some 14 KiB, and it lives as long as the process.  */
  static struct cli_run run;
  cli_run_start (&run, stdin, stdout, stderr, languages);
  int status = cli_run_main (&run, argc, argv);
  cli_run_finish (&run);
  return status;
}
