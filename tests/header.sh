#!/bin/sh
# header.sh - wtisd.h compiles alone, clean, as C99 -pedantic and as C++.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

printf '#include <wtisd.h>\nint main (void) { return wtisd_text (WTISD_TITLE) == 0; }\n' \
  > "$workdir/use.c"
run 0 $CC -std=c99 -pedantic-errors -Wall -Wextra -Werror \
  -I"$top_builddir/libwtisd" -fsyntax-only "$workdir/use.c"
if ${CXX:-c++} --version >/dev/null 2>&1; then
  cp "$workdir/use.c" "$workdir/use.cc"
  run 0 ${CXX:-c++} -std=c++11 -pedantic-errors -Wall -Wextra -Werror \
    -I"$top_builddir/libwtisd" -fsyntax-only "$workdir/use.cc"
else
  echo "no C++ compiler: the C++ check is skipped"
fi
finish
