#!/bin/sh
# wrapping.sh - wtisd-message's wrapping, in every shipped language,
# English, and every draft catalog in po/drafts (compiled here; a draft
# that is gone is simply not tested), at 80, 40 and 12 columns: each
# output checked by wrap-check against the unwrapped output (--width=0)
# with ICU's line and grapheme cluster break iterators; and no line
# ends with a one-letter word where the language's typography forbids it.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

prog=$top_builddir/examples/wtisd-message
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
# The drafts too, ahead of the shipped catalogs.
drafts_compile

"$prog" --lang=en --width=0 > "$workdir/en" || fail "en: the program failed"
for lang in $linguas en $drafts; do
  # ICU's rules for the language, as wtisd-message asks for them.
  locale=$lang
  test "$lang" = ko && locale=ko@lw=keepall
  "$prog" --lang="$lang" --width=0 > "$workdir/plain" ||
    fail "$lang: the program failed"
  test "$lang" = en || ! cmp -s "$workdir/plain" "$workdir/en" ||
    fail "$lang: the message is not translated"
  for columns in 80 40 12; do
    "$prog" --lang="$lang" --width="$columns" > "$workdir/wrapped" ||
      fail "$lang at $columns columns: the program failed"
    ./wrap-check "$locale" "$columns" "$workdir/plain" "$workdir/wrapped" \
      2> "$workdir/errors" ||
      fail "$lang at $columns columns: $(head -5 "$workdir/errors")"
  done
done

# No line ends with a one-letter word that the language's typography
# binds to the next one (typography.txt's rows that forbid " X ", a
# letter between spaces: Czech, Slovak and Polish prepositions and
# conjunctions).
one_letter=$(sed -n 's/^\([a-z_@]*\)	 \([a-zA-Z]\) 	.*/\1 \2/p' \
  "$srcdir/data/typography.txt")
test -n "$one_letter" || fail "typography.txt has no one-letter word rows"
for lang in $(echo "$one_letter" | cut -d ' ' -f 1 | uniq); do
  grep -qx "$lang" "$top_srcdir/po/LINGUAS" || continue
  letters=$(echo "$one_letter" | sed -n "s/^$lang //p" | tr -d '\n')
  for columns in 80 40 30; do
    "$prog" --lang="$lang" --width="$columns" > "$workdir/wrapped"
    grep -E "(^| )[$letters]\$" "$workdir/wrapped" > "$workdir/hanging" &&
      fail "$lang at $columns columns: a line ends with a one-letter word: $(head -n 1 "$workdir/hanging")"
  done
done
finish
