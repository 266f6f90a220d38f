#!/bin/sh
# run.sh: sipreason's performance measurements; prints one Markdown report (and writes it to
# --output).  Every figure is measured in the same run as its baseline:
#
#   1. sipreason_phrase() against a raw dgettext("sipreason", msgid) of the same 78 msgids,
#      bound as the library binds: instructions per lookup (valgrind --tool=callgrind, runs of
#      N and 2N lookups, (I(2N) - I(N)) / N, so start-up cancels; the mean over 8 heap
#      offsets, since where gettext's cache nodes sit moves glibc's strcmp by up to 1.5%) and ns
#      per lookup (clock_gettime; median of several runs), in five locales;
#   2. sipreason_canonical() against a static array indexed by code and a linear scan of 78
#      {code, phrase} pairs, the same way;
#   3. sipreason_phrase_lang(code, "ko") and (code, "ko-KR, en;q=0.5") in LC_ALL=C (no
#      locale), the same way, against dgettext in Korean (LC_ALL=C.UTF-8 LANGUAGE=ko) of 1;
#   4. system calls of 1,000 and of 100,000 sipreason_phrase() lookups (strace -f), per locale,
#      and of sipreason_phrase_lang() in LC_ALL=C;
#   5. `sipreason -` turning 1,000,000 codes into Korean phrases, against an awk table lookup
#      and cat on the same file (hyperfine, median of 5), after checking that its output equals
#      awk's with the table of `sipreason --list`; plus instructions per line (callgrind);
#   6. start-up of `sipreason 486` against /bin/true, the library's and the ko catalog's sizes;
#   7. where the instructions go: callgrind self cost per lookup (or per line), by function.
#
# Needs: the programs of bench/bench.mk, built (make bench does it all); valgrind (with
# callgrind_annotate), strace, strip, size; hyperfine (else a slower `date +%s%N` loop); mawk
# (else awk); the C.UTF-8 locale, and ko_KR.UTF-8 for the LANG=ko_KR.UTF-8 rows.  On Debian:
#   apt-get install -y valgrind strace mawk hyperfine binutils locales
# By hand, from a configured and built tree:
#   sh bench/run.sh --builddir=B --srcdir=S --command=B/src/sipreason \
#     --localedir=B/tests/locale --libtool=B/libtool [--output=FILE] [--quick] [--keep]
# Paths must not contain white space.  --quick uses much smaller sizes (a smoke test);
# --keep keeps the temporary directory (callgrind and strace outputs, inputs).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors

set -u
LC_ALL=C
export LC_ALL

me=run.sh
builddir=.
srcdir=
command=
localedir=
libtool=
cc=${CC:-cc}
cflags=
exeext=
output=
quick=no
keep=no

for arg
do
  case $arg in
    --builddir=*) builddir=${arg#*=} ;;
    --srcdir=*) srcdir=${arg#*=} ;;
    --command=*) command=${arg#*=} ;;
    --localedir=*) localedir=${arg#*=} ;;
    --libtool=*) libtool=${arg#*=} ;;
    --cc=*) cc=${arg#*=} ;;
    --cflags=*) cflags=${arg#*=} ;;
    --exeext=*) exeext=${arg#*=} ;;
    --output=*) output=${arg#*=} ;;
    --quick) quick=yes ;;
    --keep) keep=yes ;;
    -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "$me: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

builddir=$(cd "$builddir" && pwd) || exit 2
test -n "$srcdir" || srcdir=$(cd "$(dirname "$0")/.." && pwd)
test -n "$command" || command=$builddir/src/sipreason$exeext
test -n "$localedir" || localedir=$builddir/tests/locale
test -n "$libtool" || libtool=$builddir/libtool
test -n "$output" || output=$builddir/bench/results.out
bench=$builddir/bench

die () {
  echo "$me: $*" >&2
  exit 1
}

# Sizes.
if test $quick = yes; then
  lookups=7800 pads="0 2048" rounds=3 batch_lines=100000 batch_runs=3 startup_runs=50
  profile_lines=10000
else
  lookups=15600 pads="0 512 1024 1536 2048 2560 3072 3584" rounds=7 batch_lines=1000000
  batch_runs=5 startup_runs=300 profile_lines=100000
fi

for tool in valgrind callgrind_annotate strace strip size
do
  command -v $tool >/dev/null 2>&1 \
    || die "$tool is missing (apt-get install -y valgrind strace binutils)"
done
lang_programs="phrase-lang phrase-accept"
for p in phrase-lib phrase-dgettext canonical-lib canonical-array canonical-scan loop $lang_programs
do
  test -x "$bench/$p$exeext" || die "$bench/$p$exeext is not built (run make bench)"
done
test -f "$localedir/ko/LC_MESSAGES/sipreason.mo" \
  || die "no $localedir/ko/LC_MESSAGES/sipreason.mo (make check-catalogs builds it, unless NLS is disabled)"
if command -v mawk >/dev/null 2>&1; then awk_cmd=mawk; else awk_cmd=awk; fi
awk_path=$(command -v $awk_cmd)
if command -v hyperfine >/dev/null 2>&1; then have_hyperfine=yes; else have_hyperfine=no; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sipreason-bench.XXXXXX") || die "cannot make a temporary directory"
if test $keep = yes; then
  trap 'echo "$me: kept $tmp" >&2' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi
trap 'exit 130' INT TERM

