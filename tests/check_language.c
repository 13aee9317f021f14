/* check_language.c - explicit-language lookups: resolution of tags,
   negotiation, malformed tags, agreement with gettext, the locale
   directory, and a process whose locale and environment stay untouched.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

#define MAX_ROWS 128
#define MAX_LANGUAGES 256

extern char **environ;

/* A data file of "input<TAB>expected" rows; the input may hold tabs, so
   the last tab separates.  Returns the number of rows.  */
static int
read_table (const char *name, char **buffer, const char **inputs,
            const char **expected)
{
  const char *lines[MAX_ROWS * 2];
  int count = testutil_read_lines (name, buffer, lines, MAX_ROWS * 2),
      rows = 0;
  int i;

  for (i = 0; i < count; i++)
    {
      char *tab = strrchr (lines[i], '\t');

      if (lines[i][0] == '#' || tab == NULL)
        continue;
      *tab = '\0';
      inputs[rows] = lines[i];
      expected[rows++] = tab + 1;
    }
  return rows;
}

/* The language a table row expects: the first of its '|'-separated
   ALTERNATIVES that has a catalog ("zh_TW|en": zh_TW while that catalog
   ships, English before), so that adding a language breaks no row.  */
static const char *
expected_language (const char *alternatives)
{
  static char chosen[64];
  const char *const *languages;
  size_t length;

  for (;;)
    {
      length = strcspn (alternatives, "|");
      snprintf (chosen, sizeof chosen, "%.*s", (int)length, alternatives);
      for (languages = wtisd_languages (); *languages != NULL; languages++)
        if (strcmp (*languages, chosen) == 0 || alternatives[length] == '\0')
          return chosen;
      alternatives += length + 1;
    }
}

START_TEST (test_resolution_table)
{
  const char *inputs[MAX_ROWS], *expected[MAX_ROWS];
  char *buffer;
  int rows = read_table ("language-resolution.txt", &buffer, inputs, expected);
  int i;

  ck_assert_int_gt (rows, 40);
  for (i = 0; i < rows; i++)
    {
      const char *language = wtisd_language (inputs[i]);
      const char *title = wtisd_text_in (inputs[i], WTISD_TITLE);

      if (strcmp (expected[i], "-") != 0)
        expected[i] = expected_language (expected[i]);
      if (strcmp (expected[i], "-") == 0)
        {
          ck_assert_msg (language == NULL && title == NULL,
                         "\"%s\" is malformed, yet gave %s", inputs[i],
                         language);
          continue;
        }
      ck_assert_msg (language != NULL && strcmp (language, expected[i]) == 0,
                     "\"%s\" gave %s, expected %s", inputs[i],
                     language ? language : "NULL", expected[i]);
      ck_assert_ptr_eq (title, wtisd_text_in (expected[i], WTISD_TITLE));
    }
  free (buffer);
}
END_TEST

START_TEST (test_negotiation_table)
{
  const char *inputs[MAX_ROWS], *expected[MAX_ROWS];
  char *buffer;
  int rows = read_table ("negotiation.txt", &buffer, inputs, expected);
  int i;

  ck_assert_int_gt (rows, 20);
  for (i = 0; i < rows; i++)
    {
      const char *best = wtisd_negotiate (inputs[i]);

      expected[i] = expected_language (expected[i]);
      ck_assert_msg (best != NULL && strcmp (best, expected[i]) == 0,
                     "\"%s\" gave %s, expected %s", inputs[i],
                     best ? best : "NULL", expected[i]);
    }
  ck_assert_str_eq (wtisd_negotiate (NULL), "en");
  free (buffer);
}
END_TEST

