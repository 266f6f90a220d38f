#!/bin/bash
# fuzz/run.sh: runs the libFuzzer targets that `./configure CC=clang --enable-fuzzing && make`
# built, each for SECONDS (default 60): the first half in English (LC_ALL=C), the second half in
# Korean (LC_ALL=C.UTF-8 LANGUAGE=ko) with inputs of up to 1 MiB, from a copy of fuzz/corpus/
# (the source tree is never written).  Prints one line per target (executions, seconds,
# exec/s, coverage) and exits non-zero when a target found a crash, a leak, a timeout or an
# out-of-memory, naming the reproducer it kept.
#
# Run it from the build directory: ./configure CC=clang --enable-fuzzing && make &&
# bash fuzz/run.sh 60 (Debian: apt-get install clang libclang-rt-14-dev llvm-14; llvm-14 gives
# llvm-symbolizer, for readable stack traces).
#
# Environment: FUZZ_KEEP=1 keeps the temporary directory (it is always kept after a finding).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors

set -u
export LC_ALL=C

seconds=${1:-60}
case $seconds in
  '' | *[!0-9]*) echo "usage: bash fuzz/run.sh [SECONDS]" >&2; exit 2 ;;
esac
[ "$seconds" -ge 2 ] || seconds=2

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$here/.." && pwd)
build=$(pwd)
for target in fuzz-lookup fuzz-cli fuzz-mo; do
  [ -x "$build/fuzz/$target" ] || {
    echo "fuzz/run.sh: $build/fuzz/$target not found: run me from a build directory configured" \
      "with ./configure CC=clang --enable-fuzzing, after make" >&2
    exit 2
  }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/sipreason-fuzz.XXXXXX") || exit 1
