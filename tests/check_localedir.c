/* check_localedir.c - where catalogs are read from, and changing it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

/* The test harness points WTISD_LOCALEDIR at the build tree's catalogs;
   the configured directory comes after it.  */
static const char *
harness_localedir (void)
{
  static char path[4096];
  const char *dir = getenv ("WTISD_LOCALEDIR");
  const char *configured = getenv ("WTISD_CONFIGURED_LOCALEDIR");

  ck_assert_msg (dir != NULL && configured != NULL,
                 "WTISD_LOCALEDIR or WTISD_CONFIGURED_LOCALEDIR is not set");
  snprintf (path, sizeof path, "%s:%s", dir, configured);
  return path;
}

START_TEST (test_environment_sets_default)
{
  ck_assert_str_eq (wtisd_localedir (), harness_localedir ());
}
END_TEST

START_TEST (test_directory_without_catalog_gives_english)
{
  char *english_title;

  english_title = strdup (wtisd_text (WTISD_TITLE));
  testutil_use_language ("fr");
  ck_assert_str_ne (wtisd_text (WTISD_TITLE), english_title);
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/locale"), WTISD_OK);
  ck_assert_str_eq (wtisd_localedir (), "/nonexistent/locale");
  ck_assert_str_eq (wtisd_text (WTISD_TITLE), english_title);
  free (english_title);
}
END_TEST

START_TEST (test_null_restores_default)
{
  char *french_title;

  testutil_use_language ("fr");
  french_title = strdup (wtisd_text (WTISD_TITLE));
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/locale"), WTISD_OK);
  ck_assert_str_ne (wtisd_text (WTISD_TITLE), french_title);
  ck_assert_int_eq (wtisd_set_localedir (NULL), WTISD_OK);
  ck_assert_str_eq (wtisd_localedir (), harness_localedir ());
  ck_assert_str_eq (wtisd_text (WTISD_TITLE), french_title);
  free (french_title);
}
END_TEST

START_TEST (test_earlier_pointers_stay_valid)
{
  const char *dir, *title;
  char *dir_copy, *title_copy;

  testutil_use_language ("fr");
  dir = wtisd_localedir ();
  title = wtisd_text (WTISD_TITLE);
  dir_copy = strdup (dir);
  title_copy = strdup (title);
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/a"), WTISD_OK);
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/b"), WTISD_OK);
  ck_assert_str_eq (dir, dir_copy);
  ck_assert_str_eq (title, title_copy);
  free (dir_copy);
  free (title_copy);
}
END_TEST

START_TEST (test_same_directory_reuses_string)
{
  const char *first;

  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/a"), WTISD_OK);
  first = wtisd_localedir ();
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/b"), WTISD_OK);
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/a"), WTISD_OK);
  ck_assert_ptr_eq (wtisd_localedir (), first);
}
END_TEST

START_TEST (test_empty_directory_is_invalid)
{
  ck_assert_int_eq (wtisd_set_localedir (""), WTISD_EINVAL);
  ck_assert_str_eq (wtisd_localedir (), harness_localedir ());
}
END_TEST

/* Set before the library's first use, the environment is ignored.  */
START_TEST (test_set_before_first_use_wins)
{
  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/first"), WTISD_OK);
  ck_assert_str_eq (wtisd_localedir (), "/nonexistent/first");
  ck_assert_int_eq (wtisd_set_localedir (NULL), WTISD_OK);
  ck_assert_str_eq (wtisd_localedir (), harness_localedir ());
}
END_TEST

static Suite *
localedir_suite (void)
{
  Suite *suite = suite_create ("localedir");
  TCase *tcase = tcase_create ("localedir");

  /* Check forks each test, so each starts with the library unused.  */
  tcase_add_test (tcase, test_environment_sets_default);
  tcase_add_test (tcase, test_directory_without_catalog_gives_english);
  tcase_add_test (tcase, test_null_restores_default);
  tcase_add_test (tcase, test_earlier_pointers_stay_valid);
  tcase_add_test (tcase, test_same_directory_reuses_string);
  tcase_add_test (tcase, test_empty_directory_is_invalid);
  tcase_add_test (tcase, test_set_before_first_use_wins);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (localedir_suite ());
}
