/* testutil.c - helpers shared by the Check suites.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Returns the contents of PATH, NUL-terminated, or NULL.  Plain C, no
   Check assertions: it also runs while a suite is being built.  */
static char *
read_file (const char *path)
{
  char *buffer = NULL;
  long size;
  FILE *file = fopen (path, "rb");

  if (file == NULL)
    return NULL;
  if (fseek (file, 0, SEEK_END) == 0 && (size = ftell (file)) >= 0
      && fseek (file, 0, SEEK_SET) == 0
      && (buffer = malloc ((size_t)size + 1)) != NULL)
    {
      if (fread (buffer, 1, (size_t)size, file) == (size_t)size)
        buffer[size] = '\0';
      else
        {
          free (buffer);
          buffer = NULL;
        }
    }
  fclose (file);
  return buffer;
}

char *
testutil_load_data (const char *name)
{
  const char *srcdir = getenv ("srcdir");
  char path[4096];

  snprintf (path, sizeof path, "%s/data/%s", srcdir ? srcdir : ".", name);
  return read_file (path);
}

char *
testutil_read_data (const char *name)
{
  char *contents = testutil_load_data (name);

  ck_assert_msg (contents != NULL, "cannot read data/%s", name);
  return contents;
}

void
testutil_read_message (const char *name, char **buffer,
                       const char *parts[TESTUTIL_MESSAGE_PARTS])
{
  char *p;
  int count = 0;

  *buffer = testutil_read_data (name);
  p = *buffer;
  /* Leading blank lines, then parts separated by blank lines; whatever
     follows the last paragraph (the seed's addresses) is not read.  */
  while (count < TESTUTIL_MESSAGE_PARTS)
    {
      char *end;

      while (*p == '\n')
        p++;
      if (*p == '\0')
        break;
      parts[count++] = p;
      end = strstr (p, "\n\n");
      if (end == NULL)
        {
          end = p + strlen (p);
          if (end[-1] == '\n')
            end[-1] = '\0';
          break;
        }
      *end = '\0';
      p = end + 1;
    }
  ck_assert_msg (count == TESTUTIL_MESSAGE_PARTS, "%s has %d parts, not %d",
                 name, count, TESTUTIL_MESSAGE_PARTS);
}

int
testutil_split_lines (char *text, const char **lines, int max)
{
  int count = 0;

  while (*text != '\0' && count < max)
    {
      char *newline = strchr (text, '\n');

      lines[count++] = text;
      if (newline == NULL)
        break;
      *newline = '\0';
      text = newline + 1;
    }
  return count;
}

int
testutil_read_lines (const char *name, char **buffer, const char **lines,
                     int max)
{
  *buffer = testutil_read_data (name);
  return testutil_split_lines (*buffer, lines, max);
}

void
testutil_use_language (const char *language)
{
  ck_assert_msg (setlocale (LC_ALL, "C.UTF-8") != NULL,
                 "the C.UTF-8 locale is missing");
  ck_assert_int_eq (setenv ("LANGUAGE", language, 1), 0);
}

int
testutil_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
testutil_read_linguas (char **buffer, const char **languages, int max)
{
  const char *top_srcdir = getenv ("top_srcdir");
  char path[4096];
  char *p;
  int count = 0;

  snprintf (path, sizeof path, "%s/po/LINGUAS",
            top_srcdir ? top_srcdir : "..");
  *buffer = read_file (path);
  if (*buffer == NULL)
    return 0;
  for (p = strtok (*buffer, " \t\n"); p != NULL; p = strtok (NULL, " \t\n"))
    {
      if (*p == '#')
        {
          p = strtok (NULL, "\n");
          continue;
        }
      /* A suite that silently tested only the first languages would
         pass for the others unseen.  */
      if (count == max)
        {
          fprintf (stderr,
                   "po/LINGUAS has more than %d languages: "
                   "make this test's table larger\n",
                   max);
          exit (99);
        }
      languages[count++] = p;
    }
  return count;
}
