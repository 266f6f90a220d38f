/* cli-run.h: the sipreason command's processing (options, codes and phrases from arguments or
   a stream, output in each format) as a module: the command's main() and the fuzzer and the
   unit test link the same code; private, never installed.

   SPDX-License-Identifier: LGPL-2.1-or-later
   Copyright (C) 2026 the sipreason authors  */

#ifndef SIPREASON_CLI_RUN_H
#define SIPREASON_CLI_RUN_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses.  */
enum { CLI_EXIT_OK = 0, CLI_EXIT_FAILURE = 1, CLI_EXIT_USAGE = 2 };

enum cli_format { CLI_PLAIN, CLI_LONG, CLI_JSON };

/* One code's phrase, looked up once per run and kept as a whole output line: `sipreason -` may
   print millions of lines, each then one fwrite.  LINE is NULL when memory ran out.  */
struct cli_phrase
{
  const char *text;
  char *line;
  size_t len;
};

/* Everything one run of the command knows; nothing of it outlives cli_run_finish, so two runs
   in one process (the fuzzer, the unit test) never see each other's state.  */
struct cli_run
{
  FILE *in, *out, *err;
  enum cli_format format;
  int json_items;               /* array elements printed so far */
  /* The language preference of --lang or --accept-language, or of an environment whose locale
     is not installed; NULL to follow the locale.  */
  const char *languages;
  int worked;                   /* options were valid and processing began */
  struct cli_phrase phrases[600];       /* codes 100 to 699 */
};

/* Starts a run reading IN and writing OUT and ERR, following LANGUAGES (NULL: the locale).  */
void cli_run_start (struct cli_run *run, FILE *in, FILE *out, FILE *err, const char *languages);

/* Does what `sipreason ARGV...` does (getopt_long over ARGC words, which it permutes and resets
   first) and returns the exit status, 1 also when OUT could not be written.  */
int cli_run_main (struct cli_run *run, int argc, char **argv);

/* Frees what the run kept.  */
void cli_run_finish (struct cli_run *run);

/* Helpers, exposed for the fuzzer and the unit test.  */

/* The number written in the LEN bytes at S (white space around it allowed), 100000 or more when
   there are too many digits for a code, or -1 when they are not all digits.  */
int cli_parse_code (const char *s, size_t len);

/* S to STREAM as a JSON string: quotes, backslashes and control characters escaped, and each
   byte that does not start well-formed UTF-8 replaced by U+FFFD.  */
void cli_put_json_string (FILE *stream, const char *s);

/* The status as --json states it, untranslated.  */
const char *cli_status_keyword (int status);

#endif /* SIPREASON_CLI_RUN_H */
