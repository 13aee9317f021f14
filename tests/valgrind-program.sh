#!/bin/sh
# valgrind-program.sh - wtisd-message in English and in a catalog of each
# script, and in every mode in a language of several scripts, under
# valgrind's memcheck (VALGRIND holds the command); skipped unless
# configure had --enable-valgrind-tests.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

if test -z "${VALGRIND-}"; then
  echo "SKIP: configure --enable-valgrind-tests to run wtisd-message under valgrind"
  exit 77
fi

prog=$top_builddir/examples/wtisd-message
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
# English, and the first catalog of each script (its language's likely
# script, by ICU: tests/likely-script), read and wrapped.  Not every
# catalog: the code each one runs is its script's, a run under valgrind
# takes a second or two, and the list of catalogs keeps growing; the
# sanitizer build runs wtisd-message in every language (program.sh,
# wrapping.sh).
scripts=$(./likely-script $linguas) || exit 99
for lang in en $(echo "$scripts" | awk '!seen[$2]++ { print $1 }'); do
  run 0 $VALGRIND "$prog" --lang="$lang" --width=40
done
# The other modes in a language of each direction and of the scripts
# whose text the program handles differently (wide, joined, no spaces).
for lang in ar fr hi ja ru zh_CN th am he ko ta my; do
  grep -qx "$lang" "$top_srcdir/po/LINGUAS" || continue
  run 0 env LC_ALL=C.UTF-8 LANGUAGE="$lang" $VALGRIND "$prog" --normalize=NFD
  run 0 env LANGUAGE="$lang" $VALGRIND "$prog" --help
done
run 0 env -u LC_ALL LANG=ru_RU.UTF-8 $VALGRIND "$prog" --url-form=unicode --hyperlink=always --width=20
for format in html markdown json; do
  run 0 env -u LC_ALL LANG=ru_RU.UTF-8 $VALGRIND "$prog" --format=$format --normalize=NFKD
done
run 0 $VALGRIND "$prog" --themes --format=markdown
run 0 $VALGRIND "$prog" --list-languages
run 2 $VALGRIND "$prog" --paragraph=9
run 2 $VALGRIND "$prog" --lang=../fr
echo "valgrind: wtisd-message clean in English and a catalog of each script"
finish