# The command itself, not libtool's wrapper script (whose shell start-up would be timed, and
# which valgrind would trace), and the library path the wrapper would have set.
if test -x "$libtool" && sed 5q "$command" 2>/dev/null | grep -q '^# Generated by .*libtool'; then
  real=$("$libtool" --mode=execute sh -c 'printf "%s\n" "$0"' "$command")
  ldpath=$("$libtool" --mode=execute sh -c 'printf "%s\n" "${LD_LIBRARY_PATH-}"' "$command")
else
  real=$command
  ldpath=${LD_LIBRARY_PATH-}
fi
test -x "$real" || die "cannot run $command"

# Locales: a key, and the environment it stands for.
locales="c cutf8 ko-language ko-lang eo"
locale_env () {
  case $1 in
    c) echo "LC_ALL=C" ;;
    cutf8) echo "LC_ALL=C.UTF-8" ;;
    ko-language) echo "LC_ALL=C.UTF-8 LANGUAGE=ko" ;;
    ko-lang) echo "LANG=ko_KR.UTF-8" ;;
    eo) echo "LC_ALL=C.UTF-8 LANGUAGE=eo" ;;
  esac
}
locale_label () {
  case $1 in
    eo) echo "\`$(locale_env "$1")\` (no eo catalog)" ;;
    *) echo "\`$(locale_env "$1")\`" ;;
  esac
}

# run_in LOCALE CMD...: CMD in an environment of only PATH, the catalog directory, the
# uninstalled library's directory and the locale variables of LOCALE.
run_in () {
  run_in_locale=$1
  shift
  # shellcheck disable=SC2046 # the locale's assignments are split into words on purpose
  env -i PATH="$PATH" SIPREASON_LOCALEDIR="$localedir" LD_LIBRARY_PATH="$ldpath" \
    $(locale_env "$run_in_locale") "$@"
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f\n", a / b }'
}
ratio3 () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.3f\n", a / b }'
}
median () {
  sort -n "$1" | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
group () {                              # 1234567 -> 1,234,567
  echo "$1" | sed -e ':a' -e 's/^\([0-9]*\)\([0-9]\{3\}\)/\1,\2/' -e 'ta' -e 's/^,//'
}
progress () {
  echo "$me: $*" >&2
}

# callgrind PREFIX LOCALE N CMD...: total instructions of CMD (N is part of the file name).
callgrind () {
  cg_file=$tmp/cg.$1.$2.$3
  cg_loc=$2
  shift 3
  run_in "$cg_loc" valgrind -q --tool=callgrind --callgrind-out-file="$cg_file" "$@" \
    >"$cg_file.stdout" 2>"$cg_file.log" || die "valgrind $* failed: $(cat "$cg_file.log")"
  sed -n -e 's/^summary: *//p' -e 's/^totals: *//p' "$cg_file" | sed 1q
}

# instructions LOCALE PROGRAM PADS: instructions per lookup of bench/PROGRAM, one line for each
# heap offset of PADS (bytes allocated before the lookups; see lookup.c).
instructions () {
  for pad in $3
  do
    i1=$(callgrind "$2.pad$pad" "$1" $lookups "$bench/$2$exeext" count $lookups $pad)
    i2=$(callgrind "$2.pad$pad" "$1" $((2 * lookups)) "$bench/$2$exeext" count $((2 * lookups)) $pad)
    awk -v a="$i1" -v b="$i2" -v n=$lookups 'BEGIN { printf "%.1f\n", (b - a) / n }'
  done
}
mean_of () {
  awk '{ s += $1; n++ } END { printf "%.1f\n", s / n }' "$1"
}
# ratio_range FILE_A FILE_B: the smallest and largest of the line-by-line ratios A / B.
ratio_range () {
  paste "$1" "$2" | awk '{ r = $1 / $2; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r }
    END { printf "%.3f-%.3f\n", lo, hi }'
}

# self_costs FILE1 FILE2 N: per-unit self cost by function between two callgrind outputs of
# N and 2N units, "COST<TAB>FUNCTION (OBJECT)", largest first.
self_costs () {
  callgrind_annotate --inclusive=no --auto=no --threshold=100 "$1" >"$1.annotate"
  callgrind_annotate --inclusive=no --auto=no --threshold=100 "$2" >"$2.annotate"
  awk -v n="$3" '
    /^ *[0-9][0-9,]* \( *[0-9.]+%\)  / && !/PROGRAM TOTALS/ {
      c = $1; gsub(/,/, "", c)
      s = $0; sub(/^ *[0-9][0-9,]* \( *[0-9.]+%\)  /, "", s)
      obj = ""
      if (match(s, / \[[^]]*\]$/)) {
        obj = substr(s, RSTART + 2, RLENGTH - 3); s = substr(s, 1, RSTART - 1)
        sub(/.*\//, "", obj)
      }
      sub(/^.*:/, "", s)
      # One row per function: callgrind_annotate splits a function by source file, and
      # names the object on some of the rows only.
      if (obj != "") object[s] = obj
      if (FILENAME == ARGV[1]) a[s] += c; else b[s] += c
      seen[s] = 1
    }
    END {
      for (k in seen) {
        d = (b[k] - a[k]) / n
        if (d >= 0.05 || d <= -0.05)
          printf "%.1f\t`%s`%s\n", d, k, (k in object) ? " (" object[k] ")" : ""
      }
    }' "$1.annotate" "$2.annotate" | sort -t "$(printf '\t')" -k1,1nr
}

# The timing loop used when hyperfine is missing (run through run_in by timings below).
cat >"$tmp/timeloop.sh" <<'EOF'
# timeloop.sh RUNS OUT CMD...: the fallback without hyperfine: each CMD RUNS times, interleaved,
# with sh -c, output through a pipe; median ms of each into OUT, one per line.
runs=$1 out=$2
shift 2
r=0
while test $r -lt "$runs"; do
  i=0
  for c
  do
    i=$((i + 1))
    t0=$(date +%s%N)
    sh -c "$c" | cat >/dev/null
    t1=$(date +%s%N)
    echo "$(((t1 - t0) / 1000)) " >>"$out.$i"
  done
  r=$((r + 1))
done
i=0
for c
do
  i=$((i + 1))
  sort -n "$out.$i" | awk '{ v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f\n", m / 1000 }'
done >"$out"
EOF

# timings LOCALE PREFIX RUNS WARMUP SHELL(yes|no) OUTPUT(pipe|null) CMD...: median ms of each
# CMD, one per line, in PREFIX.ms.
timings () {
  t_loc=$1 t_prefix=$2 t_runs=$3 t_warm=$4 t_shell=$5 t_out=$6
  shift 6
  if test $have_hyperfine = yes; then
    if test "$t_shell" = no; then t_shell_opt=-N; else t_shell_opt=; fi
    run_in "$t_loc" hyperfine --style basic $t_shell_opt --runs "$t_runs" --warmup "$t_warm" \
      --output="$t_out" --export-json "$t_prefix.json" "$@" >"$t_prefix.log" 2>&1 \
      || die "hyperfine failed: $(tail -n 5 "$t_prefix.log")"
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$t_prefix.json" \
      | awk '{ printf "%.3f\n", $1 * 1000 }' >"$t_prefix.ms"
  else
    run_in "$t_loc" sh "$tmp/timeloop.sh" "$t_runs" "$t_prefix.ms" "$@"
  fi
}

# ---------------------------------------------------------------------------------------------
# Machine.

cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed 1q)
test -n "$cpu" || cpu=$(uname -m)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)
source=
if command -v git >/dev/null 2>&1 && git -C "$srcdir" rev-parse --git-dir >/dev/null 2>&1; then
  source=$(git -C "$srcdir" log -1 --format='commit %h (%cd)' --date=short)
  # Which files differ from the commit: the library's and the command's sources, or only
  # these benchmarks (and other files not measured).
  changed=$(git -C "$srcdir" status --porcelain --untracked-files=no 2>/dev/null \
    | sed 's/^.. //; s/.* -> //' | sort | tr '\n' ' ' | sed 's/ $//; s/ /, /g')
  if test -n "$changed"; then
    source="$source with uncommitted changes to $changed"
  fi
