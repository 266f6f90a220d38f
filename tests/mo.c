/* mo.c: the private .mo reader (src/mo.c) on the catalogs msgfmt makes of po/ko.po and po/ja.po,
   in both byte orders, with and without a hash table; and on hostile files: every truncation,
   headers, tables and strings forged from those catalogs, and the files tests/mo.test leaves.
   Run by tests/mo.test as "mo DIR", DIR holding what the script made (see there).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mo.h"
#include "tap.h"

/* errno is set to this before each call, and must be found again after it.  */
#define SENTINEL_ERRNO EDOM

/* The four builds msgfmt made of each .po, as DIR/LL<suffix>.mo.  */
static const char *const builds[] = { "", "-be", "-nohash", "-be-nohash" };
#define BUILDS 4

static const char *dir;

/* DIR/NAME in BUF.  */
static const char *
in_dir (char *buf, size_t size, const char *name)
{
  if ((size_t) snprintf (buf, size, "%s/%s", dir, name) >= size)
    {
      printf ("Bail out! path too long: %s/%s\n", dir, name);
      exit (1);
    }
  return buf;
}

/* A file's bytes, with a NUL after them.  */
struct file
{
  unsigned char *data;
  size_t size;
};

static struct file
read_whole (const char *path)
{
  struct file f = { NULL, 0 };
  FILE *stream = fopen (path, "rb");
  if (stream == NULL)
    {
      printf ("Bail out! %s: %s\n", path, strerror (errno));
      exit (1);
    }
  size_t allocated = 0;
  for (;;)
    {
      if (f.size + 4096 + 1 > allocated)
        {
          allocated = 2 * allocated + 4096 + 1;
          f.data = realloc (f.data, allocated);
          if (f.data == NULL)
            {
              printf ("Bail out! out of memory\n");
              exit (1);
            }
        }
      size_t n = fread (f.data + f.size, 1, 4096, stream);
      f.size += n;
      if (n < 4096)
        break;
    }
  if (ferror (stream))
    {
      printf ("Bail out! %s: read error\n", path);
      exit (1);
    }
  fclose (stream);
  f.data[f.size] = '\0';
  return f;
}

static void
write_whole (const char *path, const unsigned char *data, size_t size)
{
  FILE *stream = fopen (path, "wb");
  if (stream == NULL || fwrite (data, 1, size, stream) != size || fclose (stream) != 0)
    {
      printf ("Bail out! cannot write %s\n", path);
      exit (1);
    }
}

/* mo_catalog_open (PATH), setting *ERRNO_KEPT to whether errno was left as it was.  */
static struct mo_catalog *
open_watched (const char *path, bool *errno_kept)
{
  errno = SENTINEL_ERRNO;
  struct mo_catalog *catalog = mo_catalog_open (path);
  *errno_kept = errno == SENTINEL_ERRNO;
  return catalog;
}

/* One point: PATH is refused, errno kept.  */
static void
check_refused (const char *path, const char *name)
{
  bool errno_kept;
  struct mo_catalog *catalog = open_watched (path, &errno_kept);
  char point[512];
  snprintf (point, sizeof point, "%s: refused, errno kept", name);
  if (!tap_ok (catalog == NULL && errno_kept, point))
    printf ("#   catalog %s, errno %s\n", catalog ? "opened" : "NULL",
            errno_kept ? "kept" : "changed");
  mo_catalog_close (catalog);
}

/* One point: PATH opens, errno is kept, and "Busy Here" gives BUSY (NULL for no translation).  */
static void
check_accepted (const char *path, const char *name, const char *busy)
{
  bool errno_kept;
  struct mo_catalog *catalog = open_watched (path, &errno_kept);
  const char *got = mo_catalog_lookup (catalog, "Busy Here");
  bool same = got == NULL || busy == NULL ? got == busy : strcmp (got, busy) == 0;
  char point[512];
  snprintf (point, sizeof point, "%s: opens, errno kept, Busy Here is %s", name,
            busy ? busy : "untranslated");
  if (!tap_ok (catalog != NULL && errno_kept && same, point))
    printf ("#   catalog %s, errno %s, Busy Here gives %s\n", catalog ? "opened" : "NULL",
            errno_kept ? "kept" : "changed", got ? got : "NULL");
  mo_catalog_close (catalog);
}

