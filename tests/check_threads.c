/* check_threads.c - 8 threads, started together on a cold library in the
   C locale, look up every shipped language by tag: each gets the same
   pointers on every round, all threads the same ones, the texts are the
   golden ones, and the process locale and environment stay untouched.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

extern char **environ;

#define THREADS 8
#define MAX_LANGUAGES 256
/* Each catalog language and a tag that resolves to it.  */
#define SPELLINGS 2

static const char *languages[MAX_LANGUAGES];
static char tags[MAX_LANGUAGES][SPELLINGS][40];
static int language_count;

struct worker
{
  pthread_t thread;
  const char *seen[MAX_LANGUAGES][SPELLINGS][WTISD_TEXT_COUNT];
  const char *negotiated[MAX_LANGUAGES];
  int changes; /* Lookups that gave another pointer than before.  */
};

static struct worker workers[THREADS];
static pthread_barrier_t start_line;
/* Rounds of every lookup in each thread: the first publishes the table
   and the catalogs while the other threads read them, the rest read
   what is published.  */
static int rounds;

static void *
worker_run (void *arg)
{
  struct worker *w = arg;
  int round, l, s, id;

  pthread_barrier_wait (&start_line);
  for (round = 0; round < rounds; round++)
    for (l = 0; l < language_count; l++)
      {
        const char *best = wtisd_negotiate (tags[l][1]);

        if (round > 0 && best != w->negotiated[l])
          w->changes++;
        w->negotiated[l] = best;
        for (s = 0; s < SPELLINGS; s++)
          for (id = 0; id < WTISD_TEXT_COUNT; id++)
            {
              const char *text = wtisd_text_in (tags[l][s], id);

              if (round > 0 && text != w->seen[l][s][id])
                w->changes++;
              w->seen[l][s][id] = text;
            }
      }
  return NULL;
}

static void
make_tags (void)
{
  int l;

  for (l = 0; l < language_count; l++)
    {
      /* "fr" as it is, and as a BCP 47 tag: with a region (001, the
         world) where the name has none, the name's own region ("pt_BR":
         "pt-BR") where it has one, and the script for Chinese.  */
      char *underscore;

      snprintf (tags[l][0], sizeof tags[l][0], "%s", languages[l]);
      snprintf (tags[l][1], sizeof tags[l][1], "%s", languages[l]);
      if (strcmp (languages[l], "zh_CN") == 0)
        snprintf (tags[l][1], sizeof tags[l][1], "zh-Hans-CN");
      else if (strcmp (languages[l], "zh_TW") == 0)
        snprintf (tags[l][1], sizeof tags[l][1], "zh-Hant-TW");
      else if ((underscore = strchr (tags[l][1], '_')) != NULL)
        *underscore = '-';
      else if (strchr (tags[l][1], '@') == NULL)
        snprintf (tags[l][1], sizeof tags[l][1], "%s-001", languages[l]);
    }
}

/* The golden texts of language L: data/wtisd-message.L.out, where it
   has golden files yet (tests/golden.sh); the themes in any case.  */
static void
assert_golden (int l, const char *const *texts)
{
  char name[64], *buffer;
  const char *parts[TESTUTIL_MESSAGE_PARTS];
  int i;

  snprintf (name, sizeof name, "wtisd-message.%s.out", languages[l]);
  if ((buffer = testutil_load_data (name)) != NULL)
    {
      free (buffer);
      testutil_read_message (name, &buffer, parts);
      for (i = 0; i < TESTUTIL_MESSAGE_PARTS; i++)
        ck_assert_str_eq (texts[WTISD_TITLE + i], parts[i]);
      free (buffer);
    }
  ck_assert_ptr_nonnull (
      strstr (texts[WTISD_PARAGRAPH_5], texts[WTISD_THEME_WTISD_2021]));
  ck_assert_ptr_nonnull (
      strstr (texts[WTISD_PARAGRAPH_4], texts[WTISD_THEME_WTDC_2021]));
}

/* Eight threads look up every language ROUNDS_WANTED times from the
   first use on: each sees the same texts, the golden ones, and nothing
   of the process changes.  */
static void
every_language_in_eight_threads (int rounds_wanted)
{
  char **environ_before = environ, *buffer;
  int t, l, s;

  /* Only the C locale, never set: the library must need no other.  */
  ck_assert_str_eq (setlocale (LC_ALL, NULL), "C");
  language_count = testutil_read_linguas (&buffer, languages, MAX_LANGUAGES);
  ck_assert_int_ge (language_count, 6);
  make_tags ();
  rounds = rounds_wanted;
  memset (workers, 0, sizeof workers);
  ck_assert_int_eq (pthread_barrier_init (&start_line, NULL, THREADS), 0);
  for (t = 0; t < THREADS; t++)
    ck_assert_int_eq (
        pthread_create (&workers[t].thread, NULL, worker_run, &workers[t]), 0);
  for (t = 0; t < THREADS; t++)
    ck_assert_int_eq (pthread_join (workers[t].thread, NULL), 0);
  for (t = 0; t < THREADS; t++)
    {
      ck_assert_int_eq (workers[t].changes, 0);
      for (l = 0; l < language_count; l++)
        {
          ck_assert_str_eq (workers[t].negotiated[l], languages[l]);
          for (s = 0; s < SPELLINGS; s++)
            ck_assert (memcmp (workers[t].seen[l][s], workers[0].seen[l][0],
                               sizeof workers[0].seen[l][0])
                       == 0);
        }
    }
  for (l = 0; l < language_count; l++)
    assert_golden (l, workers[0].seen[l][0]);
  /* The process locale and the environment are as they were.  */
  ck_assert_str_eq (setlocale (LC_ALL, NULL), "C");
  ck_assert_ptr_eq (uselocale ((locale_t)0), LC_GLOBAL_LOCALE);
  ck_assert_ptr_eq (environ, environ_before);
  ck_assert_ptr_null (getenv ("LANGUAGE"));
  pthread_barrier_destroy (&start_line);
  free (buffer);
}

START_TEST (test_eight_threads_two_rounds)
{
  every_language_in_eight_threads (2);
}
END_TEST

START_TEST (test_eight_threads_two_hundred_rounds)
{
  every_language_in_eight_threads (200);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("threads");
  TCase *tcase = tcase_create ("threads");

  tcase_add_test (tcase, test_eight_threads_two_rounds);
  tcase_set_timeout (tcase, 120);
  suite_add_tcase (suite, tcase);
  /* "slow": left out under valgrind (valgrind-suite.sh), where it took
     almost four minutes and finds what two rounds find; the plain,
     sanitizer and ThreadSanitizer builds run it.  */
  tcase = tcase_create ("threads-many-rounds");
  tcase_add_test (tcase, test_eight_threads_two_hundred_rounds);
  tcase_set_timeout (tcase, 120);
  tcase_set_tags (tcase, "slow");
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
