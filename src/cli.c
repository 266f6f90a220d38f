/* cli.c: the sipreason command: codes to phrases and phrases to codes, from arguments or stdin.  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipreason.h"

#define PROGRAM "sipreason"

/* Exit statuses.  */
enum { EXIT_OK = 0, EXIT_NOT_FOUND = 1, EXIT_USAGE = 2 };

enum output_format { FORMAT_PLAIN, FORMAT_LONG, FORMAT_JSON };

static enum output_format format = FORMAT_PLAIN;
static int json_items;                  /* objects printed so far in the JSON array */

/* The language preference of --lang or --accept-language, or of an environment whose locale is
   not installed; NULL to follow the locale.  */
static const char *languages;

/* The command's messages are in the library's catalog, read through the library, which binds
   it once and never lets gettext read a broken catalog; so no bindtextdomain or textdomain
   here.  */
static const char *
translate (const char *msgid)
{
  return languages ? sipreason_gettext_lang (msgid, languages) : sipreason_gettext (msgid);
}
#define _(msgid) translate (msgid)

static const char *
phrase (int code)
{
  return languages ? sipreason_phrase_lang (code, languages) : sipreason_phrase (code);
}

static const char *
class_name (int code)
{
  return languages ? sipreason_class_lang (code, languages) : sipreason_class (code);
}

static const char *
description (int code)
{
  return languages ? sipreason_description_lang (code, languages) : sipreason_description (code);
}

static int
lookup (const char *text)
{
  return languages ? sipreason_lookup_lang (text, languages) : sipreason_lookup (text);
}

/* Translated strings are only ever printed with fputs, never used as a printf format, so a
   catalog holding "%n" prints it literally.  */
static void
put (const char *s)
{
  fputs (s, stdout);
}

/* Writes S to STREAM with bytes that are not printable ASCII or UTF-8 shown as \xHH, so that an
   error message names the offending input without passing control characters through.  */
static void
put_quoted (FILE *stream, const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = s[i];
      if (c < 0x20 || c == 0x7f)
        fprintf (stream, "\\x%02x", c);
      else
        putc (c, stream);
    }
}

/* "sipreason: INPUT: MESSAGE" on stderr.  */
static void
complain (const char *input, size_t len, const char *message)
{
  fputs (PROGRAM ": ", stderr);
  put_quoted (stderr, input, len);
  fputs (": ", stderr);
  fputs (message, stderr);
}

static void
usage_hint (void)
{
  fputs (_("Try 'sipreason --help' for more information.\n"), stderr);
}

static void
print_help (void)
{
  /* One message per line or option, so a new option costs translators one line.  */
  put (_("Usage: sipreason [OPTION]... CODE|PHRASE...\n"));
  put (_("  or:  sipreason [OPTION]... -\n"));
  put (_("Print the reason phrase of each SIP response CODE in the user's language,\n"
         "or the code of each reason PHRASE.  With -, read one code or phrase per line\n"
         "from standard input and print one line for each.\n"));
  put ("\n");
  put (_("  -l, --long       show code, phrase, wire phrase, class, reference, status\n"
         "                   and description\n"));
  put (_("  -a, --list       list every code with its phrase\n"));
  put (_("  -j, --json       print a JSON array (every code when none is given)\n"));
  put (_("      --lang=LL    use language LL (ko, en, C, ...) whatever the environment\n"));
  put (_("      --accept-language=VALUE\n"
         "                   use the language that an Accept-Language VALUE prefers\n"));
  put (_("  -h, --help       display this help and exit\n"));
  put (_("  -V, --version    output version information and exit\n"));
  put ("\n");
  put (_("Exit status is 0 when every code or phrase was found, 1 when one was not,\n"
         "and 2 for a usage error.\n"));
}