fi
kernel=$(uname -srm)
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null || ldd --version 2>/dev/null | sed 1q)
ccver=$($cc --version 2>/dev/null | sed 1q)
when=$(date -u '+%Y-%m-%d %H:%M UTC')
vg=$(valgrind --version)
st=$(strace -V | sed 1q)
if test $have_hyperfine = yes; then hf=$(hyperfine --version); else hf='no hyperfine (date loop)'; fi
case $awk_cmd in
  mawk) awkver=$(mawk -W version 2>&1 | sed 1q) ;;
  *) awkver=$("$awk_cmd" --version 2>&1 | sed 1q) ;;
esac

# ---------------------------------------------------------------------------------------------
# 1, 2, 3. Lookups: first what each program returns, then instructions and time.

progress "checking what the lookups return"
have_locales=
for loc in $locales
do
  run_in $loc "$bench/phrase-lib$exeext" print >"$tmp/print.$loc.lib"
  st_lib=$?
  if test $st_lib = 77; then
    progress "locale $(locale_env $loc) is not installed: its rows are skipped"
    continue
  fi
  test $st_lib = 0 || die "phrase-lib print failed in $(locale_env $loc)"
  run_in $loc "$bench/phrase-dgettext$exeext" print >"$tmp/print.$loc.dgettext" \
    || die "phrase-dgettext print failed in $(locale_env $loc)"
  have_locales="$have_locales $loc"
done
case " $have_locales " in
  *" c "*) ;;
  *) die "the C locale did not run" ;;
esac
codes=$(wc -l <"$tmp/print.c.lib")
for loc in $have_locales
do
  if cmp -s "$tmp/print.$loc.lib" "$tmp/print.$loc.dgettext"; then
    echo yes >"$tmp/same.$loc"
  else
    echo NO >"$tmp/same.$loc"
  fi
  # Codes whose phrase differs from English: how many lookups were really translated.
  paste "$tmp/print.c.lib" "$tmp/print.$loc.lib" | awk -F '\t' '$2 != $4 { n++ } END { print n + 0 }' \
    >"$tmp/translated.$loc"
done
for p in canonical-lib canonical-array canonical-scan
do
  run_in c "$bench/$p$exeext" print >"$tmp/print.$p" || die "$p print failed"
done
# The _lang programs run with no locale (LC_ALL=C); they must return what dgettext returns in
# Korean.
case " $have_locales " in
  *" ko-language "*) lang_base=yes ;;
  *) lang_base=no ;;
esac
for p in $lang_programs
do
  run_in c "$bench/$p$exeext" print >"$tmp/print.$p" || die "$p print failed"
  if test $lang_base = yes && cmp -s "$tmp/print.$p" "$tmp/print.ko-language.dgettext"; then
    echo yes >"$tmp/same.$p"
  else
    echo NO >"$tmp/same.$p"
  fi
  paste "$tmp/print.c.lib" "$tmp/print.$p" | awk -F '\t' '$2 != $4 { n++ } END { print n + 0 }' \
    >"$tmp/translated.$p"
