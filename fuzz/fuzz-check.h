/* fuzz-check.h: what the fuzz targets share: the invariant check that traps, a strict UTF-8
   validator and an ASCII case-insensitive comparison.  Private to fuzz/; header-only, so each
   target is one translation unit.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_FUZZ_CHECK_H
#define SIPREASON_FUZZ_CHECK_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Says which invariant failed on file descriptor 2 (not through the stderr FILE, which a
   target may have swapped), then traps: libFuzzer records the input as a crash.  */
#define FUZZ_CHECK(cond, what)                                                  \
  do                                                                            \
    {                                                                           \
      if (!(cond))                                                              \
        fuzz_fail (__FILE__, __LINE__, (what), #cond);                          \
    }                                                                           \
  while (0)

__attribute__ ((noreturn, unused)) static void
fuzz_fail (const char *file, int line, const char *what, const char *cond)
{
  char message[1024];
  int n = snprintf (message, sizeof message, "\n%s:%d: invariant violated: %s (%s)\n",
                    file, line, what, cond);
  if (n > 0)
    {
      ssize_t written = write (2, message, (size_t) n < sizeof message ? (size_t) n
                               : sizeof message - 1);
      (void) written;
    }
  __builtin_trap ();
}

/* The length of the well-formed UTF-8 sequence (RFC 3629) at S, of which LEN bytes are
   readable, or 0 when there is none: an overlong form, a surrogate, a code point above
   U+10FFFF, a stray or missing continuation byte.  */
__attribute__ ((unused)) static size_t
fuzz_utf8_length (const unsigned char *s, size_t len)
{
  unsigned char c = s[0];
  size_t n;
  unsigned char lo = 0x80, hi = 0xbf;   /* allowed range of the second byte */
  if (c < 0x80)
    return 1;
  else if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;
  if (len < n || s[1] < lo || s[1] > hi)
    return 0;
  for (size_t k = 2; k < n; k++)
    if ((s[k] & 0xc0) != 0x80)
      return 0;
  return n;
}

/* Whether the LEN bytes at S are well-formed UTF-8.  */
__attribute__ ((unused)) static int
fuzz_utf8_valid (const unsigned char *s, size_t len)
{
  for (size_t i = 0, n; i < len; i += n)
    if ((n = fuzz_utf8_length (s + i, len - i)) == 0)
      return 0;
  return 1;
}

/* Whether the LEN bytes at S contain a C0 control character or DEL other than those in
   ALLOWED (a string, e.g. "\n\t").  */
__attribute__ ((unused)) static int
fuzz_has_control (const unsigned char *s, size_t len, const char *allowed)
{
  for (size_t i = 0; i < len; i++)
    if ((s[i] < 0x20 || s[i] == 0x7f) && (s[i] == '\0' || strchr (allowed, s[i]) == NULL))
      return 1;
  return 0;
}

/* Whether the LEN bytes at S equal the string NAME with ASCII letters compared without regard
   to case (what sipreason_lookup promises); NAME may be NULL.  */
__attribute__ ((unused)) static int
fuzz_same_ascii_ci (const char *s, size_t len, const char *name)
{
  if (name == NULL || strlen (name) != len)
    return 0;
  for (size_t i = 0; i < len; i++)
    {
      unsigned char a = (unsigned char) s[i], b = (unsigned char) name[i];
      if (a >= 'A' && a <= 'Z')
        a = (unsigned char) (a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z')
        b = (unsigned char) (b - 'A' + 'a');
      if (a != b)
        return 0;
    }
  return 1;
}

/* Whether two strings, either of which may be NULL, are both NULL or equal.  */
__attribute__ ((unused)) static int
fuzz_same_string (const char *a, const char *b)
{
  return a == NULL ? b == NULL : b != NULL && strcmp (a, b) == 0;
}

/* The white space sipreason_lookup ignores around its text (the library's own set).  */
__attribute__ ((unused)) static int
fuzz_is_space (unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

#endif /* SIPREASON_FUZZ_CHECK_H */
