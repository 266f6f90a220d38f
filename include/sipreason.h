/* sipreason.h: reason phrases of SIP response codes, in the user's language (libsipreason).

   Every function is thread-safe and leaves errno as it found it.  The first lookup reads and
   checks the installed catalogs once; after it the library itself allocates nothing (gettext
   still caches each message the first time it is looked up in a locale).  Strings
   returned are UTF-8, owned by the library (or by the gettext catalog), and stay valid for the
   life of the process: never free or modify them.

   Translations are looked up with gettext in the text domain "sipreason", from the directory
   named by the environment variable SIPREASON_LOCALEDIR when it is set (ignored in setuid and
   setgid programs), else from the directory configured at build time.  The library never calls
   setlocale() or textdomain(): the program chooses its locale, usually with
   setlocale (LC_ALL, "") at start-up.  Without a translation the English phrase is returned.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_H
#define SIPREASON_H

#include <locale.h>

/* The _l functions take a POSIX.1-2008 locale_t, which <locale.h> declares only when the
   program asks for POSIX.1-2008 or later: _POSIX_C_SOURCE >= 200809L or _XOPEN_SOURCE >= 700,
   or the system's default extensions (_GNU_SOURCE, _DEFAULT_SOURCE, _BSD_SOURCE), which glibc,
   musl, the BSDs and macOS give unless a strict -std=c99 (c11, c17 ...) asks for ISO C alone.
   There, define _POSIX_C_SOURCE as 200809L before the first #include to get them.
   SIPREASON_HAVE_LOCALE_T is 1 where they are declared, 0 elsewhere; a program may define it
   first to say which.  */
#ifndef SIPREASON_HAVE_LOCALE_T
# if (defined _POSIX_C_SOURCE && _POSIX_C_SOURCE >= 200809L) \
     || (defined _XOPEN_SOURCE && _XOPEN_SOURCE >= 700) \
     || defined _GNU_SOURCE || defined _DEFAULT_SOURCE || defined _BSD_SOURCE \
     || defined __USE_XOPEN2K8 \
     || (defined __POSIX_VISIBLE && __POSIX_VISIBLE >= 200809) \
     || (defined __DARWIN_C_LEVEL && __DARWIN_C_LEVEL >= 200809L)
#  define SIPREASON_HAVE_LOCALE_T 1
# else
#  define SIPREASON_HAVE_LOCALE_T 0
# endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Where a code stands in the IANA registry.  */
enum sipreason_status
{
  SIPREASON_UNKNOWN = 0,        /* not a code of the table */
  SIPREASON_CURRENT,            /* registered and in use */
  SIPREASON_DEPRECATED,         /* registered, but its use is deprecated (202) */
  SIPREASON_HISTORIC            /* RFC 2543 only, dropped by RFC 3261 (303, 409, 411) */
};

/* The reason phrase of CODE in the language of the current locale's LC_MESSAGES category (or
   of the LANGUAGE environment variable, which gettext lets outrank it), e.g. "사용 중" for 486
   under a Korean locale and "Busy Here" in the C locale.  NULL when CODE is not in the table
   (any int is accepted).  */
const char *sipreason_phrase (int code);

/* Like sipreason_phrase, in the language of LOCALE (a locale_t from newlocale(), or
   LC_GLOBAL_LOCALE), the way strerror_l works.  Only the calling thread's locale is switched,
   with uselocale(), and it is restored before returning.  As with every gettext lookup, a
   non-empty LANGUAGE environment variable outranks a locale other than "C".  */
#if SIPREASON_HAVE_LOCALE_T
const char *sipreason_phrase_l (int code, locale_t locale);
#endif

/* The registered English reason phrase of CODE, never translated: what goes on the wire in the
   status line, e.g. "Busy Here" for 486.  NULL when CODE is not in the table.  */
const char *sipreason_canonical (int code);

/* The localized name of CODE's response class ("Informational", "Successful", "Redirection",
   "Client Failure", "Server Failure", "Global Failure"), for any CODE from 100 to 699, in the
   table or not.  NULL outside 100-699.  */
const char *sipreason_class (int code);
#if SIPREASON_HAVE_LOCALE_T
const char *sipreason_class_l (int code, locale_t locale);
#endif