/* A TAP diagnostic "#   LABEL: 'S'" on one line (newlines and tabs shown as \n and \t), or
   "#   LABEL: NULL".  */
static void
show (const char *label, const char *s)
{
  printf ("#   %s: ", label);
  if (s == NULL)
    {
      puts ("NULL");
      return;
    }
  putchar ('\'');
  for (; *s != '\0'; s++)
    if (*s == '\n')
      fputs ("\\n", stdout);
    else if (*s == '\t')
      fputs ("\\t", stdout);
    else
      putchar (*s);
  puts ("'");
}

/* A wrong answer: MSGID gave GOT instead of WANT.  */
static void
show_wrong (const char *msgid, const char *got, const char *want)
{
  show ("msgid", msgid);
  show ("got", got);
  show ("expected", want);
}

static bool
same_answer (const char *a, const char *b)
{
  return a == NULL || b == NULL ? a == b : strcmp (a, b) == 0;
}

/* The messages of a .po, as tests/mo.test lists them: msgid NUL msgstr NUL, for each.  */
struct pairs
{
  struct file file;
  size_t count;
  const char **msgid, **msgstr;
};

static struct pairs
read_pairs (const char *path)
{
  struct pairs p;
  p.file = read_whole (path);
  size_t strings = 0;
  for (size_t i = 0; i < p.file.size; i++)
    strings += p.file.data[i] == '\0';
  if (strings % 2 != 0 || strings == 0 || p.file.data[p.file.size - 1] != '\0')
    {
      printf ("Bail out! %s is not a list of msgid NUL msgstr NUL\n", path);
      exit (1);
    }
  p.count = strings / 2;
  p.msgid = malloc (p.count * sizeof *p.msgid);
  p.msgstr = malloc (p.count * sizeof *p.msgstr);
  if (p.msgid == NULL || p.msgstr == NULL)
    {
      printf ("Bail out! out of memory\n");
      exit (1);
    }
  const char *s = (const char *) p.file.data;
  for (size_t i = 0; i < p.count; i++)
    {
      p.msgid[i] = s;
      s += strlen (s) + 1;
      p.msgstr[i] = s;
      s += strlen (s) + 1;
    }
  return p;
}

static void
free_pairs (struct pairs *p)
{
  free (p->msgid);
  free (p->msgstr);
  free (p->file.data);
}

/* Strings that are the msgid of no message: near misses of real ones, and odd bytes.  */
static const char *const absent[] =
{
  "Busy Her", "Busy Here ", "busy here", "Busy Here\n", " Busy Here", "BUSY HERE", "Busy",
  "Not Found.", "zzzzzzzz", "A", "\x01", "\xff\xfe\xfd", "사용 중", "Project-Id-Version",
  "a very long string that is no message at all, in the hope of long hash chains, "
  "a very long string that is no message at all, in the hope of long hash chains"
};
#define ABSENT (sizeof absent / sizeof absent[0])

/* The four builds of LANG: every message gives exactly its msgstr, strings that are not
   messages give NULL, errno is untouched, and the four answer alike.  */
