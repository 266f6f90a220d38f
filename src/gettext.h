/* gettext.h: the gettext calls the library uses, or English-only stand-ins when NLS is off.
   Private to the package; never installed.  (The command reads its messages through the
   library, and the library never calls textdomain, so neither appears here.)

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_GETTEXT_H
#define SIPREASON_GETTEXT_H

#if ENABLE_NLS
# include <libintl.h>
#else
/* Built with --disable-nls: every lookup returns its msgid (the library binds nothing).  */
# define dgettext(domain, msgid) ((void) (domain), (const char *) (msgid))
#endif

/* Marks a string for xgettext without translating it here.  */
#define N_(msgid) msgid

#endif /* SIPREASON_GETTEXT_H */
