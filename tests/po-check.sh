#!/bin/sh
# po-check.sh - the translators' checker (make -C po check-LL) finds, in
# each catalog of data/po-check, the problems at their lines, with their
# fixes, as the LL.out beside LL.po lists them: fr.po has one problem of
# each kind any catalog can have, ur.po those of a right-to-left one.
# catalogs.sh runs it on every shipped catalog.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

checker=$(cd "$top_builddir/tests" && pwd)/po-check
cd "$srcdir/data/po-check" || exit 99
for catalog in fr ur; do
  "$checker" $catalog.po "$MSGFMT" > "$stdout" 2> "$stderr"
  status=$?
  test $status = 1 || fail "po-check $catalog.po: exit status $status, expected 1"
  if ! cmp -s $catalog.out "$stdout"; then
    fail "po-check $catalog.po: the report differs from $catalog.out"
    diff -u $catalog.out "$stdout" >&2
  fi
done
"$checker" no-such.po > /dev/null 2>&1
test $? = 2 || fail "po-check of a missing file: exit status not 2"
finish
