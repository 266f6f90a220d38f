/* catalogs.c: the installed catalogs as the library reads them itself: which languages exist,
   which catalogs are safe to hand to gettext, and which language a preference list chooses.
   The data is written once, by catalogs_scan under the library's pthread_once, and only read
   afterwards, so no lock is needed.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include "catalogs.h"

#include <dirent.h>
#include <errno.h>
#include <langinfo.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ascii.h"
#include "mo.h"

#define MAX_LANGUAGES 64        /* catalogs kept; more are left to gettext alone */
#define MAX_NAME 32             /* bytes of a language name, NUL included */
#define MAX_PREFERENCES 16      /* items of a preference list taken into account */

struct language
{
  char name[MAX_NAME];
  struct mo_catalog *catalog;
};

static struct language languages[MAX_LANGUAGES];   /* sorted by name */
static size_t language_count;
static const char *language_names[MAX_LANGUAGES + 1];
static int have_broken;

/* Whether NAME can be a language (ko, pt_BR, sr@latin) that a preference list names.  */
static int
plausible_name (const char *name)
{
  size_t len = strlen (name);
  if (len == 0 || len >= MAX_NAME || !ascii_isalpha (name[0]))
    return 0;
  for (size_t i = 0; i < len; i++)
    if (!ascii_isalpha (name[i]) && !ascii_isdigit (name[i]) && strchr ("_-.@", name[i]) == NULL)
      return 0;
  return 1;
}

static int
compare_languages (const void *a, const void *b)
{
  return strcmp (((const struct language *) a)->name, ((const struct language *) b)->name);
}

void
catalogs_scan (const char *dir, const char *domain)
{
  int saved_errno = errno;
  DIR *d = opendir (dir);
  if (d == NULL)
    {
      errno = saved_errno;
      return;
    }

  struct dirent *entry;
  while ((entry = readdir (d)) != NULL)
    {
      /* Every entry is checked, since gettext opens whatever LANGUAGE names; only plausible
         language names are kept for the *_lang functions.  */
      if (strcmp (entry->d_name, ".") == 0 || strcmp (entry->d_name, "..") == 0)
        continue;
      /* The path is allocated to its length: nothing depends on PATH_MAX, which some systems
         (GNU Hurd) do not define.  A catalog that cannot be checked counts as broken, so that
         gettext is never left to read it.  */
      size_t size = strlen (dir) + strlen (entry->d_name) + strlen (domain)
                    + sizeof "//LC_MESSAGES/.mo";
      char *path = malloc (size);
      if (path == NULL)
        {
          have_broken = 1;
          continue;
        }
      snprintf (path, size, "%s/%s/LC_MESSAGES/%s.mo", dir, entry->d_name, domain);
      struct mo_catalog *catalog = mo_catalog_open (path);
      if (catalog == NULL)
        {
          /* Missing is normal (other packages' languages); anything else is a catalog that
             gettext could trip on.  */
          struct stat st;
          if (stat (path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR))
            have_broken = 1;
          free (path);
          continue;
        }
      free (path);
      if (language_count == MAX_LANGUAGES || !plausible_name (entry->d_name))
        {
          mo_catalog_close (catalog);
          continue;
        }
      memcpy (languages[language_count].name, entry->d_name, strlen (entry->d_name) + 1);
      languages[language_count].catalog = catalog;
      language_count++;
    }
  closedir (d);

  qsort (languages, language_count, sizeof languages[0], compare_languages);
  for (size_t i = 0; i < language_count; i++)
    language_names[i] = languages[i].name;
  language_names[language_count] = NULL;
  errno = saved_errno;
}

int
catalogs_have_broken (void)
{
  return have_broken;
}

const char *const *
catalogs_languages (void)
{
  return language_names;
}

