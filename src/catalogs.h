/* catalogs.h: the installed catalogs as the library reads them itself (private): the list of
   languages, which catalogs are safe to read, and the choice of language for a preference list
   (a gettext LANGUAGE-style list or an HTTP/SIP Accept-Language value).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_CATALOGS_H
#define SIPREASON_CATALOGS_H

#include <stdbool.h>

/* The library's prefix in the static library, where every global name is visible.  */
#define catalogs_scan sipreason__catalogs_scan
#define catalogs_have_broken sipreason__catalogs_have_broken
#define catalogs_languages sipreason__catalogs_languages
#define catalogs_translate sipreason__catalogs_translate
#define catalogs_negotiate sipreason__catalogs_negotiate
#define catalogs_thread_languages sipreason__catalogs_thread_languages

/* Reads every DIR/LL/LC_MESSAGES/DOMAIN.mo once; called from the library's one-time
   initialisation, before any other function here.  */
void catalogs_scan (const char *dir, const char *domain);

/* Whether some DIR/LL/LC_MESSAGES/DOMAIN.mo exists but was refused (truncated, malformed, not
   UTF-8, unreadable): gettext must then not be left to read it.  */
int catalogs_have_broken (void);

/* The languages whose catalog was read, sorted, NULL-terminated.  */
const char *const *catalogs_languages (void);

/* The translation of MSGID in the first language of LANGUAGES that has one, or NULL for
   English (no such language, English preferred, NULL or empty LANGUAGES).  Under
   GETTEXT_RULES, LANGUAGES is what gettext follows, and only the C locale, not a preference
   for "en", ends it, as in gettext.  */
const char *catalogs_translate (const char *msgid, const char *languages, bool gettext_rules);

/* The installed language LANGUAGES chooses, or NULL for English.  */
const char *catalogs_negotiate (const char *languages);

/* The language preference gettext follows in the calling thread: "" (English) when its
   LC_MESSAGES locale is C or POSIX, else LANGUAGE when set, else the locale's name.  */
const char *catalogs_thread_languages (void);

#endif /* SIPREASON_CATALOGS_H */