static void
check_language (const char *lang, const char *busy)
{
  char path[4096], name[256], point[512];
  snprintf (name, sizeof name, "%s.pairs", lang);
  struct pairs pairs = read_pairs (in_dir (path, sizeof path, name));
  struct mo_catalog *catalog[BUILDS];

  for (int b = 0; b < BUILDS; b++)
    {
      snprintf (name, sizeof name, "%s%s.mo", lang, builds[b]);
      bool errno_kept;
      catalog[b] = open_watched (in_dir (path, sizeof path, name), &errno_kept);
      snprintf (point, sizeof point, "%s opens, errno kept", name);
      tap_ok (catalog[b] != NULL && errno_kept, point);

      size_t wrong = 0;
      errno = SENTINEL_ERRNO;
      for (size_t i = 0; i < pairs.count; i++)
        {
          const char *got = mo_catalog_lookup (catalog[b], pairs.msgid[i]);
          /* msgfmt leaves out untranslated messages; the reader answers NULL for them.  */
          const char *want = *pairs.msgstr[i] != '\0' ? pairs.msgstr[i] : NULL;
          bool right = same_answer (got, want);
          /* The header: msgfmt may drop fields of it (POT-Creation-Date, for reproducible
             builds), so only its start and its Content-Type line are compared.  */
          if (*pairs.msgid[i] == '\0')
            right = (got != NULL && strncmp (got, "Project-Id-Version: ", 20) == 0
                     && strstr (got, "\nContent-Type: text/plain; charset=UTF-8\n") != NULL);
          if (!right && wrong++ < 3)
            show_wrong (pairs.msgid[i], got, want);
        }
      snprintf (point, sizeof point, "%s: each of the %zu messages of po/%s.po gives its msgstr",
                name, pairs.count, lang);
      tap_ok (wrong == 0 && pairs.count > 100, point);

      /* Every msgid with a byte added, and the list of near misses.  */
      wrong = 0;
      for (size_t i = 0; i < pairs.count; i++)
        {
          char longer[4096];
          snprintf (longer, sizeof longer, "%s\x01", pairs.msgid[i]);
          const char *got = mo_catalog_lookup (catalog[b], longer);
          if (got != NULL && wrong++ < 3)
            show_wrong (longer, got, NULL);
        }
      for (size_t i = 0; i < ABSENT; i++)
        {
          const char *got = mo_catalog_lookup (catalog[b], absent[i]);
          if (got != NULL && wrong++ < 3)
            show_wrong (absent[i], got, NULL);
        }
      snprintf (point, sizeof point, "%s: %zu strings that are no msgid give NULL", name,
                pairs.count + ABSENT);
      tap_ok (wrong == 0, point);
      snprintf (point, sizeof point, "%s: errno unchanged across %zu lookups", name,
                2 * pairs.count + ABSENT);
      tap_is_int (errno, SENTINEL_ERRNO, point);

      if (busy != NULL)
        {
          snprintf (point, sizeof point, "%s: Busy Here is %s", name, busy);
          tap_is_str (mo_catalog_lookup (catalog[b], "Busy Here"), busy, point);
        }
    }

  size_t differ = 0;
  for (size_t i = 0; i < pairs.count + ABSENT; i++)
    {
      const char *msgid = i < pairs.count ? pairs.msgid[i] : absent[i - pairs.count];
      const char *first = mo_catalog_lookup (catalog[0], msgid);
      for (int b = 1; b < BUILDS; b++)
        if (!same_answer (mo_catalog_lookup (catalog[b], msgid), first) && differ++ < 3)
          {
            printf ("#   %s%s.mo and %s.mo differ on:\n", lang, builds[b], lang);
            show ("msgid", msgid);
          }
    }
  snprintf (point, sizeof point, "%s: the four builds give identical answers", lang);
  tap_ok (differ == 0 && catalog[0] != NULL, point);

  for (int b = 0; b < BUILDS; b++)
    mo_catalog_close (catalog[b]);
  free_pairs (&pairs);
}

/* A .mo in memory, with its header's fields, for forging.  */
struct mo
{
  unsigned char *data;
  size_t size;
  bool big_endian;
  uint32_t count, originals, translations, hash_size, hash;
};

static uint32_t
get32 (const struct mo *m, size_t offset)
{
  const unsigned char *p = m->data + offset;
  return m->big_endian
         ? (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3]
         : (uint32_t) p[3] << 24 | (uint32_t) p[2] << 16 | (uint32_t) p[1] << 8 | p[0];
}

static void
put32 (struct mo *m, size_t offset, uint32_t value)
{
  for (int i = 0; i < 4; i++)
    m->data[offset + (m->big_endian ? 3 - i : i)] = (unsigned char) (value >> (8 * i));
}

/* The .mo at PATH, which msgfmt wrote: its fields are trusted.  */
static struct mo
read_mo (const char *path)
{
  struct file f = read_whole (path);
  struct mo m = { f.data, f.size, f.size > 0 && f.data[0] == 0x95, 0, 0, 0, 0, 0 };
  if (f.size < 28)
    {
      printf ("Bail out! %s is too short\n", path);
      exit (1);
    }
  m.count = get32 (&m, 8);
  m.originals = get32 (&m, 12);
  m.translations = get32 (&m, 16);
  m.hash_size = get32 (&m, 20);
  m.hash = get32 (&m, 24);
  return m;
}

