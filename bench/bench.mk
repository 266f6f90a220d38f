# bench/bench.mk: the performance measurements, included by the top Makefile.am.  Nothing here
# is built by `make` or `make check`; `make bench` builds the programs and runs bench/run.sh,
# which writes its Markdown report to bench/results.out (see bench/README.md).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 the sipreason authors

# Automake needs the first assignment of EXTRA_PROGRAMS to be '='; the top Makefile.am sets
# none.  Each program is bench/lookup.c built with a different BENCH_KIND.
EXTRA_PROGRAMS = bench/phrase-lib bench/phrase-dgettext bench/canonical-lib \
  bench/canonical-array bench/canonical-scan bench/loop bench/phrase-lang bench/phrase-accept

bench_sources = bench/lookup.c
# -no-install: real executables (no libtool wrapper script) that find the uninstalled
# library, so that valgrind and strace see the program itself.
bench_ldflags = -no-install
bench_ldadd = src/libsipreason.la $(LTLIBINTL)

bench_phrase_lib_SOURCES = $(bench_sources)
bench_phrase_lib_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=1
bench_phrase_lib_LDFLAGS = $(bench_ldflags)
bench_phrase_lib_LDADD = $(bench_ldadd)

bench_phrase_dgettext_SOURCES = $(bench_sources)
bench_phrase_dgettext_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=2
bench_phrase_dgettext_LDFLAGS = $(bench_ldflags)
bench_phrase_dgettext_LDADD = $(bench_ldadd)

bench_canonical_lib_SOURCES = $(bench_sources)
bench_canonical_lib_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=3
bench_canonical_lib_LDFLAGS = $(bench_ldflags)
bench_canonical_lib_LDADD = $(bench_ldadd)

bench_canonical_array_SOURCES = $(bench_sources)
bench_canonical_array_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=4
bench_canonical_array_LDFLAGS = $(bench_ldflags)
bench_canonical_array_LDADD = $(bench_ldadd)

bench_canonical_scan_SOURCES = $(bench_sources)
bench_canonical_scan_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=5
bench_canonical_scan_LDFLAGS = $(bench_ldflags)
bench_canonical_scan_LDADD = $(bench_ldadd)

bench_loop_SOURCES = $(bench_sources)
bench_loop_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=6
bench_loop_LDFLAGS = $(bench_ldflags)
bench_loop_LDADD = $(bench_ldadd)

# sipreason_phrase_lang (code, "ko") and (code, "ko-KR, en;q=0.5"): lookup.c holds the strings.
bench_phrase_lang_SOURCES = $(bench_sources)
bench_phrase_lang_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=7
bench_phrase_lang_LDFLAGS = $(bench_ldflags)
bench_phrase_lang_LDADD = $(bench_ldadd)

bench_phrase_accept_SOURCES = $(bench_sources)
bench_phrase_accept_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_KIND=8
bench_phrase_accept_LDFLAGS = $(bench_ldflags)
bench_phrase_accept_LDADD = $(bench_ldadd)

# lookup.c includes the generated src/localedir.h, which only all/check/install build first.
$(bench_phrase_lib_OBJECTS) $(bench_phrase_dgettext_OBJECTS) \
$(bench_canonical_lib_OBJECTS) $(bench_canonical_array_OBJECTS) \
$(bench_canonical_scan_OBJECTS) $(bench_loop_OBJECTS) \
$(bench_phrase_lang_OBJECTS) $(bench_phrase_accept_OBJECTS): src/localedir.h

EXTRA_DIST += bench/bench.mk bench/lookup.c bench/run.sh bench/README.md
CLEANFILES += $(EXTRA_PROGRAMS) bench/results.out

# The whole build first (it makes src/localedir.h before compiling), the uninstalled catalogs
# of `make check`, then the programs; run.sh measures them and the uninstalled command.
# Options for run.sh go in BENCH_FLAGS, e.g. make bench BENCH_FLAGS=--quick.
bench:
	$(MAKE) $(AM_MAKEFLAGS) all
	$(MAKE) $(AM_MAKEFLAGS) check-catalogs $(EXTRA_PROGRAMS)
	$(SHELL) $(srcdir)/bench/run.sh \
	  --builddir='$(abs_top_builddir)' --srcdir='$(abs_top_srcdir)' \
	  --command='$(abs_top_builddir)/src/sipreason$(EXEEXT)' \
	  --localedir='$(abs_top_builddir)/tests/locale' \
	  --libtool='$(abs_top_builddir)/libtool' --cc='$(CC)' --cflags='$(CFLAGS)' --exeext='$(EXEEXT)' \
	  --output='$(abs_top_builddir)/bench/results.out' $(BENCH_FLAGS)
.PHONY: bench
