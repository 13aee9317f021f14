/* check_translations.c - every shipped catalog, through the library:
   complete, well-formed, faithful to the numbers and themes, and in its
   language's typography.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"
#include "textcheck.h"

#define MAX_LANGUAGES 256
#define STATUS_CODES 6

static const int status_codes[STATUS_CODES] = {
  WTISD_OK, WTISD_EINVAL, WTISD_EUTF8, WTISD_EIDNA, WTISD_ENOMEM, WTISD_EICU,
};

static char *linguas_buffer;
static const char *languages[MAX_LANGUAGES];
static int language_count;
/* The English texts, read in the C locale before switching language.  */
static const char *english[WTISD_TEXT_COUNT];

static void
load_languages (void)
{
  language_count
      = testutil_read_linguas (&linguas_buffer, languages, MAX_LANGUAGES);
}

/* Runs in each forked test: remember the English, then switch.  */
static const char *
use_language_of_test (int index)
{
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    english[id] = wtisd_text ((wtisd_text_id)id);
  testutil_use_language (languages[index]);
  return languages[index];
}

START_TEST (test_linguas_is_not_empty)
{
  ck_assert_int_ge (language_count, 6);
}
END_TEST

START_TEST (test_every_text_translated_utf8_nfc)
{
  const char *language = use_language_of_test (_i);
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *text = wtisd_text ((wtisd_text_id)id);

      ck_assert_msg (strcmp (text, english[id]) != 0,
                     "%s: text %d is not translated", language, id);
      ck_assert_msg (textcheck_is_utf8 (text), "%s: text %d is not UTF-8",
                     language, id);
      ck_assert_msg (textcheck_is_nfc (text) == 1, "%s: text %d is not NFC",
                     language, id);
    }
}
END_TEST

START_TEST (test_themes_match_their_quotations)
{
  const char *language = use_language_of_test (_i);

  ck_assert_msg (strstr (wtisd_text (WTISD_PARAGRAPH_5),
                         wtisd_text (WTISD_THEME_WTISD_2021))
                     != NULL,
                 "%s: paragraph 5 does not quote the WTISD 2021 theme",
                 language);
  ck_assert_msg (strstr (wtisd_text (WTISD_PARAGRAPH_4),
                         wtisd_text (WTISD_THEME_WTDC_2021))
                     != NULL,
                 "%s: paragraph 4 does not quote the WTDC-21 theme", language);
}
END_TEST

/* The check itself: any script's digits, whole numbers only.  */
START_TEST (test_numbers_in_any_script)
{
  ck_assert (textcheck_has_number ("سال ۲۰۲۱", "2021", 4));
  ck_assert (textcheck_has_number ("١٧ مايو", "17", 2));
  ck_assert (textcheck_has_number ("२०३० एजेंडा", "2030", 4));
  ck_assert (textcheck_has_number ("COVID-19.", "19", 2));
  ck_assert (!textcheck_has_number ("20210", "2021", 4));
  ck_assert (!textcheck_has_number ("12021", "2021", 4));
  ck_assert (!textcheck_has_number ("۲۰۲", "2021", 4));
}
END_TEST

START_TEST (test_numbers_kept)
{
  const char *language = use_language_of_test (_i);
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *translated = wtisd_text ((wtisd_text_id)id);
      const char *p = english[id];

      while (*p != '\0')
        {
          size_t length = strspn (p, "0123456789");

          if (length == 0)
            {
              p++;
              continue;
            }
          ck_assert_msg (textcheck_has_number (translated, p, length),
                         "%s: text %d lost the number %.*s", language, id,
                         (int)length, p);
          p += length;
        }
    }
}
END_TEST

/* data/typography.txt: what each language's typography never has in
   the texts (shared with the translators' po-check).  */
START_TEST (test_typography)
{
  const char *language = use_language_of_test (_i), *lines[256];
  char *buffer;
  int count = testutil_read_lines ("typography.txt", &buffer, lines, 256);
  int i, id;

  for (i = 0; i < count; i++)
    {
      char rule[256], *forbidden, *fix;

      snprintf (rule, sizeof rule, "%s", lines[i]);
      if (rule[0] == '#' || (forbidden = strchr (rule, '\t')) == NULL
          || (fix = strchr (forbidden + 1, '\t')) == NULL)
        continue;
      *forbidden++ = '\0';
      *fix++ = '\0';
      /* A language's quotation marks: po-check's rule, on the catalog.  */
      if (strcmp (forbidden, "quotes") == 0)
        continue;
      if (strcmp (forbidden, "\\\"") == 0)
        memmove (forbidden, forbidden + 1, 2);
      if (strcmp (rule, language) != 0)
        continue;
      for (id = 0; id < WTISD_TEXT_COUNT; id++)
        ck_assert_msg (
            strstr (wtisd_text ((wtisd_text_id)id), forbidden) == NULL,
            "%s: text %d has \"%s\": %s", language, id, forbidden, fix);
    }
  free (buffer);
}
END_TEST

START_TEST (test_strerror_translated)
{
  const char *english_messages[STATUS_CODES];
  const char *language;
  int i;

  for (i = 0; i < STATUS_CODES; i++)
    english_messages[i] = wtisd_strerror (status_codes[i]);
  language = use_language_of_test (_i);
  for (i = 0; i < STATUS_CODES; i++)
    {
      const char *message = wtisd_strerror (status_codes[i]);

      ck_assert_msg (strcmp (message, english_messages[i]) != 0,
                     "%s: status %d is not translated", language,
                     status_codes[i]);
      ck_assert (textcheck_is_utf8 (message)
                 && textcheck_is_nfc (message) == 1);
    }
}
END_TEST

static Suite *
translations_suite (void)
{
  Suite *suite = suite_create ("translations");
  TCase *tcase = tcase_create ("catalogs");

  load_languages ();
  tcase_add_test (tcase, test_linguas_is_not_empty);
  tcase_add_loop_test (tcase, test_every_text_translated_utf8_nfc, 0,
                       language_count);
  tcase_add_loop_test (tcase, test_themes_match_their_quotations, 0,
                       language_count);
  tcase_add_test (tcase, test_numbers_in_any_script);
  tcase_add_loop_test (tcase, test_numbers_kept, 0, language_count);
  tcase_add_loop_test (tcase, test_typography, 0, language_count);
  tcase_add_loop_test (tcase, test_strerror_translated, 0, language_count);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  int status = testutil_run (translations_suite ());

  free (linguas_buffer);
  return status;
}
