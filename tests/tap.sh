# tap.sh: TAP helpers for the shell tests (sourced).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors

tap_count=0
tap_failed=0

# ok PASSED NAME: one test point; PASSED is a shell status (0 is a pass).
ok () {
  tap_count=$((tap_count + 1))
  if test "$1" -eq 0; then
    echo "ok $tap_count - $2"
  else
    tap_failed=$((tap_failed + 1))
    echo "not ok $tap_count - $2"
  fi
}

# run_cmd CMD...: runs CMD, keeping its stdout in $out, stderr in $err and status in $status.
run_cmd () {
  out=$("$@" 2>"$tmp/stderr"; echo "[$?]")
  status=${out##*\[}; status=${status%\]}
  out=${out%\[*\]}
  out=${out%
}
  err=$(cat "$tmp/stderr")
}

# check NAME EXPECTED_STATUS EXPECTED_STDOUT CMD...: runs CMD and compares status and stdout.
check () {
  name=$1 want_status=$2 want_out=$3
  shift 3
  run_cmd "$@"
  test "$status" = "$want_status" && test "$out" = "$want_out"
  r=$?
  ok $r "$name"
  if test $r -ne 0; then
    echo "#   status: $status (expected $want_status)"
    echo "#   stdout: '$out'"
    echo "#   expected: '$want_out'"
    echo "#   stderr: '$err'"
  fi
}

# in_language LL: the environment words (for env) under which gettext answers in LL with no
# Korean (or other) locale installed.  GNU gettext reads LANGUAGE, honoured under C.UTF-8;
# musl's reads the locale's own name (ll_CC.UTF-8, then ll_CC, then ll), whatever is
# installed, and ignores LANGUAGE.
in_language () {
  if test "$GNU_GETTEXT" = yes; then
    echo "LC_ALL=C.UTF-8 LANGUAGE=$1"
  else
    echo "LC_ALL=$1.UTF-8 LANGUAGE="
  fi
}

# has_locale NAME: whether the locale NAME is installed.
has_locale () {
  LC_ALL=$1 locale 2>&1 >/dev/null | grep -q . && return 1
  return 0
}

# skip_all REASON: the whole test is skipped, except under CI, where a skip hides a failure.
skip_all () {
  if test "${CI-}" = true; then
    echo "1..1"
    echo "not ok 1 - skipped under CI=true: $1"
    exit 1
  fi
  echo "1..0 # SKIP $1"
  exit 0
}

done_testing () {
  echo "1..$tap_count"
  test $tap_failed -eq 0
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sipreason-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
SIPREASON=$top_builddir/src/sipreason
# In a shared build src/sipreason is libtool's wrapper script, which costs a shell start on
# every run: the tests run the binary behind it, with the library it would have found.
if test -x "$top_builddir/src/.libs/sipreason" && test -f "$top_builddir/src/.libs/libsipreason.so"
then
  libs=$(cd "$top_builddir/src/.libs" && pwd)
  SIPREASON=$libs/sipreason
  LD_LIBRARY_PATH=$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
fi
