#!/bin/sh
# idna-data.sh - the UTS #46 conformance suite has its data in every
# build: tests/data ships Unicode's IdnaTestV2.txt unchanged, and the
# file configure chose for check_idna_conformance exists, so that suite
# runs instead of reporting a skip.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

shipped=$srcdir/data/IdnaTestV2-15.0.0.txt
# The SHA-256 of the file Unicode publishes at
# https://www.unicode.org/Public/idna/15.0.0/IdnaTestV2.txt
published=d11c684f5dd04605c9b3f429d31f8ec68843739706b556365cc481f8553712d2
if test -f "$shipped"; then
  sum=$(sha256sum < "$shipped" | cut -d' ' -f1)
  test "$sum" = "$published" ||
    fail "$shipped differs from Unicode's file (SHA-256 $sum)"
else
  fail "$shipped is not shipped"
fi
test -r "${WTISD_IDNA_TEST:-}" ||
  fail "the IDNA conformance data '${WTISD_IDNA_TEST:-}' (configure --with-idna-test) is not readable"
finish
