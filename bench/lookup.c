/* lookup.c: the lookup benchmarks run by bench/run.sh; each build of this file (BENCH_KIND,
   set by bench/bench.mk) times one way of turning a SIP code into a phrase.

   Usage: PROGRAM count N [PAD]
                             N lookups, nothing printed (run under callgrind with N and 2N:
                             the difference is N lookups, start-up cancels out); PAD bytes are
                             allocated first, to move what the lookups allocate on the heap
          PROGRAM time       ns per lookup: median of BENCH_REPS timed runs, each >= 20 ms
          PROGRAM print      every code and what the lookup gave, CODE<TAB>TEXT

   The codes are the library's, walked with sipreason_next, ascending, round and round; the
   msgids are their sipreason_canonical phrases.  Exit status 77 when the locale named by the
   environment is not installed (setlocale fails), 1 on any other failure.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gettext.h"
#include "localedir.h"
#include "sipreason.h"

#define BENCH_PHRASE_LIB 1              /* sipreason_phrase (code) */
#define BENCH_PHRASE_DGETTEXT 2         /* dgettext ("sipreason", msgid), bound as the library */
#define BENCH_CANONICAL_LIB 3           /* sipreason_canonical (code) */
#define BENCH_CANONICAL_ARRAY 4         /* static array indexed by code: the physical limit */
#define BENCH_CANONICAL_SCAN 5          /* linear scan of {code, phrase} pairs */
#define BENCH_LOOP 6                    /* the benchmark loop alone, no lookup */
#define BENCH_PHRASE_LANG 7             /* sipreason_phrase_lang (code, "ko") */
#define BENCH_PHRASE_ACCEPT 8           /* sipreason_phrase_lang (code, an Accept-Language) */

/* The languages of the _lang kinds: a gettext-style name, and a request's Accept-Language
   value whose first choice, ko-KR, finds the ko catalog.  */
#define BENCH_LANG_LIST "ko"
#define BENCH_ACCEPT_LANGUAGE "ko-KR, en;q=0.5"

#ifndef BENCH_KIND
# error "BENCH_KIND must be defined (see bench/bench.mk)"
#endif

#ifndef HAVE_SECURE_GETENV
# define secure_getenv getenv
#endif

/* Timed runs in `time` mode.  */
#define BENCH_REPS 9

/* Makes the compiler compute P without storing it anywhere; no instruction of its own.  */
#if defined __GNUC__
# define BENCH_USE(p) __asm__ __volatile__ ("" : : "r" (p))
# define BENCH_NOINLINE __attribute__ ((__noinline__))
#else
static const char *volatile bench_sink;
# define BENCH_USE(p) (bench_sink = (p))
# define BENCH_NOINLINE
#endif

#define BENCH_MAX_CODES 600

static int bench_codes[BENCH_MAX_CODES];
static const char *bench_msgids[BENCH_MAX_CODES];
static size_t bench_count;

#if BENCH_KIND == BENCH_CANONICAL_ARRAY
/* The registered phrases, indexed by code, from the same table the library is built from.  */
static const char *const bench_by_code[700] =
{
# define SIPREASON_CODE(code, phrase, ...) [code] = phrase,
# include "codes.def"
};
#endif

#if BENCH_KIND == BENCH_CANONICAL_SCAN
/* {code, phrase} pairs in ascending order, scanned from the start as some SIP stacks do.  */
static const struct
{
  int code;
  const char *phrase;
} bench_pairs[] =
{
# define SIPREASON_CODE(code, phrase, ...) { code, phrase },
# include "codes.def"
};

static const char *
bench_scan (int code)
{
  for (size_t i = 0; i < sizeof bench_pairs / sizeof bench_pairs[0]; i++)
    if (bench_pairs[i].code == code)
      return bench_pairs[i].phrase;
  return NULL;
}
#endif

#if BENCH_KIND == BENCH_PHRASE_DGETTEXT
/* The directory bound, chosen as the library chooses it (see bind_catalog in src/sipreason.c):
   SIPREASON_LOCALEDIR made absolute, else the configured LOCALEDIR.  */
static char bench_dir[PATH_MAX];

static int
bench_bind (void)
{
  const char *dir = secure_getenv ("SIPREASON_LOCALEDIR");
  size_t used = 0;

  if (dir == NULL || *dir == '\0')
    dir = LOCALEDIR;
  else if (dir[0] != '/')
    {
      if (getcwd (bench_dir, sizeof bench_dir) == NULL)
        return 0;
      used = strlen (bench_dir);
      bench_dir[used++] = '/';
    }
  if (used + strlen (dir) >= sizeof bench_dir)
    return 0;
  strcpy (bench_dir + used, dir);
  return bindtextdomain ("sipreason", bench_dir) != NULL
         && bind_textdomain_codeset ("sipreason", "UTF-8") != NULL;
}
#endif

