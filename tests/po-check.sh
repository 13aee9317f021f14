#!/bin/sh
# po-check.sh - the translators' checker (make -C po check-LL) finds one
# problem of each kind in data/po-check/fr.po, at its line, with its fix,
# as data/po-check/fr.out lists them; catalogs.sh runs it on every
# shipped catalog.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

checker=$(cd "$top_builddir/tests" && pwd)/po-check
cd "$srcdir/data/po-check" || exit 99
"$checker" fr.po "$MSGFMT" > "$stdout" 2> "$stderr"
status=$?
test $status = 1 || fail "po-check fr.po: exit status $status, expected 1"
if ! cmp -s fr.out "$stdout"; then
  fail "po-check fr.po: the report differs from fr.out"
  diff -u fr.out "$stdout" >&2
fi
"$checker" no-such.po > /dev/null 2>&1
test $? = 2 || fail "po-check of a missing file: exit status not 2"
finish
