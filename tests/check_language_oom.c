/* check_language_oom.c - one failed allocation in the catalog and
   language code (reading and checking a catalog, the tag cache, the
   search path, the list of languages, the process's and the
   environment's language) leaves no lasting trace: each scenario is
   walked allocation by allocation with the failmalloc shim.  Under a
   failure a call may answer "no memory" (NULL, WTISD_ENOMEM, or the
   documented English-only list), never another language or a wrong
   directory; afterwards the same call gives the right answer.  ICU
   loads its locale data at first use and remembers a failure to
   (wtisd.h, "Memory"): the walks start with ICU's data loaded and the
   library's unused, and the first use with ICU's data unloaded is
   walked apart, where a lasting error is right and a wrong answer or a
   crash is not.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/unorm2.h>

#include <wtisd.h>

#include "failmalloc.h"
#include "testutil.h"

#define MAX_ALLOCATIONS 20000

/* The French title, from data/wtisd-message.fr.out (gettext's output).  */
static char french_title[512];
static const char *localedir; /* The harness's WTISD_LOCALEDIR.  */

struct scenario
{
  const char *name;
  failmalloc_scenario *attempt, *check;
};

static int
text_in_attempt (const void *data)
{
  const char *t = wtisd_text_in ("fr-CA", WTISD_TITLE);

  (void)data;
  return t != NULL && strcmp (t, french_title) != 0;
}

static int
text_in_check (const void *data)
{
  const char *t = wtisd_text_in ("fr-CA", WTISD_TITLE);

  (void)data;
  return t == NULL || strcmp (t, french_title) != 0;
}

static int
language_check_attempt (const void *data)
{
  int status = wtisd_language_check ("fr_FR.UTF-8");

  (void)data;
  return status != WTISD_OK && status != WTISD_ENOMEM;
}

static int
language_check_check (const void *data)
{
  (void)data;
  return wtisd_language_check ("fr_FR.UTF-8") != WTISD_OK;
}

/* The process's language: LANGUAGE=qaa:fr in C.UTF-8 (set by main).  */
static int
text_attempt (const void *data)
{
  const char *t = wtisd_text (WTISD_TITLE);

  (void)data;
  return t != NULL && strcmp (t, french_title) != 0;
}

static int
text_check (const void *data)
{
  const char *t = wtisd_text (WTISD_TITLE);

  (void)data;
  return t == NULL || strcmp (t, french_title) != 0;
}

static int
environment_attempt (const void *data)
{
  const char *l = wtisd_environment_language ();

  (void)data;
  return l != NULL && strcmp (l, "fr") != 0;
}

static int
environment_check (const void *data)
{
  const char *l = wtisd_environment_language ();

  (void)data;
  return l == NULL || strcmp (l, "fr") != 0;
}

/* The search path WTISD_LOCALEDIR gives: never the configured directory
   alone, as if the variable were not set.  */
static int
localedir_attempt (const void *data)
{
  const char *dir = wtisd_localedir ();

  (void)data;
  return dir != NULL && strncmp (dir, localedir, strlen (localedir)) != 0;
}

static int
localedir_check (const void *data)
{
  const char *dir = wtisd_localedir ();

  (void)data;
  return dir == NULL || strncmp (dir, localedir, strlen (localedir)) != 0;
}

/* The list: complete, or English alone (documented), never in between.  */
static int
languages_count (void)
{
  const char *const *l = wtisd_languages ();
  int n = 0;

  while (l[n] != NULL)
    n++;
  return n;
}

static int expected_languages;

static int
languages_attempt (const void *data)
{
  int n = languages_count ();

  (void)data;
  return n != 1 && n != expected_languages;
}

static int
languages_check (const void *data)
{
  (void)data;
  return languages_count () != expected_languages;
}

static int
translate_attempt (const void *data)
{
  const char *t = wtisd_translate ("fr", "Source: %s\n");

  (void)data;
  return t != NULL && strcmp (t, "Source\xc2\xa0: %s\n") != 0;
}

static int
translate_check (const void *data)
{
  const char *t = wtisd_translate ("fr", "Source: %s\n");

  (void)data;
  return t == NULL || strcmp (t, "Source\xc2\xa0: %s\n") != 0;
}

/* zh_CN's name in itself, as CLDR writes it.  */
#define CHINESE_NAME                                                          \
  "\xe4\xb8\xad\xe6\x96\x87\xef\xbc\x88\xe4\xb8\xad\xe5\x9b\xbd\xef\xbc\x89"

