/* utf8.h: the length of a well-formed UTF-8 sequence (RFC 3629), shared by the catalog checks
   of the library and the command's output; private, never installed.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_UTF8_H
#define SIPREASON_UTF8_H

#include <stddef.h>

/* The length of the well-formed UTF-8 sequence of a character U+0080 or above at P, within the
   N bytes there, or 0 (an invalid, overlong, surrogate or truncated sequence).  */
static inline size_t
utf8_length (const unsigned char *p, size_t n)
{
  unsigned char c = p[0];
  size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
               : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (len == 0 || len > n)
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  /* Overlong forms, surrogates and code points above U+10FFFF.  */
  if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f)
      || (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
    return 0;
  return len;
}

#endif /* SIPREASON_UTF8_H */