static struct mo
copy_mo (const struct mo *m)
{
  struct mo copy = *m;
  copy.data = malloc (m->size);
  if (copy.data == NULL)
    {
      printf ("Bail out! out of memory\n");
      exit (1);
    }
  memcpy (copy.data, m->data, m->size);
  return copy;
}

/* Offsets of the length and the offset of string I of TABLE.  */
static size_t
length_field (uint32_t table, uint32_t i)
{
  return (size_t) table + 8 * (size_t) i;
}

static size_t
offset_field (uint32_t table, uint32_t i)
{
  return (size_t) table + 8 * (size_t) i + 4;
}

/* The offset of the NUL that ends string I of TABLE.  */
static size_t
end_of (const struct mo *m, uint32_t table, uint32_t i)
{
  return (size_t) get32 (m, offset_field (table, i)) + get32 (m, length_field (table, i));
}

/* The first occurrence of NEEDLE in M, or (size_t) -1.  */
static size_t
find_bytes (const struct mo *m, const char *needle)
{
  size_t len = strlen (needle);
  for (size_t i = 0; i + len <= m->size; i++)
    if (memcmp (m->data + i, needle, len) == 0)
      return i;
  return (size_t) -1;
}

/* The hash function of the GNU gettext manual ("MO Files"), written again here so that the
   forged tables below are placed the way a reader must search them.  */
static uint32_t
hashpjw (const char *s)
{
  uint32_t h = 0;
  for (; *s != '\0'; s++)
    {
      h = (h << 4) + (unsigned char) *s;
      uint32_t high = h & 0xf0000000u;
      if (high != 0)
        h ^= (high >> 24) ^ high;
    }
  return h;
}

/* Forgeries: each one changes a copy of a valid catalog.  */

static void
revision_2 (struct mo *m)
{
  put32 (m, 4, UINT32_C (2) << 16);
}

static void
revision_1_1 (struct mo *m)
{
  put32 (m, 4, UINT32_C (1) << 16 | 1);
}

static void
count_huge (struct mo *m)
{
  put32 (m, 8, UINT32_MAX);
}

static void
count_zero (struct mo *m)
{
  put32 (m, 8, 0);
}

static void
originals_past_end (struct mo *m)
{
  put32 (m, 12, (uint32_t) (m->size - 8 * (size_t) m->count + 8));
}

static void
translations_wrap (struct mo *m)
{
  put32 (m, 16, UINT32_MAX - 7);
}

static void
original_offset_past_end (struct mo *m)
{
  put32 (m, offset_field (m->originals, 3), (uint32_t) m->size);
}

/* An offset and a length whose 32-bit sum wraps to a small number.  */
static void
original_offset_wraps (struct mo *m)
{
  put32 (m, offset_field (m->originals, 3), UINT32_MAX);
  put32 (m, length_field (m->originals, 3), 2);
}

static void
translation_length_past_end (struct mo *m)
{
  put32 (m, length_field (m->translations, 5), (uint32_t) m->size);
}

/* The string's "NUL" would be the byte just after the file.  */
static void
translation_ends_at_end (struct mo *m)
{
  uint32_t offset = get32 (m, offset_field (m->translations, 5));
  put32 (m, length_field (m->translations, 5), (uint32_t) (m->size - offset));
}

static void
original_without_nul (struct mo *m)
{
  m->data[end_of (m, m->originals, 3)] = 'x';
}

/* The last string of the file, whose NUL is its last byte.  */
static void
last_translation_without_nul (struct mo *m)
{
  size_t last = 0;
  for (uint32_t i = 0; i < m->count; i++)
    if (end_of (m, m->translations, i) > last)
      last = end_of (m, m->translations, i);
  m->data[last] = 'x';
}

/* The first byte of the first message's translation (after the header) becomes 0xff.  */
static void
translation_not_utf8 (struct mo *m)
{
  m->data[get32 (m, offset_field (m->translations, 1))] = 0xff;
}

static void
charset_utf7 (struct mo *m)
{
  m->data[find_bytes (m, "charset=UTF-8") + 12] = '7';
}