/* The lookup being measured, for the Jth code.  */
static inline const char *
bench_lookup (size_t j)
{
#if BENCH_KIND == BENCH_PHRASE_LIB
  return sipreason_phrase (bench_codes[j]);
#elif BENCH_KIND == BENCH_PHRASE_DGETTEXT
  return dgettext ("sipreason", bench_msgids[j]);
#elif BENCH_KIND == BENCH_CANONICAL_LIB
  return sipreason_canonical (bench_codes[j]);
#elif BENCH_KIND == BENCH_CANONICAL_ARRAY
  return bench_by_code[bench_codes[j]];
#elif BENCH_KIND == BENCH_CANONICAL_SCAN
  return bench_scan (bench_codes[j]);
#elif BENCH_KIND == BENCH_LOOP
  return (const char *) (uintptr_t) bench_codes[j];
#elif BENCH_KIND == BENCH_PHRASE_LANG
  return sipreason_phrase_lang (bench_codes[j], BENCH_LANG_LIST);
#elif BENCH_KIND == BENCH_PHRASE_ACCEPT
  return sipreason_phrase_lang (bench_codes[j], BENCH_ACCEPT_LANGUAGE);
#else
# error "unknown BENCH_KIND"
#endif
}

/* N lookups, cycling through the codes.  */
static BENCH_NOINLINE void
bench_run (long n)
{
  size_t j = 0;
  for (long i = 0; i < n; i++)
    {
      BENCH_USE (bench_lookup (j));
      if (++j == bench_count)
        j = 0;
    }
}

static double
bench_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
bench_compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Median ns per lookup over BENCH_REPS runs, each long enough (>= 20 ms) for the clock.  */
static double
bench_time (void)
{
  double per_lookup[BENCH_REPS];
  long n = (long) bench_count * 64;

  bench_run (n);                        /* warm: catalogs loaded, caches filled */
  for (;;)
    {
      double start = bench_now ();
      bench_run (n);
      if (bench_now () - start >= 20e6 || n > LONG_MAX / 4)
        break;
      n *= 2;
    }
  for (int r = 0; r < BENCH_REPS; r++)
    {
      double start = bench_now ();
      bench_run (n);
      per_lookup[r] = (bench_now () - start) / n;
    }
  qsort (per_lookup, BENCH_REPS, sizeof per_lookup[0], bench_compare);
  return per_lookup[BENCH_REPS / 2];
}

int
main (int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "";

  if (setlocale (LC_ALL, "") == NULL)
    {
      fprintf (stderr, "%s: the locale the environment names is not installed\n", argv[0]);
      return 77;
    }

  for (int c = sipreason_next (0); c > 0 && bench_count < BENCH_MAX_CODES;
       c = sipreason_next (c))
    {
      bench_codes[bench_count] = c;
      bench_msgids[bench_count] = sipreason_canonical (c);
      bench_count++;
    }
  if (bench_count == 0)
    return 1;

#if BENCH_KIND == BENCH_PHRASE_DGETTEXT
  if (!bench_bind ())
    {
      fprintf (stderr, "%s: cannot bind the text domain\n", argv[0]);
      return 1;
    }
#endif

  if (strcmp (mode, "count") == 0 && (argc == 3 || argc == 4))
    {
      char *end;
      long n = strtol (argv[2], &end, 10);
      if (*end != '\0' || n < 0)
        return 1;
      long pad = argc == 4 ? strtol (argv[3], &end, 10) : 0;
      if (*end != '\0' || pad < 0)
        return 1;
      /* Kept until exit: the nodes gettext allocates for its cache of found translations
         land PAD bytes further on, which moves where their strings sit in a page (and so
         which path glibc's strcmp takes when it compares them).  */
      char *volatile padding = pad > 0 ? malloc (pad) : NULL;
      if (padding != NULL)
        padding[0] = 0;
      bench_run (n);
    }
  else if (strcmp (mode, "time") == 0 && argc == 2)
    printf ("%.3f\n", bench_time ());
  else if (strcmp (mode, "print") == 0 && argc == 2)
    for (size_t j = 0; j < bench_count; j++)
      {
        const char *text = bench_lookup (j);
#if BENCH_KIND == BENCH_LOOP
        text = "";
#endif
        printf ("%d\t%s\n", bench_codes[j], text ? text : "(null)");
      }
  else
    {
      fprintf (stderr, "usage: %s count N [PAD] | time | print\n", argv[0]);
      return 1;
    }

#if BENCH_KIND == BENCH_PHRASE_DGETTEXT
  /* After the measurement: the baseline read the catalog the library reads.  */
  if (strcmp (bench_dir, sipreason_localedir ()) != 0)
    {
      fprintf (stderr, "%s: bound %s, the library binds %s\n", argv[0], bench_dir,
               sipreason_localedir ());
      return 1;
    }
#endif
  return fflush (stdout) == 0 ? 0 : 1;
}