done
if cmp -s "$tmp/print.canonical-lib" "$tmp/print.canonical-array" \
   && cmp -s "$tmp/print.canonical-lib" "$tmp/print.canonical-scan" \
   && cmp -s "$tmp/print.canonical-lib" "$tmp/print.c.lib"; then
  canonical_same=yes
else
  canonical_same=NO
fi

progress "counting instructions (callgrind, $lookups and $((2 * lookups)) lookups, heap offsets $pads)"
for loc in $have_locales
do
  for p in phrase-lib phrase-dgettext
  do
    instructions $loc $p "$pads" >"$tmp/ir.$p.$loc.pads"
    mean_of "$tmp/ir.$p.$loc.pads" >"$tmp/ir.$p.$loc"
  done
done
for p in canonical-lib canonical-array canonical-scan loop
do
  instructions c $p 0 >"$tmp/ir.$p.c"
done
for p in $lang_programs
do
  instructions c $p "$pads" >"$tmp/ir.$p.c.pads"
  mean_of "$tmp/ir.$p.c.pads" >"$tmp/ir.$p.c"
done

progress "timing lookups ($rounds rounds, each program's median of 9 runs)"
r=0
while test $r -lt $rounds
do
  for loc in $have_locales
  do
    for p in phrase-lib phrase-dgettext
    do
      run_in $loc "$bench/$p$exeext" time >>"$tmp/ns.$p.$loc" || die "$p time failed"
    done
  done
  for p in canonical-lib canonical-array canonical-scan loop $lang_programs
  do
    run_in c "$bench/$p$exeext" time >>"$tmp/ns.$p.c" || die "$p time failed"
  done
  r=$((r + 1))
done

# ---------------------------------------------------------------------------------------------
# 4. System calls per lookup once warm.

progress "counting system calls (strace -f)"
for loc in $have_locales
do
  for n in 1000 100000
  do
    run_in $loc strace -f -o "$tmp/strace.$loc.$n" "$bench/phrase-lib$exeext" count $n \
      >/dev/null 2>&1 || die "strace phrase-lib failed in $(locale_env $loc)"
    grep -v -c -e '^[0-9]* *+++ ' -e '^[0-9]* *--- ' "$tmp/strace.$loc.$n" >"$tmp/sys.$loc.$n"
  done
done
for p in $lang_programs
do
  for n in 1000 100000
  do
    run_in c strace -f -o "$tmp/strace.$p.$n" "$bench/$p$exeext" count $n \
      >/dev/null 2>&1 || die "strace $p failed"
    grep -v -c -e '^[0-9]* *+++ ' -e '^[0-9]* *--- ' "$tmp/strace.$p.$n" >"$tmp/sys.$p.$n"
  done
done

# ---------------------------------------------------------------------------------------------
# 5. Batch mode.

case " $have_locales " in
  *" ko-lang "*) batch_loc=ko-lang ;;
  *) batch_loc=ko-language ;;
esac
progress "batch mode: $batch_lines codes in $(locale_env $batch_loc)"
run_in $batch_loc "$real" --list >"$tmp/table.tsv" || die "sipreason --list failed"
run_in c "$real" --list >"$tmp/table-en.tsv" || die "sipreason --list failed"
table_translated=$(paste "$tmp/table-en.tsv" "$tmp/table.tsv" \
  | awk -F '\t' '$2 != $4 { n++ } END { print n + 0 }')
table_codes=$(wc -l <"$tmp/table.tsv")

# The input: codes drawn with the Park-Miller generator (x = 16807 x mod 2^31-1, exact in any
# awk's doubles) from weights like a SIP trunk's mix of responses; every other registered code
# weighs 1 (of about 9,300), so each appears.
"$awk_cmd" -F '\t' -v lines=$batch_lines '
  BEGIN {
    split("100 1500 180 1200 183 700 200 3000 401 500 407 500 487 400 486 350 404 200 " \
          "480 200 408 100 503 100 603 100 202 50 181 50 403 50 488 50 500 50 481 40 " \
          "302 30 484 20 491 20 502 20 504 20 182 10", w, " ")
    for (i = 1; i < 50; i += 2) weight[w[i]] = w[i + 1]
    n = 0
  }
  {
    code[n] = $1
    total += ($1 in weight) ? weight[$1] : 1
    cum[n++] = total
  }
  END {
    x = 20250101
    for (i = 0; i < lines; i++) {
      x = (16807 * x) % 2147483647
      r = x % total
      lo = 0; hi = n - 1
      while (lo < hi) { mid = int((lo + hi) / 2); if (cum[mid] > r) hi = mid; else lo = mid + 1 }
      print code[lo]
    }
  }' "$tmp/table-en.tsv" >"$tmp/codes.txt"
input_codes=$(sort -u "$tmp/codes.txt" | wc -l)
top_codes=$(sort "$tmp/codes.txt" | uniq -c | sort -k1,1nr -k2,2n | sed 5q \
  | awk '{ printf "%s%s %.1f%%", (NR > 1 ? ", " : ""), $2, 100 * $1 / '$batch_lines' }')

awk_prog='NR==FNR{t[$1]=$2;next}{print t[$1]}'
run_in $batch_loc "$real" - <"$tmp/codes.txt" >"$tmp/out.sipreason" || die "sipreason - failed"
run_in $batch_loc "$awk_cmd" -F '\t' "$awk_prog" "$tmp/table.tsv" - <"$tmp/codes.txt" \
  >"$tmp/out.awk" || die "$awk_cmd failed"
out_lines=$(wc -l <"$tmp/out.sipreason")
if cmp -s "$tmp/out.sipreason" "$tmp/out.awk" && test "$out_lines" -eq $batch_lines; then
  batch_same=yes