/* ASCII, which the Korean translations are not.  */
static void
charset_ascii (struct mo *m)
{
  memcpy (m->data + find_bytes (m, "charset=UTF-8") + 8, "ASCII", 5);
}

/* Another charset of five letters, so that the header keeps its length.  */
static void
charset_cp437 (struct mo *m)
{
  memcpy (m->data + find_bytes (m, "charset=UTF-8") + 8, "CP437", 5);
}

/* The newline after "UTF-8" becomes an X, so that the value runs on: "UTF-8XContent-...".  */
static void
charset_utf8_longer (struct mo *m)
{
  size_t at = find_bytes (m, "charset=UTF-8\n");
  m->data[at + 13] = 'X';
}

static void
charset_lower_case (struct mo *m)
{
  memcpy (m->data + find_bytes (m, "charset=UTF-8") + 8, "utf-8", 5);
}

static void
charset_none (struct mo *m)
{
  /* The Content-Type line keeps its name but loses its charset parameter.  */
  m->data[find_bytes (m, "charset=UTF-8")] = 'x';
}

static void
swap_entries (struct mo *m, uint32_t table, uint32_t i, uint32_t j)
{
  unsigned char tmp[8];
  memcpy (tmp, m->data + length_field (table, i), 8);
  memcpy (m->data + length_field (table, i), m->data + length_field (table, j), 8);
  memcpy (m->data + length_field (table, j), tmp, 8);
}

static void
originals_unsorted (struct mo *m)
{
  swap_entries (m, m->originals, 1, 2);
  swap_entries (m, m->translations, 1, 2);
}

static void
originals_repeated (struct mo *m)
{
  memcpy (m->data + length_field (m->originals, 2), m->data + length_field (m->originals, 1),
          8);
}

/* The first slot holding a string.  */
static uint32_t
used_slot (const struct mo *m)
{
  for (uint32_t slot = 0; slot < m->hash_size; slot++)
    if (get32 (m, (size_t) m->hash + 4 * (size_t) slot) != 0)
      return slot;
  printf ("Bail out! empty hash table\n");
  exit (1);
}

static uint32_t
empty_slot (const struct mo *m)
{
  for (uint32_t slot = 0; slot < m->hash_size; slot++)
    if (get32 (m, (size_t) m->hash + 4 * (size_t) slot) == 0)
      return slot;
  printf ("Bail out! full hash table\n");
  exit (1);
}

static void
slot_past_count (struct mo *m)
{
  put32 (m, (size_t) m->hash + 4 * (size_t) used_slot (m), m->count + 1);
}

static void
slot_huge (struct mo *m)
{
  put32 (m, (size_t) m->hash + 4 * (size_t) used_slot (m), UINT32_MAX);
}

static void
slot_repeated (struct mo *m)
{
  uint32_t entry = get32 (m, (size_t) m->hash + 4 * (size_t) used_slot (m));
  put32 (m, (size_t) m->hash + 4 * (size_t) empty_slot (m), entry);
}

/* Every slot names string 0, "": a search for anything else never meets an empty slot.  */
static void
slots_all_one_string (struct mo *m)
{
  for (uint32_t slot = 0; slot < m->hash_size; slot++)
    put32 (m, (size_t) m->hash + 4 * (size_t) slot, 1);
}

static void
slots_all_empty (struct mo *m)
{
  memset (m->data + m->hash, 0, 4 * (size_t) m->hash_size);
}

/* Two slots name the same string, and so one string is in none: as many slots used as there
   are strings.  */
static void
slot_repeated_one_missing (struct mo *m)
{
  uint32_t first = used_slot (m), second = first + 1;
  while (get32 (m, (size_t) m->hash + 4 * (size_t) second) == 0)
    second++;
  put32 (m, (size_t) m->hash + 4 * (size_t) second,
         get32 (m, (size_t) m->hash + 4 * (size_t) first));
}

static void
hash_size_1 (struct mo *m)
{
  put32 (m, 20, 1);
}

static void
hash_size_2 (struct mo *m)
{
  put32 (m, 20, 2);
}

/* S = 1 in a catalog whose one string, the header, is in the one slot: every other check
   passes.  */
