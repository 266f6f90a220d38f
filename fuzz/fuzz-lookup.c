/* fuzz-lookup.c: libFuzzer target for the library: sipreason_lookup on any text, and every
   int-taking function on the int in the first 4 bytes, each checked against its contract in
   include/sipreason.h; the functions that take a language list (sipreason_*_lang,
   sipreason_negotiate) get the text after the input's first NUL as that list.  A violated
   invariant traps (see README.md in this directory).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"
#include "fuzz-check.h"

/* errno is set to this before each call; every function must leave it so.  */
#define ERRNO_SENTINEL 0x5e1d

/* How many NUL-separated pieces of one input are looked up each on its own (bounded so that an
   input of a megabyte of NULs stays fast).  */
#define MAX_PIECES 4

/* How many bytes of the input's language list are used: an Accept-Language value longer than
   this only repeats what it holds, and every *_lang call reads the list again.  */
#define MAX_LANGUAGES_LEN 1024

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);


static locale_t c_locale;       /* "C": gettext returns the msgid, whatever LANGUAGE says */

/* The table as the public functions give it, read once: the locale does not change during a
   run, and the checks of each lookup compare the text with every phrase.  */
#define MAX_CODES 600
static int table_size;
static int table_code[MAX_CODES];
static const char *table_canonical[MAX_CODES];
static const char *table_phrase[MAX_CODES];