/* The index of the language named NAME, or -1.  */
static int
find_language (const char *name)
{
  size_t low = 0, high = language_count;
  while (low < high)
    {
      size_t mid = low + (high - low) / 2;
      int cmp = strcmp (name, languages[mid].name);
      if (cmp == 0)
        return (int) mid;
      if (cmp < 0)
        high = mid;
      else
        low = mid + 1;
    }
  return -1;
}

/* The first language that is a country's variant of LANG (pt finds pt_BR), or -1.  */
static int
find_language_variant (const char *lang)
{
  size_t len = strlen (lang);
  for (size_t i = 0; i < language_count; i++)
    if (strncmp (languages[i].name, lang, len) == 0 && languages[i].name[len] == '_')
      return (int) i;
  return -1;
}

/* The installed language named LANG, "_" REGION when REGION is not empty, then MODIFIER
   ("ko", "pt_BR", "sr@latin"), or -1.  */
static int
find_language_parts (const char *lang, const char *region, const char *modifier)
{
  char name[MAX_NAME];
  size_t lang_len = strlen (lang), region_len = strlen (region);
  size_t modifier_len = strlen (modifier);
  if (lang_len + 1 + region_len + modifier_len >= sizeof name)
    return -1;
  char *p = name;
  memcpy (p, lang, lang_len);
  p += lang_len;
  if (region_len > 0)
    {
      *p++ = '_';
      memcpy (p, region, region_len);
      p += region_len;
    }
  memcpy (p, modifier, modifier_len + 1);
  return find_language (name);
}

struct preference
{
  char tag[MAX_NAME];
  int q;                        /* quality, 0 to 1000 */
};

/* Parses the qvalue at *P ("1", "0.8", "0.125"): RFC 9110 section 12.4.2.  -1 when malformed.  */
static int
parse_qvalue (const char **p)
{
  const char *s = *p;
  if (*s != '0' && *s != '1')
    return -1;
  int value = (*s++ - '0') * 1000;
  if (*s == '.')
    {
      s++;
      for (int scale = 100; scale > 0 && ascii_isdigit (*s); scale /= 10)
        value += (*s++ - '0') * scale;
    }
  *p = s;
  return value <= 1000 ? value : -1;
}

static int
is_separator (char c)
{
  return c == ',' || c == ':';
}

/* Fills PREFS from LIST, a gettext-style list ("pt_BR:pt") or an Accept-Language value
   ("ko-KR, en;q=0.8, *;q=0.1"), in order of preference: by quality, then by position.  Items
   with quality 0 and malformed ones are left out, and only the MAX_PREFERENCES most preferred
   are kept.  */
static size_t
parse_preferences (const char *list, struct preference *prefs)
{
  size_t count = 0;
  const char *p = list;
  while (*p != '\0')
    {
      while (is_separator (*p) || ascii_isblank (*p))
        p++;
      if (*p == '\0')
        break;
      const char *tag = p;
      while (*p != '\0' && !is_separator (*p) && *p != ';' && !ascii_isblank (*p))
        p++;
      size_t tag_len = (size_t) (p - tag);
      int q = 1000;
      while (*p != '\0' && !is_separator (*p))
        {
          /* Parameters: only q counts.  */
          if (*p == ';')
            {
              p++;
              while (ascii_isblank (*p))
                p++;
              if ((*p == 'q' || *p == 'Q') && p[1] == '=')
                {
                  p += 2;
                  q = parse_qvalue (&p);
                  continue;
                }
            }
          else
            p++;
        }
      /* When the list is full, an item displaces the last (least preferred) one only if it
         is preferred to it.  */
      if (q > 0 && tag_len > 0 && tag_len < MAX_NAME
          && (count < MAX_PREFERENCES || q > prefs[count - 1].q))
        {
          if (count < MAX_PREFERENCES)
            count++;
          struct preference *pref = &prefs[count - 1];
          memcpy (pref->tag, tag, tag_len);
          pref->tag[tag_len] = '\0';
          pref->q = q;
          /* Insertion keeps equal qualities in their order.  */
          for (size_t i = count - 1; i > 0 && prefs[i - 1].q < prefs[i].q; i--)
            {
              struct preference swap = prefs[i];
              prefs[i] = prefs[i - 1];
              prefs[i - 1] = swap;
            }
        }
    }
  return count;
}

