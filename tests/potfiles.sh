#!/bin/sh
# potfiles.sh - po/POTFILES.in lists every source that marks strings for
# translation, and only existing files.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

cd "$top_srcdir" || exit 99
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | LC_ALL=C sort)
for file in $listed; do
  test -f "$file" || fail "po/POTFILES.in lists $file, which does not exist"
done
marking=$(grep -lE '\b(N?_|gettext|dgettext|dcgettext) ?\(' \
            libwtisd/*.[ch] examples/*.[ch] | LC_ALL=C sort)
for file in $marking; do
  echo "$listed" | grep -qxF "$file" || fail "$file marks strings but is not in po/POTFILES.in"
done
finish
