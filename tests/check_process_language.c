/* check_process_language.c - wtisd_text picks the language gettext would
   pick for the calling thread (setlocale, uselocale, LANGUAGE lists, the
   C locale), row by row of data/process-language.txt, and agrees with
   dcgettext on every text in each state; wtisd_environment_language reads
   the user's environment whether or not that locale is installed; and
   each catalog language's tag, direction and name.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <wtisd.h>

#include "testutil.h"

#define MAX_ROWS 64

struct row
{
  char how[16], locale[32], language[128], expected[64];
};

static struct row rows[MAX_ROWS];
static int row_count;

static void
rows_read (void)
{
  char *buffer = testutil_load_data ("process-language.txt"), *line, *next;

  for (line = buffer; line != NULL && *line != '\0' && row_count < MAX_ROWS;
       line = next)
    {
      struct row *row = &rows[row_count];

      next = line + strcspn (line, "\n");
      if (*next == '\n')
        *next++ = '\0';
      if (*line != '#'
          && sscanf (line, "%15s %31[^\t]\t%127[^\t]\t%63s", row->how,
                     row->locale, row->language, row->expected)
                 == 4)
        row_count++;
    }
  free (buffer);
}

/* The first of ALTERNATIVES ("zh_TW|en") that has a catalog.  */
static const char *
first_available (const char *alternatives, char *chosen, size_t size)
{
  const char *const *languages;

  for (;;)
    {
      size_t length = strcspn (alternatives, "|");

      snprintf (chosen, size, "%.*s", (int)length, alternatives);
      for (languages = wtisd_languages (); *languages != NULL; languages++)
        if (strcmp (*languages, chosen) == 0 || alternatives[length] == '\0')
          return chosen;
      alternatives += length + 1;
    }
}

/* gettext's translation of MSGID now, in NFC as the library gives it.  */
static const char *
gettext_nfc (const char *msgid, char *out, size_t size)
{
  UErrorCode code = U_ZERO_ERROR;
  const char *translated = dcgettext (PACKAGE, msgid, LC_MESSAGES);
  UChar in[4096], normalized[4096];
  int32_t length;

  u_strFromUTF8 (in, 4096, &length, translated, -1, &code);
  length = unorm2_normalize (unorm2_getNFCInstance (&code), in, length,
                             normalized, 4096, &code);
  u_strToUTF8 (out, (int32_t)size, NULL, normalized, length, &code);
  ck_assert_msg (U_SUCCESS (code), "%s", u_errorName (code));
  return out;
}

START_TEST (test_text_follows_gettext)
{
  const struct row *row = &rows[_i];
  locale_t thread_locale = (locale_t)0;
  char expected[64], text[8192];
  int id;

  /* The test reads the same catalogs through gettext itself, and only
     those: not the installed ones the default search path adds.  */
  ck_assert_int_eq (wtisd_set_localedir (getenv ("WTISD_LOCALEDIR")),
                    WTISD_OK);
  bindtextdomain (PACKAGE, getenv ("WTISD_LOCALEDIR"));
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  if (strcmp (row->language, "-") == 0)
    unsetenv ("LANGUAGE");
  else
    setenv ("LANGUAGE", row->language, 1);
  if (strcmp (row->how, "uselocale") == 0)
    {
      thread_locale = newlocale (LC_ALL_MASK, row->locale, (locale_t)0);
      ck_assert_msg (thread_locale != (locale_t)0, "no locale %s",
                     row->locale);
      uselocale (thread_locale);
    }
  else
    ck_assert_msg (setlocale (LC_ALL, row->locale) != NULL, "no locale %s",
                   row->locale);
  first_available (row->expected, expected, sizeof expected);
  ck_assert_msg (strcmp (wtisd_language (NULL), expected) == 0,
                 "%s %s, LANGUAGE=%s: %s, expected %s", row->how, row->locale,
                 row->language, wtisd_language (NULL), expected);
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *msgid = wtisd_text_in ("en", id);

      ck_assert_str_eq (wtisd_text (id),
                        gettext_nfc (msgid, text, sizeof text));
      ck_assert_ptr_eq (wtisd_text (id), wtisd_text_in (expected, id));
    }
  ck_assert_str_eq (wtisd_strerror (WTISD_ENOMEM),
                    gettext_nfc ("Out of memory", text, sizeof text));
  if (thread_locale != (locale_t)0)
    {
      uselocale (LC_GLOBAL_LOCALE);
      freelocale (thread_locale);
    }
}
END_TEST

/* wtisd_environment_language: NAME=VALUE settings, then the language.  */
static const char *const environment_rows[][5] = {
  { "-", "-", "-", "-", "en" },
  { "fr", "-", "-", "-", "fr" },
  { "qaa:ru", "-", "-", "-", "ru" },
  { "C:ru", "-", "-", "-", "ru" },
  { "qaa", "-", "-", "es_ES.UTF-8", "es" },
  { "", "-", "-", "ar_EG.UTF-8", "ar" },
  { "-", "be_BY.UTF-8", "-", "fr_FR.UTF-8", "be" },
  { "-", "-", "ru_RU.UTF-8", "fr_FR.UTF-8", "ru" },
  { "-", "C", "-", "fr_FR.UTF-8", "en" },
  { "-", "C.UTF-8", "-", "fr_FR.UTF-8", "en" },
  { "-", "-", "-", "POSIX", "en" },
  { "-", "-", "-", "qaa_QQ.UTF-8", "en" },
  { "-", "-", "-", "../../etc/passwd", "en" },
  { "-", "", "", "zh_CN.GB18030", "zh_CN" },
};

