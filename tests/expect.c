/* expect.c: checks the library's answers against a file of expected results, one per line:
   KIND<TAB>CODE<TAB>TEXT, where KIND is phrase, canonical, class, class-description,
   description or lookup (TEXT looked up must give CODE).  Lines starting with # are comments.

   The locale comes from the environment (setlocale (LC_ALL, "")), or, when EXPECT_LOCALE names
   a locale, the process stays in "C" and the _l functions are called with that locale.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"
#include "tap.h"

static locale_t locale;         /* (locale_t) 0 when the environment's locale is used */

static const char *
text_of (const char *kind, int code)
{
  if (strcmp (kind, "phrase") == 0)
    return locale ? sipreason_phrase_l (code, locale) : sipreason_phrase (code);
  if (strcmp (kind, "canonical") == 0)
    return sipreason_canonical (code);
  if (strcmp (kind, "class") == 0)
    return locale ? sipreason_class_l (code, locale) : sipreason_class (code);
  if (strcmp (kind, "class-description") == 0)
    return locale ? sipreason_class_description_l (code, locale)
                  : sipreason_class_description (code);
  if (strcmp (kind, "description") == 0)
    return locale ? sipreason_description_l (code, locale) : sipreason_description (code);
  return NULL;
}

static void
check_file (const char *path)
{
  FILE *f = tap_open (path);
  char line[1024];
  while (fgets (line, sizeof line, f) != NULL)
    {
      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      char *kind = line;
      char *code_field = strchr (kind, '\t');
      char *text = code_field ? strchr (code_field + 1, '\t') : NULL;
      if (text == NULL)
        {
          printf ("Bail out! %s: malformed line: %s\n", path, line);
          exit (1);
        }
      *code_field++ = '\0';
      *text++ = '\0';
      int code = atoi (code_field);
      char name[1200];
      snprintf (name, sizeof name, "%s %d: %s", kind, code, text);

      if (strcmp (kind, "lookup") == 0)
        {
          if (locale != (locale_t) 0)
            continue;           /* lookup follows the current locale only */
          tap_is_int (sipreason_lookup (text), code, name);
        }
      else
        tap_is_str (text_of (kind, code), text, name);
    }
  fclose (f);
}

int
main (int argc, char **argv)
{
  const char *name = getenv ("EXPECT_LOCALE");
  if (name != NULL && *name != '\0')
    {
      locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
      if (locale == (locale_t) 0)
        {
          printf ("Bail out! newlocale (%s) failed\n", name);
          return 1;
        }
    }
  else if (setlocale (LC_ALL, "") == NULL)
    {
      printf ("Bail out! setlocale failed: the environment's locale is not installed\n");
      return 1;
    }

  for (int i = 1; i < argc; i++)
    check_file (argv[i]);

  if (locale != (locale_t) 0)
    freelocale (locale);
  return tap_done ();
}
