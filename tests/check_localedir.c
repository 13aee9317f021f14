/* check_localedir.c - where catalogs are read from, and changing it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <wtisd.h>

#include "testutil.h"

/* The test harness points WTISD_LOCALEDIR at the build tree's catalogs,
   which replace the configured directory: catalogs installed earlier
   under the prefix are not seen.  */
static const char *
harness_localedir (void)
{
  const char *dir = getenv ("WTISD_LOCALEDIR");

  ck_assert_msg (dir != NULL, "WTISD_LOCALEDIR is not set");
  return dir;
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

/* A directory of its own under TMPDIR holding copies of the harness's
   catalogs named in NAMES (space-separated), each as "as=from" or
   "name"; returns its path in DIR.  */
static void
directory_with (char *dir, size_t size, const char *names)
{
  char command[8192];
  const char *tmp = getenv ("TMPDIR");

  snprintf (dir, size, "%s/wtisd-localedir.XXXXXX", tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull (mkdtemp (dir));
  snprintf (command, sizeof command,
            "for n in %s; do to=${n%%=*}; from=${n#*=}; "
            "mkdir -p '%s'/$to/LC_MESSAGES && "
            "cp '%s'/$from/LC_MESSAGES/%s.mo '%s'/$to/LC_MESSAGES/ || exit 1; "
            "done",
            names, dir, getenv ("WTISD_LOCALEDIR"), PACKAGE, dir);
  ck_assert_int_eq (system (command), 0);
}

START_TEST (test_search_path_first_directory_decides)
{
  char a[4096], b[4096], path[8200];

  directory_with (a, sizeof a, "fr=ru");
  directory_with (b, sizeof b, "fr ru es");
  snprintf (path, sizeof path, "::%s::%s:", a, b);
  ck_assert_int_eq (wtisd_set_localedir (path), WTISD_OK);
  snprintf (path, sizeof path, "%s:%s", a, b);
  ck_assert_str_eq (wtisd_localedir (), path);
  /* a's "fr" is a Russian catalog: a comes first.  */
  ck_assert_str_eq (wtisd_text_in ("fr", WTISD_TITLE),
                    wtisd_text_in ("ru", WTISD_TITLE));
  ck_assert_str_ne (wtisd_text_in ("es", WTISD_TITLE),
                    wtisd_text_in ("en", WTISD_TITLE));
  ck_assert_int_eq (wtisd_set_localedir (":::"), WTISD_EINVAL);
  ck_assert_str_eq (wtisd_localedir (), path);
}
END_TEST

/* A directory's "en" catalog is used instead of the built-in English,
   by every lookup: here a copy of the French one, so that it shows.  */
START_TEST (test_en_catalog_replaces_built_in_english)
{
  char dir[4096], french_title[1024];
  const char *const *languages;
  int listed = 0;

  snprintf (french_title, sizeof french_title, "%s",
            wtisd_text_in ("fr", WTISD_TITLE));
  directory_with (dir, sizeof dir, "en=fr ru");
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_str_eq (wtisd_text_in ("en", WTISD_TITLE), french_title);
  ck_assert_str_eq (wtisd_text_in ("en-GB", WTISD_TITLE), french_title);
  ck_assert_str_eq (wtisd_negotiate ("en, ru;q=0.5"), "en");
  for (languages = wtisd_languages (); *languages != NULL; languages++)
    listed += strcmp (*languages, "en") == 0;
  ck_assert_int_eq (listed, 1);
}
END_TEST

/* A directory of the search path that cannot be searched is passed
   over like a missing one: a path longer than PATH_MAX, and (when the
   tests do not run as root, whom permissions do not stop) a directory
   without search permission.  */
START_TEST (test_unsearchable_directory_skipped)
{
  char dir[4096], locked[4096], path[16384];
  size_t length;

  directory_with (dir, sizeof dir, "fr");
  strcpy (path, "/");
  for (length = 1; length < 5000; length += 8)
    strcat (path, "qaa-dir/");
  strcat (path, ":");
  strcat (path, dir);
  ck_assert_int_eq (wtisd_set_localedir (path), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("fr"), WTISD_OK);
  ck_assert_str_ne (wtisd_text_in ("fr", WTISD_TITLE),
                    wtisd_text_in ("en", WTISD_TITLE));
  if (geteuid () == 0)
    return;
  directory_with (locked, sizeof locked, "fr=ru");
  ck_assert_int_eq (chmod (locked, 0), 0);
  snprintf (path, sizeof path, "%s:%s", locked, dir);
  ck_assert_int_eq (wtisd_set_localedir (path), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("es"), WTISD_ENOCATALOG);
  ck_assert_str_ne (wtisd_text_in ("fr", WTISD_TITLE),
                    wtisd_text_in ("en", WTISD_TITLE));
  chmod (locked, 0755);
}
END_TEST

/* A language's directory without this library's catalog (other
   packages' catalogs share /usr/share/locale/fr/LC_MESSAGES) is no
   catalog, not a damaged one, and is not listed.  */
START_TEST (test_directory_of_other_catalogs_is_no_catalog)
{
  char dir[4096], path[4200];
  const char *const *languages;

  directory_with (dir, sizeof dir, "ru");
  snprintf (path, sizeof path, "%s/fr", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("fr"), WTISD_ENOCATALOG);
  ck_assert_str_eq (wtisd_negotiate ("fr, ru;q=0.5"), "ru");
  languages = wtisd_languages ();
  ck_assert_str_eq (languages[0], "en");
  ck_assert_str_eq (languages[1], "ru");
  ck_assert_ptr_null (languages[2]);
}
END_TEST

/* A relative directory is made absolute when set: a later chdir does
   not move it, for languages used before or after.  */
START_TEST (test_relative_directory_resolved_once)
{
  char dir[4096], expected[4200], *slash;

  directory_with (dir, sizeof dir, "fr ru");
  slash = strrchr (dir, '/');
  *slash = '\0';
  ck_assert_int_eq (chdir (dir), 0);
  ck_assert_int_eq (wtisd_set_localedir (slash + 1), WTISD_OK);
  snprintf (expected, sizeof expected, "%s/%s", dir, slash + 1);
  ck_assert_str_eq (wtisd_localedir (), expected);
  ck_assert_str_eq (wtisd_language ("fr"), "fr");
  ck_assert_int_eq (chdir ("/"), 0);
  ck_assert_str_eq (wtisd_language ("ru"), "ru");
  ck_assert_str_eq (wtisd_language ("fr"), "fr");
}
END_TEST

/* Only directories a tag resolves to are languages: fr_FR@euro and Fr
   would be listed and negotiated but never read.  */
START_TEST (test_languages_only_resolvable_names)
{
  char dir[4096];
  const char *const *languages;

  directory_with (dir, sizeof dir, "fr_FR@euro=fr Fr=fr ru");
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  languages = wtisd_languages ();
  ck_assert_str_eq (languages[0], "en");
  ck_assert_str_eq (languages[1], "ru");
  ck_assert_ptr_null (languages[2]);
  ck_assert_str_eq (wtisd_negotiate ("fr-FR, fr"), "en");
  ck_assert_str_eq (wtisd_language ("fr_FR@euro"), "en");
}
END_TEST

/* A catalog names its own language (the translation of "English"),
   wherever it is installed: here the Russian catalog installed as
   sr@latin says "русский"; its tag is still the directory's, sr-Latn.  */
START_TEST (test_catalog_names_its_language)
{
  char dir[4096];

  directory_with (dir, sizeof dir, "sr@latin=ru ru");
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_str_eq (wtisd_language ("sr-Latn-RS"), "sr@latin");
  ck_assert_str_eq (
      wtisd_language_name ("sr@latin"),
      "\xd1\x80\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9");
  ck_assert_ptr_eq (wtisd_language_name ("sr@latin"),
                    wtisd_translate ("sr@latin", "English"));
  ck_assert_str_eq (wtisd_language_name ("en"), "English");
  ck_assert_str_eq (wtisd_language_tag ("sr_RS@latin"), "sr-Latn");
}
END_TEST

/* WTISD_LOCALEDIR ending with a colon is followed by the configured
   directory, as MANPATH is by the system's (read at the first use: Check
   runs each test in a process of its own).  */
START_TEST (test_trailing_colon_adds_installed_directory)
{
  const char *configured = getenv ("WTISD_CONFIGURED_LOCALEDIR");
  char dir[4096], value[4200], expected[8400];

  ck_assert_ptr_nonnull (configured);
  snprintf (dir, sizeof dir, "%s", harness_localedir ());
  snprintf (value, sizeof value, "%s:", dir);
  setenv ("WTISD_LOCALEDIR", value, 1);
  snprintf (expected, sizeof expected, "%s:%s", dir, configured);
  ck_assert_str_eq (wtisd_localedir (), expected);
}
END_TEST

/* Unset, the configured directory alone.  */
START_TEST (test_unset_is_installed_directory)
{
  unsetenv ("WTISD_LOCALEDIR");
  ck_assert_str_eq (wtisd_localedir (), getenv ("WTISD_CONFIGURED_LOCALEDIR"));
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
  tcase_add_test (tcase, test_search_path_first_directory_decides);
  tcase_add_test (tcase, test_en_catalog_replaces_built_in_english);
  tcase_add_test (tcase, test_unsearchable_directory_skipped);
  tcase_add_test (tcase, test_directory_of_other_catalogs_is_no_catalog);
  tcase_add_test (tcase, test_relative_directory_resolved_once);
  tcase_add_test (tcase, test_languages_only_resolvable_names);
  tcase_add_test (tcase, test_trailing_colon_adds_installed_directory);
  tcase_add_test (tcase, test_unset_is_installed_directory);
  tcase_add_test (tcase, test_catalog_names_its_language);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (localedir_suite ());
}