keep=${FUZZ_KEEP:-0}
cleanup () { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
die () { echo "fuzz/run.sh: $*" >&2; keep=1; echo "fuzz/run.sh: logs kept in $work" >&2; exit 1; }

symbolizer=$(command -v llvm-symbolizer || ls /usr/lib/llvm-*/bin/llvm-symbolizer 2>/dev/null | tail -1)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer

# The catalogs, uninstalled, as the tests use them.
${MAKE:-make} -s -C "$build" check-catalogs > "$work/catalogs.log" 2>&1 \
  || die "make check-catalogs failed: $(tail -5 "$work/catalogs.log")"
locale_dir=$build/tests/locale
export SIPREASON_LOCALEDIR=$locale_dir

# A dictionary from the one table and the Korean catalog: every registered phrase and former
# name, every Korean phrase, and the command's options (each byte written as \xHH).
dict=$work/sipreason.dict
{
  sed -n 's/^SIPREASON_CODE ([0-9]*, N_("\([^"]*\)"), "[^"]*", [A-Z]*, "\([^"]*\)".*/\1|\2/p' \
    "$srcdir/src/codes.def" | tr '|' '\n'
  sed -n '/^msgid "[A-Z]/{n;s/^msgstr "\(.*\)"$/\1/p}' "$srcdir/po/ko.po" | head -120
  printf '%s\n' -- - --json --long --list --lang= --lang=ko --accept-language= 'ko-KR, en;q=0.8' \
    ';q=0' ';q=1.000' '*' --help --version -j -l -a
} | awk 'length($0) > 0 && length($0) <= 60' | sort -u | while IFS= read -r word; do
  printf '"%s"\n' "$(printf '%s' "$word" | od -An -v -tx1 | tr -d ' \n' | sed 's/../\\x&/g')"
done > "$dict"

# Large inputs, made here rather than kept in the tree: lines of a megabyte.
big=$work/big
mkdir -p "$big"
head -c 1048000 /dev/zero | tr '\0' ' ' > "$big/spaces"; printf 'Busy Here\n486\n' >> "$big/spaces"
head -c 1048000 /dev/zero | tr '\0' '4' > "$big/digits"
head -c 1048000 /dev/zero | tr '\0' '\377' > "$big/ff"
{ head -c 524000 /dev/zero | tr '\0' '0'; printf '486\r\nBusy Here\r\n'; } > "$big/zeros-486"
for _ in $(seq 1 4000); do printf '486\nbusy here\n\xec\x82\xac\xec\x9a\xa9 \xec\xa4\x91\n'; done \
  > "$big/lines"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
first=$(( seconds / 2 ))
second=$(( seconds - first ))
found=0
summary=()
for target in fuzz-lookup fuzz-cli fuzz-mo; do
  name=${target#fuzz-}
  corpus=$work/corpus/$name
  mkdir -p "$corpus" "$work/artifacts"
  cp -R -p "$here/corpus/$name/." "$corpus/"
  if [ $name = mo ]; then
    # Real catalogs as seeds, made here: a small one, in both byte orders, with and without
    # a hash table (the Korean one, 24 KB, is in the run's catalog directory).
    printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Busy Here"\nmsgstr "X"\n\nmsgid "OK"\nmsgstr "Y"\n' \
      > "$work/small.po"
    for flags in --endianness=little --endianness=big "--endianness=big --no-hash" --no-hash; do
      # shellcheck disable=SC2086  # $flags is a list of words
      msgfmt $flags -o "$corpus/small${flags// /}.mo" "$work/small.po" || die "msgfmt failed"
    done
    cp "$locale_dir/ko/LC_MESSAGES/sipreason.mo" "$corpus/ko.mo"
  fi
  execs=0 elapsed=0 cov='' ft='' rc=0
  for run in english korean; do
    if [ $run = english ]; then
      env_run=(env -u LANGUAGE LC_ALL=C)
      opts=(-max_total_time="$first")
      dirs=("$corpus")
    else
      env_run=(env LC_ALL=C.UTF-8 LANGUAGE=ko SIPREASON_FUZZ_EXPECT_486=$'\xec\x82\xac\xec\x9a\xa9 \xec\xa4\x91')
      opts=(-max_total_time="$second" -max_len=1048576)
      dirs=("$corpus" "$big")
    fi
    log=$work/$target.$run.log
    start=$(date +%s.%N)
    "${env_run[@]}" "$build/fuzz/$target" "${opts[@]}" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -dict="$dict" -artifact_prefix="$work/artifacts/$target-" \
      "${dirs[@]}" > "$log" 2>&1
    rc=$?
    end=$(date +%s.%N)
    elapsed=$(awk -v a="$start" -v b="$end" -v e="$elapsed" 'BEGIN { printf "%.1f", e + b - a }')
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    execs=$(( execs + ${n:-0} ))
    last=$(grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    if [ -n "$last" ]; then
      cov=$(sed -E 's/.*cov: ([0-9]+).*/\1/' <<< "$last")
      ft=$(sed -E 's/.*ft: ([0-9]+).*/\1/' <<< "$last")
    fi
    if [ $rc -ne 0 ]; then
      found=1
      keep=1
      echo "== $target ($run): libFuzzer exited with $rc; log: $log"
      grep -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|invariant violated|^ *#[0-9]+ 0x|Test unit written|SUMMARY' \
        "$log" | head -40
      grep -q 'Test unit written' "$log" || tail -20 "$log"
      for artifact in $(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log"); do
        echo "== reproducer $artifact ($(wc -c < "$artifact") bytes), first 256:"
        head -c 256 "$artifact" | od -Ax -tx1z -v
      done
      break
    fi
  done
  rate=$(awk -v n="$execs" -v s="$elapsed" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }')
  summary+=("$(printf '%-12s %10d executions %7s s %8d exec/s   cov %s ft %s   corpus %d files%s' \
    "$target" "$execs" "$elapsed" "$rate" "${cov:-?}" "${ft:-?}" \
    "$(find "$corpus" -type f | wc -l)" "$([ $rc -ne 0 ] && echo '   FOUND A CRASH')")")
done

echo "== results ($seconds s per target: $first s English, $second s Korean with -max_len=1048576)"
printf '%s\n' "${summary[@]}"
if [ $found -ne 0 ]; then
  echo "fuzz/run.sh: a target found a crash; reproducers and logs in $work/artifacts and $work"
  exit 1
fi
exit 0
