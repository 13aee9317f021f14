#!/bin/sh
# program.sh - wtisd-message's output, options and exit statuses, against
# the golden files in data/.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

prog=$top_builddir/examples/wtisd-message
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")

# English in the C locale; not a terminal, so 80 columns by default.
expect_output wtisd-message.en.out 0 env LC_ALL=C "$prog" --width=0
run 0 env LC_ALL=C "$prog"
cp "$stdout" "$workdir/default"
run 0 env LC_ALL=C "$prog" --width=80
cmp -s "$workdir/default" "$stdout" || fail "the default width is not 80"
# COLUMNS gives the width when standard output is not a terminal.
expect_output wtisd-message.fr.w40.out 0 env COLUMNS=40 "$prog" --lang=fr
run 0 env COLUMNS=abc "$prog"
cmp -s "$workdir/default" "$stdout" || fail "COLUMNS=abc: not 80 columns"

# French and Russian from LANG, LC_MESSAGES or LANGUAGE, on a machine with
# no such locale installed; a language without a catalog gives English.
expect_output wtisd-message.fr.out 0 env -u LC_ALL LANG=fr_FR.UTF-8 "$prog" --width=0
expect_output wtisd-message.ru.out 0 env -u LC_ALL LANG=ru_RU.UTF-8 "$prog" --width=0
expect_output wtisd-message.fr.out 0 env -u LC_ALL LC_MESSAGES=fr_FR.UTF-8 "$prog" --width=0
expect_output wtisd-message.fr.out 0 env -u LC_ALL LANG=qaa_YY.UTF-8 LANGUAGE=qab:fr "$prog" --width=0
expect_output wtisd-message.en.out 0 env -u LC_ALL LANG=qaa_YY.UTF-8 "$prog" --width=0

# Every shipped language, through gettext (LANGUAGE in C.UTF-8) and
# through --lang, unwrapped and at 40 and 72 columns; --help translated
# (in the user's language: LANGUAGE) and under 80 columns.
for lang in $linguas en; do
  if test -f "$srcdir/data/wtisd-message.$lang.out"; then
    expect_output "wtisd-message.$lang.out" 0 env LC_ALL=C.UTF-8 LANGUAGE="$lang" "$prog" --width=0
    expect_output "wtisd-message.$lang.out" 0 env LC_ALL=C "$prog" --lang="$lang" --width=0
    for width in 40 72; do
      expect_output "wtisd-message.$lang.w$width.out" 0 "$prog" --lang="$lang" --width="$width"
    done
  else
    # No golden files yet (tests/golden.sh makes them): the catalog's
    # own texts, in both ways of asking.
    run 0 env LC_ALL=C "$prog" --lang="$lang" --width=0
    cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" && fail "$lang: English"
    cp "$stdout" "$workdir/by-tag"
    expect_output_file "$workdir/by-tag" 0 env LC_ALL=C.UTF-8 LANGUAGE="$lang" "$prog" --width=0
  fi
  run 0 env LANGUAGE="$lang" "$prog" --help
  test "$lang" = en ||
    ! cmp -s "$srcdir/data/wtisd-message.help" "$stdout" || fail "$lang: --help is not translated"
  columns=$("$top_builddir/tests/max-columns" < "$stdout")
  test "$columns" -lt 80 || fail "$lang: --help is $columns columns wide"
done
expect_output wtisd-message.help 0 "$prog" --help
# --list-languages: every language of LINGUAS and English, each with its
# name from CLDR where data/wtisd-message.languages has it, and a name of
# its own for a language added since.
run 0 "$prog" --list-languages
listed=$(awk '{ print $1 }' "$stdout" | tr '\n' ' ')
expected=$(printf '%s\n' $linguas en | LC_ALL=C sort | tr '\n' ' ')
test "$listed" = "$expected" || fail "--list-languages lists $listed, not $expected"
while read -r code name; do
  awk -v c="$code" '$1 == c' "$stdout" | sed 's/  */ /' | grep -qxF "$code $name" ||
    fail "--list-languages: $code is not named '$name'"
done < "$srcdir/data/wtisd-message.languages"
awk 'NF < 2 { exit 1 }' "$stdout" || fail "--list-languages: a language without a name"

# Parts of the message: the golden output's title is its first line, and
# paragraph N its line 2N + 1.
golden=$srcdir/data/wtisd-message.fr.out
run 0 "$prog" --lang=fr --width=0 --title
sed -n 1p "$golden" | cmp -s - "$stdout" || fail "--title"
run 0 "$prog" --lang=fr --width=0 --paragraph=3
sed -n 7p "$golden" | cmp -s - "$stdout" || fail "--paragraph=3"
run 0 "$prog" --lang=fr --width=0 --paragraph=5 --title --paragraph=1
{ sed -n 1p "$golden"; echo; sed -n 3p "$golden"; echo; sed -n 11p "$golden"; } |
  cmp -s - "$stdout" || fail "--title --paragraph=1 --paragraph=5"