static int
is_c_locale_name (const char *name)
{
  return strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

/* The language follows the locale.  When the locale the environment names is not installed
   (minimal containers often lack ko_KR.UTF-8), setlocale fails and gettext would fall back to
   English; the library then reads the language the environment asks for by name.  */
static void
set_locale_from_environment (void)
{
  if (setlocale (LC_ALL, "") != NULL)
    return;

  const char *wanted = getenv ("LANGUAGE");
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < 3 && (wanted == NULL || *wanted == '\0'); i++)
    wanted = getenv (variables[i]);
  if (wanted != NULL && *wanted != '\0' && !is_c_locale_name (wanted))
    languages = wanted;
}

static const char *
status_name (enum sipreason_status status)
{
  switch (status)
    {
    /* TRANSLATORS: status of a SIP response code: registered and in use.  */
    case SIPREASON_CURRENT: return _("current");
    /* TRANSLATORS: status of a SIP response code: registered, its use deprecated.  */
    case SIPREASON_DEPRECATED: return _("deprecated");
    /* TRANSLATORS: status of a SIP response code: RFC 2543 only, dropped by RFC 3261.  */
    case SIPREASON_HISTORIC: return _("historic");
    default: return "unknown";
    }
}

/* The status as JSON states it: untranslated, for scripts.  */
static const char *
status_keyword (enum sipreason_status status)
{
  switch (status)
    {
    case SIPREASON_CURRENT: return "current";
    case SIPREASON_DEPRECATED: return "deprecated";
    case SIPREASON_HISTORIC: return "historic";
    default: return "unknown";
    }
}

/* S as a JSON string: quotes, backslashes and control characters escaped, and any byte that is
   not part of valid UTF-8 replaced by U+FFFD, so the output is valid JSON whatever the catalog
   holds.  */
static void
put_json_string (const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  putchar ('"');
  while (*p != '\0')
    {
      unsigned char c = *p;
      if (c == '"' || c == '\\')
        {
          putchar ('\\');
          putchar (c);
          p++;
        }
      else if (c < 0x20 || c == 0x7f)
        {
          printf ("\\u%04x", c);
          p++;
        }
      else if (c < 0x80)
        {
          putchar (c);
          p++;
        }
      else
        {
          /* Length of a well-formed UTF-8 sequence starting at p, or 0.  */
          size_t n = 0;
          if (c >= 0xc2 && c <= 0xdf)
            n = 2;
          else if (c >= 0xe0 && c <= 0xef)
            n = 3;
          else if (c >= 0xf0 && c <= 0xf4)
            n = 4;
          for (size_t i = 1; i < n; i++)
            if ((p[i] & 0xc0) != 0x80)
              n = 0;
          /* Overlong forms, surrogates and code points above U+10FFFF.  */
          if ((c == 0xe0 && n && p[1] < 0xa0) || (c == 0xed && n && p[1] > 0x9f)
              || (c == 0xf0 && n && p[1] < 0x90) || (c == 0xf4 && n && p[1] > 0x8f))
            n = 0;
          if (n == 0)
            {
              fputs ("\\ufffd", stdout);
              p++;
            }
          else
            {
              fwrite (p, 1, n, stdout);
              p += n;
            }
        }
    }
  putchar ('"');
}

static void
put_json_member (const char *name, const char *value)
{
  printf (", \"%s\": ", name);
  put_json_string (value);
}

