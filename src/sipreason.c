/* sipreason.c: the library: lookups in the table of codes.def and the one-time catalog binding.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include "sipreason.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ascii.h"
#include "catalogs.h"
#include "gettext.h"
#include "localedir.h"

#ifndef HAVE_SECURE_GETENV
/* secure_getenv's rule where the system offers issetugid instead (the BSDs, macOS): a setuid
   or setgid program ignores the variable.  With neither, it is honoured; see README.  */
static const char *
getenv_unless_setuid (const char *name)
{
# ifdef HAVE_ISSETUGID
  if (issetugid ())
    return NULL;
# endif
  return getenv (name);
}
# define secure_getenv getenv_unless_setuid
#endif

/* The text domain of the catalog; fixed, since other programs read the installed .mo by it.  */
#define DOMAIN "sipreason"

struct code_row
{
  short code;
  unsigned char status;         /* enum sipreason_status */
  const char *phrase;           /* registered English phrase, and msgid */
  const char *reference;
  const char *former;           /* former names separated by '|', or "" */
  const char *description;      /* msgid */
};

static const struct code_row rows[] =
{
#define SIPREASON_CODE(code, phrase, reference, status, former, description) \
  { code, SIPREASON_##status, phrase, reference, former, description },
#include "codes.def"
};

/* ROW_486 is the index of 486 in rows[].  */
enum
{
#define SIPREASON_CODE(code, ...) ROW_##code,
#include "codes.def"
  ROW_COUNT
};

/* row_of[CODE - 100] is the index of CODE in rows[] plus one, or 0 when CODE is not in the
   table: lookup by code is one array access.  */
static const unsigned char row_of[600] =
{
#define SIPREASON_CODE(code, ...) [(code) - 100] = ROW_##code + 1,
#include "codes.def"
};

struct class_row
{
  const char *name;             /* msgid */
  const char *description;      /* msgid */
};

static const struct class_row classes[7] =
{
#define SIPREASON_CLASS(digit, name, description) [digit] = { name, description },
#include "codes.def"
};

_Static_assert (ROW_COUNT < UCHAR_MAX, "row_of[] holds row indices in unsigned char");

static const struct code_row *
find_row (int code)
{
  if (code < 100 || code > 699)
    return NULL;
  unsigned char i = row_of[code - 100];
  return i ? &rows[i - 1] : NULL;
}

static const struct class_row *
find_class (int code)
{
  return code >= 100 && code <= 699 ? &classes[code / 100] : NULL;
}

/* The directory the catalog is bound to; always absolute, since glibc calls getcwd() on every
   lookup in a domain bound to a relative directory.  Set once, by bind_catalog; a directory
   from the environment is kept in memory allocated then, for the life of the process.  */
static const char *catalog_dir = LOCALEDIR;
static pthread_once_t bind_once = PTHREAD_ONCE_INIT;

/* DIR made absolute, in allocated memory; NULL when memory runs out or the working directory
   cannot be named.  The working directory is read into a buffer that grows until it fits, so
   nothing depends on PATH_MAX, which some systems (GNU Hurd) do not define.  */
static char *
absolute_dir (const char *dir)
{
  size_t len = strlen (dir);
  if (dir[0] == '/')
    return strdup (dir);
  for (size_t size = 256; size < ((size_t) -1 - len) / 4; size *= 2)
    {
      char *buf = malloc (size + 1 + len + 1);
      if (buf == NULL)
        return NULL;
      if (getcwd (buf, size) != NULL)
        {
          size_t cwd_len = strlen (buf);
          buf[cwd_len] = '/';
          memcpy (buf + cwd_len + 1, dir, len + 1);
          return buf;
        }
      free (buf);
      if (errno != ERANGE)
        return NULL;
    }
  return NULL;
}

/* How lookups in the calling thread's language are answered, set once at the end of
   bind_catalog: the common case, gettext, then costs one load per lookup.  */
enum { CATALOG_UNBOUND, CATALOG_BY_GETTEXT, CATALOG_BY_LIBRARY };
static atomic_int catalog_reader = CATALOG_UNBOUND;

static void
bind_catalog (void)
{
  int saved_errno = errno;
  const char *dir = secure_getenv ("SIPREASON_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    {
      /* Without memory or a working directory to name, the configured directory stays.  */
      char *absolute = absolute_dir (dir);
      if (absolute != NULL)
        catalog_dir = absolute;
    }

#if ENABLE_NLS
  /* Every catalog is read and checked once: the *_lang functions read them, and gettext, which
     trusts a .mo file (a truncated one crashes it), is not left to read a broken one.  */
  catalogs_scan (catalog_dir, DOMAIN);
  bindtextdomain (DOMAIN, catalog_dir);
  /* Phrases are UTF-8 whatever LC_CTYPE says, so a C LC_CTYPE gives Hangul, not "???".  */
  bind_textdomain_codeset (DOMAIN, "UTF-8");
#endif
  atomic_store_explicit (&catalog_reader,
                         catalogs_have_broken () ? CATALOG_BY_LIBRARY : CATALOG_BY_GETTEXT,
                         memory_order_release);
  errno = saved_errno;
}

/* translate, before the binding or with a broken catalog installed.  */
static const char *
translate_slowly (const char *msgid)
{
  pthread_once (&bind_once, bind_catalog);
  if (atomic_load_explicit (&catalog_reader, memory_order_acquire) == CATALOG_BY_GETTEXT)
    return dgettext (DOMAIN, msgid);
  /* The language gettext would choose, from the catalogs that passed the checks.  */
  const char *text = catalogs_translate (msgid, catalogs_thread_languages (), true);
  return text != NULL ? text : msgid;
}

/* MSGID in the calling thread's language; NULL stays NULL.  Kept small enough to inline, so a
   lookup costs the dgettext call and little more.  */
static inline const char *
translate (const char *msgid)
{
  if (msgid == NULL)
    return NULL;
  if (atomic_load_explicit (&catalog_reader, memory_order_acquire) == CATALOG_BY_GETTEXT)
    return dgettext (DOMAIN, msgid);      /* dgettext keeps errno */
  return translate_slowly (msgid);
}

/* MSGID in the first language of LANGUAGES that has it, read by the library itself.  */
static const char *
translate_lang (const char *msgid, const char *languages)
{
  if (msgid == NULL)
    return NULL;
  pthread_once (&bind_once, bind_catalog);
  const char *text = catalogs_translate (msgid, languages, false);
  return text != NULL ? text : msgid;
}

/* MSGID in the language of LOCALE, switching only the calling thread for the lookup.  */
static const char *
translate_l (const char *msgid, locale_t locale)
{
  if (msgid == NULL)
    return NULL;
  int saved_errno = errno;
  locale_t previous = uselocale (locale);
  const char *text = translate (msgid);
  if (previous != (locale_t) 0)
    uselocale (previous);
  errno = saved_errno;
  return text;
}

const char *
sipreason_phrase (int code)
{
  const struct code_row *row = find_row (code);
  return translate (row ? row->phrase : NULL);
}

const char *
sipreason_phrase_l (int code, locale_t locale)
{
  const struct code_row *row = find_row (code);
  return translate_l (row ? row->phrase : NULL, locale);
}

const char *
sipreason_phrase_lang (int code, const char *languages)
{
  const struct code_row *row = find_row (code);
  return translate_lang (row ? row->phrase : NULL, languages);
}

const char *
sipreason_canonical (int code)
{
  const struct code_row *row = find_row (code);
  return row ? row->phrase : NULL;
}

const char *
sipreason_class (int code)
{
  const struct class_row *class = find_class (code);
  return translate (class ? class->name : NULL);
}

const char *
sipreason_class_l (int code, locale_t locale)
{
  const struct class_row *class = find_class (code);
  return translate_l (class ? class->name : NULL, locale);
}

const char *
sipreason_class_lang (int code, const char *languages)
{
  const struct class_row *class = find_class (code);
  return translate_lang (class ? class->name : NULL, languages);
}

const char *
sipreason_class_description (int code)
{
  const struct class_row *class = find_class (code);
  return translate (class ? class->description : NULL);
}

const char *
sipreason_class_description_l (int code, locale_t locale)
{
  const struct class_row *class = find_class (code);
  return translate_l (class ? class->description : NULL, locale);
}

const char *
sipreason_class_description_lang (int code, const char *languages)
{
  const struct class_row *class = find_class (code);
  return translate_lang (class ? class->description : NULL, languages);
}

const char *
sipreason_description (int code)
{
  const struct code_row *row = find_row (code);
  return translate (row ? row->description : NULL);
}

const char *
sipreason_description_l (int code, locale_t locale)
{
  const struct code_row *row = find_row (code);
  return translate_l (row ? row->description : NULL, locale);
}

const char *
sipreason_description_lang (int code, const char *languages)
{
  const struct code_row *row = find_row (code);
  return translate_lang (row ? row->description : NULL, languages);
}

/* The empty msgid is the catalog's header entry, not a message: it stays empty.  */
const char *
sipreason_gettext (const char *msgid)
{
  return msgid != NULL && *msgid == '\0' ? msgid : translate (msgid);
}

const char *
sipreason_gettext_lang (const char *msgid, const char *languages)
{
  return msgid != NULL && *msgid == '\0' ? msgid : translate_lang (msgid, languages);
}

const char *
sipreason_negotiate (const char *languages)
{
  pthread_once (&bind_once, bind_catalog);
  const char *chosen = catalogs_negotiate (languages);
  return chosen != NULL ? chosen : "en";
}

const char *const *
sipreason_languages (void)
{
  pthread_once (&bind_once, bind_catalog);
  return catalogs_languages ();
}

const char *
sipreason_reference (int code)
{
  const struct code_row *row = find_row (code);
  return row ? row->reference : NULL;
}

enum sipreason_status
sipreason_status (int code)
{
  const struct code_row *row = find_row (code);
  return row ? (enum sipreason_status) row->status : SIPREASON_UNKNOWN;
}

int
sipreason_treat_as (int code)
{
  if (code < 100 || code > 699)
    return -1;
  if (find_row (code) != NULL)
    return code;
  return code < 200 ? 183 : code / 100 * 100;
}

int
sipreason_next (int code)
{
  for (size_t i = 0; i < ROW_COUNT; i++)
    if (rows[i].code > code)
      return rows[i].code;
  return -1;
}

/* Whether the LEN bytes at S spell the string NAME.  */
static int
same_name (const char *s, size_t len, const char *name)
{
  return strlen (name) == len && ascii_same_nocase (s, name, len);
}

/* Whether one of the '|'-separated names in LIST is the LEN bytes at S.  */
static int
in_name_list (const char *s, size_t len, const char *list)
{
  for (;;)
    {
      const char *end = strchr (list, '|');
      size_t name_len = end ? (size_t) (end - list) : strlen (list);
      if (name_len == len && ascii_same_nocase (s, list, len))
        return 1;
      if (end == NULL)
        return 0;
      list = end + 1;
    }
}

/* The code whose phrase is TEXT; translations in the calling thread's language, or in
   LANGUAGES when BY_LANGUAGES.  */
static int
lookup (const char *text, int by_languages, const char *languages)
{
  if (text == NULL)
    return -1;
  int saved_errno = errno;
  while (ascii_isspace (*text))
    text++;
  size_t len = strlen (text);
  while (len > 0 && ascii_isspace (text[len - 1]))
    len--;

  int found = -1;
  if (len > 0)
    {
      /* Registered phrases first, then former names, then translations, so that a
         translation can never hide a registered phrase.  */
      for (size_t i = 0; found < 0 && i < ROW_COUNT; i++)
        if (same_name (text, len, rows[i].phrase))
          found = rows[i].code;
      for (size_t i = 0; found < 0 && i < ROW_COUNT; i++)
        if (in_name_list (text, len, rows[i].former))
          found = rows[i].code;
      for (size_t i = 0; found < 0 && i < ROW_COUNT; i++)
        {
          const char *translation = by_languages ? translate_lang (rows[i].phrase, languages)
                                                 : translate (rows[i].phrase);
          if (same_name (text, len, translation))
            found = rows[i].code;
        }
    }
  errno = saved_errno;
  return found;
}

int
sipreason_lookup (const char *text)
{
  return lookup (text, 0, NULL);
}

int
sipreason_lookup_lang (const char *text, const char *languages)
{
  return lookup (text, 1, languages);
}

const char *
sipreason_version (void)
{
  return PACKAGE_VERSION;
}

const char *
sipreason_localedir (void)
{
  pthread_once (&bind_once, bind_catalog);
  return catalog_dir;
}
