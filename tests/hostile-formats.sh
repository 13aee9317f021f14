#!/bin/sh
# hostile-formats.sh - wtisd-message --format=html, json and markdown
# under every --normalize form, with every hostile catalog of the tests
# (those hostile-catalogs writes, those hostile-program.sh uses, and
# sound ones full of would-be markup), read as their readers read them:
# an HTML parser, a JSON parser, a CommonMark/GFM renderer
# (document-check.py).  Only the expected elements, the texts of the text
# output, no link but the source address and the original's.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"
. "$srcdir/hostile-po.sh"

if ! command -v python3 > /dev/null 2>&1; then
  echo "SKIP: python3 is not installed"
  exit 77
fi
prog=$top_builddir/examples/wtisd-message

"$top_builddir/tests/hostile-catalogs" "$workdir/damaged" "$WTISD_LOCALEDIR" \
  > "$workdir/names" || exit 99
hostile_refused_make
hostile_markup_make
# The catalogs of the tests, and the hostile ones, the markup ones first.
{
  for name in $hostile_markup $hostile_refused; do echo "$workdir/$name"; done
  sed -e "s|^|$workdir/damaged/|" "$workdir/names"
  echo "$WTISD_LOCALEDIR"
} > "$workdir/dirs"
while read -r dir; do
  env WTISD_LOCALEDIR="$dir" python3 "$srcdir/document-check.py" "$prog" \
    --lang=fr > "$workdir/check" 2>&1 || fail "$(basename "$dir"):"
  sed -e 's/^/  /' "$workdir/check" | sort -u | head -8 >&2
done < "$workdir/dirs"
finish
