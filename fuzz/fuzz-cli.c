/* fuzz-cli.c: libFuzzer target for the sipreason command: standard input as `sipreason -`,
   `sipreason --long -` and `sipreason --json -` read it, and the input split on NUL bytes into
   arguments under a few option combinations; the output is checked (see README.md here).

   How it reaches the command: src/cli.c keeps its parsing in static functions and main(), so
   this file compiles cli.c itself, with main renamed:

       #define main sipreason_cli_main
       #include "cli.c"

   That is the accepted way to reach cli.c's static functions and state (format, json_items,
   languages) without changing cli.c; run.sh puts src/ and the configured build's config.h on
   the include path.  It ties this file to cli.c's internals: a rename there is a compile error
   here.  Each call swaps the stdin, stdout and stderr FILE pointers (stdin reads the input
   through fmemopen, stdout and stderr are captured with open_memstream), resets getopt
   (optind = 0: glibc re-initializes) and cli.c's globals, and afterwards the environment and
   the locale, so that every input runs the same way.  cli.c must keep returning from main()
   rather than calling exit().  */

#define main sipreason_cli_main
#include "cli.c"
#undef main

#include <stdint.h>

#include "fuzz-check.h"

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

/* What one call of the command printed, and its exit status.  */
struct result
{
  int status;
  char *out;
  size_t out_len;
  char *err;
  size_t err_len;
};

/* Puts back what main() may have changed for the next input: the preference cli.c keeps
   (which points into the argv of the call), LANGUAGE and the locale.  */
static void
restore_environment (void)
{
  languages = NULL;
  if (initial_language != NULL)
    setenv ("LANGUAGE", initial_language, 1);
  else
    unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
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

  FILE *saved_in = stdin, *saved_out = stdout, *saved_err = stderr;
  stdin = in;
  stdout = out;
  stderr = err;
  format = FORMAT_PLAIN;
  json_items = 0;
  languages = NULL;
  optind = 0;
  opterr = 1;

  r->status = sipreason_cli_main (argc, argv);

  stdin = saved_in;
  stdout = saved_out;
  stderr = saved_err;
  fclose (in);
  fclose (out);
  fclose (err);
  free (copy);
  FUZZ_CHECK (r->status == EXIT_OK || r->status == EXIT_NOT_FOUND || r->status == EXIT_USAGE,
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

/* Standard error names the offending input quoted by put_quoted: no raw control character but
   the newline that ends each message.  With SIPREASON_FUZZ_STRICT_STDERR set, also valid UTF-8,
   as put_quoted's comment promises (see README.md: a finding).  */
static void
check_stderr (const struct result *r)
{
  const unsigned char *s = (const unsigned char *) r->err;
  FUZZ_CHECK (!fuzz_has_control (s, r->err_len, "\n"), "stderr holds a raw control character");
  static int strict = -1;
  if (strict < 0)
    strict = getenv ("SIPREASON_FUZZ_STRICT_STDERR") != NULL;
  if (strict)
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
   the code, 0 for null, or -1 when the element is not what it should be.  */
static int
json_element (struct json *j)
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
           && fuzz_same_string (values[1], phrase (c))
           && fuzz_same_string (values[2], sipreason_canonical (c))
           && fuzz_same_string (values[3], class_name (c))
           && fuzz_same_string (values[4], description (c))
           && fuzz_same_string (values[5], sipreason_reference (c))
           && fuzz_same_string (values[6], status_keyword (sipreason_status (c)));
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

  /* ... and an array of what print_code and print_nothing write.  */
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
      int code = json_element (&j);
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
  FUZZ_CHECK ((plain.status == EXIT_OK) == all_found,
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

/* Whether main()'s option loop returns before doing its work for ARGV (--help, --version or
   an unknown option), found by running getopt_long the same way over a copy of ARGV.  */
static int
stops_early (int argc, char **argv)
{
  static const struct option options[] =
  {
    { "long", no_argument, NULL, 'l' },
    { "list", no_argument, NULL, 'a' },
    { "json", no_argument, NULL, 'j' },
    { "lang", required_argument, NULL, 256 },
    { "accept-language", required_argument, NULL, 257 },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  char **copy = malloc ((size_t) (argc + 1) * sizeof *copy);
  if (copy == NULL)
    abort ();
  memcpy (copy, argv, (size_t) (argc + 1) * sizeof *copy);
  int opt, stops = 0;
  optind = 0;
  opterr = 0;
  while (!stops && (opt = getopt_long (argc, copy, "lajhV", options, NULL)) != -1)
    stops = opt == 'h' || opt == 'V' || opt == '?' || opt == ':';
  optind = 0;
  opterr = 1;
  free (copy);
  return stops;
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

      int early = stops_early (argc, argv);
      struct result r;
      run_command (argc, argv, data, size, &r);
      check_stdout (&r);
      /* Where the options left the command in JSON format, did not make it stop early and
         were not a usage error, stdout is one JSON array.  */
      if (format == FORMAT_JSON && r.status != EXIT_USAGE && !early)
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

/* (c) cli.c's helpers on the raw input.  parse_code against the rule it implements: digits
   with white space around them give their value (exactly, up to 99999; leading zeros do not
   count), anything else -1.  put_json_string, whose strings come only from catalogs in the
   command's output, on any bytes: the output must be one valid JSON string that decodes to the
   input with each byte that does not start a well-formed UTF-8 sequence replaced by U+FFFD.  */
static void
fuzz_helpers (const uint8_t *data, size_t size)
{
  int code = parse_code ((const char *) data, size);
  size_t b = 0, e = size;
  while (b < e && fuzz_is_space (data[b]))
    b++;
  while (e > b && fuzz_is_space (data[e - 1]))
    e--;
  int digits = b < e;
  for (size_t i = b; i < e; i++)
    digits &= data[i] >= '0' && data[i] <= '9';
  if (!digits)
    FUZZ_CHECK (code == -1, "parse_code: not -1 for a text that is not digits");
  else
    {
      while (b < e - 1 && data[b] == '0')
        b++;
      if (e - b <= 5)
        {
          int value = 0;
          for (size_t i = b; i < e; i++)
            value = value * 10 + (data[i] - '0');
          FUZZ_CHECK (code == value, "parse_code: wrong value");
        }
      else
        /* Its comment says -2; it saturates at 100000.  Either is out of range.  */
        FUZZ_CHECK (code == -2 || code >= 100000, "parse_code: a long number in range");
    }

  /* The input up to its first NUL, as put_json_string takes it.  */
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
  FILE *saved_out = stdout;
  stdout = stream;
  put_json_string (text);
  stdout = saved_out;
  fclose (stream);

  struct json j = { (const unsigned char *) out, (const unsigned char *) out + out_len, 0 };
  char *decoded = NULL;
  FUZZ_CHECK (json_string (&j, &decoded) && j.p == j.end,
              "put_json_string: not exactly one valid JSON string");
  FUZZ_CHECK (strlen (decoded) == n && memcmp (decoded, expected, n) == 0,
              "put_json_string: does not decode to the input (invalid bytes as U+FFFD)");
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
  /* Nothing of ours goes to the real stdout: each call captures its own.  */
  if (freopen ("/dev/null", "w", stdout) == NULL)
    abort ();
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
