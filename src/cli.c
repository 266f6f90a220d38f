/* cli.c: the sipreason command: codes to phrases and phrases to codes, from arguments or stdin.  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if HAVE_STDIO_EXT_H
# include <stdio_ext.h>
#endif

#include "sipreason.h"
#include "utf8.h"

#define PROGRAM "sipreason"

/* The longest phrase, in bytes and in words, that words split by the shell are joined into;
   the longest phrases of the table and its translations have about half as many words.  */
enum { PHRASE_MAX = 256, PHRASE_MAX_WORDS = 12 };

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

/* The language cannot change during a run, so each code's phrase is looked up once, and kept
   with its length and as a whole output line: `sipreason -` may print millions of lines, each
   then one fwrite.  LINE is NULL when memory ran out (then printed in two writes).  */
static struct { const char *text; char *line; size_t len; } phrases[600];

static const char *
phrase (int code)
{
  if (code < 100 || code > 699)
    return NULL;
  if (phrases[code - 100].text == NULL)
    {
      const char *text = languages ? sipreason_phrase_lang (code, languages)
                                   : sipreason_phrase (code);
      if (text == NULL)
        return NULL;
      size_t len = strlen (text);
      char *line = malloc (len + 2);
      if (line != NULL)
        {
          memcpy (line, text, len);
          memcpy (line + len, "\n", 2);
        }
      phrases[code - 100].text = text;
      phrases[code - 100].line = line;
      phrases[code - 100].len = len;
    }
  return phrases[code - 100].text;
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

/* Writes the LEN bytes at S to STREAM with control characters (C0, DEL, C1) and bytes that are
   not valid UTF-8 shown as \xHH, so that an error message names the offending input without
   passing anything raw to the terminal.  */
static void
put_quoted (FILE *stream, const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  for (size_t i = 0; i < len;)
    {
      size_t n = p[i] < 0x80 ? (p[i] >= 0x20 && p[i] != 0x7f) : utf8_length (p + i, len - i);
      if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
        n = 0;                  /* C1 controls, U+0080 to U+009F */
      if (n == 0)
        fprintf (stream, "\\x%02x", p[i++]);
      else
        {
          fwrite (p + i, 1, n, stream);
          i += n;
        }
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

  /* The messages locale, as setlocale would have taken it; LANGUAGE outranks it unless it is
     C, as in gettext.  */
  const char *wanted = NULL;
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < 3 && (wanted == NULL || *wanted == '\0'); i++)
    wanted = getenv (variables[i]);
  if (wanted == NULL || *wanted == '\0' || is_c_locale_name (wanted))
    return;
  const char *language = getenv ("LANGUAGE");
  languages = language != NULL && *language != '\0' ? language : wanted;
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
          /* The string ends at its NUL, which no continuation byte matches.  */
          size_t n = utf8_length (p, 4);
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
      phrase (code);
      if (phrases[code - 100].line != NULL)
        fwrite (phrases[code - 100].line, 1, phrases[code - 100].len + 1, stdout);
      else
        {
          put (phrases[code - 100].text);
          putchar ('\n');
        }
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

/* The number written in the LEN bytes at S (surrounding white space allowed), 100000 or more
   when there are too many digits for a code, or -1 when they are not all digits.  */
static int
parse_code (const char *s, size_t len)
{
  /* The usual input, three digits, first.  */
  if (len == 3 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
      && s[2] >= '0' && s[2] <= '9')
    return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
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
          /* TRANSLATORS: printed after the offending input and followed by a code and its
             phrase, as in "sipreason: 499: <this message> 400 (Bad Request)"; add no colon.  */
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

/* Reads the next line of standard input into *LINE (of *SIZE bytes, grown as needed), without
   its newline, and returns its length; -1 at the end of the input, -2 when memory runs out.
   Byte by byte with getc_unlocked, cheaper than getline for the short lines of `sipreason -`;
   the stream is this thread's alone.  */
static ssize_t
read_line (char **line, size_t *size)
{
  size_t len = 0;
  int c;
  while ((c = getc_unlocked (stdin)) != EOF && c != '\n')
    {
      if (len + 1 >= *size)
        {
          size_t bigger = *size ? *size * 2 : 256;
          char *grown = bigger > *size ? realloc (*line, bigger) : NULL;
          if (grown == NULL)
            return -2;
          *line = grown;
          *size = bigger;
        }
      (*line)[len++] = (char) c;
    }
  if (c == EOF && len == 0)
    return -1;
  if (*size == 0)
    {
      char *grown = realloc (*line, 256);
      if (grown == NULL)
        return -2;
      *line = grown;
      *size = 256;
    }
  (*line)[len] = '\0';
  return (ssize_t) len;
}

/* `sipreason -`: one code or phrase per line, one result per line.  */
static int
process_stdin (void)
{
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  int all_found = 1;

  /* The bulk of a large input, lines that are registered codes, is answered here: each answer
     (the phrase's whole output line, kept by phrase) is copied into BLOCK, written when full
     and before any other output.  */
  char block[32768];
  size_t used = 0;

  while ((len = read_line (&line, &size)) >= 0)
    {
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (format == FORMAT_PLAIN)
        {
          int code = parse_code (line, (size_t) len);
          if (code >= 100 && code <= 699 && phrase (code) != NULL
              && phrases[code - 100].line != NULL)
            {
              size_t n = phrases[code - 100].len + 1;
              if (n > sizeof block - used)
                {
                  fwrite (block, 1, used, stdout);
                  used = 0;
                }
              if (n <= sizeof block)
                {
                  memcpy (block + used, phrases[code - 100].line, n);
                  used += n;
                  continue;
                }
            }
          fwrite (block, 1, used, stdout);
          used = 0;
        }
      if (!process (line, (size_t) len))
        {
          all_found = 0;
          if (format != FORMAT_LONG)
            print_nothing ();
        }
    }
  fwrite (block, 1, used, stdout);
  if (len == -2 || ferror (stdin))
    {
      int err = len == -2 ? ENOMEM : errno;
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
          /* Only a few words that fit in JOINED together can form one: this keeps the search
             linear in the number of arguments.  */
          int fitting = 0;
          for (size_t used = 0; i + fitting < last && fitting < PHRASE_MAX_WORDS; fitting++)
            {
              used += strlen (argv[i + fitting]) + 1;
              if (used >= PHRASE_MAX)
                break;
            }
          for (int n = fitting; n > 1; n--)
            {
              char joined[PHRASE_MAX];
              size_t used = 0;
              int fits = 1;
              for (int k = 0; k < n && fits; k++)
                {
                  size_t len = strlen (argv[i + k]);
                  if (used + len + 2 > sizeof joined || parse_code (argv[i + k], len) >= 0)
                    fits = 0;
                  else
                    {
                      if (k > 0)
                        joined[used++] = ' ';
                      memcpy (joined + used, argv[i + k], len + 1);
                      used += len;
                    }
                }
              if (fits && lookup (joined) > 0)
                {
                  process (joined, used);
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

/* STATUS, or 1 with a message when standard output could not be written (a full disk, a
   closed pipe).  */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int err = errno;
      fputs (PROGRAM ": ", stderr);
      fputs (_("write error: "), stderr);
      fputs (strerror (err), stderr);
      fputs ("\n", stderr);
      return EXIT_NOT_FOUND;
    }
  return status;
}

int
main (int argc, char **argv)
{
  set_locale_from_environment ();
#if HAVE___FSETLOCKING
  /* One thread: stdio need not lock around each call (sipreason - prints millions of lines).  */
  __fsetlocking (stdin, FSETLOCKING_BYCALLER);
  __fsetlocking (stdout, FSETLOCKING_BYCALLER);
#endif

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
        return finish (EXIT_OK);
      case 'V':
        printf ("sipreason %s\n", sipreason_version ());
        return finish (EXIT_OK);
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
  return finish (all_found ? EXIT_OK : EXIT_NOT_FOUND);
}
