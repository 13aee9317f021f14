/* check_negotiate.c - wtisd_negotiate with many catalogs: every one of
   them counts, however many there are, and the work and memory of a
   search path's first use grow in proportion to its catalogs; "*" with
   English excluded.  (The behaviour table, data/negotiation.txt, is
   check_language's.)
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <wtisd.h>

#include "testutil.h"

#define CATALOGS 300

/* The I-th language of a test directory: qaa ... qtz (ISO 639's private
   use), then three-letter codes from baa on, which only this test's
   directories hold.  */
static void
language_name (int i, char name[4])
{
  int first = 'q';

  if (i >= 520)
    i -= 520, first = 'b' + i / 676;
  name[0] = (char)first;
  name[1] = (char)('a' + i / 26 % 26);
  name[2] = (char)('a' + i % 26);
  name[3] = '\0';
}

/* A locale directory holding the French catalog under COUNT names.  */
static char *
directory_of_catalogs (int count)
{
  const char *source_dir = getenv ("WTISD_LOCALEDIR");
  char *dir = strdup ("/tmp/wtisd-negotiate-XXXXXX"), path[4096];
  char *data = NULL;
  size_t size = 0;
  FILE *file;
  int i;

  ck_assert_ptr_nonnull (source_dir);
  ck_assert_ptr_nonnull (mkdtemp (dir));
  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES/libwtisd.mo", source_dir);
  ck_assert_ptr_nonnull (file = fopen (path, "rb"));
  data = malloc (1 << 20);
  size = fread (data, 1, 1 << 20, file);
  fclose (file);
  for (i = 0; i < count; i++)
    {
      char name[4];

      language_name (i, name);
      snprintf (path, sizeof path, "%s/%s", dir, name);
      ck_assert_int_eq (mkdir (path, 0700), 0);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES", dir, name);
      ck_assert_int_eq (mkdir (path, 0700), 0);
      snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/libwtisd.mo", dir, name);
      ck_assert_ptr_nonnull (file = fopen (path, "wb"));
      ck_assert_uint_eq (fwrite (data, 1, size, file), size);
      ck_assert_int_eq (fclose (file), 0);
    }
  free (data);
  return dir;
}

static char *
many_catalogs (void)
{
  return directory_of_catalogs (CATALOGS);
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

/* "*" stands for every language not named: with English excluded, it
   is another one the search path has (RFC 4647, section 3.3.1).  */
START_TEST (test_star_with_english_excluded)
{
  const char *best = wtisd_negotiate ("en;q=0, *");
  const char *const *languages;
  int found = 0;

  ck_assert_str_ne (best, "en");
  for (languages = wtisd_languages (); *languages != NULL; languages++)
    found |= strcmp (*languages, best) == 0;
  ck_assert_msg (found, "%s is not a language of the search path", best);
  ck_assert_str_eq (wtisd_negotiate ("en;q=0, *;q=0"), "en");
}
END_TEST

/* A damaged catalog is never the answer: the next best is, and only
   the winner's catalog is read to know.  */
START_TEST (test_damaged_catalog_passed_over)
{
  char *dir = directory_of_catalogs (2), path[4200];
  FILE *file;

  snprintf (path, sizeof path, "%s/qaa/LC_MESSAGES/libwtisd.mo", dir);
  ck_assert_ptr_nonnull (file = fopen (path, "wb"));
  fputs ("not a catalog", file);
  ck_assert_int_eq (fclose (file), 0);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_str_eq (wtisd_negotiate ("qaa, qab;q=0.5"), "qab");
  ck_assert_str_eq (wtisd_negotiate ("qaa"), "en");
  ck_assert_int_eq (wtisd_language_check ("qaa"), WTISD_ECATALOG);
  remove_tree (dir);
  free (dir);
}
END_TEST

/* The heap a fresh process grows by to list COUNT catalogs and negotiate
   among them, in bytes (measured in a child: the library keeps what it
   learned of a search path for the life of the process).  */
static long
first_use_heap (int count)
{
  char *dir = directory_of_catalogs (count);
  int fds[2], status;
  long grown = -1;
  pid_t child;

  ck_assert_int_eq (pipe (fds), 0);
  child = fork ();
  ck_assert_int_ge (child, 0);
  if (child == 0)
    {
      size_t before = mallinfo2 ().uordblks;
      char last[4], header[64];

      language_name (count - 1, last);
      snprintf (header, sizeof header, "x-foo, %s;q=0.5", last);
      if (wtisd_set_localedir (dir) != WTISD_OK
          || strcmp (wtisd_negotiate (header), last) != 0)
        _exit (1);
      grown = (long)(mallinfo2 ().uordblks - before);
      _exit (write (fds[1], &grown, sizeof grown) == sizeof grown ? 0 : 1);
    }
  close (fds[1]);
  ck_assert_int_eq ((int)read (fds[0], &grown, sizeof grown),
                    (int)sizeof grown);
  close (fds[0]);
  ck_assert_int_eq (waitpid (child, &status, 0), child);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  remove_tree (dir);
  free (dir);
  return grown;
}

/* 2,000 catalogs cost at most a little more than ten times what 200 do
   (before, the server's first negotiation asked ICU about every ISO
   region for each language: 71 s, and memory grew with the square); the
   test's timeout bounds the time.  */
START_TEST (test_first_use_linear_in_catalogs)
{
  long small = first_use_heap (200), large = first_use_heap (2000);

  printf ("first use: %ld bytes for 200 catalogs, %ld for 2000\n", small,
          large);
  /* AddressSanitizer's allocator reports nothing to mallinfo2: there the
     timeout alone bounds the first use.  */
  if (small == 0 && large == 0)
    return;
  ck_assert_msg (large <= small * 12,
                 "2000 catalogs take %ld bytes, %.1f "
                 "times what 200 take",
                 large, (double)large / (double)small);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("negotiate");
  TCase *tcase = tcase_create ("negotiate");

  tcase_add_test (tcase, test_every_catalog_counts);
  tcase_add_test (tcase, test_star_with_english_excluded);
  tcase_add_test (tcase, test_damaged_catalog_passed_over);
  tcase_add_test (tcase, test_first_use_linear_in_catalogs);
  tcase_set_timeout (tcase, 60);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
