/* mo.c: a reader of GNU .mo catalogs (mo.h) that checks the whole file once, when it opens it.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include "mo.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "utf8.h"

/* The magic number, as read in the file's own byte order.  */
#define MO_MAGIC UINT32_C (0x950412de)

/* Larger files are refused: the whole file is read into memory, and a catalog of a few hundred
   phrases takes tens of KiB.  */
#define MO_MAX_SIZE ((size_t) 16 * 1024 * 1024)

/* What the search functions return for a string that is not there.  No index reaches it, since
   an index is below N, a 32-bit count.  */
#define NOT_FOUND UINT32_MAX

/* Offsets of the header's 32-bit fields.  A revision 1 header goes on after them with the
   system-dependent strings, which this reader ignores.  */
enum
{
  HEADER_MAGIC = 0,
  HEADER_REVISION = 4,
  HEADER_COUNT = 8,
  HEADER_ORIGINALS = 12,
  HEADER_TRANSLATIONS = 16,
  HEADER_HASH_SIZE = 20,
  HEADER_HASH = 24,
  HEADER_SIZE = 28
};

/* A table entry is two 32-bit fields, length then offset; a hash slot is one.  */
enum { ENTRY_SIZE = 8, SLOT_SIZE = 4 };

/* The catalog and the file's bytes are one allocation, so that closing is one free().  Every
   field is checked against the file by check_catalog before any lookup uses it.  */
struct mo_catalog
{
  bool big_endian;              /* byte order of every 32-bit field of the file */
  uint32_t count;               /* N: how many strings */
  size_t originals;             /* O: offset of the table of original strings */
  size_t translations;          /* T: offset of the table of translations */
  uint32_t hash_size;           /* S: slots of the hash table; 0 when there is none */
  size_t hash;                  /* H: offset of the hash table */
  size_t size;                  /* bytes in DATA */
  unsigned char data[];         /* the whole file */
};

/* The 32-bit field at OFFSET in CATALOG's data, which the caller knows lies in the file.  Read
   byte by byte, since a field of a hostile file may be unaligned, and the file may have either
   byte order.  */
static uint32_t
get32 (const struct mo_catalog *catalog, size_t offset)
{
  const unsigned char *p = catalog->data + offset;
  if (catalog->big_endian)
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
  return (uint32_t) p[3] << 24 | (uint32_t) p[2] << 16 | (uint32_t) p[1] << 8 | p[0];
}

static uint32_t
entry_length (const struct mo_catalog *catalog, size_t table, uint32_t i)
{
  return get32 (catalog, table + (size_t) i * ENTRY_SIZE);
}

static uint32_t
entry_offset (const struct mo_catalog *catalog, size_t table, uint32_t i)
{
  return get32 (catalog, table + (size_t) i * ENTRY_SIZE + 4);
}

/* String I of TABLE (the originals or the translations).  */
static const char *
string_at (const struct mo_catalog *catalog, size_t table, uint32_t i)
{
  return (const char *) catalog->data + entry_offset (catalog, table, i);
}

/* gettext's variant of hashpjw, over the bytes of S: the function msgfmt placed the strings
   with, so it cannot be another.  */
static uint32_t
hash_string (const char *s)
{
  uint32_t hval = 0;
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    {
      hval = (hval << 4) + *p;
      uint32_t g = hval & (UINT32_C (0xf) << 28);
      if (g != 0)
        {
          hval ^= g >> 24;
          hval ^= g;
        }
    }
  return hval;
}

/* The index of the original string MSGID, found through the hash table.  A table of gettext's
   always has empty slots, which end a search; a hostile one may have none on MSGID's path, so
   the search stops after S probes: by then a step prime to S (msgfmt makes S prime) has seen
   every slot.  */