/* CALL with errno set to the sentinel, then checks that errno is still the sentinel.  */
#define KEEPS_ERRNO(call)                                                       \
  __extension__ ({                                                              \
    errno = ERRNO_SENTINEL;                                                     \
    __typeof__ (call) result_ = (call);                                         \
    FUZZ_CHECK (errno == ERRNO_SENTINEL, "errno changed by " #call);            \
    result_;                                                                    \
  })

/* Whether S is a non-empty string of printable ASCII.  */
static int
printable_ascii (const char *s)
{
  if (*s == '\0')
    return 0;
  for (; *s != '\0'; s++)
    if (*s < 0x20 || *s > 0x7e)
      return 0;
  return 1;
}

/* Whether S is a non-empty, valid UTF-8 string with no control character: what a phrase,
   class name or description must be in any language.  */
static int
good_text (const char *s)
{
  size_t len = strlen (s);
  return len > 0 && fuzz_utf8_valid ((const unsigned char *) s, len)
         && !fuzz_has_control ((const unsigned char *) s, len, "");
}

/* Whether S is valid UTF-8 with no control character but newline and tab: what any message of
   the catalog must be (the command's messages end with newlines; the msgid "" gives the
   catalog's header, as with gettext itself).  */
static int
good_message (const char *s)
{
  size_t len = strlen (s);
  return fuzz_utf8_valid ((const unsigned char *) s, len)
         && !fuzz_has_control ((const unsigned char *) s, len, "\n\t");
}

/* The contract of every function that takes an int, for CODE.  */
static void
check_code (int code)
{
  const char *canonical = KEEPS_ERRNO (sipreason_canonical (code));
  int in_table = canonical != NULL;
  int in_range = code >= 100 && code <= 699;

  FUZZ_CHECK (!in_table || in_range, "canonical: a code outside 100-699 has a phrase");
  if (in_table)
    FUZZ_CHECK (printable_ascii (canonical), "canonical: not printable ASCII");

  /* Localized phrase: present exactly for the codes of the table.  */
  const char *phrase = KEEPS_ERRNO (sipreason_phrase (code));
  FUZZ_CHECK ((phrase != NULL) == in_table, "phrase: NULL exactly when canonical is NULL");
  if (phrase != NULL)
    FUZZ_CHECK (good_text (phrase), "phrase: not valid UTF-8 text");
  const char *phrase_global = KEEPS_ERRNO (sipreason_phrase_l (code, LC_GLOBAL_LOCALE));
  FUZZ_CHECK (fuzz_same_string (phrase_global, phrase),
              "phrase_l (LC_GLOBAL_LOCALE) differs from phrase");
  const char *phrase_c = KEEPS_ERRNO (sipreason_phrase_l (code, c_locale));
  FUZZ_CHECK (fuzz_same_string (phrase_c, canonical), "phrase_l (C locale) is not canonical");

  /* Class name and class description: for any code from 100 to 699.  */
  const char *class_name = KEEPS_ERRNO (sipreason_class (code));
  FUZZ_CHECK ((class_name != NULL) == in_range, "class: NULL exactly outside 100-699");
  const char *class_description = KEEPS_ERRNO (sipreason_class_description (code));
  FUZZ_CHECK ((class_description != NULL) == in_range,
              "class_description: NULL exactly outside 100-699");
  FUZZ_CHECK (fuzz_same_string (KEEPS_ERRNO (sipreason_class_l (code, LC_GLOBAL_LOCALE)),
                                class_name),
              "class_l (LC_GLOBAL_LOCALE) differs from class");
  FUZZ_CHECK (fuzz_same_string (KEEPS_ERRNO (sipreason_class_description_l (code,
                                                                          LC_GLOBAL_LOCALE)),
                                class_description),
              "class_description_l (LC_GLOBAL_LOCALE) differs from class_description");
  const char *class_c = KEEPS_ERRNO (sipreason_class_l (code, c_locale));
  const char *class_description_c = KEEPS_ERRNO (sipreason_class_description_l (code,
                                                                                c_locale));
  FUZZ_CHECK ((class_c != NULL) == in_range, "class_l (C locale): NULL exactly outside 100-699");
  FUZZ_CHECK ((class_description_c != NULL) == in_range,
              "class_description_l (C locale): NULL exactly outside 100-699");
  if (in_range)
    {
      FUZZ_CHECK (good_text (class_name), "class: not valid UTF-8 text");
      FUZZ_CHECK (good_text (class_description), "class_description: not valid UTF-8 text");
      FUZZ_CHECK (printable_ascii (class_c), "class_l (C locale): not English");
      FUZZ_CHECK (printable_ascii (class_description_c),
                  "class_description_l (C locale): not English");
      /* The class depends only on the first digit.  */
      int first = code / 100 * 100;
      FUZZ_CHECK (fuzz_same_string (sipreason_class (first), class_name),
                  "class: differs within one hundred");
      FUZZ_CHECK (fuzz_same_string (sipreason_class_description (first), class_description),
                  "class_description: differs within one hundred");
    }

  /* Description and reference: exactly for the codes of the table.  */
  const char *description = KEEPS_ERRNO (sipreason_description (code));
  FUZZ_CHECK ((description != NULL) == in_table,
              "description: NULL exactly when canonical is NULL");
  if (description != NULL)
    FUZZ_CHECK (good_text (description), "description: not valid UTF-8 text");
  FUZZ_CHECK (fuzz_same_string (KEEPS_ERRNO (sipreason_description_l (code, LC_GLOBAL_LOCALE)),
                                description),
              "description_l (LC_GLOBAL_LOCALE) differs from description");
  const char *description_c = KEEPS_ERRNO (sipreason_description_l (code, c_locale));
  FUZZ_CHECK ((description_c != NULL) == in_table,
              "description_l (C locale): NULL exactly when canonical is NULL");
  if (description_c != NULL)
    FUZZ_CHECK (printable_ascii (description_c), "description_l (C locale): not English");

  const char *reference = KEEPS_ERRNO (sipreason_reference (code));
  FUZZ_CHECK ((reference != NULL) == in_table, "reference: NULL exactly when canonical is NULL");
  if (reference != NULL)
    FUZZ_CHECK (printable_ascii (reference), "reference: not printable ASCII");

  enum sipreason_status status = KEEPS_ERRNO (sipreason_status (code));
  if (in_table)
    FUZZ_CHECK (status == SIPREASON_CURRENT || status == SIPREASON_DEPRECATED
                || status == SIPREASON_HISTORIC, "status: a code of the table has no status");
  else
    FUZZ_CHECK (status == SIPREASON_UNKNOWN, "status: not UNKNOWN outside the table");

  /* RFC 3261 8.1.3.2.  */
  int treat = KEEPS_ERRNO (sipreason_treat_as (code));
  if (!in_range)
    FUZZ_CHECK (treat == -1, "treat_as: not -1 outside 100-699");
  else if (in_table)
    FUZZ_CHECK (treat == code, "treat_as: a code of the table is not treated as itself");
  else if (code < 200)
    FUZZ_CHECK (treat == 183, "treat_as: an unknown 1xx is not treated as 183");
  else
    FUZZ_CHECK (treat == code / 100 * 100, "treat_as: an unknown code is not treated as x00");
  if (in_range)
    FUZZ_CHECK (sipreason_canonical (treat) != NULL, "treat_as: result not in the table");

  /* next: the lowest code of the table greater than CODE, or -1.  */
  int next = KEEPS_ERRNO (sipreason_next (code));
  FUZZ_CHECK (next == -1 || (next > code && sipreason_canonical (next) != NULL),
              "next: not -1 nor a greater code of the table");
  if (code < 699)
    {
      int from = code < 99 ? 100 : code + 1;
      int to = next == -1 ? 699 : next - 1;
      for (int k = from; k <= to; k++)
        FUZZ_CHECK (sipreason_canonical (k) == NULL, "next: skipped a code of the table");
    }

  /* A code of the table is found again from its wire phrase (or the lower code sharing it).  */
  if (in_table)
    {
      int back = KEEPS_ERRNO (sipreason_lookup (canonical));
      FUZZ_CHECK (back == code
                  || (back > 0 && back < code
                      && fuzz_same_ascii_ci (canonical, strlen (canonical),
                                             sipreason_canonical (back))),
                  "lookup (canonical (code)) is not code");
    }
}

/* The contract of sipreason_lookup for the string TEXT.  */
static int
check_lookup (const char *text)
{
  int found = KEEPS_ERRNO (sipreason_lookup (text));
  FUZZ_CHECK (found == -1 || (found >= 100 && found <= 699
                              && sipreason_canonical (found) != NULL),
              "lookup: neither -1 nor a code of the table");

  /* The text without the white space around it.  */
  const char *s = text;
  while (fuzz_is_space ((unsigned char) *s))
    s++;
  size_t len = strlen (s);
  while (len > 0 && fuzz_is_space ((unsigned char) s[len - 1]))
    len--;
  if (len == 0)
    FUZZ_CHECK (found == -1, "lookup: empty text matched");

  /* A registered phrase gives its code (the lowest, where two codes share it); a localized
     phrase gives some code; and nothing matches a text that is neither, nor a former name.  */
  int registered = -1, localized = 0;
  if (len > 0)
    for (int i = 0; i < table_size; i++)
      {
        if (registered < 0 && fuzz_same_ascii_ci (s, len, table_canonical[i]))
          registered = table_code[i];
        if (fuzz_same_ascii_ci (s, len, table_phrase[i]))
          localized = 1;
      }
  if (registered > 0)
    FUZZ_CHECK (found == registered, "lookup: a registered phrase gave another code");
  if (localized)
    FUZZ_CHECK (found > 0, "lookup: a localized phrase was not found");

  if (found > 0)
    {
      /* Round trip through the wire phrase: the same code, or the lower one sharing the phrase
         (406 and 606 are both "Not Acceptable").  */
      const char *canonical = sipreason_canonical (found);
      int back = KEEPS_ERRNO (sipreason_lookup (canonical));
      FUZZ_CHECK (back == found
                  || (back > 0 && back < found
                      && fuzz_same_ascii_ci (canonical, strlen (canonical),
                                             sipreason_canonical (back))),
                  "lookup (canonical (lookup (text))) is neither the code nor a lower twin");
      /* Through the localized phrase: some code is found.  */
      FUZZ_CHECK (KEEPS_ERRNO (sipreason_lookup (sipreason_phrase (found))) > 0,
                  "lookup (phrase (lookup (text))) found nothing");
    }
  return found;
}

/* TEXT (a string) looked up as is, with its ASCII letters' case swapped, and with white space
   around it: all three give the same answer.  */
static void
check_lookup_variants (const char *text)
{
  int found = check_lookup (text);
  size_t len = strlen (text);
  char *variant = malloc (len + 5);
  if (variant == NULL)
    return;

  for (size_t i = 0; i <= len; i++)
    {
      char c = text[i];
      if (c >= 'a' && c <= 'z')
        c = (char) (c - 'a' + 'A');
      else if (c >= 'A' && c <= 'Z')
        c = (char) (c - 'A' + 'a');
      variant[i] = c;
    }
  FUZZ_CHECK (KEEPS_ERRNO (sipreason_lookup (variant)) == found,
              "lookup: the case of ASCII letters changed the answer");

  variant[0] = ' ';
  variant[1] = '\t';
  memcpy (variant + 2, text, len);
  memcpy (variant + 2 + len, "\r\n", 3);
  FUZZ_CHECK (KEEPS_ERRNO (sipreason_lookup (variant)) == found,
              "lookup: white space around the text changed the answer");
  free (variant);
}

/* The language sipreason_negotiate chooses for LIST, checked: "en" or an installed one.  */
static const char *
check_negotiate (const char *list)
{
  const char *chosen = KEEPS_ERRNO (sipreason_negotiate (list));
  FUZZ_CHECK (chosen != NULL, "negotiate: NULL");
  int installed = strcmp (chosen, "en") == 0;
  for (const char *const *l = sipreason_languages (); *l != NULL; l++)
    installed |= strcmp (*l, chosen) == 0;
  FUZZ_CHECK (installed, "negotiate: neither en nor an installed language");
  return chosen;
}

/* The contract of the functions that take a language list, for CODE and the list LIST whose
   negotiated language is AS: English exactly when that is "en", else what the language AS
   says (every shipped catalog is complete, so the first installed language of a list answers
   for every message).  */
static void
check_languages_code (int code, const char *list, const char *as)
{
  int english = strcmp (as, "en") == 0;
  const char *canonical = sipreason_canonical (code);
  int in_range = code >= 100 && code <= 699;
  const char *phrase = KEEPS_ERRNO (sipreason_phrase_lang (code, list));
  FUZZ_CHECK ((phrase != NULL) == (canonical != NULL), "phrase_lang: NULL unlike canonical");
  if (phrase != NULL)
    FUZZ_CHECK (good_text (phrase), "phrase_lang: not valid UTF-8 text");
  if (english)
    FUZZ_CHECK (fuzz_same_string (phrase, canonical), "phrase_lang: not English for en");
  FUZZ_CHECK (fuzz_same_string (phrase, sipreason_phrase_lang (code, as)),
              "phrase_lang: differs from the negotiated language's");

  const char *class_name = KEEPS_ERRNO (sipreason_class_lang (code, list));
  const char *class_description = KEEPS_ERRNO (sipreason_class_description_lang (code, list));
  FUZZ_CHECK ((class_name != NULL) == in_range, "class_lang: NULL exactly outside 100-699");
  FUZZ_CHECK ((class_description != NULL) == in_range,
              "class_description_lang: NULL exactly outside 100-699");
  FUZZ_CHECK (fuzz_same_string (class_name, sipreason_class_lang (code, as)),
              "class_lang: differs from the negotiated language's");
  FUZZ_CHECK (fuzz_same_string (class_description,
                                sipreason_class_description_lang (code, as)),
              "class_description_lang: differs from the negotiated language's");
  if (in_range)
    FUZZ_CHECK (good_text (class_name) && good_text (class_description),
                "class_lang, class_description_lang: not valid UTF-8 text");
  const char *description = KEEPS_ERRNO (sipreason_description_lang (code, list));
  FUZZ_CHECK ((description != NULL) == (canonical != NULL),
              "description_lang: NULL unlike canonical");
  if (description != NULL)
    FUZZ_CHECK (good_text (description), "description_lang: not valid UTF-8 text");
  FUZZ_CHECK (fuzz_same_string (description, sipreason_description_lang (code, as)),
              "description_lang: differs from the negotiated language's");
  if (phrase != NULL)
    FUZZ_CHECK (KEEPS_ERRNO (sipreason_lookup_lang (phrase, list)) > 0,
                "lookup_lang (phrase_lang (code)) found nothing");
}

/* The same for TEXT: as a msgid, and looked up.  */
static void
check_languages_text (const char *text, const char *list, const char *as)
{
  int english = strcmp (as, "en") == 0;

  /* Any text as a msgid: itself when the catalog does not have it, and always itself in
     English.  */
  FUZZ_CHECK (KEEPS_ERRNO (sipreason_gettext_lang (NULL, list)) == NULL,
              "gettext_lang (NULL): not NULL");
  const char *translated = KEEPS_ERRNO (sipreason_gettext_lang (text, list));
  FUZZ_CHECK (translated == text || good_message (translated), "gettext_lang: bad translation");
  if (english)
    FUZZ_CHECK (translated == text, "gettext_lang: translated for en");
  translated = KEEPS_ERRNO (sipreason_gettext (text));
  FUZZ_CHECK (translated == text || good_message (translated), "gettext: bad translation");

  /* lookup_lang: as lookup, with the translations of LIST.  */
  int found = KEEPS_ERRNO (sipreason_lookup_lang (text, list));
  FUZZ_CHECK (found == -1 || (found >= 100 && found <= 699
                              && sipreason_canonical (found) != NULL),
              "lookup_lang: neither -1 nor a code of the table");
  FUZZ_CHECK (found == KEEPS_ERRNO (sipreason_lookup_lang (text, as)),
              "lookup_lang: differs from the negotiated language's");
  if (english)
    FUZZ_CHECK (found == KEEPS_ERRNO (sipreason_lookup_lang (text, "")),
                "lookup_lang: differs from English for en");
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* The program's job, never the library's: LC_ALL / LANGUAGE from run.sh choose English or
     Korean for the whole run, deterministically.  */
  setlocale (LC_ALL, "");
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  if (c_locale == (locale_t) 0)
    abort ();

  FUZZ_CHECK (sipreason_lookup (NULL) == -1, "lookup (NULL) is not -1");
  FUZZ_CHECK (sipreason_localedir () != NULL && sipreason_localedir ()[0] == '/',
              "localedir is not absolute");
  FUZZ_CHECK (printable_ascii (sipreason_version ()), "version is not printable ASCII");
  const char *const *installed = sipreason_languages ();
  FUZZ_CHECK (installed != NULL, "languages: NULL");
  for (size_t i = 0; installed[i] != NULL; i++)
    FUZZ_CHECK (installed[i][0] != '\0'
                && (i == 0 || strcmp (installed[i - 1], installed[i]) < 0),
                "languages: empty or not sorted");
  FUZZ_CHECK (strcmp (sipreason_negotiate (NULL), "en") == 0
              && strcmp (sipreason_negotiate (""), "en") == 0,
              "negotiate: not en for NULL or an empty list");

  /* run.sh says which language the catalog must give; a run that silently fell back to
     English would fuzz less than it claims.  */
  const char *expect = getenv ("SIPREASON_FUZZ_EXPECT_486");
  if (expect != NULL && strcmp (sipreason_phrase (486), expect) != 0)
    {
      fprintf (stderr, "fuzz-lookup: sipreason_phrase (486) is \"%s\", not \"%s\": is the "
               "catalog in %s?\n", sipreason_phrase (486), expect, sipreason_localedir ());
      exit (1);
    }

  /* Every code of the table once, whatever the corpus holds.  */
  for (int c = sipreason_next (0); c > 0; c = sipreason_next (c))
    {
      FUZZ_CHECK (table_size < MAX_CODES, "more codes than 100-699 holds");
      table_code[table_size] = c;
      table_canonical[table_size] = sipreason_canonical (c);
      table_phrase[table_size] = sipreason_phrase (c);
      table_size++;
    }
  for (int c = sipreason_next (0); c > 0; c = sipreason_next (c))
    {
      check_code (c);
      FUZZ_CHECK (check_lookup (sipreason_canonical (c)) > 0, "a wire phrase was not found");
      FUZZ_CHECK (check_lookup (sipreason_phrase (c)) > 0, "a localized phrase was not found");
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* The whole input as a string: the lookup stops at the first NUL.  */
  char *text = malloc (size + 1);
  if (text == NULL)
    return 0;
  memcpy (text, data, size);
  text[size] = '\0';
  check_lookup_variants (text);

  /* Each NUL-separated piece in an allocation of exactly its size, so that a read past its
     terminating NUL is caught by AddressSanitizer (the first piece is the input truncated at
     its first NUL).  */
  const char *piece = text;
  for (int n = 0; n < MAX_PIECES && piece <= text + size; n++)
    {
      size_t len = strlen (piece);
      char *copy = malloc (len + 1);
      if (copy == NULL)
        break;
      memcpy (copy, piece, len + 1);
      check_lookup (copy);
      free (copy);
      piece += len + 1;
    }
  free (text);

  /* The first four bytes as an int (zero-padded), and the same bits folded into 0-1023 so that
     codes of the table come up often.  */
  uint8_t bytes[4] = { 0, 0, 0, 0 };
  memcpy (bytes, data, size < 4 ? size : 4);
  int code;
  memcpy (&code, bytes, sizeof code);
  check_code (code);
  check_code (code & 0x3ff);

  /* The language list: what follows the first NUL up to the next (the whole text when there is
     no NUL), at most MAX_LANGUAGES_LEN bytes, in an allocation of its size; the text is what
     precedes the first NUL.  */
  const char *nul = memchr (data, '\0', size);
  const char *from = nul != NULL ? nul + 1 : (const char *) data;
  const char *end = (const char *) data + size;
  const char *stop = memchr (from, '\0', (size_t) (end - from));
  size_t len = (size_t) ((stop != NULL ? stop : end) - from);
  if (len > MAX_LANGUAGES_LEN)
    len = MAX_LANGUAGES_LEN;
  size_t text_len = nul != NULL ? (size_t) (nul - (const char *) data) : size;
  char *list = malloc (len + 1);
  char *text_copy = malloc (text_len + 1);
  if (list != NULL && text_copy != NULL)
    {
      memcpy (list, from, len);
      list[len] = '\0';
      memcpy (text_copy, data, text_len);
      text_copy[text_len] = '\0';
      const char *as = check_negotiate (list);
      check_languages_code (code & 0x3ff, list, as);
      check_languages_code (code, list, as);
      check_languages_text (text_copy, list, as);
    }
  free (list);
  free (text_copy);
  return 0;
}
