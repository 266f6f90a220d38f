/* fuzz-mo.c: the library's own .mo reader (src/mo.c) on any bytes: mo_catalog_open either
   refuses the file or gives a catalog whose every lookup returns a NUL-terminated string inside
   it or NULL, with errno unchanged; never a crash, a leak or a read outside the file.  The
   reader takes a path, so each input is written to one temporary file first.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-check.h"
#include "mo.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char path[] = "/tmp/sipreason-fuzz-mo.XXXXXX";
static int fd = -1;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fd = mkstemp (path);
  FUZZ_CHECK (fd >= 0, "a temporary file for the catalog");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FUZZ_CHECK (ftruncate (fd, 0) == 0 && pwrite (fd, data, size, 0) == (ssize_t) size,
              "writing the catalog");
  errno = 31337;
  struct mo_catalog *catalog = mo_catalog_open (path);
  FUZZ_CHECK (errno == 31337, "errno unchanged by mo_catalog_open");
  if (catalog == NULL)
    return 0;

  /* The msgids the library asks for, and a few that no catalog holds.  */
  static const char *const msgids[] =
  {
    "", "Busy Here", "Not Found", "Not Acceptable", "Informational", "  class: ", "OK",
    "Trying", "Decline", "Server Internal Error", "zzzz", "\xff", "A"
  };
  for (size_t i = 0; i < sizeof msgids / sizeof msgids[0]; i++)
    {
      const char *text = mo_catalog_lookup (catalog, msgids[i]);
      FUZZ_CHECK (errno == 31337, "errno unchanged by mo_catalog_lookup");
      if (text != NULL)
        FUZZ_CHECK (text[0] != '\0' && strlen (text) < size, "a non-empty string from the file");
    }
  /* Every string the file can hold, as a msgid: bytes of the input taken up to a NUL.  */
  for (size_t i = 0; i < size && i < 4096; i += 1 + (size >> 8))
    {
      char msgid[64];
      size_t n = 0;
      while (n < sizeof msgid - 1 && i + n < size && data[i + n] != '\0')
        {
          msgid[n] = (char) data[i + n];
          n++;
        }
      msgid[n] = '\0';
      (void) mo_catalog_lookup (catalog, msgid);
    }
  mo_catalog_close (catalog);
  return 0;
}
