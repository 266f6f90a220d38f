# options.awk: the OPTIONS section of sipreason.1, made from `sipreason --help` so that the
# option list has one source: each line that starts with an option (-x, --xxx) opens a tagged
# paragraph, and the deeper-indented lines after it continue its text.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors

function roff(s) {
  gsub(/\\/, "\\e", s)
  gsub(/-/, "\\-", s)
  sub(/^[.']/, "\\\\\\&&", s)
  return s
}

/^ +-/ {
  line = $0
  sub(/^ +/, "", line)
  if (match(line, /  +/)) {
    option = substr(line, 1, RSTART - 1)
    text = substr(line, RSTART + RLENGTH)
  } else {
    option = line
    text = ""
  }
  printf ".TP\n.B \"%s\"\n", roff(option)
  if (text != "")
    print roff(text)
  in_option = 1
  next
}

in_option && /^          +[^ ]/ {
  line = $0
  sub(/^ +/, "", line)
  print roff(line)
  next
}

{ in_option = 0 }
