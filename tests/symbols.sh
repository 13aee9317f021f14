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
# The static library defines nothing global outside the two prefixes, so a
# program with its own utf8_check links (libidn2 does the same with _idn2_).
static=$top_builddir/libwtisd/.libs/libwtisd.a
if test -f "$static"; then
  nm -g --defined-only "$static" | awk 'NF == 3 { print $3 }' \
    | grep -v -e '^wtisd_' -e '^_wtisd_' -e '^__odr_asan\.' > "$workdir/leaked"
  if test -s "$workdir/leaked"; then
    fail "libwtisd.a defines global symbols outside wtisd_ and _wtisd_:"
    cat "$workdir/leaked" >&2
  fi
  # And a program that defines one of the internal short names links.
  cat > "$workdir/clash.c" <<'EOC'
#include <wtisd.h>
int utf8_check (const char *s, unsigned long n);
int utf8_check (const char *s, unsigned long n) { return s != 0 && n > 0; }
int main (void) { return wtisd_text_in ("en", WTISD_TITLE) == 0 || !utf8_check ("a", 1); }
EOC
  if ! $CC $CFLAGS -I"$top_builddir/libwtisd" $LDFLAGS -o "$workdir/clash" "$workdir/clash.c" \
      "$static" $ICU_I18N_LIBS $ICU_LIBS -lpthread 2> "$workdir/clash.err"; then
    fail "a program defining utf8_check does not link with libwtisd.a"
    cat "$workdir/clash.err" >&2
  fi
fi
finish