else
  batch_same=NO
fi

timings $batch_loc "$tmp/batch" $batch_runs 1 yes pipe \
  "$real - < $tmp/codes.txt" \
  "$awk_cmd -F'\\t' '$awk_prog' $tmp/table.tsv - < $tmp/codes.txt" \
  "cat $tmp/codes.txt"
batch_sipreason=$(sed -n 1p "$tmp/batch.ms")
batch_awk=$(sed -n 2p "$tmp/batch.ms")
batch_cat=$(sed -n 3p "$tmp/batch.ms")

progress "batch mode: instructions per line (callgrind, $profile_lines and $((2 * profile_lines)) lines)"
head -n $profile_lines "$tmp/codes.txt" >"$tmp/codes.1"
head -n $((2 * profile_lines)) "$tmp/codes.txt" >"$tmp/codes.2"
for what in sipreason awk cat
do
  for k in 1 2
  do
    case $what in
      sipreason) set -- "$real" - ;;
      awk) set -- "$awk_path" -F '\t' "$awk_prog" "$tmp/table.tsv" - ;;
      cat) set -- "$(command -v cat)" ;;
    esac
    callgrind batch-$what $batch_loc $k "$@" <"$tmp/codes.$k" >"$tmp/ir.batch-$what.$k"
  done
  awk -v a="$(cat "$tmp/ir.batch-$what.1")" -v b="$(cat "$tmp/ir.batch-$what.2")" \
    -v n=$profile_lines 'BEGIN { printf "%.1f\n", (b - a) / n }' >"$tmp/ir.batch-$what"
done

# ---------------------------------------------------------------------------------------------
# 6. Start-up and sizes.

progress "start-up ($startup_runs runs each)"
timings c "$tmp/start-c" $startup_runs 20 no null /bin/true "$real 486"
timings $batch_loc "$tmp/start-ko" $startup_runs 20 no null /bin/true "$real 486"
run_in $batch_loc "$real" 486 >"$tmp/486.ko"
run_in c "$real" 486 >"$tmp/486.c"
# syscalls_of LOCALE NAME CMD...: "N (openat M)", the system calls of CMD.
syscalls_of () {
  sc_loc=$1 sc_file=$tmp/strace.start.$2.$1
  shift 2
  run_in "$sc_loc" strace -f -o "$sc_file" "$@" >/dev/null 2>&1 || die "strace $* failed"
  echo "$(grep -v -c -e '^[0-9]* *+++ ' -e '^[0-9]* *--- ' "$sc_file") (openat $(grep -c 'openat(' "$sc_file"))"
}
start_sys_true_c=$(syscalls_of c true /bin/true)
start_sys_true_ko=$(syscalls_of $batch_loc true /bin/true)
start_sys_486_c=$(syscalls_of c 486 "$real" 486)
start_sys_486_ko=$(syscalls_of $batch_loc 486 "$real" 486)

lib=$(ls "$builddir"/src/.libs/libsipreason.so.*.*.* 2>/dev/null | sed 1q)
test -n "$lib" || lib=$(ls "$builddir"/src/.libs/libsipreason.so* 2>/dev/null | sed 1q)
test -n "$lib" || die "no shared library in $builddir/src/.libs"
strip -o "$tmp/lib-stripped" "$lib" || die "strip failed"
strip -o "$tmp/command-stripped" "$real" || die "strip failed"
mo=$localedir/ko/LC_MESSAGES/sipreason.mo
size_of () {
  wc -c <"$1" | tr -d ' '
}
lib_sizes=$(size "$lib" | awk 'NR == 2 { print $1 " + " $2 " + " $3 }')

# ---------------------------------------------------------------------------------------------
# 7. Where the instructions go.

for loc in c $batch_loc
do
  for p in phrase-lib phrase-dgettext
  do
    self_costs "$tmp/cg.$p.pad0.$loc.$lookups" "$tmp/cg.$p.pad0.$loc.$((2 * lookups))" $lookups \
      >"$tmp/self.$p.$loc"
  done
done
self_costs "$tmp/cg.batch-sipreason.$batch_loc.1" "$tmp/cg.batch-sipreason.$batch_loc.2" \
  $profile_lines >"$tmp/self.batch"
for p in $lang_programs
do
  self_costs "$tmp/cg.$p.pad0.c.$lookups" "$tmp/cg.$p.pad0.c.$((2 * lookups))" $lookups \
    >"$tmp/self.$p"
done
if test $lang_base = yes && ! test -f "$tmp/self.phrase-dgettext.ko-language"; then
  self_costs "$tmp/cg.phrase-dgettext.pad0.ko-language.$lookups" \
    "$tmp/cg.phrase-dgettext.pad0.ko-language.$((2 * lookups))" $lookups \
    >"$tmp/self.phrase-dgettext.ko-language"
fi
test $lang_base = yes || : >"$tmp/self.phrase-dgettext.ko-language"

# ---------------------------------------------------------------------------------------------
# The report.

