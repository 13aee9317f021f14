/* check_texts.c - the message's texts, in English and through gettext.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

/* Compares every text of the message with a message file in data/.  */
static void
assert_message_equals (const char *message_file, const char *themes_file)
{
  const char *parts[TESTUTIL_MESSAGE_PARTS];
  const char *themes[2];
  char *message, *theme_buffer;
  int i;

  testutil_read_message (message_file, &message, parts);
  for (i = 0; i < TESTUTIL_MESSAGE_PARTS; i++)
    ck_assert_str_eq (wtisd_text ((wtisd_text_id)(WTISD_TITLE + i)), parts[i]);
  ck_assert_int_eq (
      testutil_read_lines (themes_file, &theme_buffer, themes, 2), 2);
  ck_assert_str_eq (wtisd_text (WTISD_THEME_WTISD_2021), themes[0]);
  ck_assert_str_eq (wtisd_text (WTISD_THEME_WTDC_2021), themes[1]);
  free (theme_buffer);
  free (message);
}

START_TEST (test_english_texts_equal_seed)
{
  /* Tests run in the C locale: no catalog applies.  */
  assert_message_equals ("message-en.txt", "themes-en.txt");
}
END_TEST

START_TEST (test_french_texts_through_gettext)
{
  testutil_use_language ("fr");
  assert_message_equals ("message-fr.txt", "themes-fr.txt");
}
END_TEST

START_TEST (test_language_without_catalog_gives_english)
{
  testutil_use_language ("xx");
  assert_message_equals ("message-en.txt", "themes-en.txt");
}
END_TEST

/* The standalone theme is the one quoted in its paragraph.  */
START_TEST (test_themes_quoted_in_their_paragraphs)
{
  const char *languages[] = { "C", "fr" };

  testutil_use_language (languages[_i]);
  ck_assert_ptr_nonnull (strstr (wtisd_text (WTISD_PARAGRAPH_5),
                                 wtisd_text (WTISD_THEME_WTISD_2021)));
  ck_assert_ptr_nonnull (strstr (wtisd_text (WTISD_PARAGRAPH_4),
                                 wtisd_text (WTISD_THEME_WTDC_2021)));
}
END_TEST

START_TEST (test_id_out_of_range_gives_null)
{
  ck_assert_ptr_null (wtisd_text (WTISD_TEXT_COUNT));
  ck_assert_ptr_null (wtisd_text ((wtisd_text_id)-1));
  ck_assert_ptr_null (wtisd_text ((wtisd_text_id)1000));
}
END_TEST

START_TEST (test_paragraph_count_matches_ids)
{
  ck_assert_int_eq (WTISD_PARAGRAPH_5 - WTISD_PARAGRAPH_1 + 1,
                    WTISD_PARAGRAPH_COUNT);
  ck_assert_int_eq (WTISD_TITLE, 0);
}
END_TEST

START_TEST (test_original_url)
{
  ck_assert_str_eq (
      wtisd_original_url (),
      "https://www.itu.int/en/wtisd/2021/Pages/message-zhao.aspx");
}
END_TEST

static Suite *
texts_suite (void)
{
  Suite *suite = suite_create ("texts");
  TCase *tcase = tcase_create ("texts");

  tcase_add_test (tcase, test_english_texts_equal_seed);
  tcase_add_test (tcase, test_french_texts_through_gettext);
  tcase_add_test (tcase, test_language_without_catalog_gives_english);
  tcase_add_loop_test (tcase, test_themes_quoted_in_their_paragraphs, 0, 2);
  tcase_add_test (tcase, test_id_out_of_range_gives_null);
  tcase_add_test (tcase, test_paragraph_count_matches_ids);
  tcase_add_test (tcase, test_original_url);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (texts_suite ());
}
