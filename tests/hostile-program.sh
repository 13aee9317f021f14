#!/bin/sh
# hostile-program.sh - wtisd-message with hostile catalogs in its search
# path: format strings in its own messages, terminal controls in the
# texts, a damaged or blocking English catalog, a hostile parent of a
# sound regional catalog, a garbage hash table.  Never a crash or a hang,
# never a control character on stdout or stderr, English (or the sound
# catalog) with a note.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"
. "$srcdir/hostile-po.sh"

prog=$top_builddir/examples/wtisd-message

# The output of a run may hold no control character but newlines.
expect_clean () {
  if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$stdout" "$stderr"; then
    fail "$last_command: a control character reached the terminal"
  fi
}

hostile_refused_make
for name in $hostile_refused; do
  dir=$workdir/$name
  for args in "--lang=fr" "--lang=fr --help" "--lang=fr --width=bad" \
      "--lang=fr --no-such" "--lang=fr extra"; do
    # shellcheck disable=SC2086 # one word per argument
    run_status=$(env WTISD_LOCALEDIR="$dir" timeout 10 "$prog" $args \
      > "$stdout" 2> "$stderr"; echo $?)
    last_command="$name: wtisd-message $args"
    case $run_status in
      0|2) ;;
      *) fail "$last_command: exit status $run_status" ;;
    esac
    expect_clean
  done
  run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=fr --width=0
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" ||
    fail "$name: the hostile catalog was used"
  expect_stderr_contains "'fr' is damaged"
  run 0 env WTISD_LOCALEDIR="$dir" LC_ALL= LANG=fr_FR.UTF-8 "$prog" --width=0
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" ||
    fail "$name: LANG=fr_FR: the hostile catalog was used"
  expect_clean
done

# A damaged English catalog, then a FIFO in its place: English from the
# library's own texts for every way of asking, never a hang.
for kind in damaged fifo; do
  dir=$workdir/english-$kind
  mkdir -p "$dir/en/LC_MESSAGES"
  if test $kind = fifo; then
    mkfifo "$dir/en/LC_MESSAGES/libwtisd.mo" || exit 99
  else
    head -c 600 "$WTISD_LOCALEDIR/fr/LC_MESSAGES/libwtisd.mo" \
      > "$dir/en/LC_MESSAGES/libwtisd.mo"
  fi
  for args in --lang=en --lang=en-GB --lang=C --lang=qaa; do
    run 0 env WTISD_LOCALEDIR="$dir" timeout 10 "$prog" --width=0 $args
    cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" ||
      fail "english-$kind: $args is not English"
  done
  run 0 env WTISD_LOCALEDIR="$dir" LC_ALL= LANG=qaa_QQ.UTF-8 timeout 10 "$prog" --width=0
  cmp -s "$srcdir/data/wtisd-message.en.out" "$stdout" ||
    fail "english-$kind: LANG=qaa_QQ is not English"
done

# A sound fr_CA beside a hostile fr: fr_CA is read, fr never.
dir=$workdir/parent
catalog "$dir" fr_CA < "$french"
sed -e '/^msgid "WTISD 2021/{n;s/^msgstr "/msgstr "\\033[2J/}' \
  -e '/^msgstr "Source/s/%s/%s %s %s %s %s %s %s %s %s %s/' "$french" |
  catalog "$dir" fr
expect_output wtisd-message.fr.out 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=fr-CA --width=0
run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=fr --width=0
expect_clean

# The hash table is for glibc, which never reads these catalogs: garbage
# there changes nothing.
dir=$workdir/hash
catalog "$dir" fr < "$french"
mo=$dir/fr/LC_MESSAGES/libwtisd.mo
# Hash table size and offset (little-endian words at 20 and 24).
printf '\377\377\377\177\000\360\377\177' |
  dd of="$mo" bs=1 seek=20 conv=notrunc 2> /dev/null
expect_output wtisd-message.fr.out 0 env WTISD_LOCALEDIR="$dir" timeout 10 "$prog" --lang=fr --width=0
expect_output wtisd-message.fr.out 0 env WTISD_LOCALEDIR="$dir" LC_ALL= LANG=fr_FR.UTF-8 timeout 10 "$prog" --width=0

# The values and operands the program echoes are escaped.  (An unknown
# option is getopt_long's to report, raw, as in every GNU program.)
for arg in "--lang=$(printf 'x\033[2J\nfr')" "--width=$(printf '1\033]0;x\a')" \
    "$(printf 'extra\033[2J')"; do
  run 2 "$prog" "$arg"
  expect_clean
  expect_stderr_contains '\x1b'
done
finish
