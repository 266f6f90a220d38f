/* fuzz-cli.c: libFuzzer target for the sipreason command: standard input as `sipreason -`,
   `sipreason --long -` and `sipreason --json -` read it, and the input split on NUL bytes into
   arguments under a few option combinations; the output is checked (see README.md here).

   It links the command's module (src/cli-run.c) as the command does: each call is a fresh
   struct cli_run reading the input through fmemopen and writing into open_memstream buffers,
   so no run sees another's language, format or phrases.  Afterwards the environment and the
   locale are put back, so that every input runs the same way.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-run.h"
#include "sipreason.h"
#include "fuzz-check.h"

#define PROGRAM "sipreason"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Arguments taken from one input at most: process_arguments tries every run of adjacent
   words, longest first, so its time grows with the square of their count (a finding: see
   README.md); more would only slow the fuzzing down.  */
#define MAX_ARGS 8

/* Bytes of one argument at most (longer ones are cut): Linux takes 128 KiB, but the library
   reads a --lang or --accept-language value again for each string it translates, and under
   the sanitizers' instrumentation a value of that size costs seconds per input.  Lines of
   megabytes go through standard input.  */
#define MAX_WORD 4096

/* The value of LANGUAGE when the fuzzer started (NULL: unset), put back after each call in
   case the command changes it.  */
static char *initial_language;

/* What one call of the command printed, its exit status, and the format, language preference
   (pointing into the call's argv) and progress it ended with.  */
struct result
{
  int status;
  enum cli_format format;
  const char *languages;
  int worked;
  char *out;
  size_t out_len;
  char *err;
  size_t err_len;
};

