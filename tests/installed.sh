#!/bin/sh
# installed.sh: make installcheck: the installed command and a program linked with pkg-config.
# Run from the build directory, with bindir, libdir, CC, CFLAGS, PKG_CONFIG and USE_NLS set.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors
set -u
# The installed programs must find the installed catalog by themselves.
unset SIPREASON_LOCALEDIR
if test -n "$DESTDIR"; then
  echo "installcheck: skipped under DESTDIR (the programs look in the final directories)"
  exit 0
fi
fail=0
say () { echo "installcheck: $1"; }

out=$(LC_ALL=C LANGUAGE= "$bindir/sipreason" 486)
test "$out" = "Busy Here" && say "ok: installed sipreason 486 in C" \
  || { say "FAIL: installed sipreason 486 in C gave '$out'"; fail=1; }
if test "$USE_NLS" = yes; then
  out=$(LC_ALL=C.UTF-8 LANGUAGE=ko "$bindir/sipreason" 486)
  test "$out" = "사용 중" && say "ok: installed sipreason finds the installed Korean catalog" \
    || { say "FAIL: installed sipreason 486 in Korean gave '$out'"; fail=1; }
fi

if test -n "$PKG_CONFIG" && command -v "$PKG_CONFIG" >/dev/null 2>&1; then
  mkdir -p tests/installed
  flags=$(PKG_CONFIG_PATH="$libdir/pkgconfig" "$PKG_CONFIG" --cflags --libs sipreason) \
    && $CC $CFLAGS -o tests/installed/consumer "$top_srcdir/tests/consumer.c" $flags \
    && say "ok: a program builds with pkg-config --cflags --libs sipreason" \
    || { say "FAIL: building with pkg-config"; fail=1; }
  if test -x tests/installed/consumer; then
    want="486|Busy Here|Busy Here|Client Failure"
    out=$(LD_LIBRARY_PATH="$libdir" LC_ALL=C LANGUAGE= tests/installed/consumer)
    test "$out" = "$want" && say "ok: it runs: $out" || { say "FAIL: it printed '$out'"; fail=1; }
    if test "$USE_NLS" = yes; then
      want="486|사용 중|Busy Here|클라이언트 오류"
      out=$(LD_LIBRARY_PATH="$libdir" LC_ALL=C.UTF-8 LANGUAGE=ko tests/installed/consumer)
      test "$out" = "$want" && say "ok: in Korean: $out" || { say "FAIL: in Korean: '$out'"; fail=1; }
    fi
    localedir=$(PKG_CONFIG_PATH="$libdir/pkgconfig" "$PKG_CONFIG" --variable=localedir sipreason)
    test -n "$localedir" && test -f "$localedir/ko/LC_MESSAGES/sipreason.mo" -o "$USE_NLS" != yes \
      && say "ok: pkg-config --variable=localedir names the installed catalogs ($localedir)" \
      || { say "FAIL: pkg-config localedir '$localedir'"; fail=1; }
  fi
else
  say "no pkg-config: the pkg-config build is not checked"
fi
exit $fail
