#!/bin/sh
# terminal.sh - wtisd-message on a real terminal (tmux), in every shipped
# language and every draft in po/drafts, at 80 and 40 columns, and at 12
# in the scripts hardest to wrap: each line it writes fills one row of
# the screen, never two, so the screen shows exactly the blank lines the
# output has (one between blocks, none inside a paragraph).  tmux measures
# with the C library's wcwidth, not with the program's own code.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

if ! command -v tmux > /dev/null 2>&1; then
  echo "SKIP: tmux is not installed"
  exit 77
fi
if ! locale -a 2> /dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
  echo "SKIP: no C.UTF-8 locale for tmux"
  exit 77
fi

prog=$(cd "$top_builddir/examples" && pwd)/wtisd-message
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
# The drafts too, ahead of the shipped catalogs.
drafts_compile
socket=wtisd-test-$$
tmux_ () { LC_ALL=C.UTF-8 tmux -u -L "$socket" -f /dev/null "$@"; }
trap 'tmux_ kill-server 2> /dev/null; rm -rf "$workdir"' 0
# A session that outlives the others, so that tmux's server does not exit
# with each one, and a new one never meets a server on its way out.
tmux_ new-session -d -s keep "sleep 600"

# screen LANG COLUMNS [ARG]: runs the program in a terminal of COLUMNS x
# 999 and writes what the screen shows, once the program has finished,
# to $workdir/screen.
screen () {
  rm -f "$workdir/done"
  tmux_ new-session -d -s "$1-$2" -x "$2" -y 999 \
    "env WTISD_LOCALEDIR='$WTISD_LOCALEDIR' LC_ALL=C.UTF-8 '$prog' --lang=$1 ${3-}; touch '$workdir/done'; sleep 60"
  tries=0
  while ! test -f "$workdir/done" && test $tries -lt 100; do
    sleep 0.1
    tries=$((tries + 1))
  done
  tmux_ capture-pane -p -t "$1-$2" > "$workdir/screen"
  tmux_ kill-session -t "$1-$2"
  # The rows after the output are empty: drop them.
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$workdir/screen" > "$workdir/screen.trim"
}

for lang in $linguas en $drafts; do
  widths="80 40"
  # Words longer than the line (Informationsgesellschaft) are cut, and
  # French no-break spaces stay; scripts without spaces between words
  # (Burmese, Khmer, Thai, Japanese) break where ICU's dictionaries say,
  # never inside a syllable; the others have marks (Sinhala, Hindi,
  # Arabic) a terminal must count as the program does.
  case $lang in
    de|en|fr|ta|te|my|km|si|th|hi|ja|ar) widths="80 40 12" ;;
  esac
  for columns in $widths; do
    # At 12 columns the address, never cut, is wider than the screen,
    # which folds it: in ASCII, so that fold(1) knows where; it is the
    # last line.
    url_form=
    test "$columns" -gt 12 || url_form=--url-form=ascii
    env COLUMNS="$columns" "$prog" --lang="$lang" $url_form > "$workdir/output" ||
      fail "$lang: the program failed"
    cp "$workdir/output" "$workdir/piped"
    test -z "$url_form" ||
      { sed '$d' "$workdir/output"; tail -n 1 "$workdir/output" | fold -w "$columns"; } > "$workdir/piped"
    screen "$lang" "$columns" $url_form
    if ! cmp -s "$workdir/piped" "$workdir/screen.trim"; then
      fail "$lang at $columns columns: the screen is not the output, line for line"
      diff -u "$workdir/piped" "$workdir/screen.trim" | head -12 >&2
    fi
    # One blank line between the title, the five paragraphs and the
    # source: six on the screen, never two in a row.
    blanks=$(grep -c '^$' "$workdir/screen.trim")
    test "$blanks" -eq 6 || fail "$lang at $columns columns: $blanks blank lines, not 6"
    grep -q '[[:space:]]$' "$workdir/output" &&
      fail "$lang at $columns columns: a line ends in white space"
  done
done
# On a terminal the source address is an OSC 8 hyperlink by default
# (--hyperlink=auto), to the ASCII form of the address, around its text
# as shown, and not with --hyperlink=never (issue 23.2).  What the
# program wrote, escapes and all, is read with pipe-pane.
# raw ARG...: runs the program with ARG... in a terminal; its output in
# $workdir/raw.
raw () {
  rm -f "$workdir/done" "$workdir/go" "$workdir/raw"
  tmux_ new-session -d -s raw -x 80 -y 50 \
    "while ! test -f '$workdir/go'; do sleep 0.05; done; env WTISD_LOCALEDIR='$WTISD_LOCALEDIR' LC_ALL=C.UTF-8 '$prog' $*; touch '$workdir/done'; sleep 60"
  tmux_ pipe-pane -t raw "cat > '$workdir/raw'"
  touch "$workdir/go"
  tries=0
  while ! test -f "$workdir/done" && test $tries -lt 100; do
    sleep 0.1
    tries=$((tries + 1))
  done
  # pipe-pane's cat may still be copying: wait for the address, then
  # for the file to stop growing.
  tries=0
  while ! grep -qF /node/7193 "$workdir/raw" 2> /dev/null && test $tries -lt 50; do
    sleep 0.1
    tries=$((tries + 1))
  done
  size=
  while test "$size" != "$(wc -c < "$workdir/raw")" && test $tries -lt 100; do
    size=$(wc -c < "$workdir/raw")
    sleep 0.2
    tries=$((tries + 1))
  done
  tmux_ kill-session -t raw
}
esc=$(printf '\033')
link="$esc]8;;https://xn--b1akbcqh2a7i.xn--90ais/node/7193$esc\\https://минсвязи.бел/node/7193$esc]8;;$esc\\"
for args in "" --hyperlink=auto --hyperlink "--hyperlink=always --width=20"; do
  raw $args
  grep -qF "$link" "$workdir/raw" || fail "wtisd-message $args on a terminal: no hyperlink"
done
raw --hyperlink=never
grep -q "$esc" "$workdir/raw" && fail "--hyperlink=never on a terminal: an escape"
grep -qF "https://минсвязи.бел/node/7193" "$workdir/raw" ||
  fail "--hyperlink=never on a terminal: no address"
finish