# side_by_side FILE_A FILE_B: "| function | A | B | A - B |" rows, by largest of A or B.
side_by_side () {
  awk -F '\t' '
    FILENAME == ARGV[1] { a[$2] = $1; seen[$2] = 1; next }
    { b[$2] = $1; seen[$2] = 1 }
    END {
      for (k in seen) {
        m = a[k] > b[k] ? a[k] : b[k]
        printf "%s\t| %s | %.1f | %.1f | %+.1f |\n", m, k, a[k], b[k], a[k] - b[k]
      }
    }' "$1" "$2" | sort -t "$(printf '\t')" -k1,1nr | cut -f 2-
}
# side_by_side3 FILE_A FILE_B FILE_C: "| function | A | B | C |" rows, by largest of the three.
side_by_side3 () {
  awk -F '\t' '
    FILENAME == ARGV[1] { a[$2] = $1; seen[$2] = 1; next }
    FILENAME == ARGV[2] { b[$2] = $1; seen[$2] = 1; next }
    { c[$2] = $1; seen[$2] = 1 }
    END {
      for (k in seen) {
        m = a[k] > b[k] ? a[k] : b[k]
        if (c[k] > m) m = c[k]
        printf "%s\t| %s | %.1f | %.1f | %.1f |\n", m, k, a[k], b[k], c[k]
      }
    }' "$1" "$2" "$3" | sort -t "$(printf '\t')" -k1,1nr | cut -f 2-
}
sum_col () {
  awk -F '\t' '{ s += $1 } END { printf "%.1f\n", s }' "$1"
}
goal () {                               # goal VALUE OP LIMIT -> "yes" or "**no**"
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
    ok = op == "<=" ? v <= l : v >= l
    print ok ? "yes" : "**no**" }'
}