static void
set_or_unset (const char *name, const char *value)
{
  if (strcmp (value, "-") == 0)
    unsetenv (name);
  else
    setenv (name, value, 1);
}

START_TEST (test_environment_language)
{
  const char *const *row = environment_rows[_i];

  /* A locale that is not installed changes nothing: C stays.  */
  setlocale (LC_ALL, "C");
  set_or_unset ("LANGUAGE", row[0]);
  set_or_unset ("LC_ALL", row[1]);
  set_or_unset ("LC_MESSAGES", row[2]);
  set_or_unset ("LANG", row[3]);
  ck_assert_msg (strcmp (wtisd_environment_language (), row[4]) == 0,
                 "LANGUAGE=%s LC_ALL=%s LC_MESSAGES=%s LANG=%s: %s, not %s",
                 row[0], row[1], row[2], row[3], wtisd_environment_language (),
                 row[4]);
}
END_TEST

/* Tag, direction and name in itself, from CLDR's data.  */
static const char *const metadata_rows[][4] = {
  { "fr-CA", "fr", "0", "français" },
  { "ru_RU.UTF-8", "ru", "0", "русский" },
  { "ar-EG", "ar", "1", "العربية" },
  { "zh-Hans", "zh-CN", "0", "中文（中国）" },
  { "be", "be", "0", "беларуская" },
  { "es-419", "es", "0", "español" },
  { "qaa", "en", "0", "English" },
  { "C", "en", "0", "English" },
};

START_TEST (test_language_metadata)
{
  const char *const *row = metadata_rows[_i];

  ck_assert_str_eq (wtisd_language_tag (row[0]), row[1]);
  ck_assert_int_eq (wtisd_language_is_rtl (row[0]), atoi (row[2]));
  ck_assert_str_eq (wtisd_language_name (row[0]), row[3]);
}
END_TEST

START_TEST (test_language_metadata_bad_tags)
{
  ck_assert_ptr_null (wtisd_language_tag (NULL));
  ck_assert_ptr_null (wtisd_language_tag ("../fr"));
  ck_assert_ptr_null (wtisd_language_name ("fr\n"));
  ck_assert_int_eq (wtisd_language_is_rtl (NULL), WTISD_EINVAL);
  ck_assert_int_eq (wtisd_language_is_rtl ("a-b"), WTISD_EINVAL);
  ck_assert_int_eq (wtisd_language_check ("qaa"), WTISD_ENOCATALOG);
  ck_assert_int_eq (wtisd_language_check ("en-GB"), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("fr_CA.UTF-8"), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("/etc"), WTISD_EINVAL);
  ck_assert_int_eq (wtisd_language_check (NULL), WTISD_EINVAL);
}
END_TEST

/* A LANGUAGE list of N made-up entries (qaa_AA, qaa_AB, ...: private
   use), then TAIL, in a new string.  */
static char *
made_up_list (int n, const char *tail)
{
  char *list = malloc ((size_t)n * 7 + strlen (tail) + 1), *p = list;

  ck_assert_ptr_nonnull (list);
  for (int i = 0; i < n; i++)
    p += sprintf (p, "q%c%c_%c%c:", 'a' + i / 676 % 20, 'a' + i / 26 % 26,
                  'A' + i % 26, 'A' + i / 520 % 26);
  strcpy (p, tail);
  return list;
}

/* Only the first 100 entries of LANGUAGE count (wtisd.h): a list of ten
   thousand costs each call no more than that, and no file is looked for
   that the search path's directories do not have (before, every call
   tried 20,000 files: 0.14 to 0.3 s a call; the timeout bounds 200).  */
START_TEST (test_long_language_list_is_cheap)
{
  char *near = made_up_list (50, "fr"), *far = made_up_list (10000, "fr");

  ck_assert_int_eq (wtisd_set_localedir (getenv ("WTISD_LOCALEDIR")),
                    WTISD_OK);
  ck_assert_ptr_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  setenv ("LANGUAGE", near, 1);
  ck_assert_str_eq (wtisd_language (NULL), "fr");
  setenv ("LANGUAGE", far, 1);
  for (int i = 0; i < 200; i++)
    ck_assert_str_eq (wtisd_language (NULL), "en");
  free (near);
  free (far);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("process-language");
  TCase *tcase = tcase_create ("process-language");

  rows_read ();
  if (row_count < 20)
    return EXIT_FAILURE;
  tcase_add_loop_test (tcase, test_text_follows_gettext, 0, row_count);
  tcase_add_loop_test (tcase, test_environment_language, 0,
                       sizeof environment_rows / sizeof environment_rows[0]);
  tcase_add_loop_test (tcase, test_language_metadata, 0,
                       sizeof metadata_rows / sizeof metadata_rows[0]);
  tcase_add_test (tcase, test_language_metadata_bad_tags);
  tcase_add_test (tcase, test_long_language_list_is_cheap);
  tcase_set_timeout (tcase, 20);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
