/* check_negotiate.c - wtisd_negotiate with many catalogs: every one of
   them counts, however many there are.  (The behaviour table,
   data/negotiation.txt, is check_language's.)
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <wtisd.h>

#include "testutil.h"

#define CATALOGS 300

/* The I-th made-up language: qaa, qab, ... (ISO 639's private use).  */
static void
language_name (int i, char name[4])
{
  name[0] = 'q';
  name[1] = (char)('a' + i / 26);
  name[2] = (char)('a' + i % 26);
  name[3] = '\0';
}

/* A locale directory holding the French catalog under CATALOGS names.  */
static char *
many_catalogs (void)
{
  const char *source_dir = getenv ("WTISD_LOCALEDIR");
  char *dir = strdup ("/tmp/wtisd-negotiate-XXXXXX"), path[4096], cmd[8192];
  int i;

  ck_assert_ptr_nonnull (source_dir);
  ck_assert_ptr_nonnull (mkdtemp (dir));
  for (i = 0; i < CATALOGS; i++)
    {
      char name[4];

      language_name (i, name);
      snprintf (path, sizeof path, "%s/%s", dir, name);
      ck_assert_int_eq (mkdir (path, 0700), 0);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES", dir, name);
      ck_assert_int_eq (mkdir (path, 0700), 0);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/libwtisd.mo", dir,
                name);
      snprintf (cmd, sizeof cmd, "cp '%s/fr/LC_MESSAGES/libwtisd.mo' '%s'",
                source_dir, path);
      ck_assert_int_eq (system (cmd), 0);
    }
  return dir;
}

static void
remove_tree (const char *dir)
{
  char cmd[4200];

  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq (system (cmd), 0);
}

/* The 300th catalog is chosen as surely as the first (past 256, they
   were silently ignored).  */
START_TEST (test_every_catalog_counts)
{
  char *dir = many_catalogs (), first[4], last[4], header[64];
  const char *const *languages;
  int count = 0;

  ck_assert_int_eq (wtisd_set_localedir (dir), 0);
  for (languages = wtisd_languages (); *languages != NULL; languages++)
    count++;
  ck_assert_int_eq (count, CATALOGS + 1); /* and "en" */
  language_name (0, first);
  language_name (CATALOGS - 1, last);
  ck_assert_str_eq (wtisd_negotiate (first), first);
  ck_assert_str_eq (wtisd_negotiate (last), last);
  snprintf (header, sizeof header, "de, %s;q=0.2, %s;q=0.3", first, last);
  ck_assert_str_eq (wtisd_negotiate (header), last);
  ck_assert_str_eq (wtisd_negotiate ("fr"), "en");
  remove_tree (dir);
  free (dir);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("negotiate");
  TCase *tcase = tcase_create ("negotiate");

  tcase_add_test (tcase, test_every_catalog_counts);
  tcase_set_timeout (tcase, 60);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
