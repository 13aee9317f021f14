#!/bin/sh
# minimal.sh - the minimal example prints the title and paragraphs.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

expect_minimal_output "$top_builddir/examples/minimal"
finish