/* Malformed tags a text file cannot hold.  */
START_TEST (test_hostile_tags_refused)
{
  char long_tag[301];
  static const char *const hostile[] = {
    "fr\n",
    "fr\r",
    "\nfr",
    "fr\t",
    "f\001r",
    "fr\177",
    "",
    "fr\xc3\xa9",
    "\xef\xbb\xbf"
    "fr",
    "fr;rm -rf",
    "fr\\..",
  };
  size_t i;

  for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
    {
      ck_assert_ptr_null (wtisd_text_in (hostile[i], WTISD_TITLE));
      ck_assert_ptr_null (wtisd_language (hostile[i]));
    }
  /* An embedded NUL ends the tag: "fr\0/etc" is "fr".  */
  ck_assert_str_eq (wtisd_language ("fr\0/../etc"), "fr");
  memset (long_tag, 'a', 300);
  long_tag[300] = '\0';
  ck_assert_ptr_null (wtisd_language (long_tag));
  memcpy (long_tag, "fr-", 3);
  ck_assert_ptr_null (wtisd_text_in (long_tag, WTISD_TITLE));
  ck_assert_ptr_null (wtisd_text_in (NULL, WTISD_TITLE));
}
END_TEST

START_TEST (test_id_out_of_range)
{
  ck_assert_ptr_null (wtisd_text_in ("fr", WTISD_TEXT_COUNT));
  ck_assert_ptr_null (wtisd_text_in ("fr", (wtisd_text_id)-1));
}
END_TEST

START_TEST (test_languages_lists_catalogs)
{
  const char *const *languages = wtisd_languages ();
  const char *expected[MAX_LANGUAGES];
  char *buffer;
  int count = testutil_read_linguas (&buffer, expected, MAX_LANGUAGES - 1);
  int i, j;

  expected[count++] = "en";
  for (i = 0; languages[i] != NULL; i++)
    {
      for (j = 0; j < count && strcmp (expected[j], languages[i]) != 0; j++)
        ;
      ck_assert_msg (j < count, "unexpected language %s", languages[i]);
      if (i > 0)
        ck_assert_int_lt (strcmp (languages[i - 1], languages[i]), 0);
    }
  ck_assert_int_eq (i, count);
  ck_assert_ptr_eq (wtisd_languages (), languages);
  free (buffer);
}
END_TEST

/* Same catalogs, same answers: what gettext gives for LANGUAGE=ll.  */
START_TEST (test_agrees_with_gettext)
{
  const char *languages[MAX_LANGUAGES];
  char *buffer;
  int count = testutil_read_linguas (&buffer, languages, MAX_LANGUAGES);
  int id;

  ck_assert_int_lt (_i, count);
  testutil_use_language (languages[_i]);
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *explicit_text = wtisd_text_in (languages[_i], id);

      ck_assert_str_eq (explicit_text, wtisd_text (id));
      ck_assert_ptr_eq (wtisd_text_in (languages[_i], id), explicit_text);
    }
  ck_assert_str_eq (wtisd_language (NULL), languages[_i]);
  free (buffer);
}
END_TEST

START_TEST (test_localedir_change_applies_later)
{
  const char *french = wtisd_text_in ("fr", WTISD_TITLE);
  char *copy = strdup (french);
  const char *const *languages;

  ck_assert_int_eq (wtisd_set_localedir ("/nonexistent/locale"), WTISD_OK);
  ck_assert_str_eq (wtisd_language ("fr"), "en");
  languages = wtisd_languages ();
  ck_assert_str_eq (languages[0], "en");
  ck_assert_ptr_null (languages[1]);
  ck_assert_str_eq (french, copy);
  ck_assert_int_eq (wtisd_set_localedir (NULL), WTISD_OK);
  ck_assert_ptr_eq (wtisd_text_in ("fr", WTISD_TITLE), french);
  free (copy);
}
END_TEST

/* A private-use tag for each I: qaa-AA, qab-AA, ...  */
static void
made_up_tag (int i, char *tag, size_t size)
{
  snprintf (tag, size, "q%c%c-%c%c", 'a' + i % 20, 'a' + i / 20 % 26,
            'A' + i / 520 % 26, 'A' + i / 13520 % 26);
}

/* A server that passes each request's ?lang= to the library: memory
   stays bounded however many tags it sees, and every catalog language,
   seen before or after the flood, keeps its pointer and allocates
   nothing after its first use.  */
