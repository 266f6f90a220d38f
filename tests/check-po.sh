#!/bin/sh
# check-po.sh: what a release asks of the translations, run by `make check-po` (and so by
# `make dist` and .ci/run), not by `make check`, where an untranslated or fuzzy message is no
# failure (it falls back to English by design): po/sipreason.pot is what xgettext makes from
# the sources now, and every language in po/LINGUAS is complete, has a glossary of the
# recurring terms, states its register, and passes i18nspector.  TAP output; exits 1 on a
# failure.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors
. "$top_srcdir/tests/tap.sh"

# The template: everything after the header entry (the first blank line), as xgettext makes it
# with the options po/Makevars gives it (continuation lines joined).
if test -n "$XGETTEXT" && test "$XGETTEXT" != :; then
  opts=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$top_srcdir/po/Makevars" \
         | sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n' ' ')
  # shellcheck disable=SC2086  # $opts is a list of options
  "$XGETTEXT" --default-domain=sipreason --directory="$top_srcdir" $opts \
    --files-from="$top_srcdir/po/POTFILES.in" -o "$tmp/fresh.pot"
  ok $? "xgettext runs with the options of po/Makevars"
  body () { sed '1,/^$/d' "$1"; }
  body "$tmp/fresh.pot" > "$tmp/fresh.body"
  body "$top_srcdir/po/sipreason.pot" > "$tmp/committed.body"
  cmp -s "$tmp/fresh.body" "$tmp/committed.body"
  r=$?
  ok $r "po/sipreason.pot is up to date (else: make -C po sipreason.pot-update)"
  test $r -eq 0 || diff "$tmp/committed.body" "$tmp/fresh.body" | head -20 | sed 's/^/#   /'
else
  ok 1 "xgettext is available"
fi

total=$(grep -c '^msgid ' "$top_srcdir/po/sipreason.pot")
total=$((total - 1))    # the header entry
for lang in $(sed -e 's/#.*//' "$LINGUAS_FILE"); do
  po=$top_srcdir/po/$lang.po
  stats=$(LC_ALL=C "$MSGFMT" --statistics -o /dev/null "$po" 2>&1)
  test "$stats" = "$total translated messages."
  r=$?
  ok $r "$lang.po: all $total messages translated, none fuzzy"
  test $r -eq 0 || echo "#   $stats"

  # The terms every catalog must decide once and then keep (one "# Glossary: TERM = ..." line
  # each in the header comments), and the register of each kind of string.
  missing=
  for term in request response cancel early dialog session "session description" media \
      "end system" device "user agent" registrar extension location identity subscription \
      notification header caller callee busy timeout proxy hop "message body" method; do
    grep -q "^# Glossary: $term\>" "$po" || missing="$missing, $term"
  done
  test -z "$missing"
  ok $? "$lang.po: its glossary has every recurring term"
  test -n "$missing" && echo "#   missing: ${missing#, }"
  for kind in phrases descriptions messages; do
    grep -q "^# Register: .*\<$kind\>" "$po"
    ok $? "$lang.po: states the register of $kind"
  done
done

# i18nspector (Debian's package of that name): no error and no warning, except the ones that
# ask only for a contact address, which the project does not invent.
if command -v i18nspector >/dev/null 2>&1; then
  files=$(for lang in $(sed -e 's/#.*//' "$LINGUAS_FILE"); do echo "$top_srcdir/po/$lang.po"; done)
  # shellcheck disable=SC2086  # $files is a list of paths without spaces
  i18nspector $files "$top_srcdir/po/sipreason.pot" > "$tmp/i18nspector" 2>&1
  ok $? "i18nspector runs"
  grep '^[EW]: ' "$tmp/i18nspector" |
    grep -v -e ' invalid-last-translator ' -e ' no-report-msgid-bugs-to-header-field' \
      -e ' invalid-language-team ' -e ' no-language-team-header-field' \
      -e ' language-team-equal-to-last-translator ' > "$tmp/findings"
  test ! -s "$tmp/findings"
  ok $? "i18nspector: no error or warning on the catalogs and the template"
  sed 's/^/#   /' "$tmp/findings"
elif test "${CI-}" = true; then
  ok 1 "i18nspector is installed (required under CI=true)"
else
  echo "# i18nspector is not installed: its checks are left to CI"
fi
done_testing
