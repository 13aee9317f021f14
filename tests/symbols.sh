#!/bin/sh
# symbols.sh - the shared library exports exactly the documented API.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

lib=$top_builddir/libwtisd/.libs/libwtisd.so
if ! test -f "$lib"; then
  echo "SKIP: no shared library built ($lib)"
  exit 77
fi
# Defined dynamic symbols, without the version node name.
nm -D --defined-only "$lib" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' \
  | LC_ALL=C sort > "$workdir/symbols"
if ! cmp -s "$srcdir/data/symbols.txt" "$workdir/symbols"; then
  fail "exported symbols differ from data/symbols.txt"
  diff -u "$srcdir/data/symbols.txt" "$workdir/symbols" >&2
fi
# Each one carries the version node the map file names.
nm -D --defined-only "$lib" | grep ' T ' | grep -v '@@WTISD_0\.1$' \
  && fail "exported functions without the WTISD_0.1 version"
finish
