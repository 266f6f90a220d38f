/* ascii.h: ASCII character classes and case, independent of the locale (a Turkish LC_CTYPE
   must not change what matches); shared by the library and the command; private, never
   installed.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_ASCII_H
#define SIPREASON_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool
ascii_isalpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_isdigit (char c)
{
  return c >= '0' && c <= '9';
}

/* Space and horizontal tab.  */
static inline bool
ascii_isblank (char c)
{
  return c == ' ' || c == '\t';
}

/* White space as the C locale's isspace has it.  */
static inline bool
ascii_isspace (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline char
ascii_tolower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static inline char
ascii_toupper (char c)
{
  return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
}

/* Whether the N bytes at A and B are equal, ASCII letters compared without regard to case.  */
static inline bool
ascii_same_nocase (const char *a, const char *b, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (ascii_tolower (a[i]) != ascii_tolower (b[i]))
      return false;
  return true;
}

#endif /* SIPREASON_ASCII_H */
