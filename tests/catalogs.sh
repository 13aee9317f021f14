#!/bin/sh
# catalogs.sh - every shipped catalog is complete and well-formed, and
# po/LINGUAS names exactly the po/*.po files.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

po=$top_srcdir/po
checker=$(cd "$top_builddir/tests" && pwd)/po-check
linguas=$(sed -e 's/#.*//' "$po/LINGUAS" | tr -s ' \t\n' '\n' | sed '/^$/d' | LC_ALL=C sort)
files=$(cd "$po" && ls *.po 2>/dev/null | sed 's/\.po$//' | LC_ALL=C sort)
test "$linguas" = "$files" ||
  fail "po/LINGUAS ($(echo $linguas)) and po/*.po ($(echo $files)) disagree"

for lang in $linguas; do
  catalog=$po/$lang.po
  test -f "$catalog" || continue
  # Every rule a translator's "make -C po check-LL" applies: complete, no
  # fuzzy entry, msgfmt --check, header (each field once), NFC, no
  # control or bidi override character, lines under 80 columns, numbers
  # kept, themes quoted verbatim, abbreviations introduced before their
  # use, typography and quotation marks, and in a right-to-left language
  # no program line that starts with Latin text.
  if ! (cd "$po" && "$checker" "$lang.po" "$MSGFMT") \
      > "$workdir/report" 2>&1; then
    fail "$lang.po: po-check found problems"
    cat "$workdir/report" >&2
  fi
  # The plural rule gettext documents for the language, where the table
  # has it (po-check checks that there is one).
  awk '/^msgstr ""/ { in_header = 1; next }
       in_header && !/^"/ { exit }
       in_header { sub(/^"/, ""); sub(/"$/, ""); printf "%s", $0 }' "$catalog" |
    sed 's/\\n/\n/g' > "$workdir/header"
  plural=$(awk -F '\t' -v l="$lang" '$1 == l { print $2 }' "$srcdir/data/plural-forms.txt")
  if test -n "$plural"; then
    grep -qxF -- "Plural-Forms: $plural" "$workdir/header" ||
      fail "$lang.po: Plural-Forms is not '$plural'"
  fi
done
finish