run 0 "$prog" --lang=fr --width=0 --themes
{ sed -n 1p "$srcdir/data/themes-fr.txt"; echo; sed -n 2p "$srcdir/data/themes-fr.txt"; } |
  cmp -s - "$stdout" || fail "--themes"

# The source address in each form, and the text in NFD.
run 0 "$prog" --url-form=ascii
test "$(tail -n 1 "$stdout")" = "Source: https://xn--b1akbcqh2a7i.xn--90ais/node/7193" ||
  fail "--url-form=ascii: $(tail -n 1 "$stdout")"
run 0 "$prog" --url-form=UNICODE
test "$(tail -n 1 "$stdout")" = "Source: https://минсвязи.бел/node/7193" ||
  fail "--url-form=unicode: $(tail -n 1 "$stdout")"
# --url-form applies to the source address: with parts that leave it
# out, it is refused, not ignored (issue 23.4).
for parts in --paragraph=4 --title --themes "--title --paragraph=1"; do
  for form in ascii unicode display; do
    run 2 "$prog" $parts --url-form=$form
    expect_empty_stdout
    expect_stderr_contains "--url-form applies to the source address"
  done
done
run 0 "$prog" --url-form=display
test "$(tail -n 1 "$stdout")" = "Source: https://минсвязи.бел/node/7193" ||
  fail "--url-form=display: $(tail -n 1 "$stdout")"

# The address is never cut, in any language, however narrow the lines
# (check_wrap tries every width from 20 to 200): it stands whole on a
# line of its own.
for lang in $linguas en; do
  for width in 20 33; do
    run 0 "$prog" --lang="$lang" --width=$width
    grep -qF 'https://минсвязи.бел/node/7193' "$stdout" ||
      fail "--lang=$lang --width=$width: the address is cut: $(tail -n 2 "$stdout")"
  done
done

# --hyperlink: piped, no escape unless asked for (auto is for terminals;
# terminal.sh tries one); asked for, the address as an OSC 8 hyperlink to
# its ASCII form, whole at any width.
esc=$(printf '\033')
link="$esc]8;;https://xn--b1akbcqh2a7i.xn--90ais/node/7193$esc\\https://минсвязи.бел/node/7193$esc]8;;$esc\\"
for args in "" --hyperlink=auto --hyperlink=never "--hyperlink=NEVER --width=20"; do
  run 0 "$prog" $args
  grep -q "$esc" "$stdout" && fail "wtisd-message $args | ...: an escape"
done
for args in --hyperlink --hyperlink=always "--hyperlink=always --width=20" \
    "--hyperlink=always --lang=ar --width=25"; do
  run 0 "$prog" $args
  test "$(grep -c "$esc" "$stdout")" -eq 1 || fail "wtisd-message $args: not one line with escapes"
  grep -qF "$link" "$stdout" || fail "wtisd-message $args: no hyperlink"
done
run 0 "$prog" --hyperlink=always --title --format=html
grep -q "$esc" "$stdout" && fail "--hyperlink=always --title --format=html: an escape"
run 2 "$prog" --hyperlink=sometimes
expect_stderr_contains "--hyperlink takes auto, always or never, not 'sometimes'"
run 2 "$prog" --hyperlink always
expect_stderr_contains "extra operand 'always'"

expect_output wtisd-message.fr.nfd.out 0 "$prog" --lang=fr --width=0 --normalize=NFD

# The address stands where the label's %s directive is, and is never
# hidden or misplaced (issue 27.11): the library refuses a catalog whose
# label has other directives than the English "%s" ("%%", a width, a
# precision), so that the English label is printed; the program finds
# the directive as printf would in any case.  The HTML and Markdown links
# stand there too.  Columns: the translation of "Source: %s\n" as in a
# .po file, then the text printed before and after the address.
url=https://минсвязи.бел/node/7193
link='<a href="https://xn--b1akbcqh2a7i.xn--90ais/node/7193">'$url'</a>'
markdown_link="[$url](<https://xn--b1akbcqh2a7i.xn--90ais/node/7193>)"
while IFS='|' read -r label before after; do
  dir=$workdir/label
  rm -rf "$dir"
  mkdir -p "$dir/qaa/LC_MESSAGES"
  printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Source: %%s\\n"\nmsgstr "%s"\n' \
    "$label" | "$MSGFMT" -o "$dir/qaa/LC_MESSAGES/libwtisd.mo" - || exit 99
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --width=0
  test "$(tail -n 1 "$stdout")" = "$before$url$after" ||
    fail "label $label: $(tail -n 1 "$stdout")"
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --format=html
  grep -qxF "<p>$before$link$after</p>" "$stdout" ||
    fail "label $label, HTML: $(grep '<a ' "$stdout")"
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --format=markdown
  test "$(tail -n 1 "$stdout" | sed -e 's/&#32;/ /g' -e 's/\\\(.\)/\1/g')" = "$before$markdown_link$after" ||
    fail "label $label, Markdown: $(tail -n 1 "$stdout")"