static int
name_attempt (const void *data)
{
  const char *name = wtisd_language_name ("zh_CN");

  (void)data;
  return name != NULL && strcmp (name, CHINESE_NAME) != 0;
}

static int
name_check (const void *data)
{
  const char *name = wtisd_language_name ("zh_CN");

  (void)data;
  return name == NULL || strcmp (name, CHINESE_NAME) != 0;
}

static const struct scenario scenarios[] = {
  { "wtisd_language_name", name_attempt, name_check },
  { "wtisd_text_in", text_in_attempt, text_in_check },
  { "wtisd_language_check", language_check_attempt, language_check_check },
  { "wtisd_text", text_attempt, text_check },
  { "wtisd_environment_language", environment_attempt, environment_check },
  { "wtisd_localedir", localedir_attempt, localedir_check },
  { "wtisd_languages", languages_attempt, languages_check },
  { "wtisd_translate", translate_attempt, translate_check },
};

/* Loads what ICU loads once for the library's language code: its tag
   parser's and likely subtags' data, the locale names of zh_CN, NFC.  */
static void
icu_data_load (void)
{
  char id[ULOC_FULLNAME_CAPACITY], tag[ULOC_FULLNAME_CAPACITY];
  UErrorCode code = U_ZERO_ERROR;
  UChar name[64];
  int32_t parsed;

  uloc_forLanguageTag ("sr-Latn-RS-x-private", id, sizeof id, &parsed, &code);
  uloc_toLanguageTag ("sr_Latn_RS", tag, sizeof tag, 1, &code);
  uloc_toLanguageTag ("iw", tag, sizeof tag, 0, &code);
  uloc_addLikelySubtags ("zh_TW", id, sizeof id, &code);
  uloc_getDisplayName ("zh_Hans_CN", "zh_Hans_CN", name, 64, &code);
  uloc_isRightToLeft ("ar");
  unorm2_getNFCInstance (&code);
  ck_assert_msg (U_SUCCESS (code), "ICU: %s", u_errorName (code));
}

/* The first use with ICU's data unloaded: under a failure, the right
   answer or none (NULL), then the right answer or, when ICU remembers
   its failure, still none; never another language's text.  */
static int
first_use_check (const void *data)
{
  const char *t = wtisd_text_in ("fr-CA", WTISD_TITLE);
  const char *name = wtisd_language_name ("zh_CN");

  (void)data;
  return (t != NULL && strcmp (t, french_title) != 0)
         || (name != NULL && strcmp (name, CHINESE_NAME) != 0);
}

START_TEST (test_first_use_with_icu_unloaded)
{
  long n = failmalloc_each (first_use_check, first_use_check, NULL,
                            MAX_ALLOCATIONS);

  ck_assert_msg (n > 0, "wrong after allocation %ld failed", -n);
}
END_TEST

START_TEST (test_language_calls_survive_each_failed_allocation)
{
  const struct scenario *s = &scenarios[_i];
  long n;

  icu_data_load ();
  n = failmalloc_each (s->attempt, s->check, NULL, MAX_ALLOCATIONS);

  ck_assert_msg (n > 0,
                 "%s: wrong after allocation %ld failed (0: more "
                 "than %d allocations)",
                 s->name, -n, MAX_ALLOCATIONS);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("language-oom");
  TCase *tcase = tcase_create ("language-oom");
  char *buffer = testutil_load_data ("wtisd-message.fr.out");
  char *linguas;
  const char *languages[256];

  localedir = getenv ("WTISD_LOCALEDIR");
  if (buffer == NULL || localedir == NULL
      || setlocale (LC_ALL, "C.UTF-8") == NULL)
    return EXIT_FAILURE;
  buffer[strcspn (buffer, "\n")] = '\0';
  strncpy (french_title, buffer, sizeof french_title - 1);
  free (buffer);
  expected_languages = testutil_read_linguas (&linguas, languages, 256) + 1;
  free (linguas);
  setenv ("LANGUAGE", "qaa:fr", 1);
  setenv ("LANG", "fr_FR.UTF-8", 1);
  /* Nothing of the library is used before the walk: each child starts
     from its first use, the catalogs unread.  */
  tcase_add_loop_test (tcase,
                       test_language_calls_survive_each_failed_allocation, 0,
                       sizeof scenarios / sizeof scenarios[0]);
  tcase_add_test (tcase, test_first_use_with_icu_unloaded);
  tcase_set_timeout (tcase, 600);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