{
  echo "# sipreason benchmarks"
  echo
  echo "- Machine: $cpu, $ncpu CPUs; $kernel; $glibc${load:+; load average at the start $load}"
  echo "- Source: $srcdir${source:+, $source}"
  echo "- Compiler: $ccver${cflags:+; CFLAGS \`$cflags\` (and the warning and hardening flags of configure)}"
  echo "- Date: $when"
  echo "- Tools: $vg; $st; $hf; awk: \`$awk_path\` ($awkver)"
  echo "- Catalogs: $localedir (uninstalled, as \`make check\` builds them)"
  echo

  echo "## sipreason_phrase() against a raw dgettext()"
  echo
  echo "The same $codes msgids, ascending, round and round; the baseline binds \`sipreason\` as the"
  echo "library does (the absolute directory, \`bind_textdomain_codeset\` UTF-8). Instructions:"
  echo "callgrind, (I(2N) - I(N)) / N with N = $(group $lookups), so start-up cancels; they include"
  echo "the benchmark loop ($(cat "$tmp/ir.loop.c") instructions). Each figure is the mean over"
  echo "$(echo $pads | wc -w) heap offsets (0 to $(echo $pads | awk '{ print $NF }') bytes allocated before the lookups): where"
  echo "gettext's cache nodes land in a page changes the path glibc's \`strcmp\` takes, by up to"
  echo "about 1.5% in Korean; \"ratio range\" is the smallest and largest ratio at one offset."
  echo "Time: clock_gettime, median of $rounds runs, each the median of 9 timed passes of at"
  echo "least 20 ms. Goal: instructions ratio at most 1.05."
  echo
  echo "| locale (environment) | translated | same text | phrase instr | dgettext instr | ratio | ratio range | goal | phrase ns | dgettext ns | ratio |"
  echo "|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|"
  for loc in $have_locales
  do
    a=$(cat "$tmp/ir.phrase-lib.$loc") b=$(cat "$tmp/ir.phrase-dgettext.$loc")
    ta=$(median "$tmp/ns.phrase-lib.$loc") tb=$(median "$tmp/ns.phrase-dgettext.$loc")
    ri=$(ratio3 "$a" "$b")
    rr=$(ratio_range "$tmp/ir.phrase-lib.$loc.pads" "$tmp/ir.phrase-dgettext.$loc.pads")
    echo "| $(locale_label $loc) | $(cat "$tmp/translated.$loc")/$codes | $(cat "$tmp/same.$loc") | $a | $b | $ri | $rr | $(goal "$ri" '<=' 1.05) | $ta | $tb | $(ratio "$ta" "$tb") |"
  done
  for loc in $locales
  do
    case " $have_locales " in
      *" $loc "*) ;;
      *) echo "| $(locale_label $loc) | locale not installed: not measured | | | | | | | | | |" ;;
    esac
  done
  echo
  echo "\"translated\": codes whose phrase differs from the C locale's; \"same text\": the library"
  echo "and the baseline returned the same $codes strings."
  echo

  echo "## sipreason_canonical() against a static array and a linear scan"
  echo
  echo "\`LC_ALL=C\`; same method. Array: \`by_code[code]\`, $codes phrases in a static array of"
  echo "700 pointers, no range check (the physical limit). Scan: a loop over $codes {code, phrase}"
  echo "pairs in ascending order until the code matches. All three return the same strings:"
  echo "$canonical_same. Every row includes the loop, shown alone in the last row."
  echo
  echo "| lookup | instr/lookup | sipreason_canonical ÷ this | ns/lookup | sipreason_canonical ÷ this |"
  echo "|---|---:|---:|---:|---:|"
  ic=$(cat "$tmp/ir.canonical-lib.c") tc=$(median "$tmp/ns.canonical-lib.c")
  for p in canonical-lib canonical-array canonical-scan loop
  do
    case $p in
      canonical-lib) label='`sipreason_canonical(code)`' ;;
      canonical-array) label='static array `by_code[code]`' ;;
      canonical-scan) label="linear scan of $codes pairs" ;;
      loop) label='the loop alone, no lookup' ;;
    esac
    i=$(cat "$tmp/ir.$p.c") t=$(median "$tmp/ns.$p.c")
    echo "| $label | $i | $(ratio "$ic" "$i") | $t | $(ratio "$tc" "$t") |"
  done
  echo

  echo "## sipreason_phrase_lang() against dgettext() in Korean"
  echo
  echo "Explicit languages, read from the .mo files by the library's own reader: the programs"
  echo "run in \`LC_ALL=C\` with no \`LANGUAGE\` (no locale needed), against the \`dgettext()\` and"
  echo "\`sipreason_phrase()\` rows of the first table in \`LC_ALL=C.UTF-8 LANGUAGE=ko\`, measured"
  echo "in the same run the same way (N = $(group $lookups) and 2N, mean over $(echo $pads | wc -w) heap offsets;"
  echo "\"ratio range\": the smallest and largest ratio to dgettext at one offset). \"same text\":"
  echo "the $codes strings equal what dgettext returns in Korean. The language argument is a"
  echo "string literal, parsed on every call. Goal: a lookup in an already-used language costs"
  echo "no more than dgettext (instructions ratio at most 1.00)."
  echo
  echo "| lookup | environment | translated | same text | instr/lookup | ÷ dgettext | ratio range | goal | ns/lookup | ÷ dgettext |"
  echo "|---|---|---:|---|---:|---:|---:|---|---:|---:|"
  if test $lang_base = yes; then
    kb=$(cat "$tmp/ir.phrase-dgettext.ko-language") tkb=$(median "$tmp/ns.phrase-dgettext.ko-language")
    ka=$(cat "$tmp/ir.phrase-lib.ko-language") tka=$(median "$tmp/ns.phrase-lib.ko-language")
    echo "| \`dgettext (\"sipreason\", msgid)\` (baseline) | $(locale_label ko-language) | $(cat "$tmp/translated.ko-language")/$codes | yes | $kb | 1.000 | | | $tkb | 1.00 |"
    echo "| \`sipreason_phrase (code)\` | $(locale_label ko-language) | $(cat "$tmp/translated.ko-language")/$codes | $(cat "$tmp/same.ko-language") | $ka | $(ratio3 "$ka" "$kb") | $(ratio_range "$tmp/ir.phrase-lib.ko-language.pads" "$tmp/ir.phrase-dgettext.ko-language.pads") | (first table) | $tka | $(ratio "$tka" "$tkb") |"
  else
    kb= tkb=
    echo "| \`dgettext (\"sipreason\", msgid)\` (baseline) | $(locale_label ko-language) | locale not installed: not measured | | | | | | | |"
  fi
  for p in $lang_programs
  do
    case $p in
      phrase-lang) label='`sipreason_phrase_lang (code, "ko")`' ;;
      phrase-accept) label='`sipreason_phrase_lang (code, "ko-KR, en;q=0.5")`' ;;
    esac
    i=$(cat "$tmp/ir.$p.c") t=$(median "$tmp/ns.$p.c")
    if test $lang_base = yes; then
      ri=$(ratio3 "$i" "$kb")
      echo "| $label | \`LC_ALL=C\` | $(cat "$tmp/translated.$p")/$codes | $(cat "$tmp/same.$p") | $i | $ri | $(ratio_range "$tmp/ir.$p.c.pads" "$tmp/ir.phrase-dgettext.ko-language.pads") | $(goal "$ri" '<=' 1.00) | $t | $(ratio "$t" "$tkb") |"
    else
      echo "| $label | \`LC_ALL=C\` | $(cat "$tmp/translated.$p")/$codes | n/a | $i | n/a | | | $t | n/a |"
    fi
  done
  echo

  echo "## System calls per lookup once warm"
  echo
  echo "\`strace -f\` on the whole program (start-up included) making 1,000 and then 100,000"
  echo "lookups; equal counts mean no system call per lookup."
  echo
  echo "| lookup | locale (environment) | 1,000 lookups | 100,000 lookups | equal |"
  echo "|---|---|---:|---:|---|"
  for loc in $have_locales
  do
    s1=$(cat "$tmp/sys.$loc.1000") s2=$(cat "$tmp/sys.$loc.100000")
    if test "$s1" = "$s2"; then eq=yes; else eq="**no** (+$((s2 - s1)))"; fi
    echo "| \`sipreason_phrase (code)\` | $(locale_label $loc) | $s1 | $s2 | $eq |"
  done
  for p in $lang_programs
  do
    case $p in
      phrase-lang) label='`sipreason_phrase_lang (code, "ko")`' ;;
      phrase-accept) label='`sipreason_phrase_lang (code, "ko-KR, en;q=0.5")`' ;;
    esac
    s1=$(cat "$tmp/sys.$p.1000") s2=$(cat "$tmp/sys.$p.100000")
    if test "$s1" = "$s2"; then eq=yes; else eq="**no** (+$((s2 - s1)))"; fi
    echo "| $label | \`LC_ALL=C\` | $s1 | $s2 | $eq |"
  done
  echo

  echo "## Batch mode: \`sipreason -\` on $(group $batch_lines) codes"
  echo
  echo "\`$(locale_env $batch_loc)\`. The input: $(group $batch_lines) lines, $input_codes distinct"
  echo "codes (most frequent: $top_codes), drawn from fixed weights with a fixed generator. The"
  printf '%s\n' "awk line: \`$awk_cmd -F'\\t' '$awk_prog' table -\` ($awk_path, $awkver), with the table"
  echo "of \`sipreason --list\` in the same language ($table_translated of $table_codes phrases"
  echo "translated). Output identical to awk's (one lookup per code): $batch_same."
  if test $have_hyperfine = yes; then
    echo "Wall time: hyperfine, median of $batch_runs runs after 1 warm-up, output through a pipe."
  else
    echo "Wall time: \`date +%s%N\` around \`sh -c\`, median of $batch_runs runs, output through a pipe."
  fi
  echo "Instructions per line: callgrind, $(group $profile_lines) and $(group $((2 * profile_lines))) lines."
  echo
  echo "| command | median ms | ÷ sipreason | instr/line |"
  echo "|---|---:|---:|---:|"
  echo "| \`sipreason -\` | $batch_sipreason | 1.00 | $(cat "$tmp/ir.batch-sipreason") |"
  echo "| \`$awk_cmd\` table lookup | $batch_awk | $(ratio "$batch_awk" "$batch_sipreason") | $(cat "$tmp/ir.batch-awk") |"
  echo "| \`cat\` | $batch_cat | $(ratio "$batch_cat" "$batch_sipreason") | $(cat "$tmp/ir.batch-cat") |"
  echo
  aw=$(ratio "$batch_awk" "$batch_sipreason") ct=$(ratio "$batch_sipreason" "$batch_cat")
  echo "Goals: sipreason at least 3x faster than awk: ${aw}x, $(goal "$aw" '>=' 3); ideally within"
  echo "3x of cat: ${ct}x, $(goal "$ct" '<=' 3)."
  echo

  echo "## Start-up and size"
  echo
  if test $have_hyperfine = yes; then
    echo "Start to exit, hyperfine -N (no shell), median of $startup_runs runs after 20 warm-ups;"
  else
    echo "Start to exit, \`date +%s%N\` around \`sh -c\`, median of $startup_runs runs;"
  fi
  echo "both commands in the same environment (LD_LIBRARY_PATH names the uninstalled library)."
  echo
  echo "| measure | \`LC_ALL=C\` | \`$(locale_env $batch_loc)\` |"
  echo "|---|---:|---:|"
  tc1=$(sed -n 1p "$tmp/start-c.ms") sc1=$(sed -n 2p "$tmp/start-c.ms")
  tk1=$(sed -n 1p "$tmp/start-ko.ms") sk1=$(sed -n 2p "$tmp/start-ko.ms")
  echo "| \`/bin/true\`, ms | $tc1 | $tk1 |"
  echo "| \`sipreason 486\`, ms (prints \"$(cat "$tmp/486.c")\" / \"$(cat "$tmp/486.ko")\") | $sc1 | $sk1 |"
  echo "| difference, ms | $(awk -v a="$sc1" -v b="$tc1" 'BEGIN { printf "%.3f", a - b }') | $(awk -v a="$sk1" -v b="$tk1" 'BEGIN { printf "%.3f", a - b }') |"
  echo "| system calls of \`/bin/true\` (strace -f) | $start_sys_true_c | $start_sys_true_ko |"
  echo "| system calls of \`sipreason 486\` (strace -f) | $start_sys_486_c | $start_sys_486_ko |"
  echo
  echo "| file | bytes |"
  echo "|---|---:|"
  echo "| \`$(basename "$lib")\` as built | $(group "$(size_of "$lib")") |"
  echo "| \`$(basename "$lib")\` stripped | $(group "$(size_of "$tmp/lib-stripped")") |"
  echo "| \`$(basename "$lib")\` text + data + bss | $lib_sizes |"
  echo "| \`sipreason\` command as built / stripped | $(group "$(size_of "$real")") / $(group "$(size_of "$tmp/command-stripped")") |"
  echo "| \`ko/LC_MESSAGES/sipreason.mo\` | $(group "$(size_of "$mo")") |"
  echo

  echo "## Where the instructions go"
  echo
  echo "Self cost per lookup by function (callgrind, (I(2N) - I(N)) / N, heap offset 0);"
  echo "functions under 0.05 instructions per lookup left out."
  for loc in c $batch_loc
  do
    echo
    echo "$(locale_label $loc): \`sipreason_phrase()\` $(sum_col "$tmp/self.phrase-lib.$loc"), \`dgettext()\` $(sum_col "$tmp/self.phrase-dgettext.$loc") instructions per lookup."
    echo
    echo "| function (object) | sipreason_phrase | dgettext | difference |"
    echo "|---|---:|---:|---:|"
    side_by_side "$tmp/self.phrase-lib.$loc" "$tmp/self.phrase-dgettext.$loc"
  done
  echo
  echo "\`sipreason_phrase_lang()\` in \`LC_ALL=C\`: with \"ko\" $(sum_col "$tmp/self.phrase-lang"), with \"ko-KR, en;q=0.5\" $(sum_col "$tmp/self.phrase-accept") instructions per lookup; \`dgettext()\` in $(locale_label ko-language) $(sum_col "$tmp/self.phrase-dgettext.ko-language")."
  echo
  echo "| function (object) | _lang \"ko\" | _lang \"ko-KR, en;q=0.5\" | dgettext, \`LANGUAGE=ko\` |"
  echo "|---|---:|---:|---:|"
  side_by_side3 "$tmp/self.phrase-lang" "$tmp/self.phrase-accept" "$tmp/self.phrase-dgettext.ko-language"
  echo
  echo "\`sipreason -\` in \`$(locale_env $batch_loc)\`, per input line ($(sum_col "$tmp/self.batch") in all), the 15 largest:"
  echo
  echo "| function (object) | instr/line |"
  echo "|---|---:|"
  sed 15q "$tmp/self.batch" | awk -F '\t' '{ printf "| %s | %s |\n", $2, $1 }'
} >"$tmp/report.md"

grep -q '^## Where the instructions go' "$tmp/report.md" || die "the report is incomplete"
mkdir -p "$(dirname "$output")" && cp "$tmp/report.md" "$output" || die "cannot write $output"
cat "$tmp/report.md"
progress "report written to $output"