/* What a preference for English is: the C locale (C, C.UTF-8, POSIX), whose messages are the
   msgids, or a language named English (en, en-GB) without a catalog of its own.  */
enum english { NOT_ENGLISH, ENGLISH_LANGUAGE, ENGLISH_C_LOCALE };

/* The installed language for TAG (ko, ko-KR, ko_KR.UTF-8, zh-Hant, pt, sr@latin), or -1; sets
   *ENGLISH when TAG asks for English.  */
static int
match_language (const char *tag, enum english *english)
{
  char lang[4] = "", script[5] = "", region[4] = "";
  const char *modifier = "";
  const char *p = tag;

  /* The C locale's messages are the msgids ("C", "C.UTF-8"; strchr finds the NUL too).  */
  *english = (tag[0] == 'C' && strchr ("._@", tag[1]) != NULL) || strcmp (tag, "POSIX") == 0
             ? ENGLISH_C_LOCALE : NOT_ENGLISH;
  if (*english != NOT_ENGLISH)
    return -1;
  size_t n = 0;
  while (ascii_isalpha (*p) && n < 3)
    lang[n++] = ascii_tolower (*p++);
  lang[n] = '\0';
  if (n < 2 || ascii_isalpha (*p))
    return -1;

  /* Subtags: a script of four letters, a region of two letters or three digits.  */
  while (*p == '-' || *p == '_')
    {
      const char *sub = ++p;
      while (ascii_isalpha (*p) || ascii_isdigit (*p))
        p++;
      size_t len = (size_t) (p - sub);
      if (len == 4 && ascii_isalpha (sub[0]) && script[0] == '\0')
        {
          script[0] = ascii_toupper (sub[0]);
          for (int i = 1; i < 4; i++)
            script[i] = ascii_tolower (sub[i]);
          script[4] = '\0';
        }
      else if (len == 2 && ascii_isalpha (sub[0]) && ascii_isalpha (sub[1]) && region[0] == '\0')
        {
          region[0] = ascii_toupper (sub[0]);
          region[1] = ascii_toupper (sub[1]);
          region[2] = '\0';
        }
      else if (len == 3 && ascii_isdigit (sub[0]) && ascii_isdigit (sub[1]) && ascii_isdigit (sub[2])
               && region[0] == '\0')
        {
          memcpy (region, sub, 3);
          region[3] = '\0';
        }
    }
  if (*p == '.')                /* a codeset: gettext's catalogs do not depend on it */
    while (*p != '\0' && *p != '@')
      p++;
  if (*p == '@')
    modifier = p;

  int found = -1;
  if (region[0] != '\0')
    {
      found = find_language_parts (lang, region, modifier);
      if (found < 0 && modifier[0] != '\0')
        found = find_language_parts (lang, region, "");
    }
  if (found < 0 && strcmp (lang, "zh") == 0)
    {
      /* Chinese: the script, or the region's usual script, names the catalog.  */
      const char *variant = NULL;
      if (strcmp (script, "Hant") == 0 || strcmp (region, "HK") == 0
          || strcmp (region, "MO") == 0)
        variant = "zh_TW";
      else if (strcmp (script, "Hans") == 0 || strcmp (region, "SG") == 0)
        variant = "zh_CN";
      if (variant != NULL)
        found = find_language (variant);
    }
  if (found < 0)
    {
      found = find_language_parts (lang, "", modifier);
      if (found < 0 && modifier[0] != '\0')
        found = find_language (lang);
    }
  if (found < 0)
    /* Last, another country's variant of the language (pt finds pt_BR): closer than English
       for its reader.  */
    found = find_language_variant (lang);
  if (found < 0 && strcmp (lang, "en") == 0)
    *english = ENGLISH_LANGUAGE;
  return found;
}