static uint32_t
find_hashed (const struct mo_catalog *catalog, const char *msgid)
{
  uint32_t size = catalog->hash_size;
  uint32_t hval = hash_string (msgid);
  uint32_t slot = hval % size;
  uint32_t step = 1 + hval % (size - 2);

  for (uint32_t probe = 0; probe < size; probe++)
    {
      uint32_t entry = get32 (catalog, catalog->hash + (size_t) slot * SLOT_SIZE);
      if (entry == 0)
        return NOT_FOUND;
      if (strcmp (msgid, string_at (catalog, catalog->originals, entry - 1)) == 0)
        return entry - 1;
      /* slot + step, modulo S, without ever exceeding S.  */
      slot = slot >= size - step ? slot - (size - step) : slot + step;
    }
  return NOT_FOUND;
}

/* The index of the original string MSGID, by binary search of the sorted originals.  */
static uint32_t
find_sorted (const struct mo_catalog *catalog, const char *msgid)
{
  uint32_t low = 0, high = catalog->count;

  while (low < high)
    {
      uint32_t middle = low + (high - low) / 2;
      int order = strcmp (msgid, string_at (catalog, catalog->originals, middle));
      if (order == 0)
        return middle;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NOT_FOUND;
}

const char *
mo_catalog_lookup (const struct mo_catalog *catalog, const char *msgid)
{
  if (catalog == NULL || msgid == NULL)
    return NULL;
  uint32_t i = (catalog->hash_size != 0
                ? find_hashed (catalog, msgid) : find_sorted (catalog, msgid));
  if (i == NOT_FOUND)
    return NULL;
  const char *text = string_at (catalog, catalog->translations, i);
  /* gettext gives back the msgid for an empty translation: there is no translation.  The first
     byte is tested, not the length, so that plural forms starting with an empty one count as
     empty too.  */
  return *text != '\0' ? text : NULL;
}

/* What a catalog's header says its text is in: UTF-8 (or nothing), ASCII (its subset, which
   msginit writes in the C locale and msgfmt then keeps to 7 bits), or another charset, which
   this reader, converting nothing, refuses.  */
enum charset { CHARSET_UTF8, CHARSET_ASCII, CHARSET_OTHER };

/* Whether the LEN bytes at VALUE spell NAME (in lower case), ignoring ASCII case.  */
static bool
is_name (const char *value, size_t len, const char *name)
{
  return len == strlen (name) && ascii_same_nocase (value, name, len);
}

/* The charset the header line of LEN bytes at LINE, a Content-Type line, names.  */
static enum charset
charset_of (const char *line, size_t len)
{
  static const char parameter[] = "charset=";
  size_t parameter_len = sizeof parameter - 1;

  for (size_t i = 0; i + parameter_len <= len; i++)
    if (ascii_same_nocase (line + i, parameter, parameter_len))
      {
        const char *value = line + i + parameter_len;
        size_t value_len = strcspn (value, "; \t\r\n");
        /* glibc takes "UTF8" too; ASCII under the names iconv gives it.  */
        if (is_name (value, value_len, "utf-8") || is_name (value, value_len, "utf8"))
          return CHARSET_UTF8;
        if (is_name (value, value_len, "ascii") || is_name (value, value_len, "us-ascii")
            || is_name (value, value_len, "ansi_x3.4-1968"))
          return CHARSET_ASCII;
        return CHARSET_OTHER;
      }
  return CHARSET_UTF8;
}

/* Whether every translation of CATALOG is 7-bit ASCII.  */
static bool
translations_are_ascii (const struct mo_catalog *catalog)
{
  for (uint32_t i = 0; i < catalog->count; i++)
    {
      const unsigned char *p
        = (const unsigned char *) string_at (catalog, catalog->translations, i);
      uint32_t len = entry_length (catalog, catalog->translations, i);
      for (uint32_t k = 0; k < len; k++)
        if (p[k] >= 0x80)
          return false;
    }
  return true;
}

/* Whether the catalog's header (the translation of "") declares UTF-8 text, or no charset at
   all, or ASCII that the translations keep to: callers are promised UTF-8, and this reader
   converts nothing.  */
static bool
check_charset (const struct mo_catalog *catalog)
{
  static const char field[] = "content-type:";
  size_t field_len = sizeof field - 1;
  const char *line = mo_catalog_lookup (catalog, "");

  while (line != NULL && *line != '\0')
    {
      size_t len = strcspn (line, "\n");
      if (len >= field_len && ascii_same_nocase (line, field, field_len))
        switch (charset_of (line + field_len, len - field_len))
          {
          case CHARSET_UTF8: return true;
          case CHARSET_ASCII: return translations_are_ascii (catalog);
          default: return false;
          }
      line += len;
      if (*line == '\n')
        line++;
    }
  return true;
}

/* Whether ENTRIES entries of ENTRY_BYTES bytes from OFFSET lie inside a file of SIZE bytes.  In
   64 bits, where neither the product nor the sum of 32-bit values can wrap.  */
static bool
table_fits (uint32_t offset, uint32_t entries, unsigned int entry_bytes, size_t size)
{
  return (uint64_t) offset + (uint64_t) entries * entry_bytes <= size;
}

/* Whether string I of TABLE lies inside the file, NUL included, and ends with that NUL, so that
   strcmp on it never reads past the file.  */
static bool
string_fits (const struct mo_catalog *catalog, size_t table, uint32_t i)
{
  uint64_t end = (uint64_t) entry_offset (catalog, table, i) + entry_length (catalog, table, i);
  return end < catalog->size && catalog->data[end] == '\0';
}

static bool
is_prime (uint32_t n)
{
  if (n < 2)
    return false;
  for (uint32_t d = 2; d <= n / d; d++)
    if (n % d == 0)
      return false;
  return true;
}

/* Whether the LEN bytes at S are UTF-8 (NUL bytes, which separate plural forms, included), as
   every string handed out is promised to be.  */
static bool
is_utf8 (const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  for (size_t i = 0; i < len;)
    {
      size_t n = p[i] < 0x80 ? 1 : utf8_length (p + i, len - i);
      if (n == 0)
        return false;
      i += n;
    }
  return true;
}

/* Whether every non-empty slot of the hash table holds a valid string index, and every string
   is in exactly one slot, as msgfmt writes it.  A table in which slots repeat a string is
   refused, since it can fill the table and make every failed lookup probe all S slots.  */
static bool
check_hash_table (const struct mo_catalog *catalog)
{
  uint32_t count = catalog->count;
  uint32_t seen_count = 0;
  /* One bit per string: seen in a slot already.  */
  unsigned char *seen = calloc ((size_t) count / CHAR_BIT + 1, 1);
  bool ok = seen != NULL;

  for (uint32_t slot = 0; ok && slot < catalog->hash_size; slot++)
    {
      uint32_t entry = get32 (catalog, catalog->hash + (size_t) slot * SLOT_SIZE);
      if (entry == 0)
        continue;
      if (entry > count)
        ok = false;
      else
        {
          uint32_t i = entry - 1;
          unsigned char bit = (unsigned char) (1u << (i % CHAR_BIT));
          if (seen[i / CHAR_BIT] & bit)
            ok = false;
          seen[i / CHAR_BIT] |= bit;
          seen_count++;
        }
    }
  free (seen);
  return ok && seen_count == count;
}

/* Whether CATALOG, whose data and size are read, is a well-formed UTF-8 catalog; sets its other
   fields.  After this, lookups need no check of their own.  */
static bool
check_catalog (struct mo_catalog *catalog)
{
  size_t size = catalog->size;

  if (size < HEADER_SIZE)
    return false;
  catalog->big_endian = false;
  if (get32 (catalog, HEADER_MAGIC) != MO_MAGIC)
    {
      catalog->big_endian = true;
      if (get32 (catalog, HEADER_MAGIC) != MO_MAGIC)
        return false;
    }
  /* Major revisions 0 and 1 share the part read here; a later one may not.  A minor revision
     other than 0 announces tables of system-dependent strings, which glibc's gettext reads
     without checking them (a forged one crashes it); msgfmt writes none for this catalog.  */
  uint32_t revision = get32 (catalog, HEADER_REVISION);
  if (revision >> 16 > 1 || (revision & 0xffff) != 0)
    return false;

  uint32_t count = get32 (catalog, HEADER_COUNT);
  uint32_t originals = get32 (catalog, HEADER_ORIGINALS);
  uint32_t translations = get32 (catalog, HEADER_TRANSLATIONS);
  uint32_t hash_size = get32 (catalog, HEADER_HASH_SIZE);
  uint32_t hash = get32 (catalog, HEADER_HASH);

  if (!table_fits (originals, count, ENTRY_SIZE, size)
      || !table_fits (translations, count, ENTRY_SIZE, size))
    return false;
  /* The probe step is 1 + hval % (S - 2): S of 1 or 2 would divide by zero (or wrap), and
     gettext never writes a table of fewer than 3 slots.  */
  if (hash_size == 1 || hash_size == 2)
    return false;
  if (hash_size != 0 && !table_fits (hash, hash_size, SLOT_SIZE, size))
    return false;
  /* glibc's gettext probes until it meets an empty slot: the table must have one, and a prime
     size (as msgfmt makes it) so that every step reaches it.  */
  if (hash_size != 0 && (hash_size <= count || !is_prime (hash_size)))
    return false;
  catalog->count = count;
  catalog->originals = originals;
  catalog->translations = translations;
  catalog->hash_size = hash_size;
  catalog->hash = hash_size != 0 ? hash : 0;

  for (uint32_t i = 0; i < count; i++)
    if (!string_fits (catalog, catalog->originals, i)
        || !string_fits (catalog, catalog->translations, i)
        || !is_utf8 (string_at (catalog, catalog->translations, i),
                     entry_length (catalog, catalog->translations, i)))
      return false;

  if (hash_size != 0)
    {
      if (!check_hash_table (catalog))
        return false;
    }
  else
    {
      /* The binary search needs them in strictly ascending order.  */
      for (uint32_t i = 1; i < count; i++)
        if (strcmp (string_at (catalog, catalog->originals, i - 1),
                    string_at (catalog, catalog->originals, i)) >= 0)
          return false;
    }

  return check_charset (catalog);
}

/* Reads exactly SIZE bytes of FD into BUF, and checks that the file ends there: a file that
   shrinks or grows while it is read is refused, rather than read half old and half new.  */
static bool
read_exactly (int fd, unsigned char *buf, size_t size)
{
  size_t done = 0;

  while (done < size)
    {
      ssize_t n = read (fd, buf + done, size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return false;           /* an error, or the file shrank */
      done += (size_t) n;
    }
  for (;;)
    {
      unsigned char extra;
      ssize_t n = read (fd, &extra, 1);
      if (n < 0 && errno == EINTR)
        continue;
      return n == 0;            /* more bytes: the file grew */
    }
}

/* A new catalog holding the whole regular file at PATH (its other fields not yet set), or NULL
   when PATH cannot be read, is not a regular file, or is too small or too large.  */
static struct mo_catalog *
read_file (const char *path)
{
  /* O_NONBLOCK, so that a FIFO at PATH does not block the open (it is refused below); it
     changes nothing for a regular file.  */
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return NULL;

  struct mo_catalog *catalog = NULL;
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
      && st.st_size >= HEADER_SIZE && (uintmax_t) st.st_size <= MO_MAX_SIZE)
    {
      size_t size = (size_t) st.st_size;
      catalog = malloc (sizeof *catalog + size);
      if (catalog != NULL)
        {
          catalog->size = size;
          if (!read_exactly (fd, catalog->data, size))
            {
              free (catalog);
              catalog = NULL;
            }
        }
    }
  close (fd);
  return catalog;
}

struct mo_catalog *
mo_catalog_open (const char *path)
{
  int saved_errno = errno;
  struct mo_catalog *catalog = path != NULL ? read_file (path) : NULL;

  if (catalog != NULL && !check_catalog (catalog))
    {
      free (catalog);
      catalog = NULL;
    }
  errno = saved_errno;
  return catalog;
}

void
mo_catalog_close (struct mo_catalog *catalog)
{
  int saved_errno = errno;
  free (catalog);
  errno = saved_errno;
}
