/* api.c: the library against the registry (tests/registry.tsv, the IANA table plus the three
   RFC 2543 codes): phrase, reference, status and former names of every row, iteration order,
   RFC 3261 treatment of unknown codes, answers for ints outside the table, and errno.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"
#include "tap.h"

#define MAX_ROWS 200

struct registry_row
{
  int code;
  char phrase[80], reference[40], status[20], former[120];
};

static struct registry_row registry[MAX_ROWS];
static int registry_rows;

static void
read_registry (const char *path)
{
  FILE *f = tap_open (path);
  char line[512];
  while (fgets (line, sizeof line, f) != NULL)
    {
      line[strcspn (line, "\n")] = '\0';
      if (line[0] < '0' || line[0] > '9')
        continue;               /* comments and the header */
      struct registry_row *r = &registry[registry_rows++];
      char *field[6] = { line };
      for (int i = 1; i < 6; i++)
        {
          field[i] = field[i - 1] ? strchr (field[i - 1], '\t') : NULL;
          if (field[i])
            *field[i]++ = '\0';
        }
      r->code = atoi (field[0]);
      snprintf (r->phrase, sizeof r->phrase, "%s", field[1] ? field[1] : "");
      snprintf (r->reference, sizeof r->reference, "%s", field[2] ? field[2] : "");
      snprintf (r->status, sizeof r->status, "%s", field[3] ? field[3] : "");
      snprintf (r->former, sizeof r->former, "%s", field[4] ? field[4] : "");
    }
  fclose (f);
}

static enum sipreason_status
status_of (const char *name)
{
  if (strcmp (name, "current") == 0)
    return SIPREASON_CURRENT;
  if (strcmp (name, "deprecated") == 0)
    return SIPREASON_DEPRECATED;
  if (strcmp (name, "historic") == 0)
    return SIPREASON_HISTORIC;
  return SIPREASON_UNKNOWN;
}

static const struct registry_row *
registry_find (int code)
{
  for (int i = 0; i < registry_rows; i++)
    if (registry[i].code == code)
      return &registry[i];
  return NULL;
}