/* The next installed language that PREFS[*NEXT] and after choose, advancing *NEXT past it; -1
   when there is none before the end of the list or a preference for English.  Under
   GETTEXT_RULES only the C locale ends the list: gettext passes over "en" in LANGUAGE when it
   has no catalog.  */
static int
next_language (const struct preference *prefs, size_t count, size_t *next,
               bool gettext_rules)
{
  while (*next < count)
    {
      enum english english;
      int found = match_language (prefs[(*next)++].tag, &english);
      if (english == ENGLISH_C_LOCALE || (english == ENGLISH_LANGUAGE && !gettext_rules))
        break;
      if (found >= 0)
        return found;
    }
  *next = count;
  return -1;
}

/* The languages a preference list chooses, in order, as the calling thread last worked them
   out: a server answers lookup after lookup in the same language, and parsing and matching
   the list again would cost more than the lookup.  */
struct choice
{
  char list[128];               /* the list, when shorter; else nothing is remembered */
  size_t list_len;
  bool gettext_rules;
  int languages[MAX_PREFERENCES];
  size_t count;
};
static _Thread_local struct choice last_choice;

/* The choice for LIST, from LAST_CHOICE when it is the same list under the same rules.  */
static const struct choice *
choose (const char *list, bool gettext_rules)
{
  size_t len = strlen (list);
  struct choice *choice = &last_choice;
  if (len == choice->list_len && gettext_rules == choice->gettext_rules
      && len < sizeof choice->list && memcmp (list, choice->list, len) == 0)
    return choice;

  struct preference prefs[MAX_PREFERENCES];
  size_t count = parse_preferences (list, prefs), next = 0;
  int found;
  choice->count = 0;
  while ((found = next_language (prefs, count, &next, gettext_rules)) >= 0)
    choice->languages[choice->count++] = found;
  if (len < sizeof choice->list)
    memcpy (choice->list, list, len + 1);
  choice->list_len = len < sizeof choice->list ? len : (size_t) -1;
  choice->gettext_rules = gettext_rules;
  return choice;
}

const char *
catalogs_translate (const char *msgid, const char *list, bool gettext_rules)
{
  if (list == NULL || language_count == 0)
    return NULL;
  const struct choice *choice = choose (list, gettext_rules);
  /* Like gettext with a LANGUAGE list, a message missing in one language is taken from the
     next.  */
  for (size_t i = 0; i < choice->count; i++)
    {
      const char *text = mo_catalog_lookup (languages[choice->languages[i]].catalog, msgid);
      if (text != NULL)
        return text;
    }
  return NULL;
}

const char *
catalogs_negotiate (const char *list)
{
  if (list == NULL || language_count == 0)
    return NULL;
  struct preference prefs[MAX_PREFERENCES];
  size_t count = parse_preferences (list, prefs), next = 0;
  int found = next_language (prefs, count, &next, false);
  return found >= 0 ? languages[found].name : NULL;
}

const char *
catalogs_thread_languages (void)
{
  /* The calling thread's messages locale, uselocale() included, by whatever means the system
     offers (configure checks them); without any, the process's.  */
#if defined _NL_LOCALE_NAME
  const char *name = nl_langinfo (_NL_LOCALE_NAME (LC_MESSAGES));
#elif defined HAVE_GETLOCALENAME_L
  const char *name = getlocalename_l (LC_MESSAGES, uselocale ((locale_t) 0));
#elif defined HAVE_QUERYLOCALE
  const char *name = querylocale (LC_MESSAGES_MASK, uselocale ((locale_t) 0));
#else
  const char *name = setlocale (LC_MESSAGES, NULL);
#endif
  if (name == NULL || *name == '\0' || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
    return "";
  const char *language = getenv ("LANGUAGE");
  return language != NULL && *language != '\0' ? language : name;
}
