#!/bin/sh
# catalogs.sh - every shipped catalog is complete and well-formed, and
# po/LINGUAS names exactly the po/*.po files.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

po=$top_srcdir/po
linguas=$(sed -e 's/#.*//' "$po/LINGUAS" | tr -s ' \t\n' '\n' | sed '/^$/d' | LC_ALL=C sort)
files=$(cd "$po" && ls *.po 2>/dev/null | sed 's/\.po$//' | LC_ALL=C sort)
test "$linguas" = "$files" ||
  fail "po/LINGUAS ($(echo $linguas)) and po/*.po ($(echo $files)) disagree"

for lang in $linguas; do
  catalog=$po/$lang.po
  test -f "$catalog" || continue
  # msgfmt --check: format strings, headers, plural forms.
  if ! LC_ALL=C $MSGFMT --check --statistics -o /dev/null "$catalog" 2> "$workdir/stats"; then
    fail "$lang.po: msgfmt --check failed"
    cat "$workdir/stats" >&2
  fi
  grep -qE 'fuzzy|untranslated' "$workdir/stats" &&
    fail "$lang.po: $(cat "$workdir/stats")"
  grep -q "^\"Language: $lang\\\\n\"" "$catalog" || fail "$lang.po: no Language: $lang header"
  grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"' "$catalog" ||
    fail "$lang.po: not UTF-8"
done
finish
