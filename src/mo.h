/* mo.h: a private reader of GNU .mo catalogs, so that a language can be read without a locale.

   The module is never exported (see the names below).  The format is the one the GNU gettext
   manual documents in "MO Files": both byte orders, with or without a hash table.  Only UTF-8
   catalogs (and ASCII ones, its subset) are accepted, since every string the library hands out
   is UTF-8.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_MO_H
#define SIPREASON_MO_H

/* In the static library every global name is visible: these take the library's prefix there,
   so that no program linking it can clash with them.  (The shared library exports only
   sipreason_ and a lower-case letter.)  */
#define mo_catalog_open sipreason__mo_catalog_open
#define mo_catalog_lookup sipreason__mo_catalog_lookup
#define mo_catalog_close sipreason__mo_catalog_close

struct mo_catalog;

/* Reads and checks the catalog at PATH; NULL when it is missing, unreadable or malformed, with
   errno left as it was.  Everything is checked here, once, so that lookups need no checks: a
   catalog is refused when any table, string or hash entry lies outside the file, when a string
   lacks its terminating NUL, when a translation is not UTF-8, when its hash table does not hold
   every string exactly once or has no empty slot or a size that is not prime, when (without a
   hash table) the originals are not in strictly ascending strcmp order, when its revision is
   not 0.0 or 1.0, when it is larger than 16 MiB, or when its header declares a charset other
   than UTF-8 or ASCII (or ASCII, with a translation that is not).  Whatever passes is also
   safe for gettext to read.  */
struct mo_catalog *mo_catalog_open (const char *path);

/* The translation of MSGID (NUL-terminated), or NULL when the catalog has no non-empty
   translation of it.  The string lives in CATALOG until mo_catalog_close.  No allocation; errno
   is untouched.  Thread-safe on a catalog that is no longer being opened.  */
const char *mo_catalog_lookup (const struct mo_catalog *catalog, const char *msgid);

/* Frees CATALOG and the strings it gave; NULL is allowed.  */
void mo_catalog_close (struct mo_catalog *catalog);

#endif /* SIPREASON_MO_H */
