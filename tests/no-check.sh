#!/bin/sh
# no-check.sh - what make check runs when configure did not find Check:
# a skip, so that a build without the test framework says what it did not
# test instead of passing or failing.
# SPDX-License-Identifier: LGPL-2.1-or-later

echo "SKIP: Check >= 0.15 was not found by configure; install it (Debian package: check) and configure again to run the tests"
exit 77
