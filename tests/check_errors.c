/* check_errors.c - status codes and wtisd_strerror.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

/* data/strerror-en.txt: one line per code, WTISD_OK down to
   WTISD_ECATALOG, then the message for any unknown code.  */
#define KNOWN_CODES 8

static const int known_codes[KNOWN_CODES] = {
  WTISD_OK,     WTISD_EINVAL, WTISD_EUTF8,      WTISD_EIDNA,
  WTISD_ENOMEM, WTISD_EICU,   WTISD_ENOCATALOG, WTISD_ECATALOG,
};

static const int unknown_codes[] = { 1, -8, -1000, INT_MIN, INT_MAX };

START_TEST (test_codes_have_documented_values)
{
  ck_assert_int_eq (WTISD_OK, 0);
  ck_assert_int_eq (WTISD_EINVAL, -1);
  ck_assert_int_eq (WTISD_EUTF8, -2);
  ck_assert_int_eq (WTISD_EIDNA, -3);
  ck_assert_int_eq (WTISD_ENOMEM, -4);
  ck_assert_int_eq (WTISD_EICU, -5);
  ck_assert_int_eq (WTISD_ENOCATALOG, -6);
  ck_assert_int_eq (WTISD_ECATALOG, -7);
}
END_TEST

START_TEST (test_strerror_english_for_every_code)
{
  const char *expected[KNOWN_CODES + 1];
  char *buffer;

  ck_assert_int_eq (testutil_read_lines ("strerror-en.txt", &buffer, expected,
                                         KNOWN_CODES + 1),
                    KNOWN_CODES + 1);
  ck_assert_str_eq (wtisd_strerror (known_codes[_i]), expected[_i]);
  free (buffer);
}
END_TEST

START_TEST (test_strerror_unknown_code_is_generic)
{
  const char *expected[KNOWN_CODES + 1];
  char *buffer;

  testutil_read_lines ("strerror-en.txt", &buffer, expected, KNOWN_CODES + 1);
  ck_assert_str_eq (wtisd_strerror (unknown_codes[_i]), expected[KNOWN_CODES]);
  free (buffer);
}
END_TEST

/* Every message is translated, and no two codes read alike.  */
START_TEST (test_strerror_french_translated_and_distinct)
{
  const char *english = wtisd_strerror (known_codes[_i]);
  char *english_copy = strdup (english);
  int j;

  testutil_use_language ("fr");
  ck_assert_str_ne (wtisd_strerror (known_codes[_i]), english_copy);
  for (j = 0; j < KNOWN_CODES; j++)
    if (j != _i)
      ck_assert_str_ne (wtisd_strerror (known_codes[j]),
                        wtisd_strerror (known_codes[_i]));
  free (english_copy);
}
END_TEST

static Suite *
errors_suite (void)
{
  Suite *suite = suite_create ("errors");
  TCase *tcase = tcase_create ("strerror");
  int unknown = (int)(sizeof unknown_codes / sizeof unknown_codes[0]);

  tcase_add_test (tcase, test_codes_have_documented_values);
  tcase_add_loop_test (tcase, test_strerror_english_for_every_code, 0,
                       KNOWN_CODES);
  tcase_add_loop_test (tcase, test_strerror_unknown_code_is_generic, 0,
                       unknown);
  tcase_add_loop_test (tcase, test_strerror_french_translated_and_distinct, 0,
                       KNOWN_CODES);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (errors_suite ());
}