static void
print_code (int code)
{
  switch (format)
    {
    case FORMAT_PLAIN:
      put (phrase (code));
      putchar ('\n');
      break;

    case FORMAT_LONG:
      printf ("%d ", code);
      put (phrase (code));
      putchar ('\n');
      /* TRANSLATORS: label in sipreason --long: the untranslated phrase sent in SIP.  */
      put (_("  wire phrase: "));
      put (sipreason_canonical (code));
      /* TRANSLATORS: label in sipreason --long: the response class (1xx to 6xx).  */
      printf ("\n%s%dxx ", _("  class: "), code / 100);
      put (class_name (code));
      /* TRANSLATORS: label in sipreason --long: the RFC that defines the code.  */
      printf ("\n%s", _("  reference: "));
      put (sipreason_reference (code));
      /* TRANSLATORS: label in sipreason --long: current, deprecated or historic.  */
      printf ("\n%s", _("  status: "));
      put (status_name (sipreason_status (code)));
      /* TRANSLATORS: label in sipreason --long: what the code means.  */
      printf ("\n%s", _("  description: "));
      put (description (code));
      putchar ('\n');
      break;

    case FORMAT_JSON:
      printf ("%s{\"code\": %d", json_items++ ? ",\n  " : "[\n  ", code);
      put_json_member ("phrase", phrase (code));
      put_json_member ("canonical", sipreason_canonical (code));
      put_json_member ("class", class_name (code));
      put_json_member ("description", description (code));
      put_json_member ("reference", sipreason_reference (code));
      put_json_member ("status", status_keyword (sipreason_status (code)));
      putchar ('}');
      break;
    }
}

/* Where nothing was found for an input line of `sipreason -`: the line stays, empty, so the
   output can be pasted beside the input.  */
static void
print_nothing (void)
{
  if (format == FORMAT_JSON)
    printf ("%snull", json_items++ ? ",\n  " : "[\n  ");
  else
    putchar ('\n');
}

