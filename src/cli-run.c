/* cli-run.c: the sipreason command's processing: options, codes and phrases from arguments or
   a stream, output as plain lines, --long records or a JSON array.  All state is in the
   struct cli_run of one run.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ascii.h"
#include "cli-run.h"
#include "sipreason.h"
#include "utf8.h"

#define PROGRAM "sipreason"

/* The longest phrase, in bytes and in words, that words split by the shell are joined into;
   the longest phrases of the table and its translations have about half as many words.  */
enum { PHRASE_MAX = 256, PHRASE_MAX_WORDS = 12 };

/* The command's messages are in the library's catalog, read through the library, which binds
   it once and never lets gettext read a broken catalog; so no bindtextdomain or textdomain
   here.  */
static const char *
translate (const struct cli_run *run, const char *msgid)
{
  return run->languages ? sipreason_gettext_lang (msgid, run->languages)
                        : sipreason_gettext (msgid);
}
#define _(msgid) translate (run, msgid)
#define N_(msgid) msgid

/* The language cannot change during a run, so each code's phrase is looked up once.  Returns
   the code's entry, or NULL when the code has no phrase.  */
static const struct cli_phrase *
phrase_entry (struct cli_run *run, int code)
{
  if (code < 100 || code > 699)
    return NULL;
  struct cli_phrase *entry = &run->phrases[code - 100];
  if (entry->text == NULL)
    {
      const char *text = run->languages ? sipreason_phrase_lang (code, run->languages)
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
      entry->text = text;
      entry->line = line;
      entry->len = len;
    }
  return entry;
}

static const char *
phrase (struct cli_run *run, int code)
{
  const struct cli_phrase *entry = phrase_entry (run, code);
  return entry ? entry->text : NULL;
}

static const char *
class_name (const struct cli_run *run, int code)
{
  return run->languages ? sipreason_class_lang (code, run->languages) : sipreason_class (code);
}

static const char *
description (const struct cli_run *run, int code)
{
  return run->languages ? sipreason_description_lang (code, run->languages)
                        : sipreason_description (code);
}

static int
lookup (const struct cli_run *run, const char *text)
{
  return run->languages ? sipreason_lookup_lang (text, run->languages) : sipreason_lookup (text);
}

/* Translated strings are only ever printed with fputs, never used as a printf format, so a
   catalog holding "%n" prints it literally.  */
