#!/bin/sh
# installcheck.sh - what a user gets from "make install": a program built
# outside the tree with pkg-config against the installed header and
# library prints the English and French texts; the library exports only
# the API; a static program links through pkg-config --static.  Run by
# "make installcheck" (and so by "make distcheck").
# Also: every catalog installed as $(localedir)/LL/LC_MESSAGES/libwtisd.mo,
# a man page for the library and each function.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

: "${libdir:?}" "${bindir:?}" "${localedir:?}" "${mandir:?}" "${PKG_CONFIG:=pkg-config}"
export PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The installed catalogs, not the build tree's.
unset WTISD_LOCALEDIR

run 0 "$PKG_CONFIG" --modversion libwtisd
test "$(cat "$stdout")" = 0.1.0 || fail "pkg-config says version $(cat "$stdout")"

cp "$srcdir/../examples/minimal.c" "$workdir/"
run 0 sh -c 'cd "$1" && ${CC:-cc} -o minimal minimal.c $("$2" --cflags --libs libwtisd)' \
  sh "$workdir" "$PKG_CONFIG"

expect_minimal_output "$workdir/minimal"

# The .pc file speaks pkg-config, not libtool, and says where the project is.
pc=$libdir/pkgconfig/libwtisd.pc
grep -q '^URL: https://' "$pc" || fail "$pc has no URL field"
grep -E '@[A-Za-z_]+@|\.la\b|-R' "$pc" && fail "$pc has unsubstituted or libtool syntax"

# And a static program, linked only with what pkg-config --static says
# (ICU is C++: its runtime has to come from there too).
if test -f "$libdir/libwtisd.a"; then
  run 0 sh -c 'cd "$1" && ${CC:-cc} -static -o minimal-static minimal.c $("$2" --cflags --static --libs libwtisd)' \
    sh "$workdir" "$PKG_CONFIG"
  expect_minimal_output "$workdir/minimal-static"
fi

expect_output wtisd-message.fr.out 0 env -u LC_ALL LANG=fr_FR.UTF-8 "$bindir/wtisd-message" --width=0

# Every catalog installed where any gettext reader looks for it.
for lang in $(sed -e 's/#.*//' "$srcdir/../po/LINGUAS"); do
  mo=$localedir/$lang/LC_MESSAGES/libwtisd.mo
  if test -f "$mo"; then
    run 0 msgunfmt "$mo"
  else
    fail "$mo is not installed"
  fi
done

# A man page for the library and for every function it exports.
for page in libwtisd $(cat "$srcdir/data/symbols.txt"); do
  test -f "$mandir/man3/$page.3" || fail "$mandir/man3/$page.3 is not installed"
done
test -f "$mandir/man1/wtisd-message.1" || fail "$mandir/man1/wtisd-message.1 is not installed"

lib=$libdir/libwtisd.so
if test -f "$lib"; then
  nm -D --defined-only "$lib" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' \
    | LC_ALL=C sort > "$workdir/symbols"
  cmp -s "$srcdir/data/symbols.txt" "$workdir/symbols" ||
    fail "installed library exports more than the API: $(echo $(cat "$workdir/symbols"))"
fi
finish