int
main (int argc, char **argv)
{
  char name[300];

  /* First, before anything binds the catalog: errno survives the first call.  */
  errno = 12345;
  const char *first = sipreason_phrase (486);
  tap_is_int (errno, 12345, "errno unchanged across the first call (catalog binding)");
  tap_is_str (first, "Busy Here", "first call answers");

  if (argc != 2)
    {
      printf ("Bail out! usage: api REGISTRY.tsv\n");
      return 1;
    }
  read_registry (argv[1]);
  tap_ok (registry_rows > 0, "the registry has rows");

  /* Every registry row, in the library.  */
  for (int i = 0; i < registry_rows; i++)
    {
      struct registry_row *r = &registry[i];
      snprintf (name, sizeof name, "%d canonical", r->code);
      tap_is_str (sipreason_canonical (r->code), r->phrase, name);
      snprintf (name, sizeof name, "%d reference", r->code);
      tap_is_str (sipreason_reference (r->code), r->reference, name);
      snprintf (name, sizeof name, "%d status", r->code);
      tap_is_int (sipreason_status (r->code), status_of (r->status), name);
      snprintf (name, sizeof name, "%d lookup of its phrase", r->code);
      /* 606 shares "Not Acceptable" with 406, and the lower code answers.  */
      tap_is_int (sipreason_lookup (r->phrase), r->code == 606 ? 406 : r->code, name);
      snprintf (name, sizeof name, "%d treated as itself", r->code);
      tap_is_int (sipreason_treat_as (r->code), r->code, name);
      snprintf (name, sizeof name, "%d has a description", r->code);
      const char *description = sipreason_description (r->code);
      tap_ok (description != NULL && strlen (description) > 10, name);

      for (char *former = r->former; *former != '\0';)
        {
          char *end = strchr (former, '|');
          if (end)
            *end = '\0';
          snprintf (name, sizeof name, "%d former name '%s'", r->code, former);
          tap_is_int (sipreason_lookup (former), r->code, name);
          former = end ? end + 1 : former + strlen (former);
        }
    }

  /* Iteration walks exactly the registry, in ascending order.  */
  int walked = 0, in_order = 1, prev = 0;
  for (int c = sipreason_next (0); c > 0; c = sipreason_next (c))
    {
      if (walked < registry_rows && registry[walked].code != c)
        in_order = 0;
      if (c <= prev)
        in_order = 0;
      prev = c;
      walked++;
    }
  tap_is_int (walked, registry_rows, "sipreason_next walks every code");
  tap_ok (in_order, "sipreason_next walks in ascending order, as the registry");
  tap_is_int (sipreason_next (INT_MIN), 100, "next (INT_MIN) is 100");
  snprintf (name, sizeof name, "next (%d), the registry's last code, is -1",
            registry[registry_rows - 1].code);
  tap_is_int (sipreason_next (registry[registry_rows - 1].code), -1, name);
  tap_is_int (sipreason_next (INT_MAX), -1, "next (INT_MAX) is -1");
  /* From each registry code, and from the gap after it, the next is the registry's next row.  */
  int wrong_step = 0;
  for (int i = 0; i + 1 < registry_rows; i++)
    {
      int code = registry[i].code, following = registry[i + 1].code;
      wrong_step += sipreason_next (code) != following;
      if (code + 1 < following)
        wrong_step += sipreason_next (code + 1) != following;
    }
  tap_is_int (wrong_step, 0, "next from each code, and from each gap, is the registry's next row");

  /* Every int from -100000 to 100000 that is not a code of the registry: no phrase, and errno
     untouched; the class answers exactly for 100-699.  */
  int wrong = 0, wrong_class = 0, wrong_treat = 0, wrong_next = 0;
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  errno = 777;
  for (long c = -100000; c <= 100000; c++)
    {
      int code = (int) c;
      int known = registry_find (code) != NULL;
      if (known != (sipreason_phrase (code) != NULL)
          || known != (sipreason_canonical (code) != NULL)
          || known != (sipreason_description (code) != NULL)
          || known != (sipreason_reference (code) != NULL)
          || known != (sipreason_status (code) != SIPREASON_UNKNOWN)
          || known != (sipreason_phrase_l (code, c_locale) != NULL)
          || known != (sipreason_description_l (code, c_locale) != NULL)
          || known != (sipreason_phrase_lang (code, "ko") != NULL)
          || known != (sipreason_description_lang (code, "ko-KR, en") != NULL))
        wrong++;
      int in_range = code >= 100 && code <= 699;
      if ((sipreason_class (code) != NULL) != in_range
          || (sipreason_class_description (code) != NULL) != in_range
          || (sipreason_class_l (code, c_locale) != NULL) != in_range
          || (sipreason_class_description_l (code, c_locale) != NULL) != in_range
          || (sipreason_class_lang (code, "ko") != NULL) != in_range
          || (sipreason_class_description_lang (code, "ja") != NULL) != in_range)
        wrong_class++;
      int treat = sipreason_treat_as (code);
      if (in_range ? treat < 100 || sipreason_canonical (treat) == NULL : treat != -1)
        wrong_treat++;
      int next = sipreason_next (code);
      if (next != -1 && (next <= code || sipreason_canonical (next) == NULL))
        wrong_next++;
    }
  freelocale (c_locale);
  tap_is_int (errno, 777, "errno unchanged across 200001 lookups of each kind");
  tap_is_int (wrong, 0, "every code function, plain, _l and _lang: an answer exactly for the "
              "registered codes, NULL for every other int in -100000..100000");
  tap_is_int (wrong_class, 0, "every class function: an answer exactly for 100-699");
  tap_is_int (wrong_treat, 0, "treat_as: a registered code for 100-699, -1 elsewhere");
  tap_is_int (wrong_next, 0, "next: a greater registered code, or -1, for every int");
  int extremes[] = { INT_MIN, INT_MIN + 1, -1, 0, 99, 700, 65536, INT_MAX };
  for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++)
    {
      snprintf (name, sizeof name, "%d: no phrase, class or treatment", extremes[i]);
      tap_ok (sipreason_phrase (extremes[i]) == NULL && sipreason_class (extremes[i]) == NULL
              && sipreason_treat_as (extremes[i]) == -1, name);
    }

  /* RFC 3261 8.1.3.2.  */
  tap_is_int (sipreason_treat_as (499), 400, "499 is treated as 400");
  tap_is_int (sipreason_treat_as (399), 300, "399 is treated as 300");
  tap_is_int (sipreason_treat_as (299), 200, "299 is treated as 200");
  tap_is_int (sipreason_treat_as (599), 500, "599 is treated as 500");
  tap_is_int (sipreason_treat_as (699), 600, "699 is treated as 600");
  tap_is_int (sipreason_treat_as (101), 183, "101 is treated as 183");
  tap_is_int (sipreason_treat_as (199), 199, "199 is registered");
  tap_is_str (sipreason_class (499), "Client Failure", "class of unregistered 499");

  /* Lookups that must find nothing.  */
  tap_is_int (sipreason_lookup (NULL), -1, "lookup (NULL)");
  tap_is_int (sipreason_lookup (""), -1, "lookup (\"\")");
  tap_is_int (sipreason_lookup (" \t\r\n"), -1, "lookup of white space");
  tap_is_int (sipreason_lookup ("486"), -1, "lookup of a number is not a phrase");
  tap_is_int (sipreason_lookup ("\t busy HERE \n"), 486, "lookup trims and ignores case");
  tap_is_int (sipreason_lookup ("Busy Her"), -1, "lookup of a prefix");
  tap_is_int (sipreason_lookup ("Request-URI Too Large|Request-URI Too Long"), -1,
              "lookup of two names joined");
  tap_is_int (sipreason_lookup ("Busy\0Here"), -1, "lookup stops at NUL");

  tap_is_str (sipreason_version (), PACKAGE_VERSION, "version");
  const char *dir = getenv ("SIPREASON_LOCALEDIR");
  if (dir != NULL && dir[0] == '/')
    tap_is_str (sipreason_localedir (), dir, "localedir follows SIPREASON_LOCALEDIR");
  tap_is_int (errno, 777, "errno unchanged at the end");
  return tap_done ();
}
