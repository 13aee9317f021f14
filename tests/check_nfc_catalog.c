/* check_nfc_catalog.c - a catalog compiled from a .po file in NFD still
   gives NFC text, the same pointer on every call.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

static void
use_nfd_catalog (void)
{
  const char *dir = getenv ("WTISD_NFD_LOCALEDIR");

  ck_assert_msg (dir != NULL, "WTISD_NFD_LOCALEDIR is not set");
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  testutil_use_language ("fr");
}

START_TEST (test_nfd_catalog_text_comes_back_nfc)
{
  const char *parts[TESTUTIL_MESSAGE_PARTS];
  const char *title;
  char *message;

  testutil_read_message ("message-fr.txt", &message, parts);
  use_nfd_catalog ();
  title = wtisd_text (WTISD_TITLE);
  ck_assert_str_eq (title, parts[0]);
  ck_assert_ptr_eq (wtisd_text (WTISD_TITLE), title);
  free (message);
}
END_TEST

START_TEST (test_nfd_catalog_strerror_comes_back_nfc)
{
  const char *message;

  use_nfd_catalog ();
  message = wtisd_strerror (WTISD_ENOMEM);
  ck_assert_str_eq (message, "M\xc3\xa9moire insuffisante");
  ck_assert_ptr_eq (wtisd_strerror (WTISD_ENOMEM), message);
}
END_TEST

/* An NFC catalog's strings are returned as they are, not copied.  */
START_TEST (test_nfc_catalog_text_not_copied)
{
  const char *first;

  testutil_use_language ("fr");
  first = wtisd_text (WTISD_PARAGRAPH_1);
  ck_assert_ptr_eq (wtisd_text (WTISD_PARAGRAPH_1), first);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("nfc-catalog");
  TCase *tcase = tcase_create ("nfc");

  tcase_add_test (tcase, test_nfd_catalog_text_comes_back_nfc);
  tcase_add_test (tcase, test_nfd_catalog_strerror_comes_back_nfc);
  tcase_add_test (tcase, test_nfc_catalog_text_not_copied);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
