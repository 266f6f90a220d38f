/* cli-run.c: the command's module (src/cli-run.c) run several times in one process, as the
   fuzzer runs it: each run answers in its own language and format, whatever ran before.
   Argument: "yes" when the build has NLS (the Korean runs need the catalogs).

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-run.h"
#include "tap.h"

struct output
{
  int status;
  char *out, *err;
  size_t out_len, err_len;
};

/* Runs the command's module with the words of ARGS (NULL-terminated, after the program name)
   and INPUT as its input stream; fills R.  */
static void
run (const char *const *args, const char *input, struct output *r)
{
  char *argv[16];
  int argc = 0;
  argv[argc++] = (char *) "sipreason";
  for (; args[argc - 1] != NULL && argc < 15; argc++)
    argv[argc] = strdup (args[argc - 1]);
  argv[argc] = NULL;

  static const char nothing[1];
  FILE *in = fmemopen ((void *) (input && *input ? input : nothing),
                       input && *input ? strlen (input) : 1, "r");
  if (in != NULL && (input == NULL || *input == '\0'))
    fseek (in, 0, SEEK_END);
  r->out = r->err = NULL;
  FILE *out = open_memstream (&r->out, &r->out_len);
  FILE *err = open_memstream (&r->err, &r->err_len);
  if (in == NULL || out == NULL || err == NULL)
    {
      printf ("Bail out! cannot open memory streams\n");
      exit (1);
    }
  struct cli_run state;
  cli_run_start (&state, in, out, err, NULL);
  r->status = cli_run_main (&state, argc, argv);
  cli_run_finish (&state);
  fclose (in);
  fclose (out);
  fclose (err);
  for (int i = 1; i < argc; i++)
    free (argv[i]);
}

static void
check (const char *name, const char *const *args, const char *input, int status,
       const char *out, const char *err)
{
  struct output r;
  run (args, input, &r);
  char label[256];
  snprintf (label, sizeof label, "%s: exit status", name);
  tap_is_int (r.status, status, label);
  snprintf (label, sizeof label, "%s: output", name);
  tap_is_str (r.out, out, label);
  if (err != NULL)
    {
      snprintf (label, sizeof label, "%s: errors", name);
      tap_is_str (r.err, err, label);
    }
  free (r.out);
  free (r.err);
}

#define ARGS(...) ((const char *const []) { __VA_ARGS__, NULL })

int
main (int argc, char **argv)
{
  int nls = argc > 1 && strcmp (argv[1], "yes") == 0;

  /* Languages one after another: no run keeps another's phrases (the fuzzer's blind spot).  */
  check ("486 in the C locale", ARGS ("486"), NULL, 0, "Busy Here\n", "");
  if (nls)
    {
      check ("--lang=ko 486 after an English run", ARGS ("--lang=ko", "486"), NULL, 0,
             "사용 중\n", "");
      check ("--lang=ko - after English runs", ARGS ("--lang=ko", "-"), "486\n603\n", 0,
             "사용 중\n거부\n", "");
    }
  check ("486 after a Korean run", ARGS ("486"), NULL, 0, "Busy Here\n", "");
  check ("- after a Korean run", ARGS ("-"), "486\n603\n", 0, "Busy Here\nDecline\n", "");
  if (nls)
    check ("--lang=ko, a phrase split by the shell", ARGS ("--lang=ko", "사용", "중"), NULL, 0,
           "486\n", "");

  /* Formats one after another: no run keeps another's format or JSON count.  */
  check ("--json 486 499", ARGS ("--json", "486", "499"), NULL, 1,
         "[\n  {\"code\": 486, \"phrase\": \"Busy Here\", \"canonical\": \"Busy Here\", "
         "\"class\": \"Client Failure\", \"description\": \"The callee's end system was reached "
         "but the callee is busy.\", \"reference\": \"RFC 3261\", \"status\": \"current\"}\n]\n",
         "sipreason: 499: not a registered SIP response code; a client treats it as 400 "
         "(Bad Request)\n");
  check ("--json - with a line not found", ARGS ("--json", "-"), "999\n", 1,
         "[\n  null\n]\n", "sipreason: 999: not a SIP response code (100-699)\n");
  check ("plain after JSON runs", ARGS ("Busy", "Here", "180"), NULL, 0, "486\nRinging\n", "");
  check ("--long 303", ARGS ("--long", "303"), NULL, 0,
         "303 See Other\n  wire phrase: See Other\n  class: 3xx Redirection\n"
         "  reference: RFC 2543\n  status: historic\n  description: The caller should try the "
         "address given in the Contact header; this code was defined by RFC 2543 and dropped "
         "by RFC 3261.\n", "");
  check ("an empty line and CRLF on the stream", ARGS ("-"), "\r\n180\r\n", 1,
         "\nRinging\n", NULL);

  /* Usage errors, and getopt started afresh for each run.  */
  check ("--bogus", ARGS ("--bogus"), NULL, 2, "", NULL);
  check ("no argument", ARGS ("--long"), NULL, 2, "",
         "sipreason: missing code or phrase\nTry 'sipreason --help' for more information.\n");
  check ("--list with a code", ARGS ("--list", "486"), NULL, 2, "",
         "sipreason: --list takes no code or phrase\n"
         "Try 'sipreason --help' for more information.\n");
  check ("180 after usage errors", ARGS ("180"), NULL, 0, "Ringing\n", "");

  /* A full output device: status 1 and a message.  */
  FILE *full = fopen ("/dev/full", "w");
  if (full != NULL)
    {
      char *err = NULL;
      size_t err_len;
      FILE *errors = open_memstream (&err, &err_len);
      struct cli_run state;
      cli_run_start (&state, stdin, full, errors, NULL);
      char *argv_full[] = { (char *) "sipreason", (char *) "486", NULL };
      tap_is_int (cli_run_main (&state, 2, argv_full), 1, "/dev/full: exit status 1");
      cli_run_finish (&state);
      fclose (errors);
      tap_ok (err != NULL && strcmp (err, "sipreason: write error: No space left on device\n") == 0,
              "/dev/full: says write error");
      free (err);
      fclose (full);
    }

  /* cli_parse_code.  */
  static const struct { const char *text; int code; } codes[] =
  {
    { "486", 486 }, { " 486\t", 486 }, { "0486", 486 }, { "99", 99 }, { "", -1 },
    { "  ", -1 }, { "4 86", -1 }, { "+486", -1 }, { "-1", -1 }, { "48a", -1 },
    { "99999", 99999 }, { "123456789012", 100000 }, { "\xd9\xa4\xd9\xa8\xd9\xa6", -1 },
  };
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    {
      char label[64];
      snprintf (label, sizeof label, "cli_parse_code (\"%s\")", codes[i].text);
      tap_is_int (cli_parse_code (codes[i].text, strlen (codes[i].text)), codes[i].code, label);
    }
  return tap_done ();
}
