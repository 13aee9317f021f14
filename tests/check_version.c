/* check_version.c - the version macros and wtisd_check_version.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>

#include <wtisd.h>

#include "testutil.h"

START_TEST (test_header_matches_package)
{
  char expected[16];

  ck_assert_str_eq (WTISD_VERSION, PACKAGE_VERSION);
  ck_assert_str_eq (WTISD_VERSION, "0.1.0");
  snprintf (expected, sizeof expected, "%d.%d.%d",
            (WTISD_VERSION_NUMBER >> 16) & 0xff,
            (WTISD_VERSION_NUMBER >> 8) & 0xff, WTISD_VERSION_NUMBER & 0xff);
  ck_assert_str_eq (expected, WTISD_VERSION);
}
END_TEST

START_TEST (test_null_request_gives_runtime_version)
{
  ck_assert_str_eq (wtisd_check_version (NULL), WTISD_VERSION);
}
END_TEST

static const char *const satisfied[] = {
  "0.1.0", "0.1", "0", "0.0.9", "0.0.99999", "00.01.00",
};

START_TEST (test_older_or_equal_request_is_satisfied)
{
  ck_assert_str_eq (wtisd_check_version (satisfied[_i]), WTISD_VERSION);
}
END_TEST

static const char *const refused[] = {
  /* Newer.  */
  "0.1.1",
  "0.2",
  "1",
  "1.0.0",
  "0.10.0",
  "99999999999999999999999",
  /* Malformed.  */
  "",
  "x",
  "0.1.0.0",
  "0..1",
  ".1",
  "1.",
  "0.1-rc1",
  " 0.1",
  "-1",
  "0x1",
};

START_TEST (test_newer_or_malformed_request_gives_null)
{
  ck_assert_ptr_null (wtisd_check_version (refused[_i]));
}
END_TEST

static Suite *
version_suite (void)
{
  Suite *suite = suite_create ("version");
  TCase *tcase = tcase_create ("version");

  tcase_add_test (tcase, test_header_matches_package);
  tcase_add_test (tcase, test_null_request_gives_runtime_version);
  tcase_add_loop_test (tcase, test_older_or_equal_request_is_satisfied, 0,
                       (int)(sizeof satisfied / sizeof satisfied[0]));
  tcase_add_loop_test (tcase, test_newer_or_malformed_request_gives_null, 0,
                       (int)(sizeof refused / sizeof refused[0]));
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (version_suite ());
}