static int
is_space (unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The code written in the LEN bytes at S (surrounding white space allowed), -2 when they are
   digits but too many to be a code, or -1 when they are not all digits.  */
static int
parse_code (const char *s, size_t len)
{
  while (len > 0 && is_space (*s))
    s++, len--;
  while (len > 0 && is_space (s[len - 1]))
    len--;
  if (len == 0)
    return -1;
  int value = 0;
  for (size_t i = 0; i < len; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return -1;
      if (value <= 9999)
        value = value * 10 + (s[i] - '0');
      else
        value = 100000;     /* saturates: anything this long is out of range */
    }
  return value;
}

/* Looks up the LEN bytes at TEXT (a NUL-terminated string of that length), a code or a phrase,
   and prints the result.  Returns 1 when found; otherwise says why on stderr and returns 0.  */
static int
process (const char *text, size_t len)
{
  int code = parse_code (text, len);
  if (code >= 0)
    {
      if (sipreason_canonical (code) != NULL)
        {
          print_code (code);
          return 1;
        }
      int treat = sipreason_treat_as (code);
      if (treat > 0)
        {
          complain (text, len, _("not a registered SIP response code; a client treats it as"));
          fprintf (stderr, " %d (", treat);
          fputs (phrase (treat), stderr);
          fputs (")\n", stderr);
        }
      else
        {
          complain (text, len, _("not a SIP response code (100-699)"));
          fputs ("\n", stderr);
        }
      return 0;
    }

  if (strlen (text) == len)
    {
      code = lookup (text);
      if (code > 0)
        {
          if (format == FORMAT_PLAIN)
            printf ("%d\n", code);
          else
            print_code (code);
          return 1;
        }
    }
  complain (text, len, _("no SIP response code has this phrase"));
  fputs ("\n", stderr);
  return 0;
}

/* `sipreason -`: one code or phrase per line, one result per line.  */
static int
process_stdin (void)
{
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  int all_found = 1;

  while ((len = getline (&line, &size, stdin)) >= 0)
    {
      if (len > 0 && line[len - 1] == '\n')
        line[--len] = '\0';
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (!process (line, (size_t) len))
        {
          all_found = 0;
          if (format != FORMAT_LONG)
            print_nothing ();
        }
    }
  if (ferror (stdin))
    {
      int err = errno;
      fputs (PROGRAM ": ", stderr);
      fputs (_("error reading standard input: "), stderr);
      fputs (strerror (err), stderr);
      fputs ("\n", stderr);
      all_found = 0;
    }
  free (line);
  return all_found;
}

/* Arguments from ARGV[FIRST] to ARGV[LAST - 1]: each a code, or a phrase that may have been
   split by the shell (sipreason Busy Here), so adjacent words are tried together, longest
   first.  */
static int
process_arguments (char **argv, int first, int last)
{
  int all_found = 1;
  for (int i = first; i < last;)
    {
      int words = 1;
      if (parse_code (argv[i], strlen (argv[i])) < 0)
        {
          for (int n = last - i; n > 1; n--)
            {
              char phrase[256];
              size_t used = 0;
              int fits = 1;
              for (int k = 0; k < n && fits; k++)
                {
                  size_t len = strlen (argv[i + k]);
                  if (used + len + 2 > sizeof phrase || parse_code (argv[i + k], len) >= 0)
                    fits = 0;
                  else
                    {
                      if (k > 0)
                        phrase[used++] = ' ';
                      memcpy (phrase + used, argv[i + k], len + 1);
                      used += len;
                    }
                }
              if (fits && lookup (phrase) > 0)
                {
                  process (phrase, used);
                  words = n;
                  break;
                }
            }
        }
      if (words == 1 && !process (argv[i], strlen (argv[i])))
        all_found = 0;
      i += words;
    }
  return all_found;
}

int
main (int argc, char **argv)
{
  set_locale_from_environment ();

  enum { OPT_LANG = 256, OPT_ACCEPT_LANGUAGE };
  static const struct option options[] =
  {
    { "long", no_argument, NULL, 'l' },
    { "list", no_argument, NULL, 'a' },
    { "json", no_argument, NULL, 'j' },
    { "lang", required_argument, NULL, OPT_LANG },
    { "accept-language", required_argument, NULL, OPT_ACCEPT_LANGUAGE },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int list = 0;
  int opt;

  while ((opt = getopt_long (argc, argv, "lajhV", options, NULL)) != -1)
    switch (opt)
      {
      case 'l':
        format = FORMAT_LONG;
        break;
      case 'a':
        list = 1;
        break;
      case 'j':
        format = FORMAT_JSON;
        break;
      case OPT_LANG:
      case OPT_ACCEPT_LANGUAGE:
        /* Both are preference lists the library reads: "ko", "pt_BR:pt" or
           "ko-KR, en;q=0.8".  */
        languages = optarg;
        break;
      case 'h':
        print_help ();
        return fflush (stdout) == 0 && !ferror (stdout) ? EXIT_OK : EXIT_NOT_FOUND;
      case 'V':
        printf ("sipreason %s\n", sipreason_version ());
        return EXIT_OK;
      default:
        usage_hint ();
        return EXIT_USAGE;
      }

  int all_found = 1;
  if (list || (format == FORMAT_JSON && optind == argc))
    {
      if (optind < argc)
        {
          fputs (PROGRAM ": ", stderr);
          fputs (_("--list takes no code or phrase\n"), stderr);
          usage_hint ();
          return EXIT_USAGE;
        }
      for (int code = sipreason_next (0); code > 0; code = sipreason_next (code))
        if (format == FORMAT_PLAIN)
          {
            printf ("%d\t", code);
            put (phrase (code));
            putchar ('\n');
          }
        else
          print_code (code);
    }
  else if (optind == argc)
    {
      fputs (PROGRAM ": ", stderr);
      fputs (_("missing code or phrase\n"), stderr);
      usage_hint ();
      return EXIT_USAGE;
    }
  else if (argc - optind == 1 && strcmp (argv[optind], "-") == 0)
    all_found = process_stdin ();
  else
    all_found = process_arguments (argv, optind, argc);

  if (format == FORMAT_JSON)
    fputs (json_items ? "\n]\n" : "[]\n", stdout);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int err = errno;
      fputs (PROGRAM ": ", stderr);
      fputs (_("write error: "), stderr);
      fputs (strerror (err), stderr);
      fputs ("\n", stderr);
      return EXIT_NOT_FOUND;
    }
  return all_found ? EXIT_OK : EXIT_NOT_FOUND;
}