/* Puts back what the command may have changed for the next input: LANGUAGE and the locale.  */
static void
restore_environment (void)
{
  if (initial_language != NULL)
    setenv ("LANGUAGE", initial_language, 1);
  else
    unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* The library's answers in the language preference of a run (NULL: the locale).  */
static const char *
lib_phrase (int code, const char *languages)
{
  return languages ? sipreason_phrase_lang (code, languages) : sipreason_phrase (code);
}

static const char *
lib_class (int code, const char *languages)
{
  return languages ? sipreason_class_lang (code, languages) : sipreason_class (code);
}

static const char *
lib_description (int code, const char *languages)
{
  return languages ? sipreason_description_lang (code, languages) : sipreason_description (code);
}

/* Runs the command with ARGV (ARGC words, ARGV[ARGC] NULL) and the LEN bytes at INPUT as its
   standard input; fills R.  The environment is not restored yet, so that the caller can check
   the output against the library in the language the command used.  */
static void
run_command (int argc, char **argv, const uint8_t *input, size_t len, struct result *r)
{
  static const char empty[1];
  /* POSIX lets fmemopen refuse an empty buffer; a one-byte buffer of which nothing is read
     stands for it.  */
  char *copy = malloc (len > 0 ? len : 1);
  if (copy == NULL)
    abort ();
  memcpy (copy, len > 0 ? (const void *) input : (const void *) empty, len > 0 ? len : 1);
  FILE *in = fmemopen (copy, len > 0 ? len : 1, "r");
  if (in == NULL)
    abort ();
  if (len == 0)
    fseek (in, 0, SEEK_END);

  r->out = r->err = NULL;
  r->out_len = r->err_len = 0;
  FILE *out = open_memstream (&r->out, &r->out_len);
  FILE *err = open_memstream (&r->err, &r->err_len);
  if (out == NULL || err == NULL)
    abort ();

  struct cli_run *run = malloc (sizeof *run);
  if (run == NULL)
    abort ();
  cli_run_start (run, in, out, err, NULL);
  r->status = cli_run_main (run, argc, argv);
  r->format = run->format;
  r->languages = run->languages;
  r->worked = run->worked;
  cli_run_finish (run);
  free (run);

  fclose (in);
  fclose (out);
  fclose (err);
  free (copy);
  FUZZ_CHECK (r->status == CLI_EXIT_OK || r->status == CLI_EXIT_FAILURE
              || r->status == CLI_EXIT_USAGE,
              "exit status is not 0, 1 or 2");
}

static void
free_result (struct result *r)
{
  free (r->out);
  free (r->err);
}

/* Standard output is library text only (input goes to stderr): valid UTF-8, no control
   character but newline and tab.  */
static void
check_stdout (const struct result *r)
{
  const unsigned char *s = (const unsigned char *) r->out;
  FUZZ_CHECK (fuzz_utf8_valid (s, r->out_len), "stdout is not valid UTF-8");
  FUZZ_CHECK (!fuzz_has_control (s, r->out_len, "\n\t"), "stdout holds a control character");
}

/* Standard error names the offending input quoted (control characters and invalid UTF-8 as
   \xHH): valid UTF-8, no raw control character but the newline that ends each message.  */
static void
check_stderr (const struct result *r)
{
  const unsigned char *s = (const unsigned char *) r->err;
  FUZZ_CHECK (!fuzz_has_control (s, r->err_len, "\n"), "stderr holds a raw control character");
  FUZZ_CHECK (fuzz_utf8_valid (s, r->err_len), "stderr is not valid UTF-8");
}

/* A strict JSON reader (RFC 8259) over the command's output.  */

struct json
{
  const unsigned char *p, *end;
  int depth;
};

static void
json_space (struct json *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static int
hex_value (unsigned char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static int
json_hex4 (struct json *j, unsigned *value)
{
  if (j->end - j->p < 4)
    return 0;
  *value = 0;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (*j->p++);
      if (h < 0)
        return 0;
      *value = *value * 16 + (unsigned) h;
    }
  return 1;
}

static size_t
put_utf8 (unsigned cp, char *out)
{
  if (cp < 0x80)
    {
      out[0] = (char) cp;
      return 1;
    }
  if (cp < 0x800)
    {
      out[0] = (char) (0xc0 | cp >> 6);
      out[1] = (char) (0x80 | (cp & 0x3f));
      return 2;
    }
  if (cp < 0x10000)
    {
      out[0] = (char) (0xe0 | cp >> 12);
      out[1] = (char) (0x80 | (cp >> 6 & 0x3f));
      out[2] = (char) (0x80 | (cp & 0x3f));
      return 3;
    }
  out[0] = (char) (0xf0 | cp >> 18);
  out[1] = (char) (0x80 | (cp >> 12 & 0x3f));
  out[2] = (char) (0x80 | (cp >> 6 & 0x3f));
  out[3] = (char) (0x80 | (cp & 0x3f));
  return 4;
}

/* A string at j->p (at its opening quote).  Its decoded value goes to a malloc'd *VALUE (NUL
   inside it stays) when VALUE is not NULL.  Returns 0 for anything RFC 8259 forbids: a raw
   control character, a bad escape, a lone surrogate escape, invalid UTF-8.  */
static int
json_string (struct json *j, char **value)
{
  if (j->p >= j->end || *j->p != '"')
    return 0;
  j->p++;
  const unsigned char *start = j->p;
  while (j->p < j->end && *j->p != '"')
    {
      if (*j->p < 0x20)
        return 0;
      j->p += *j->p == '\\' && j->end - j->p > 1 ? 2 : 1;
    }
  if (j->p >= j->end)
    return 0;
  const unsigned char *stop = j->p++;
  if (!fuzz_utf8_valid (start, (size_t) (stop - start)))
    return 0;

  /* Decoded, it is never longer than encoded.  */
  char *decoded = malloc ((size_t) (stop - start) + 1);
  if (decoded == NULL)
    abort ();
  size_t n = 0;
  struct json s = { start, stop, 0 };
  while (s.p < s.end)
    {
      if (*s.p != '\\')
        {
          decoded[n++] = (char) *s.p++;
          continue;
        }
      s.p++;
      unsigned char e = *s.p++;
      unsigned cp;
      switch (e)
        {
        case '"': case '\\': case '/': decoded[n++] = (char) e; break;
        case 'b': decoded[n++] = '\b'; break;
        case 'f': decoded[n++] = '\f'; break;
        case 'n': decoded[n++] = '\n'; break;
        case 'r': decoded[n++] = '\r'; break;
        case 't': decoded[n++] = '\t'; break;
        case 'u':
          if (!json_hex4 (&s, &cp))
            goto bad;
          if (cp >= 0xdc00 && cp <= 0xdfff)
            goto bad;
          if (cp >= 0xd800 && cp <= 0xdbff)
            {
              unsigned low;
              if (s.end - s.p < 6 || s.p[0] != '\\' || s.p[1] != 'u')
                goto bad;
              s.p += 2;
              if (!json_hex4 (&s, &low) || low < 0xdc00 || low > 0xdfff)
                goto bad;
              cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            }
          n += put_utf8 (cp, decoded + n);
          break;
        default:
          goto bad;
        }
    }
  decoded[n] = '\0';
  if (value != NULL)
    *value = decoded;
  else
    free (decoded);
  return 1;

bad:
  free (decoded);
  return 0;
}

/* A number at j->p; its value goes to *VALUE when it is an integer that fits.  */
static int
json_number (struct json *j, long *value, int *integer)
{
  const unsigned char *start = j->p;
  *integer = 1;
  if (j->p < j->end && *j->p == '-')
    j->p++;
  if (j->p >= j->end || *j->p < '0' || *j->p > '9')
    return 0;
  if (*j->p == '0')
    j->p++;
  else
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
      j->p++;
  if (j->p < j->end && *j->p == '.')
    {
      *integer = 0;
      j->p++;
      if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        return 0;
      while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    }
  if (j->p < j->end && (*j->p == 'e' || *j->p == 'E'))
    {
      *integer = 0;
      j->p++;
      if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
        j->p++;
      if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        return 0;
      while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    }
  *value = 0;
  if (*integer && j->p - start <= 9)
    for (const unsigned char *d = start + (*start == '-'); d < j->p; d++)
      *value = *value * 10 + (*d - '0');
  else
    *integer = 0;
  if (*start == '-')
    *value = -*value;
  return 1;
}

static int json_value (struct json *j);

static int
json_literal (struct json *j, const char *word)
{
  size_t len = strlen (word);
  if ((size_t) (j->end - j->p) < len || memcmp (j->p, word, len) != 0)
    return 0;
  j->p += len;
  return 1;
}

/* The members of the object whose "{" is at j->p.  */
static int
json_object (struct json *j)
{
  j->p++;
  json_space (j);
  if (j->p < j->end && *j->p == '}')
    {
      j->p++;
      return 1;
    }
  for (;;)
    {
      json_space (j);
      if (!json_string (j, NULL))
        return 0;
      json_space (j);
      if (j->p >= j->end || *j->p++ != ':')
        return 0;
      if (!json_value (j))
        return 0;
      json_space (j);
      if (j->p >= j->end)
        return 0;
      if (*j->p == '}')
        {
          j->p++;
          return 1;
        }
      if (*j->p++ != ',')
        return 0;
    }
}

static int
json_array (struct json *j)
{
  j->p++;
  json_space (j);
  if (j->p < j->end && *j->p == ']')
    {
      j->p++;
      return 1;
    }
  for (;;)
    {
      if (!json_value (j))
        return 0;
      json_space (j);
      if (j->p >= j->end)
        return 0;
      if (*j->p == ']')
        {
          j->p++;
          return 1;
        }
      if (*j->p++ != ',')
        return 0;
    }
}

/* Any JSON value, with white space before it.  */
static int
json_value (struct json *j)
{
  json_space (j);
  if (j->p >= j->end || j->depth > 64)
    return 0;
  long number;
  int integer, ok;
  j->depth++;
  switch (*j->p)
    {
    case '{': ok = json_object (j); break;
    case '[': ok = json_array (j); break;
    case '"': ok = json_string (j, NULL); break;
    case 't': ok = json_literal (j, "true"); break;
    case 'f': ok = json_literal (j, "false"); break;
    case 'n': ok = json_literal (j, "null"); break;
    default: ok = json_number (j, &number, &integer); break;
    }
  j->depth--;
  return ok;
}

/* One element of the command's array: null, or the object print_code writes, whose members
   must say what the library says for its code (in the language the command used).  Returns
   the code, 0 for null, or -1 when the element is not what it should be.  LANGUAGES is the
   run's language preference.  */
static int
json_element (struct json *j, const char *languages)
{
  json_space (j);
  if (j->p < j->end && *j->p == 'n')
    return json_literal (j, "null") ? 0 : -1;
  if (j->p >= j->end || *j->p != '{')
    return -1;
  j->p++;
  static const char *const names[] =
    { "code", "phrase", "canonical", "class", "description", "reference", "status" };
  char *values[7] = { NULL };
  long code = -1;
  int ok = 1;
  for (size_t m = 0; m < 7 && ok; m++)
    {
      char *name = NULL;
      json_space (j);
      if (m > 0)
        ok = j->p < j->end && *j->p++ == ',' && (json_space (j), 1);
      ok = ok && json_string (j, &name) && strcmp (name, names[m]) == 0;
      free (name);
      json_space (j);
      ok = ok && j->p < j->end && *j->p++ == ':';
      json_space (j);
      if (ok && m == 0)
        {
          int integer;
          ok = json_number (j, &code, &integer) && integer;
        }
      else if (ok)
        ok = json_string (j, &values[m]);
    }
  json_space (j);
  ok = ok && j->p < j->end && *j->p++ == '}';
  if (ok)
    {
      int c = (int) code;
      ok = code >= 100 && code <= 699 && sipreason_canonical (c) != NULL
           && fuzz_same_string (values[1], lib_phrase (c, languages))
           && fuzz_same_string (values[2], sipreason_canonical (c))
           && fuzz_same_string (values[3], lib_class (c, languages))
           && fuzz_same_string (values[4], lib_description (c, languages))
           && fuzz_same_string (values[5], sipreason_reference (c))
           && fuzz_same_string (values[6], cli_status_keyword ((int) sipreason_status (c)));
    }
  for (size_t m = 0; m < 7; m++)
    free (values[m]);
  return ok ? (int) code : -1;
}

/* The --json output of R: one JSON array, each element null or a code's object.  Stores in
   *CODES (malloc'd) each element's code (0 for null) and returns how many there are.  */
static size_t
check_json (const struct result *r, int **codes)
{
  struct json j = { (const unsigned char *) r->out, (const unsigned char *) r->out + r->out_len,
                    0 };
  /* The whole output is valid JSON...  */
  FUZZ_CHECK (json_value (&j), "--json output is not valid JSON");
  json_space (&j);
  FUZZ_CHECK (j.p == j.end, "--json output has text after its JSON value");
  FUZZ_CHECK (r->out_len > 0 && r->out[r->out_len - 1] == '\n',
              "--json output does not end with a newline");

  /* ... and an array of what the command writes for each code or input line.  */
  j.p = (const unsigned char *) r->out;
  json_space (&j);
  FUZZ_CHECK (j.p < j.end && *j.p == '[', "--json output is not an array");
  j.p++;
  size_t count = 0, size = 16;
  *codes = malloc (size * sizeof **codes);
  if (*codes == NULL)
    abort ();
  json_space (&j);
  if (j.p < j.end && *j.p == ']')
    return 0;
  for (;;)
    {
      int code = json_element (&j, r->languages);
      FUZZ_CHECK (code >= 0, "--json element is neither null nor the object of its code");
      if (count == size)
        {
          size *= 2;
          *codes = realloc (*codes, size * sizeof **codes);
          if (*codes == NULL)
            abort ();
        }
      (*codes)[count++] = code;
      json_space (&j);
      FUZZ_CHECK (j.p < j.end && (*j.p == ',' || *j.p == ']'), "--json array malformed");
      if (*j.p++ == ']')
        return count;
    }
}

/* The lines `sipreason -` reads from the LEN bytes at DATA, as getline splits them.  */
static size_t
count_lines (const uint8_t *data, size_t len)
{
  size_t lines = 0;
  for (size_t i = 0; i < len; i++)
    lines += data[i] == '\n';
  return lines + (len > 0 && data[len - 1] != '\n');
}

/* (a) The input as standard input of `sipreason -`, `sipreason --long -` and
   `sipreason --json -`: each input line gives one output line in plain form and one array
   element in JSON, found (a phrase or code) or not (empty line, null) alike in both.  */
static void
fuzz_stdin (const uint8_t *data, size_t size)
{
  char arg0[] = PROGRAM, dash[] = "-", opt_json[] = "--json", opt_long[] = "--long";
  size_t lines = count_lines (data, size);

  char *plain_argv[] = { arg0, dash, NULL };
  struct result plain;
  run_command (2, plain_argv, data, size, &plain);
  check_stdout (&plain);
  check_stderr (&plain);
  /* Line by line: what was found, by the plain output.  */
  char *found = malloc (lines + 1);
  if (found == NULL)
    abort ();
  size_t out_lines = 0;
  int all_found = 1;
  for (size_t i = 0, start = 0; i < plain.out_len; i++)
    if (plain.out[i] == '\n')
      {
        if (out_lines < lines)
          found[out_lines] = i > start;
        all_found &= i > start;
        out_lines++;
        start = i + 1;
      }
  FUZZ_CHECK (plain.out_len == 0 || plain.out[plain.out_len - 1] == '\n',
              "`sipreason -` output does not end with a newline");
  FUZZ_CHECK (out_lines == lines, "`sipreason -` printed a line count unlike its input's");
  FUZZ_CHECK ((plain.status == CLI_EXIT_OK) == all_found,
              "`sipreason -` exit status disagrees with what it printed");
  restore_environment ();

  char *json_argv[] = { arg0, opt_json, dash, NULL };
  struct result json;
  run_command (3, json_argv, data, size, &json);
  check_stdout (&json);
  check_stderr (&json);
  int *codes;
  size_t items = check_json (&json, &codes);
  FUZZ_CHECK (items == lines, "`sipreason --json -` printed an element count unlike its lines");
  for (size_t i = 0; i < items; i++)
    FUZZ_CHECK ((codes[i] != 0) == found[i],
                "`sipreason --json -` and `sipreason -` disagree on what was found");
  FUZZ_CHECK (json.status == plain.status, "`--json -` and `-` exit statuses differ");
  FUZZ_CHECK (plain.err_len == json.err_len && memcmp (plain.err, json.err, plain.err_len) == 0,
              "`--json -` and `-` complain differently");
  free (codes);
  restore_environment ();

  char *long_argv[] = { arg0, opt_long, dash, NULL };
  struct result lng;
  run_command (3, long_argv, data, size, &lng);
  check_stdout (&lng);
  check_stderr (&lng);
  FUZZ_CHECK (lng.status == plain.status, "`--long -` and `-` exit statuses differ");
  restore_environment ();

  free (found);
  free_result (&plain);
  free_result (&json);
  free_result (&lng);
}

/* (b) The input split on NUL bytes into arguments (at most MAX_ARGS of at most MAX_WORD bytes),
   after each of a few option combinations; with a bare --lang, the first word is its value.  */
static void
fuzz_arguments (const uint8_t *data, size_t size)
{
  char *text = malloc (size + 1);
  if (text == NULL)
    abort ();
  memcpy (text, data, size);
  text[size] = '\0';

  /* Words: the pieces between NUL bytes; an empty input has none, and a NUL that ends the
     input does not start one more.  */
  char *words[MAX_ARGS];
  int nwords = 0;
  for (size_t i = 0; i < size && nwords < MAX_ARGS;)
    {
      size_t len = strlen (text + i);
      words[nwords++] = text + i;
      if (len > MAX_WORD)
        text[i + MAX_WORD] = '\0';
      i += len + 1;
    }

  static const char *const options[][2] =
  {
    { NULL },
    { "--long" },
    { "--json" },
    { "--list" },
    { "--lang=ko" },
    { "--lang=ko", "--json" },
    { "--lang" },
    { "--json", "--lang" },
  };
  for (size_t o = 0; o < sizeof options / sizeof options[0]; o++)
    {
      /* A fresh argv each time: getopt_long permutes it.  */
      char *argv[MAX_ARGS + 4];
      int argc = 0;
      char *own[3];
      own[0] = strdup (PROGRAM);
      argv[argc++] = own[0];
      int nopts = 0;
      for (; nopts < 2 && options[o][nopts] != NULL; nopts++)
        argv[argc++] = own[nopts + 1] = strdup (options[o][nopts]);
      for (int i = 0; i < nwords; i++)
        argv[argc++] = words[i];
      argv[argc] = NULL;

      struct result r;
      run_command (argc, argv, data, size, &r);
      check_stdout (&r);
      /* Where the options left the command in JSON format and it went on to its work (no
         --help, --version or usage error), stdout is one JSON array.  */
      if (r.format == CLI_JSON && r.worked)
        {
          int *codes = NULL;
          check_json (&r, &codes);
          free (codes);
        }
      restore_environment ();
      free_result (&r);
      for (int i = 0; i <= nopts; i++)
        free (own[i]);
    }
  free (text);
}

/* (c) The module's helpers on the raw input.  cli_parse_code against the rule it implements:
   digits with white space around them give their value (exactly, up to 99999; leading zeros do
   not count; more digits give 100000 or more), anything else -1.  cli_put_json_string, whose strings come only from catalogs in the
   command's output, on any bytes: the output must be one valid JSON string that decodes to the
   input with each byte that does not start a well-formed UTF-8 sequence replaced by U+FFFD.  */
static void
fuzz_helpers (const uint8_t *data, size_t size)
{
  int code = cli_parse_code ((const char *) data, size);
  size_t b = 0, e = size;
  while (b < e && fuzz_is_space (data[b]))
    b++;
  while (e > b && fuzz_is_space (data[e - 1]))
    e--;
  int digits = b < e;
  for (size_t i = b; i < e; i++)
    digits &= data[i] >= '0' && data[i] <= '9';
  if (!digits)
    FUZZ_CHECK (code == -1, "cli_parse_code: not -1 for a text that is not digits");
  else
    {
      while (b < e - 1 && data[b] == '0')
        b++;
      if (e - b <= 5)
        {
          int value = 0;
          for (size_t i = b; i < e; i++)
            value = value * 10 + (data[i] - '0');
          FUZZ_CHECK (code == value, "cli_parse_code: wrong value");
        }
      else
        FUZZ_CHECK (code >= 100000, "cli_parse_code: a long number in range");
    }

  /* The input up to its first NUL, as cli_put_json_string takes it.  */
  size_t len = strnlen ((const char *) data, size);
  char *text = malloc (len + 1);
  char *expected = malloc (3 * len + 1);
  if (text == NULL || expected == NULL)
    abort ();
  memcpy (text, data, len);
  text[len] = '\0';
  size_t n = 0;
  for (size_t i = 0, k; i < len; i += k)
    {
      k = fuzz_utf8_length ((const unsigned char *) text + i, len - i);
      if (k == 0)
        {
          memcpy (expected + n, "\xef\xbf\xbd", 3);
          n += 3;
          k = 1;
        }
      else
        {
          memcpy (expected + n, text + i, k);
          n += k;
        }
    }

  char *out = NULL;
  size_t out_len = 0;
  FILE *stream = open_memstream (&out, &out_len);
  if (stream == NULL)
    abort ();
  cli_put_json_string (stream, text);
  fclose (stream);

  struct json j = { (const unsigned char *) out, (const unsigned char *) out + out_len, 0 };
  char *decoded = NULL;
  FUZZ_CHECK (json_string (&j, &decoded) && j.p == j.end,
              "cli_put_json_string: not exactly one valid JSON string");
  FUZZ_CHECK (strlen (decoded) == n && memcmp (decoded, expected, n) == 0,
              "cli_put_json_string: does not decode to the input (invalid bytes as U+FFFD)");
  free (decoded);
  free (out);
  free (expected);
  free (text);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  const char *language = getenv ("LANGUAGE");
  initial_language = language != NULL ? strdup (language) : NULL;
  restore_environment ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_helpers (data, size);
  fuzz_stdin (data, size);
  fuzz_arguments (data, size);
  return 0;
}