done <<'EOF'
Source: %s\n|Source: |
Quelle : %s\n|Quelle : |
Quelle %%s: %s\n|Source: |
Source %-1s.\n|Source: |
%.0s (source)\n|Source: |
Source:\n%5.2s\n|Source: |
EOF

# A well-formed language without a catalog: English, a note, status 0.
expect_output_and_note () {
  run 0 "$prog" --width=0 "$@"
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" || fail "$*: not English"
  test "$(wc -l < "$stderr")" -eq 1 || fail "$*: expected one line on stderr"
}
expect_output_and_note --lang=qaa-BR
expect_stderr_contains "qaa-BR"

# Bad values: one line naming the option and the value, then the usage
# hint, nothing on stdout, status 2.
for bad in --paragraph=9 --paragraph=0 --paragraph=abc --paragraph= \
    --width=abc --width=-1 --width=99999999999999999999 \
    --url-form=x --normalize=NFX --lang=../fr "--lang=fr fr" --lang=; do
  option=${bad%%=*}
  value=${bad#*=}
  run 2 "$prog" "$bad"
  expect_empty_stdout
  expect_stderr_contains "$option"
  expect_stderr_contains "'$value'"
  expect_stderr_contains "Try 'wtisd-message --help' for more information."
done
# Bad options as getopt_long reports them, in one pass over the command
# line, as in every GNU program (issue 26.5); the usage hint follows.
while IFS='|' read -r option message; do
  run 2 "$prog" $option
  expect_empty_stdout
  expect_stderr_contains "$message"
  expect_stderr_contains "Try 'wtisd-message --help' for more information."
  test "$(wc -l < "$stderr")" -eq 2 || fail "$option: not two lines: $(cat "$stderr")"
done <<'EOF'
--no-such-option|unrecognized option '--no-such-option'
-x|invalid option -- 'x'
--t|option '--t' is ambiguous
--width|option '--width' requires an argument
--title=x|option '--title' doesn't allow an argument
--paragraph=9 --no-such-option|--paragraph takes a number from 1 to 5, not '9'
EOF

# The program's own messages are in the user's language, whatever --lang
# says; the message of the day in --lang's (issue 23.3).  The
# expectations are po/fr.po's words (getopt's are the C library's, in
# the locale: here English).
french_error="--paragraph attend un nombre compris entre 1 et 5, et non"
run 2 env LANGUAGE=fr "$prog" --lang=ar --paragraph=9
expect_stderr_contains "$french_error"
expect_stderr_contains "wtisd-message"
run 2 env LANGUAGE=ar "$prog" --paragraph=9 --lang=fr
grep -qF "$french_error" "$stderr" && fail "LANGUAGE=ar --lang=fr: the error is in French"
run 2 env LANGUAGE=fr "$prog" --lang=ar --no-such-option
expect_stderr_contains "Essayez"
expect_output_file "$srcdir/data/wtisd-message.help" 0 env LANGUAGE=en "$prog" --lang=fr --help
run 0 env LANGUAGE=fr "$prog" --lang=ar --version
grep -qF "Les auteurs de libwtisd" "$stdout" || fail "LANGUAGE=fr --lang=ar --version: not in French"
run 0 env LANGUAGE=fr "$prog" --lang=qaa --title
expect_stderr_contains "qaa"
grep -qF "aucun catalogue pour la langue" "$stderr" ||
  fail "LANGUAGE=fr --lang=qaa: the note is not in French: $(cat "$stderr")"
expect_output wtisd-message.ar.out 0 env LANGUAGE=fr "$prog" --lang=ar --width=0
run 2 "$prog" extra-operand
expect_empty_stdout
expect_stderr_contains "wtisd-message: extra operand 'extra-operand'"
# A long argument whose last character is escaped (U+E0001, a format
# character, four bytes shown as sixteen) is shown whole, in every
# message that shows one: 251 bytes overflowed a buffer of 260 (issue
# 27.2, caught by the ASan build), 1000 were cut short.
for count in 251 1000; do
  long=$(printf 'a%.0s' $(seq $count))
  tagged=$long$(printf '\363\240\200\201')
  for arg in "--lang=$tagged" "--width=$tagged" "--url-form=$tagged" "$tagged"; do
    run 2 "$prog" "$arg"
    expect_empty_stdout
    expect_stderr_contains "'$long\\xf3\\xa0\\x80\\x81'"
  done
  run 2 "$prog" "--$tagged"
done

run 0 "$prog" --version
expect_first_line "wtisd-message (libwtisd) 0.1.0"

# A failed write is reported, not hidden behind status 0.
if test -w /dev/full; then
  run 1 sh -c '"$0" > /dev/full' "$prog"
  expect_stderr_contains "wtisd-message: write error"
fi

finish