static void
one_string_hash_size_1 (struct mo *m)
{
  put32 (m, 8, 1);
  put32 (m, 20, 1);
  put32 (m, m->hash, 1);
}

/* S = 2 and no string: every other check passes, and a search would divide by S - 2.  */
static void
no_string_hash_size_2 (struct mo *m)
{
  put32 (m, 8, 0);
  put32 (m, 20, 2);
  put32 (m, m->hash, 0);
  put32 (m, m->hash + 4, 0);
}

/* The translation of "Busy Here" becomes "", the way a writer other than msgfmt may keep an
   untranslated message.  */
static void
busy_here_empty (struct mo *m)
{
  for (uint32_t i = 0; i < m->count; i++)
    if (strcmp ((const char *) m->data + get32 (m, offset_field (m->originals, i)),
                "Busy Here") == 0)
      {
        put32 (m, offset_field (m->translations, i), (uint32_t) end_of (m, m->translations, i));
        put32 (m, length_field (m->translations, i), 0);
        return;
      }
  printf ("Bail out! no Busy Here\n");
  exit (1);
}

static void
hash_past_end (struct mo *m)
{
  put32 (m, 20, (uint32_t) (m->size / 4));
}

static void
hash_offset_wraps (struct mo *m)
{
  put32 (m, 24, UINT32_MAX - 3);
}

enum which { ANY, HASHED, SORTED };

static const struct forgery
{
  const char *name;
  enum which applies_to;
  void (*forge) (struct mo *);
  bool accepted;                /* else refused */
  bool translated;              /* when accepted: Busy Here still has its translation */
} forgeries[] =
{
  { "major revision 2", ANY, revision_2, false, false },
  { "revision 1.1 (system-dependent strings, which gettext reads unchecked)", ANY,
    revision_1_1, false, false },
  { "a translation that is not UTF-8", ANY, translation_not_utf8, false, false },
  { "N = 2^32 - 1", ANY, count_huge, false, false },
  { "originals table past the end", ANY, originals_past_end, false, false },
  { "translations table at 2^32 - 8", ANY, translations_wrap, false, false },
  { "an original's offset past the end", ANY, original_offset_past_end, false, false },
  { "an original's offset + length wrapping in 32 bits", ANY, original_offset_wraps,
    false, false },
  { "a translation's length past the end", ANY, translation_length_past_end, false, false },
  { "a translation ending at the end of the file", ANY, translation_ends_at_end,
    false, false },
  { "an original without its NUL", ANY, original_without_nul, false, false },
  { "the last translation without its NUL", ANY, last_translation_without_nul,
    false, false },
  { "charset=UTF-7", ANY, charset_utf7, false, false },
  { "charset=CP437", ANY, charset_cp437, false, false },
  { "charset=ASCII with translations that are not", ANY, charset_ascii, false, false },
  { "charset=UTF-8X", ANY, charset_utf8_longer, false, false },
  { "charset=utf-8", ANY, charset_lower_case, true, true },
  { "a Content-Type without charset", ANY, charset_none, true, true },
  { "an empty translation of Busy Here", ANY, busy_here_empty, true, false },
  { "N = 0", SORTED, count_zero, true, false },
  { "originals out of order", SORTED, originals_unsorted, false, false },
  { "an original repeated", SORTED, originals_repeated, false, false },
  { "a hash slot naming string N + 1", HASHED, slot_past_count, false, false },
  { "a hash slot naming string 2^32 - 1", HASHED, slot_huge, false, false },
  { "a string in two hash slots", HASHED, slot_repeated, false, false },
  { "every hash slot naming the header (no search would end)", HASHED, slots_all_one_string,
    false, false },
  { "every hash slot empty", HASHED, slots_all_empty, false, false },
  { "a string in two hash slots and one in none", HASHED, slot_repeated_one_missing,
    false, false },
  { "S = 1", HASHED, hash_size_1, false, false },
  { "S = 2", HASHED, hash_size_2, false, false },
  { "N = 1 (the header) and S = 1", HASHED, one_string_hash_size_1, false, false },
  { "N = 0 and S = 2", HASHED, no_string_hash_size_2, false, false },
  { "hash table past the end", HASHED, hash_past_end, false, false },
  { "hash table at 2^32 - 4", HASHED, hash_offset_wraps, false, false },
};

