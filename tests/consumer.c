/* consumer.c: a program outside the project, built against the installed library with
   pkg-config by tests/installed.sh: it prints 486 as a UI would.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <locale.h>
#include <stdio.h>
#include <sipreason.h>

int
main (void)
{
  setlocale (LC_ALL, "");
  printf ("%d|%s|%s|%s\n", 486, sipreason_phrase (486), sipreason_canonical (486),
          sipreason_class (486));
  return 0;
}