START_TEST (test_many_made_up_tags_stay_bounded)
{
  const char *french = wtisd_text_in ("fr", WTISD_TITLE), *russian;
  struct mallinfo2 before, after;
  char tag[16];
  int i;

  before = mallinfo2 ();
  for (i = 0; i < 20000; i++)
    {
      made_up_tag (i, tag, sizeof tag);
      ck_assert_str_eq (wtisd_language (tag), "en");
    }
  after = mallinfo2 ();
  ck_assert_msg (after.uordblks < before.uordblks + 512 * 1024,
                 "20000 tags grew the heap by %zu bytes",
                 after.uordblks - before.uordblks);
  ck_assert_ptr_eq (wtisd_text_in ("fr", WTISD_TITLE), french);
  russian = wtisd_text_in ("ru-RU", WTISD_TITLE);
  /* ICU finishes lazy set-ups of its own (64 or 96 bytes, once) on
     early calls, not always the same ones; what must not happen is an
     allocation per call, which 2000 calls would show as kilobytes.  */
  for (i = 0; i < 100; i++)
    wtisd_text_in ("ru-RU", WTISD_TITLE);
  before = mallinfo2 ();
  for (i = 0; i < 1000; i++)
    {
      ck_assert_ptr_eq (wtisd_text_in ("ru-RU", WTISD_TITLE), russian);
      ck_assert_ptr_eq (wtisd_text_in ("fr", WTISD_TITLE), french);
    }
  after = mallinfo2 ();
  ck_assert_msg (after.uordblks < before.uordblks + 256,
                 "2000 lookups grew the heap by %zu bytes",
                 after.uordblks - before.uordblks);
}
END_TEST

/* The explicit path needs no installed locale and changes nothing.  */
START_TEST (test_locale_and_environment_untouched)
{
  const char *languages[MAX_LANGUAGES];
  char *buffer, *locale_before;
  char **environ_before = environ, *first_before = environ[0];
  int count = testutil_read_linguas (&buffer, languages, MAX_LANGUAGES);
  int i;

  locale_before = strdup (setlocale (LC_ALL, NULL));
  ck_assert_str_eq (locale_before, "C");
  for (i = 0; i < count; i++)
    {
      ck_assert_str_ne (wtisd_text_in (languages[i], WTISD_PARAGRAPH_1),
                        wtisd_text_in ("en", WTISD_PARAGRAPH_1));
      wtisd_negotiate (languages[i]);
    }
  wtisd_languages ();
  ck_assert_str_eq (setlocale (LC_ALL, NULL), locale_before);
  ck_assert_ptr_eq (uselocale ((locale_t)0), LC_GLOBAL_LOCALE);
  ck_assert_ptr_eq (environ, environ_before);
  ck_assert_ptr_eq (environ[0], first_before);
  ck_assert_ptr_null (getenv ("LANGUAGE"));
  free (locale_before);
  free (buffer);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("language");
  TCase *tcase = tcase_create ("language");
  const char *languages[MAX_LANGUAGES];
  char *buffer;
  int count = testutil_read_linguas (&buffer, languages, MAX_LANGUAGES);

  tcase_add_test (tcase, test_resolution_table);
  tcase_add_test (tcase, test_negotiation_table);
  tcase_add_test (tcase, test_hostile_tags_refused);
  tcase_add_test (tcase, test_id_out_of_range);
  tcase_add_test (tcase, test_languages_lists_catalogs);
  tcase_add_loop_test (tcase, test_agrees_with_gettext, 0, count);
  tcase_add_test (tcase, test_localedir_change_applies_later);
  tcase_add_test (tcase, test_locale_and_environment_untouched);
  tcase_add_test (tcase, test_many_made_up_tags_stay_bounded);
  /* 20000 first uses of a tag on a loaded machine: more than Check's
     default 4 seconds, still no timing assertion.  */
  tcase_set_timeout (tcase, 120);
  suite_add_tcase (suite, tcase);
  free (buffer);
  return testutil_run (suite);
}