/* Every forgery that applies to the Korean build NAME, written to DIR/forged.mo and opened.  */
static void
check_forgeries (const char *name, const char *busy)
{
  char path[4096], forged_path[4096], point[512];
  struct mo valid = read_mo (in_dir (path, sizeof path, name));
  in_dir (forged_path, sizeof forged_path, "forged.mo");

  for (size_t f = 0; f < sizeof forgeries / sizeof forgeries[0]; f++)
    {
      const struct forgery *forgery = &forgeries[f];
      if ((forgery->applies_to == HASHED && valid.hash_size == 0)
          || (forgery->applies_to == SORTED && valid.hash_size != 0))
        continue;
      struct mo m = copy_mo (&valid);
      forgery->forge (&m);
      write_whole (forged_path, m.data, m.size);
      free (m.data);
      snprintf (point, sizeof point, "%s with %s", name, forgery->name);
      if (forgery->accepted)
        check_accepted (forged_path, point, forgery->translated ? busy : NULL);
      else
        check_refused (forged_path, point);
    }
  free (valid.data);
}

/* Whether the first LEN bytes of WHOLE, written to PATH, are refused with errno kept.  */
static bool
cut_refused (const struct file *whole, size_t len, const char *path)
{
  write_whole (path, whole->data, len);
  bool errno_kept;
  struct mo_catalog *catalog = open_watched (path, &errno_kept);
  mo_catalog_close (catalog);
  if (catalog == NULL && errno_kept)
    return true;
  printf ("#   cut at %zu bytes: %s, errno %s\n", len, catalog ? "opened" : "refused",
          errno_kept ? "kept" : "changed");
  return false;
}

/* NAME cut short at every 97th byte, and one byte before its end: all refused, since the last
   byte of a catalog is the NUL of a string.  */
static void
check_truncations (const char *name)
{
  char path[4096], cut_path[4096], point[512];
  struct file whole = read_whole (in_dir (path, sizeof path, name));
  in_dir (cut_path, sizeof cut_path, "cut.mo");
  size_t lengths = 0, wrong = 0;

  for (size_t len = 0; len < whole.size - 1; len += 97, lengths++)
    wrong += !cut_refused (&whole, len, cut_path);
  wrong += !cut_refused (&whole, whole.size - 1, cut_path);
  lengths++;
  snprintf (point, sizeof point,
            "%s cut short at each of %zu lengths (every 97 bytes, and size - 1): refused, "
            "errno kept", name, lengths);
  tap_ok (wrong == 0 && lengths > 100, point);
  free (whole.data);
}

/* The small catalog NAME (five strings: the header and four messages) with its hash table
   forged to SIZE slots, filled as msgfmt would fill them: refused when the table has no empty
   slot (SIZE = N) or a size that is not prime, since glibc's gettext, which probes until an
   empty slot, would then search forever for a msgid that is not there.  */
static void
check_forged_table (const char *name, uint32_t size, const char *what)
{
  char path[4096], forged_path[4096], point[512];
  struct mo m = read_mo (in_dir (path, sizeof path, name));
  if (m.count != 5 || m.hash_size < size)
    {
      printf ("Bail out! %s: %u strings and %u slots, expected 5 strings and %u slots or more\n",
              name, (unsigned int) m.count, (unsigned int) m.hash_size, (unsigned int) size);
      exit (1);
    }
  put32 (&m, 20, size);
  memset (m.data + m.hash, 0, 4 * (size_t) m.hash_size);
  for (uint32_t i = 0; i < m.count; i++)
    {
      const char *msgid = (const char *) m.data + get32 (&m, offset_field (m.originals, i));
      uint32_t h = hashpjw (msgid);
      uint32_t slot = h % size, step = 1 + h % (size - 2);
      for (uint32_t probes = 0; get32 (&m, (size_t) m.hash + 4 * (size_t) slot) != 0
           && probes < size; probes++)
        slot = (slot + step) % size;
      put32 (&m, (size_t) m.hash + 4 * (size_t) slot, i + 1);
    }
  write_whole (in_dir (forged_path, sizeof forged_path, "forged-table.mo"), m.data, m.size);

  bool errno_kept;
  struct mo_catalog *catalog = open_watched (forged_path, &errno_kept);
  snprintf (point, sizeof point, "%s with a hash table of %u slots (%s): refused, errno kept",
            name, (unsigned int) size, what);
  tap_ok (catalog == NULL && errno_kept, point);
  mo_catalog_close (catalog);
  free (m.data);
}