static void
put (const struct cli_run *run, const char *s)
{
  fputs (s, run->out);
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

/* "sipreason: INPUT: MESSAGE" on the error stream.  */
static void
complain (const struct cli_run *run, const char *input, size_t len, const char *message)
{
  fputs (PROGRAM ": ", run->err);
  put_quoted (run->err, input, len);
  fputs (": ", run->err);
  fputs (message, run->err);
}

/* "sipreason: MESSAGE" on the error stream, MESSAGE ending in its own newline.  */
static void
say (const struct cli_run *run, const char *message)
{
  fputs (PROGRAM ": ", run->err);
  fputs (message, run->err);
}

static void
usage_hint (const struct cli_run *run)
{
  fputs (_("Try 'sipreason --help' for more information.\n"), run->err);
}

static void
print_help (const struct cli_run *run)
{
  /* One message per line or option, so a new option costs translators one line.  */
  put (run, _("Usage: sipreason [OPTION]... CODE|PHRASE...\n"));
  put (run, _("  or:  sipreason [OPTION]... -\n"));
  put (run, _("Print the reason phrase of each SIP response CODE in the user's language,\n"
              "or the code of each reason PHRASE.  With -, read one code or phrase per line\n"
              "from standard input and print one line for each.\n"));
  put (run, "\n");
  put (run, _("  -l, --long       show code, phrase, wire phrase, class, reference, status\n"
              "                   and description\n"));
  put (run, _("  -a, --list       list every code with its phrase\n"));
  put (run, _("  -j, --json       print a JSON array (every code when none is given)\n"));
  put (run, _("      --lang=LL    use language LL (ko, en, C, ...) whatever the environment\n"));
  put (run, _("      --accept-language=VALUE\n"
              "                   use the language that an Accept-Language VALUE prefers\n"));
  put (run, _("  -h, --help       display this help and exit\n"));
  put (run, _("  -V, --version    output version information and exit\n"));
  put (run, "\n");
  put (run, _("Exit status is 0 when every code or phrase was found, 1 when one was not,\n"
              "and 2 for a usage error.\n"));
}

/* The statuses as the library numbers them, with their --json keyword (untranslated, for
   scripts) and their --long name (translated).  */
static const struct
{
  enum sipreason_status status;
  const char *keyword;
  const char *name;
} statuses[] =
{
  /* TRANSLATORS: status of a SIP response code: registered and in use.  */
  { SIPREASON_CURRENT, "current", N_("current") },
  /* TRANSLATORS: status of a SIP response code: registered, its use deprecated.  */
  { SIPREASON_DEPRECATED, "deprecated", N_("deprecated") },
  /* TRANSLATORS: status of a SIP response code: RFC 2543 only, dropped by RFC 3261.  */
  { SIPREASON_HISTORIC, "historic", N_("historic") },
};

const char *
cli_status_keyword (int status)
{
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
    if ((int) statuses[i].status == status)
      return statuses[i].keyword;
  return "unknown";
}

static const char *
status_name (const struct cli_run *run, int status)
{
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
    if ((int) statuses[i].status == status)
      return _(statuses[i].name);
  return "unknown";
}

void
cli_put_json_string (FILE *stream, const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  putc ('"', stream);
  while (*p != '\0')
    {
      unsigned char c = *p;
      if (c == '"' || c == '\\')
        {
          putc ('\\', stream);
          putc (c, stream);
          p++;
        }
      else if (c < 0x20 || c == 0x7f)
        {
          fprintf (stream, "\\u%04x", c);
          p++;
        }
      else if (c < 0x80)
        {
          putc (c, stream);
          p++;
        }
      else
        {
          /* The string ends at its NUL, which no continuation byte matches.  */
          size_t n = utf8_length (p, 4);
          if (n == 0)
            {
              fputs ("\\ufffd", stream);
              p++;
            }
          else
            {
              fwrite (p, 1, n, stream);
              p += n;
            }
        }
    }
  putc ('"', stream);
}

static void
put_json_member (const struct cli_run *run, const char *name, const char *value)
{
  fprintf (run->out, ", \"%s\": ", name);
  cli_put_json_string (run->out, value);
}

/* The separator before the next element of the JSON array, which the first element opens.  */
static const char *
json_separator (struct cli_run *run)
{
  return run->json_items++ ? ",\n  " : "[\n  ";
}

static void
print_code (struct cli_run *run, int code)
{
  const struct cli_phrase *entry = phrase_entry (run, code);
  switch (run->format)
    {
    case CLI_PLAIN:
      if (entry->line != NULL)
        fwrite (entry->line, 1, entry->len + 1, run->out);
      else
        {
          put (run, entry->text);
          putc ('\n', run->out);
        }
      break;

    case CLI_LONG:
      fprintf (run->out, "%d ", code);
      put (run, entry->text);
      putc ('\n', run->out);
      /* TRANSLATORS: label in sipreason --long: the untranslated phrase sent in SIP.  */
      put (run, _("  wire phrase: "));
      put (run, sipreason_canonical (code));
      /* TRANSLATORS: label in sipreason --long: the response class (1xx to 6xx).  */
      fprintf (run->out, "\n%s%dxx ", _("  class: "), code / 100);
      put (run, class_name (run, code));
      /* TRANSLATORS: label in sipreason --long: the RFC that defines the code.  */
      fprintf (run->out, "\n%s", _("  reference: "));
      put (run, sipreason_reference (code));
      /* TRANSLATORS: label in sipreason --long: current, deprecated or historic.  */
      fprintf (run->out, "\n%s", _("  status: "));
      put (run, status_name (run, (int) sipreason_status (code)));
      /* TRANSLATORS: label in sipreason --long: what the code means.  */
      fprintf (run->out, "\n%s", _("  description: "));
      put (run, description (run, code));
      putc ('\n', run->out);
      break;

    case CLI_JSON:
      fprintf (run->out, "%s{\"code\": %d", json_separator (run), code);
      put_json_member (run, "phrase", entry->text);
      put_json_member (run, "canonical", sipreason_canonical (code));
      put_json_member (run, "class", class_name (run, code));
      put_json_member (run, "description", description (run, code));
      put_json_member (run, "reference", sipreason_reference (code));
      put_json_member (run, "status", cli_status_keyword ((int) sipreason_status (code)));
      putc ('}', run->out);
      break;
    }
}

/* Where nothing was found for an input line of `sipreason -`: the line stays, empty, so the
   output can be pasted beside the input.  */
static void
print_nothing (struct cli_run *run)
{
  if (run->format == CLI_JSON)
    fprintf (run->out, "%snull", json_separator (run));
  else
    putc ('\n', run->out);
}

int
cli_parse_code (const char *s, size_t len)
{
  /* The usual input, three digits, first.  */
  if (len == 3 && ascii_isdigit (s[0]) && ascii_isdigit (s[1]) && ascii_isdigit (s[2]))
    return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
  while (len > 0 && ascii_isspace (*s))
    s++, len--;
  while (len > 0 && ascii_isspace (s[len - 1]))
    len--;
  if (len == 0)
    return -1;
  int value = 0;
  for (size_t i = 0; i < len; i++)
    {
      if (!ascii_isdigit (s[i]))
        return -1;
      if (value <= 9999)
        value = value * 10 + (s[i] - '0');
      else
        value = 100000;     /* saturates: anything this long is out of range */
    }
  return value;
}

/* Looks up the LEN bytes at TEXT (a NUL-terminated string of that length), a code or a phrase,
   and prints the result.  Returns 1 when found; otherwise says why on the error stream and
   returns 0.  */
static int
process (struct cli_run *run, const char *text, size_t len)
{
  int code = cli_parse_code (text, len);
  if (code >= 0)
    {
      if (sipreason_canonical (code) != NULL)
        {
          print_code (run, code);
          return 1;
        }
      int treat = sipreason_treat_as (code);
      if (treat > 0)
        {
          /* TRANSLATORS: printed after the offending input and followed by a code and its
             phrase, as in "sipreason: 499: <this message> 400 (Bad Request)"; add no colon.  */
          complain (run, text, len,
                    _("not a registered SIP response code; a client treats it as"));
          fprintf (run->err, " %d (", treat);
          fputs (phrase (run, treat), run->err);
          fputs (")\n", run->err);
        }
      else
        {
          complain (run, text, len, _("not a SIP response code (100-699)"));
          fputs ("\n", run->err);
        }
      return 0;
    }

  if (strlen (text) == len)
    {
      code = lookup (run, text);
      if (code > 0)
        {
          if (run->format == CLI_PLAIN)
            fprintf (run->out, "%d\n", code);
          else
            print_code (run, code);
          return 1;
        }
    }
  complain (run, text, len, _("no SIP response code has this phrase"));
  fputs ("\n", run->err);
  return 0;
}

/* Reads the next line of IN into *LINE (of *SIZE bytes, grown as needed), without its newline,
   and returns its length; -1 at the end of the input, -2 when memory runs out.  Byte by byte
   with getc_unlocked, cheaper than getline for the short lines of `sipreason -`; the stream
   is this thread's alone.  */
static ssize_t
read_line (FILE *in, char **line, size_t *size)
{
  size_t len = 0;
  int c;
  while ((c = getc_unlocked (in)) != EOF && c != '\n')
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

/* `sipreason -`: one code or phrase per line of the input stream, one result per line.  */
static int
process_stream (struct cli_run *run)
{
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  int all_found = 1;

  /* The bulk of a large input, lines that are registered codes, is answered here: each answer
     (the phrase's whole output line) is copied into BLOCK, written when full and before any
     other output.  */
  char block[32768];
  size_t used = 0;

  while ((len = read_line (run->in, &line, &size)) >= 0)
    {
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (run->format == CLI_PLAIN)
        {
          int code = cli_parse_code (line, (size_t) len);
          const struct cli_phrase *entry = phrase_entry (run, code);
          if (entry != NULL && entry->line != NULL)
            {
              size_t n = entry->len + 1;
              if (n > sizeof block - used)
                {
                  fwrite (block, 1, used, run->out);
                  used = 0;
                }
              if (n <= sizeof block)
                {
                  memcpy (block + used, entry->line, n);
                  used += n;
                  continue;
                }
            }
          fwrite (block, 1, used, run->out);
          used = 0;
        }
      if (!process (run, line, (size_t) len))
        {
          all_found = 0;
          if (run->format != CLI_LONG)
            print_nothing (run);
        }
    }
  fwrite (block, 1, used, run->out);
  if (len == -2 || ferror (run->in))
    {
      int err = len == -2 ? ENOMEM : errno;
      say (run, _("error reading standard input: "));
      fputs (strerror (err), run->err);
      fputs ("\n", run->err);
      all_found = 0;
    }
  free (line);
  return all_found;
}

/* The words ARGV[0] to ARGV[N - 1] joined by single spaces into JOINED (of PHRASE_MAX bytes);
   returns the length, or -1 when they do not fit or one of them is a code.  */
static ssize_t
join_words (char **argv, int n, char *joined)
{
  size_t used = 0;
  for (int k = 0; k < n; k++)
    {
      size_t len = strlen (argv[k]);
      if (used + len + 2 > PHRASE_MAX || cli_parse_code (argv[k], len) >= 0)
        return -1;
      if (k > 0)
        joined[used++] = ' ';
      memcpy (joined + used, argv[k], len + 1);
      used += len;
    }
  return (ssize_t) used;
}

/* Arguments from ARGV[FIRST] to ARGV[LAST - 1]: each a code, or a phrase that may have been
   split by the shell (sipreason Busy Here), so adjacent words are tried together, longest
   first.  */
static int
process_arguments (struct cli_run *run, char **argv, int first, int last)
{
  int all_found = 1;
  for (int i = first; i < last;)
    {
      int words = 1;
      if (cli_parse_code (argv[i], strlen (argv[i])) < 0)
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
              ssize_t used = join_words (argv + i, n, joined);
              if (used >= 0 && lookup (run, joined) > 0)
                {
                  process (run, joined, (size_t) used);
                  words = n;
                  break;
                }
            }
        }
      if (words == 1 && !process (run, argv[i], strlen (argv[i])))
        all_found = 0;
      i += words;
    }
  return all_found;
}

