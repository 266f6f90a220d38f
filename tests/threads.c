/* threads.c: eight threads make their first call at the same moment (a barrier) and all get
   Korean; then threads with a Korean and an English locale_t look up at the same time and each
   gets its own language, while the process locale is C.  Run under LC_ALL=C.UTF-8 LANGUAGE=ko.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"
#include "tap.h"

#define THREADS 8
#define ROUNDS 20000

static pthread_barrier_t start;
static const char *first_answer[THREADS];
static locale_t korean, english;
static int mismatches[THREADS];

static void *
first_call (void *arg)
{
  int id = (int) (long) arg;
  pthread_barrier_wait (&start);
  first_answer[id] = sipreason_phrase (486);
  return NULL;
}

/* Even threads Korean, odd threads English, each checking every answer.  */
static void *
per_locale (void *arg)
{
  int id = (int) (long) arg;
  locale_t mine = id % 2 ? english : korean;
  const char *busy = id % 2 ? "Busy Here" : "\xec\x82\xac\xec\x9a\xa9 \xec\xa4\x91";
  const char *client = id % 2 ? "Client Failure" : "클라이언트 오류";
  pthread_barrier_wait (&start);
  for (int i = 0; i < ROUNDS; i++)
    {
      const char *p = sipreason_phrase_l (486, mine);
      const char *c = sipreason_class_l (404, mine);
      if (p == NULL || strcmp (p, busy) != 0 || c == NULL || strcmp (c, client) != 0)
        mismatches[id]++;
    }
  return NULL;
}

static int
run (void *(*fn) (void *))
{
  pthread_t t[THREADS];
  pthread_barrier_init (&start, NULL, THREADS);
  for (long i = 0; i < THREADS; i++)
    if (pthread_create (&t[i], NULL, fn, (void *) i) != 0)
      return 0;
  for (int i = 0; i < THREADS; i++)
    pthread_join (t[i], NULL);
  pthread_barrier_destroy (&start);
  return 1;
}

int
main (void)
{
  if (setlocale (LC_ALL, "") == NULL)
    {
      printf ("Bail out! setlocale failed\n");
      return 1;
    }
  tap_ok (run (first_call), "8 threads started together");
  for (int i = 0; i < THREADS; i++)
    {
      char name[64];
      snprintf (name, sizeof name, "thread %d's first call is Korean", i);
      tap_is_str (first_answer[i], "사용 중", name);
    }

  /* LANGUAGE would outrank the locale_t; the process locale goes back to C.  */
  unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  korean = newlocale (LC_ALL_MASK, "ko_KR.UTF-8", (locale_t) 0);
  english = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  if (!tap_ok (korean != (locale_t) 0 && english != (locale_t) 0, "newlocale ko_KR.UTF-8 and C"))
    return tap_done ();
  tap_ok (run (per_locale), "8 threads, Korean and English locale_t, started together");
  for (int i = 0; i < THREADS; i++)
    {
      char name[80];
      snprintf (name, sizeof name, "thread %d (%s): %d lookups, all in its language",
                i, i % 2 ? "English" : "Korean", ROUNDS);
      tap_is_int (mismatches[i], 0, name);
    }
  tap_is_str (sipreason_phrase (486), "Busy Here", "the main thread is still in C");
  freelocale (korean);
  freelocale (english);
  return tap_done ();
}
