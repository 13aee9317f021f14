#!/bin/sh
# valgrind-suite.sh - the test driver's LOG_COMPILER with
# --enable-valgrind-tests: runs a Check suite under memcheck ($VALGRIND),
# with its slow cases left out and its malloc-failure walks sampled.
# The suites of millions of cases (the conformance data, the comparisons
# with ICU, hostile inputs by the thousand) and those that fork a process
# per failed allocation would take hours under valgrind: they run
# natively here, and CI runs them under ASan and UBSan too.
# SPDX-License-Identifier: LGPL-2.1-or-later

case ${1##*/} in
  check_idna_conformance | check_normalization_conformance | \
  check_idna_ascii | check_display | check_bad_input | \
  check_hostile_catalogs | check_oom | check_language_oom)
    exec "$@" ;;
esac
FAILMALLOC_STRIDE=53 CK_TIMEOUT_MULTIPLIER=20 CK_EXCLUDE_TAGS=slow
export FAILMALLOC_STRIDE CK_TIMEOUT_MULTIPLIER CK_EXCLUDE_TAGS
# shellcheck disable=SC2086 # VALGRIND is a command and its options
exec $VALGRIND "$@"