/* STATUS, or 1 with a message when the output could not be written (a full disk, a closed
   pipe).  */
static int
finish (const struct cli_run *run, int status)
{
  if (fflush (run->out) != 0 || ferror (run->out))
    {
      int err = errno;
      say (run, _("write error: "));
      fputs (strerror (err), run->err);
      fputs ("\n", run->err);
      return CLI_EXIT_FAILURE;
    }
  return status;
}

void
cli_run_start (struct cli_run *run, FILE *in, FILE *out, FILE *err, const char *languages)
{
  memset (run, 0, sizeof *run);
  run->in = in;
  run->out = out;
  run->err = err;
  run->format = CLI_PLAIN;
  run->languages = languages;
}

void
cli_run_finish (struct cli_run *run)
{
  for (size_t i = 0; i < sizeof run->phrases / sizeof run->phrases[0]; i++)
    free (run->phrases[i].line);
  memset (run->phrases, 0, sizeof run->phrases);
}

int
cli_run_main (struct cli_run *run, int argc, char **argv)
{
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

  /* getopt's state is global: start it afresh for this argument list (glibc and musl take 0
     as "initialize").  getopt reports a bad option on the process's stderr, so only when that
     is the run's error stream.  */
  optind = 0;
  opterr = run->err == stderr;
  while ((opt = getopt_long (argc, argv, "lajhV", options, NULL)) != -1)
    switch (opt)
      {
      case 'l':
        run->format = CLI_LONG;
        break;
      case 'a':
        list = 1;
        break;
      case 'j':
        run->format = CLI_JSON;
        break;
      case OPT_LANG:
      case OPT_ACCEPT_LANGUAGE:
        /* Both are preference lists the library reads: "ko", "pt_BR:pt" or
           "ko-KR, en;q=0.8".  */
        run->languages = optarg;
        break;
      case 'h':
        print_help (run);
        return finish (run, CLI_EXIT_OK);
      case 'V':
        /* The GNU Coding Standards' --version: the legal lines stay in the licence's English.  */
        fprintf (run->out, "sipreason %s\n", sipreason_version ());
        put (run, "Copyright (C) 2026 the sipreason authors.\n"
                  "License LGPLv2.1+: GNU LGPL version 2.1 or later"
                  " <https://gnu.org/licenses/old-licenses/lgpl-2.1.html>.\n"
                  "This is free software: you are free to change and redistribute it.\n"
                  "There is NO WARRANTY, to the extent permitted by law.\n");
        return finish (run, CLI_EXIT_OK);
      default:
        usage_hint (run);
        return CLI_EXIT_USAGE;
      }

  int all_found = 1;
  if (list || (run->format == CLI_JSON && optind == argc))
    {
      if (optind < argc)
        {
          say (run, _("--list takes no code or phrase\n"));
          usage_hint (run);
          return CLI_EXIT_USAGE;
        }
      run->worked = 1;
      for (int code = sipreason_next (0); code > 0; code = sipreason_next (code))
        if (run->format == CLI_PLAIN)
          {
            fprintf (run->out, "%d\t", code);
            put (run, phrase (run, code));
            putc ('\n', run->out);
          }
        else
          print_code (run, code);
    }
  else if (optind == argc)
    {
      say (run, _("missing code or phrase\n"));
      usage_hint (run);
      return CLI_EXIT_USAGE;
    }
  else
    {
      run->worked = 1;
      if (argc - optind == 1 && strcmp (argv[optind], "-") == 0)
        all_found = process_stream (run);
      else
        all_found = process_arguments (run, argv, optind, argc);
    }

  if (run->format == CLI_JSON)
    fputs (run->json_items ? "\n]\n" : "[]\n", run->out);
  return finish (run, all_found ? CLI_EXIT_OK : CLI_EXIT_FAILURE);
}
