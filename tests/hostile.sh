#!/bin/sh
# hostile.sh - wtisd-message --lang=fr, and LANG=fr_FR.UTF-8 without the
# locale, with a damaged French catalog beside a sound Russian one: no
# crash, English for French with a note, Russian as ever.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

prog=$top_builddir/examples/wtisd-message
"$top_builddir/tests/hostile-catalogs" "$workdir/dirs" "$WTISD_LOCALEDIR" \
  > "$workdir/names" || exit 99
while read -r name; do
  test "$name" = byte-swapped && continue
  dir=$workdir/dirs/$name
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=fr --width=0
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" || fail "$name: --lang=fr is not English"
  expect_stderr_contains "'fr'"
  run 0 env WTISD_LOCALEDIR="$dir" LC_ALL= LANG=fr_FR.UTF-8 "$prog" --width=0
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" || fail "$name: LANG=fr_FR is not English"
  expect_output wtisd-message.ru.out 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=ru --width=0
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --list-languages
  grep -q '^fr ' "$stdout" && fail "$name: fr is listed"
done < "$workdir/names"
finish
