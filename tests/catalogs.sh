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

expect_header_line () {
  grep -qxF -- "$2" "$workdir/header" || fail "$1.po: no header line '$2'"
}

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
  # The header entry, its quoted lines joined and split at each \n.
  awk '/^msgstr ""/ { in_header = 1; next }
       in_header && !/^"/ { exit }
       in_header { sub(/^"/, ""); sub(/"$/, ""); printf "%s", $0 }' "$catalog" |
    sed 's/\\n/\n/g' > "$workdir/header"
  expect_header_line "$lang" "Language: $lang"
  expect_header_line "$lang" "Content-Type: text/plain; charset=UTF-8"
  # The plural rule gettext documents for the language, where the table
  # has it; a new language must at least have one.
  plural=$(awk -F '\t' -v l="$lang" '$1 == l { print $2 }' "$srcdir/data/plural-forms.txt")
  if test -n "$plural"; then
    expect_header_line "$lang" "Plural-Forms: $plural"
  else
    grep -q '^Plural-Forms: nplurals=' "$workdir/header" || fail "$lang.po: no Plural-Forms"
  fi
  grep -q '^#,.*fuzzy' "$catalog" && fail "$lang.po: has fuzzy entries (the header too counts)"
  # Every string, and the file as a whole, well-formed UTF-8 in NFC.
  "$top_builddir/tests/is-nfc" "$catalog" || fail "$lang.po: not UTF-8 in NFC"
done
finish
