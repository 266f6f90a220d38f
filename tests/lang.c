/* lang.c: the *_lang functions and sipreason_negotiate: Accept-Language and gettext-style
   lists, with no locale set (the process stays in C); every answer equal to what gettext gives
   under LANGUAGE for every code of every installed language; threads in different languages at
   once.  Arguments: the languages of po/LINGUAS.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"
#include "tap.h"

#define THREADS 8
#define ROUNDS 5000

static const char *const thread_languages[THREADS] =
{ "ko-KR, en;q=0.5", "en", "ja", "de-DE;q=0.9, fr;q=0.1", "zh-Hant", "pt", "C", "ru_RU.UTF-8" };
static const char *thread_expected[THREADS];
static int thread_wrong[THREADS];
static pthread_barrier_t start;

static void *
worker (void *arg)
{
  int id = (int) (long) arg;
  pthread_barrier_wait (&start);
  for (int i = 0; i < ROUNDS; i++)
    {
      const char *p = sipreason_phrase_lang (486, thread_languages[id]);
      if (p == NULL || strcmp (p, thread_expected[id]) != 0)
        thread_wrong[id]++;
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  char name[300];

  /* The process locale is never set: C.  */
  errno = 4242;
  tap_is_str (sipreason_phrase_lang (486, "ko"), "사용 중", "ko, in the C locale");
  tap_is_int (errno, 4242, "errno unchanged across the first _lang call");

  struct { const char *languages, *expected; } cases[] =
  {
    { "ko-KR, en;q=0.5", "사용 중" },
    { "ko_KR", "사용 중" },
    { "ko_KR.UTF-8", "사용 중" },
    { "KO-kr", "사용 중" },
    { "en;q=0.5, ko", "사용 중" },
    { "en, ko", "Busy Here" },
    { "en-US, ko;q=0.9", "Busy Here" },
    { "fr;q=0.5, ko;q=0.9", "사용 중" },
    { "ko;q=0, en", "Busy Here" },
    { "ko;q=0", "Busy Here" },
    { "xx, yy-ZZ, ko", "사용 중" },
    { "*", "Busy Here" },
    { "*;q=0.1, ko;q=0.2", "사용 중" },
    { "", "Busy Here" },
    { " , ,, :", "Busy Here" },
    { "C", "Busy Here" },
    { "POSIX", "Busy Here" },
    { "ja", "話し中" },
    { "pt", "Ocupado aqui" },
    { "pt-PT", "Ocupado aqui" },
    { "pt_BR:pt", "Ocupado aqui" },
    { "zh-Hant", "忙線中" },
    { "zh-Hant-TW", "忙線中" },
    { "zh-HK", "忙線中" },
    { "zh-Hans", "用户忙" },
    { "zh-CN", "用户忙" },
    { "zh", "用户忙" },
    { "de-AT", "Besetzt" },
    { "ko;q=abc, ja", "話し中" },
    { "ko;q=1.5, ja", "話し中" },
    { "ko;level=1;q=0.4, ja;q=0.3", "사용 중" },
    { "\xff\xfe, \x01ko", "Busy Here" },
    /* Only the 16 most preferred items count: the best one is kept when it comes last.  */
    { "aa;q=0.1, ab;q=0.1, ac;q=0.1, ad;q=0.1, ae;q=0.1, af;q=0.1, ag;q=0.1, ah;q=0.1, "
      "ai;q=0.1, aj;q=0.1, ak;q=0.1, al;q=0.1, am;q=0.1, an;q=0.1, ao;q=0.1, ap;q=0.1, ko",
      "사용 중" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      snprintf (name, sizeof name, "phrase_lang (486, \"%s\")", cases[i].languages);
      tap_is_str (sipreason_phrase_lang (486, cases[i].languages), cases[i].expected, name);
    }
  tap_is_str (sipreason_phrase_lang (486, NULL), "Busy Here", "NULL languages: English");
  tap_is_str (sipreason_phrase_lang (499, "ko"), NULL, "499 has no phrase in any language");
  tap_is_str (sipreason_class_lang (499, "ko"), "클라이언트 오류", "class_lang (499, ko)");
  tap_is_str (sipreason_class_lang (99, "ko"), NULL, "class_lang (99, ko)");
  tap_is_str (sipreason_description_lang (404, "ko"), "사용자를 찾을 수 없음", "description_lang (404, ko)");
  tap_is_str (sipreason_class_description_lang (100, "ko"),
              "요청 메시지를 수신하여 메시지 처리가 계속되고 있음을 알림",
              "class_description_lang (100, ko)");
  tap_is_str (sipreason_gettext_lang ("  class: ", "ko"), "  분류: ", "gettext_lang of a command message");
  tap_is_str (sipreason_gettext_lang ("not a msgid", "ko"), "not a msgid", "gettext_lang of an unknown msgid");
  tap_is_str (sipreason_gettext_lang (NULL, "ko"), NULL, "gettext_lang (NULL)");
  tap_is_int (sipreason_lookup_lang ("사용 중", "ko-KR"), 486, "lookup_lang (사용 중, ko-KR)");
  tap_is_int (sipreason_lookup_lang ("사용 중", "ja"), -1, "lookup_lang (사용 중, ja)");
  tap_is_int (sipreason_lookup_lang ("話し中", "ja"), 486, "lookup_lang (話し中, ja)");
  tap_is_int (sipreason_lookup ("사용 중"), -1, "lookup in the C locale does not know Korean");

  struct { const char *languages, *expected; } negotiations[] =
  {
    { "ko-KR, en;q=0.5", "ko" }, { "en", "en" }, { "en-GB, ko", "en" }, { "pt", "pt_BR" },
    { "zh-Hant", "zh_TW" }, { "zh-Hans-CN", "zh_CN" }, { "xx", "en" }, { "", "en" },
    { "fr;q=0.2, de;q=0.3", "de" }, { "*", "en" },
  };
  for (size_t i = 0; i < sizeof negotiations / sizeof negotiations[0]; i++)
    {
      snprintf (name, sizeof name, "negotiate (\"%s\")", negotiations[i].languages);
      tap_is_str (sipreason_negotiate (negotiations[i].languages), negotiations[i].expected, name);
    }
  tap_is_str (sipreason_negotiate (NULL), "en", "negotiate (NULL)");

  /* The installed languages are exactly those of po/LINGUAS, sorted.  */
  const char *const *installed = sipreason_languages ();
  int count = 0, sorted = 1, listed = 1;
  for (; installed[count] != NULL; count++)
    {
      if (count > 0 && strcmp (installed[count - 1], installed[count]) >= 0)
        sorted = 0;
      int in_linguas = 0;
      for (int i = 1; i < argc; i++)
        in_linguas |= strcmp (argv[i], installed[count]) == 0;
      listed &= in_linguas;
    }
  tap_is_int (count, argc - 1, "sipreason_languages lists every language of po/LINGUAS");
  tap_ok (sorted && listed, "sipreason_languages is sorted and holds only LINGUAS languages");

  /* Every phrase, class and description, in every language: the library's reader and gettext
     agree.  GNU gettext is asked with LANGUAGE=LL under C.UTF-8; musl's, which ignores
     LANGUAGE, with the locale LL.UTF-8, which it takes whether installed or not.  */
  const char *gnu_gettext = getenv ("GNU_GETTEXT");
  bool by_language = gnu_gettext == NULL || strcmp (gnu_gettext, "yes") == 0;
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    printf ("# C.UTF-8 is missing: the comparison with gettext is left out\n");
  else
    for (int i = 1; i < argc; i++)
      {
        char locale_name[64];
        snprintf (locale_name, sizeof locale_name, "%s.UTF-8", argv[i]);
        if (by_language)
          setenv ("LANGUAGE", argv[i], 1);
        /* gettext caches translations by locale, not by LANGUAGE: a change of locale clears
           the cache.  */
        setlocale (LC_ALL, "C");
        setlocale (LC_ALL, by_language ? "C.UTF-8" : locale_name);
        int differ = 0;
        for (int c = sipreason_next (0); c > 0; c = sipreason_next (c))
          {
            const char *pairs[3][2] =
            {
              { sipreason_phrase (c), sipreason_phrase_lang (c, argv[i]) },
              { sipreason_class (c), sipreason_class_lang (c, argv[i]) },
              { sipreason_description (c), sipreason_description_lang (c, argv[i]) },
            };
            for (int k = 0; k < 3; k++)
              differ += strcmp (pairs[k][0], pairs[k][1]) != 0;
          }
        snprintf (name, sizeof name,
                  "%s: the library's reader and gettext agree on every phrase, class and "
                  "description", argv[i]);
        tap_is_int (differ, 0, name);
      }
  unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");

  /* Threads, each in its own language, all at once, with the process in C.  */
  for (int i = 0; i < THREADS; i++)
    thread_expected[i] = sipreason_phrase_lang (486, thread_languages[i]);
  pthread_t t[THREADS];
  pthread_barrier_init (&start, NULL, THREADS);
  for (long i = 0; i < THREADS; i++)
    pthread_create (&t[i], NULL, worker, (void *) i);
  for (int i = 0; i < THREADS; i++)
    pthread_join (t[i], NULL);
  pthread_barrier_destroy (&start);
  for (int i = 0; i < THREADS; i++)
    {
      snprintf (name, sizeof name, "thread %d (%s): %d lookups, all '%s'", i,
                thread_languages[i], ROUNDS, thread_expected[i]);
      tap_is_int (thread_wrong[i], 0, name);
    }
  return tap_done ();
}
