#!/bin/sh
# manpages.sh - every exported function has its section 3 page, written
# from wtisd.h, and every page the build writes (libwtisd(3), a page per
# function, wtisd-message(1)) renders without a groff warning and names
# itself in a NAME line that man's index can read.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

man3=$top_builddir/doc/man3
test -f "$man3/pages" || fail "$man3/pages is missing: the build wrote no section 3 pages"
pages=libwtisd
while read -r symbol; do
  pages="$pages $symbol"
  page=$man3/$symbol.3
  test -f "$page" || { fail "$symbol has no man page ($page)"; continue; }
  grep -q "^\\.SH SYNOPSIS" "$page" && grep -q "^\\.B.*[ *]$symbol (" "$page" ||
    fail "$page: the synopsis does not declare $symbol"
  grep -q 'not documented yet' "$page" &&
    fail "$page: wtisd.h has no doc comment directly before $symbol"
  grep -q "^$symbol \\\\- ..*" "$page" || fail "$page: no NAME line for $symbol"
done < "$srcdir/data/symbols.txt"
test -f "$man3/libwtisd.3" || fail "libwtisd(3) is missing"
grep -qx 'libwtisd.3' "$man3/pages" 2>/dev/null || fail "$man3/pages does not list libwtisd.3"

# wtisd-message.1 is in the build tree, or in the source tree when it
# came with the tarball.
program_page=$top_builddir/doc/wtisd-message.1
test -f "$program_page" || program_page=$top_srcdir/doc/wtisd-message.1
test -f "$program_page" || fail "wtisd-message.1 is missing"

if ! command -v groff > /dev/null 2>&1; then
  echo "SKIP: groff not found (Debian package: groff-base): pages not rendered"
  test "$failures" -gt 0 && finish
  exit 77
fi
for page in "$man3"/*.3 "$program_page"; do
  test -f "$page" || continue
  # -ww: every warning; UTF-8 output as on a user's terminal.
  groff -Tutf8 -man -ww -z "$page" > "$stdout" 2>&1 ||
    fail "$page: groff exits with status $?"
  test -s "$stdout" && { fail "$page: groff warns:"; cat "$stdout" >&2; }
  if command -v lexgrog > /dev/null 2>&1; then
    lexgrog "$page" > /dev/null 2>&1 || fail "$page: lexgrog finds no NAME line for man -k"
  fi
done
finish