/* One localized sentence on what CODE's response class means, for any CODE from 100 to 699.
   NULL outside 100-699.  */
const char *sipreason_class_description (int code);
#if SIPREASON_HAVE_LOCALE_T
const char *sipreason_class_description_l (int code, locale_t locale);
#endif

/* One localized sentence on what CODE means, e.g. "The callee's end system was reached but the
   callee is busy." for 486.  NULL when CODE is not in the table.  */
const char *sipreason_description (int code);
#if SIPREASON_HAVE_LOCALE_T
const char *sipreason_description_l (int code, locale_t locale);
#endif

/* The code whose phrase is TEXT: its registered phrase, a former name of it (for example
   "Internal Server Error" gives 500), or its phrase in the current locale's language ("사용 중"
   gives 486 under Korean).  ASCII letters match without regard to case; white space around
   TEXT is ignored.  Where two codes share a phrase ("Not Acceptable") the lower code is
   returned.  -1 when nothing matches, and for NULL or an empty TEXT.  */
int sipreason_lookup (const char *text);

/* The code that RFC 3261 section 8.1.3.2 tells a client to treat CODE as: CODE itself when it
   is in the table; x00 for an unknown code from 200 to 699 (499 is treated as 400); 183 for an
   unknown 1xx code.  -1 outside 100-699.  */
int sipreason_treat_as (int code);

/* The document that defines CODE, e.g. "RFC 3261".  NULL when CODE is not in the table.  */
const char *sipreason_reference (int code);

/* Whether CODE is current, deprecated or historic; SIPREASON_UNKNOWN when not in the table.  */
enum sipreason_status sipreason_status (int code);

/* The lowest code of the table that is greater than CODE, or -1 when there is none, so that
   for (c = sipreason_next (0); c > 0; c = sipreason_next (c)) walks every code in order.  */
int sipreason_next (int code);

/* Explicit languages, with no locale needed (RFC 3261 section 7.2 lets a server send the reason
   phrase in the language of the request's Accept-Language).  LANGUAGES is a gettext-style list
   ("ko", "ko_KR", "pt_BR:pt") or an Accept-Language value ("ko-KR, en;q=0.8, *;q=0.1", with
   quality values, case-insensitive tags).  The first installed language in order of preference
   answers: ko-KR finds ko, zh-Hant finds zh_TW, pt finds pt_BR when that is what exists.
   English when no language matches, when English comes first, or for NULL or "".  The catalogs
   are the installed sipreason.mo files that gettext reads, read by the library itself (each
   once, on first use), so these need neither an installed locale nor setlocale().  */
const char *sipreason_phrase_lang (int code, const char *languages);
const char *sipreason_class_lang (int code, const char *languages);
const char *sipreason_class_description_lang (int code, const char *languages);
const char *sipreason_description_lang (int code, const char *languages);

/* The code whose phrase is TEXT, as sipreason_lookup, with translations in LANGUAGES.  */
int sipreason_lookup_lang (const char *text, const char *languages);

/* The language LANGUAGES chooses among the installed ones ("ko", "pt_BR"), or "en" when the
   answer is English: the value for a Content-Language header.  Never NULL.  */
const char *sipreason_negotiate (const char *languages);

/* The installed languages (the catalogs found and readable), sorted, NULL-terminated.  */
const char *const *sipreason_languages (void);

/* The translation of MSGID, any msgid of the sipreason catalog (phrases, class names,
   descriptions, the command's messages), in the calling thread's language, or in LANGUAGES;
   MSGID itself when there is none, and for "" (which gettext would answer with the catalog's
   header).  NULL for NULL.  */
const char *sipreason_gettext (const char *msgid);
const char *sipreason_gettext_lang (const char *msgid, const char *languages);

/* The library's version, e.g. "1.0.0".  */
const char *sipreason_version (void);

/* The absolute directory the library reads its catalogs from
   (DIR/LL/LC_MESSAGES/sipreason.mo): SIPREASON_LOCALEDIR when set, else the configured one.  */
const char *sipreason_localedir (void);

#ifdef __cplusplus
}
#endif

#endif /* SIPREASON_H */
