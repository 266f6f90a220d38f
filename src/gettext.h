/* gettext.h: the gettext calls this package uses, or English-only stand-ins when NLS is off.
   Private to the package; never installed.  */

#ifndef SIPREASON_GETTEXT_H
#define SIPREASON_GETTEXT_H

#if ENABLE_NLS
# include <libintl.h>
#else
/* Built with --disable-nls: every lookup returns its msgid, and binding does nothing.  The
   casts keep the arguments evaluated-free and the types the same as with libintl.  */
# define gettext(msgid) ((const char *) (msgid))
# define dgettext(domain, msgid) ((void) (domain), (const char *) (msgid))
# define textdomain(domain) ((const char *) (domain))
# define bindtextdomain(domain, dir) ((void) (domain), (const char *) (dir))
# define bind_textdomain_codeset(domain, codeset) ((void) (domain), (const char *) (codeset))
#endif

/* Marks a string for xgettext without translating it here.  */
#define N_(msgid) msgid

#endif /* SIPREASON_GETTEXT_H */
