/* tap.h: the few TAP helpers the C tests share (Test Anything Protocol, read by tap-driver.sh).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_TAP_H
#define SIPREASON_TAP_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count;
static int tap_failed;

/* One test point: ok when PASSED, named by NAME.  Returns PASSED.  */
static int
tap_ok (int passed, const char *name)
{
  tap_count++;
  if (!passed)
    tap_failed++;
  printf ("%s %d - %s\n", passed ? "ok" : "not ok", tap_count, name);
  return passed;
}

/* Ok when GOT equals EXPECTED, both possibly NULL; shows both otherwise.  */
static int
tap_is_str (const char *got, const char *expected, const char *name)
{
  int same = (got == NULL || expected == NULL) ? got == expected : strcmp (got, expected) == 0;
  if (!tap_ok (same, name))
    printf ("#   got:      %s%s%s\n#   expected: %s%s%s\n",
            got ? "'" : "", got ? got : "NULL", got ? "'" : "",
            expected ? "'" : "", expected ? expected : "NULL", expected ? "'" : "");
  return same;
}

static int
tap_is_int (long got, long expected, const char *name)
{
  if (!tap_ok (got == expected, name))
    printf ("#   got: %ld, expected: %ld\n", got, expected);
  return got == expected;
}

/* PATH opened for reading, or the whole test bailed out.  */
__attribute__ ((unused)) static FILE *
tap_open (const char *path)
{
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      printf ("Bail out! %s: %s\n", path, strerror (errno));
      exit (1);
    }
  return f;
}

/* Ends the test: the plan, and the exit status.  */
static int
tap_done (void)
{
  printf ("1..%d\n", tap_count);
  return tap_failed ? 1 : 0;
}

#endif /* SIPREASON_TAP_H */