int
main (int argc, char **argv)
{
  char path[4096], point[512];

  if (argc != 2)
    {
      printf ("Bail out! usage: mo DIR\n");
      return 1;
    }
  dir = argv[1];

  /* msgfmt's catalogs.  */
  check_language ("ko", "사용 중");
  check_language ("ja", NULL);

  /* Forged from them.  */
  for (int b = 0; b < BUILDS; b++)
    {
      char name[64];
      snprintf (name, sizeof name, "ko%s.mo", builds[b]);
      check_truncations (name);
      check_forgeries (name, "사용 중");
    }
  check_forged_table ("small.mo", 5, "full: no empty slot");
  check_forged_table ("small-be.mo", 5, "full: no empty slot");
  check_forged_table ("small.mo", 6, "not a prime");
  check_forged_table ("small-be.mo", 6, "not a prime");

  /* Small catalogs of tests/mo.test: what the header says of the charset.  */
  check_accepted (in_dir (path, sizeof path, "small.mo"), "small.mo (charset=utf-8)",
                  "Besetzt");
  check_accepted (in_dir (path, sizeof path, "small-nohash.mo"), "small-nohash.mo",
                  "Besetzt");
  check_accepted (in_dir (path, sizeof path, "no-header.mo"), "no-header.mo", "Besetzt");
  check_accepted (in_dir (path, sizeof path, "no-charset.mo"),
                  "no-charset.mo (a Content-Type without charset)", "Besetzt");
  check_accepted (in_dir (path, sizeof path, "padded.mo"),
                  "padded.mo (ko.mo padded to 16 MiB exactly)", "사용 중");

  /* Hostile files of tests/mo.test, each of which must exist (a missing one would be refused
     for the wrong reason).  */
  static const char *const hostile[] =
  {
    "empty", "ten-bytes", "bad-magic", "random", "random-after-magic", "iso-8859-1.mo",
    "directory", "fifo", "too-big.mo"
  };
  for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
    {
      char name[64];
      struct stat st;
      snprintf (name, sizeof name, "hostile/%s", hostile[i]);
      in_dir (path, sizeof path, name);
      if (lstat (path, &st) != 0)
        {
          snprintf (point, sizeof point, "%s exists", name);
          tap_ok (0, point);
          continue;
        }
      check_refused (path, name);
    }
  check_refused (in_dir (path, sizeof path, "hostile/missing"), "a missing file");
  check_refused (in_dir (path, sizeof path, "hostile/missing/ko.mo"),
                 "a path through a missing directory");
  check_refused ("/dev/null", "/dev/null");
  check_refused ("", "the empty path");

  /* chmod 000: refused, unless the test runs as root, who reads it anyway.  */
  in_dir (path, sizeof path, "unreadable.mo");
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    check_refused (path, "unreadable.mo (mode 000)");
  else
    {
      close (fd);
      check_accepted (path, "unreadable.mo (mode 000, but readable here: root)", "사용 중");
    }

  /* NULL arguments.  */
  errno = SENTINEL_ERRNO;
  struct mo_catalog *none = mo_catalog_open (NULL);
  tap_ok (none == NULL && errno == SENTINEL_ERRNO, "mo_catalog_open (NULL) is NULL, errno kept");
  tap_ok (mo_catalog_lookup (NULL, "Busy Here") == NULL, "lookup in a NULL catalog is NULL");
  struct mo_catalog *ko = mo_catalog_open (in_dir (path, sizeof path, "ko.mo"));
  tap_ok (ko != NULL && mo_catalog_lookup (ko, NULL) == NULL, "lookup of NULL is NULL");
  errno = SENTINEL_ERRNO;
  mo_catalog_close (ko);
  mo_catalog_close (NULL);
  tap_is_int (errno, SENTINEL_ERRNO, "mo_catalog_close (catalog), then (NULL): errno kept");

  return tap_done ();
}
