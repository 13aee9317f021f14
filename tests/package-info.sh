#!/bin/sh
# package-info.sh - who to report bugs to and where the project lives,
# as AC_INIT declares them, reach the places a user looks: configure
# --help (which lists each option once), wtisd-message --help (its golden
# output, program.sh) and the man pages, the template of the catalogs;
# the files that carry the message say whose it is; NEWS has an entry for
# this version and AUTHORS exists.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

# The values configure wrote, not ones this test re-derives.
define () {
  sed -n "s/^#define $1 \"\\(.*\\)\"\$/\\1/p" "$top_builddir/config.h"
}
version=$(define PACKAGE_VERSION)
bugs=$(define PACKAGE_BUGREPORT)
url=$(define PACKAGE_URL)
case $bugs in https://* | *@*.*) ;; *) fail "AC_INIT has no bug-report address: '$bugs'" ;; esac
case $url in https://*) ;; *) fail "AC_INIT has no home page URL: '$url'" ;; esac

run 0 "$top_srcdir/configure" --help
grep -qF "Report bugs to <$bugs>." "$stdout" || fail "configure --help does not name $bugs"
grep -qF "home page: <$url>." "$stdout" || fail "configure --help does not name $url"
# An option listed twice means two macros define it (gettext's lib-ld.m4
# and libtool both did --with-gnu-ld).
sed -n 's/^  \(--[a-z][-a-z0-9]*\).*/\1/p' "$stdout" | sed 's/\[.*//' | LC_ALL=C sort |
  uniq -d > "$workdir/twice"
test -s "$workdir/twice" && fail "configure --help lists twice: $(echo $(cat "$workdir/twice"))"

grep -qF "$bugs" "$srcdir/data/wtisd-message.help" ||
  fail "the expected wtisd-message --help does not name $bugs"
for page in "$top_builddir/doc/man3/libwtisd.3" "$top_builddir/doc/man3/wtisd_text.3"; do
  grep -qF "$bugs" "$page" 2>/dev/null || fail "$page does not name $bugs"
  grep -qF "$url" "$page" 2>/dev/null || fail "$page does not name $url"
done
pot=$top_srcdir/po/libwtisd.pot
grep -qF "\"Report-Msgid-Bugs-To: $bugs\\n\"" "$pot" 2>/dev/null ||
  fail "$pot has no Report-Msgid-Bugs-To: $bugs"

# Whose the message is, said where it is carried and where the terms are.
for file in libwtisd/texts.c README.md po/libwtisd.pot; do
  tr -s ' \n#' '   ' < "$top_srcdir/$file" |
    grep -q 'copyright the International Telecommunication Union' ||
    fail "$file does not say that the message is copyright the ITU"
done

grep -q "^\\* .*release $version" "$top_srcdir/NEWS" 2>/dev/null ||
  fail "NEWS has no entry for release $version"
test -s "$top_srcdir/AUTHORS" || fail "AUTHORS is missing"
finish
