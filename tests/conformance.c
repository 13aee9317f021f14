/* conformance.c - reading Unicode's conformance data files.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "conformance.h"
#include "testutil.h"

static int conformance_piped;

FILE *
conformance_open (const char *variable, const char *what)
{
  const char *path = getenv (variable);
  size_t length;
  FILE *file;

  if (path == NULL || *path == '\0' || (file = fopen (path, "r")) == NULL)
    {
      printf ("SKIP: %s not found (%s=%s); configure's --with-idna-test "
              "and --with-normalization-test name the files\n",
              what, variable, path != NULL ? path : "");
      fflush (stdout);
      exit (77);
    }
  length = strlen (path);
  if (length > 4 && strcmp (path + length - 4, ".bz2") == 0)
    {
      char command[4200];

      fclose (file);
      if (strchr (path, '\'') != NULL || length > 4096)
        exit (99);
      snprintf (command, sizeof command, "bzip2 -dc '%s'", path);
      file = popen (command, "r");
      if (file == NULL)
        exit (99);
      conformance_piped = 1;
    }
  printf ("reading %s from %s\n", what, path);
  fflush (stdout);
  return file;
}

void
conformance_close (FILE *file)
{
  if (conformance_piped)
    pclose (file);
  else
    fclose (file);
}

static char *
trim (char *s)
{
  char *end;

  while (*s == ' ' || *s == '\t')
    s++;
  end = s + strlen (s);
  while (end > s
         && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'
             || end[-1] == '\r'))
    *--end = '\0';
  return s;
}

int
conformance_fields (char *line, char **fields, int max)
{
  char *comment = strchr (line, '#'), *p = line;
  int count = 0;

  if (comment != NULL)
    *comment = '\0';
  if (*trim (line) == '\0')
    return 0;
  while (count < max)
    {
      char *semicolon = strchr (p, ';');

      if (semicolon != NULL)
        *semicolon = '\0';
      fields[count++] = trim (p);
      if (semicolon == NULL)
        break;
      p = semicolon + 1;
    }
  return count;
}

int
conformance_put_utf8 (unsigned long c, char *out)
{
  if (c < 0x80)
    {
      out[0] = (char)c;
      return 1;
    }
  if (c < 0x800)
    {
      out[0] = (char)(0xc0 | (c >> 6));
      out[1] = (char)(0x80 | (c & 0x3f));
      return 2;
    }
  if (c < 0x10000)
    {
      out[0] = (char)(0xe0 | (c >> 12));
      out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
      out[2] = (char)(0x80 | (c & 0x3f));
      return 3;
    }
  out[0] = (char)(0xf0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
  out[3] = (char)(0x80 | (c & 0x3f));
  return 4;
}

int
conformance_run (const char *variable, const char *what, const TTest *test,
                 double timeout)
{
  Suite *suite = suite_create (what);
  TCase *tcase = tcase_create (what);

  conformance_close (conformance_open (variable, what));
  tcase_add_test (tcase, test);
  tcase_set_timeout (tcase, timeout);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}

void
conformance_report (const char *name, int cases, int failures)
{
  printf ("%s: %d of %d cases pass\n", name, cases - failures, cases);
  /* A failed assertion ends the forked test without flushing stdout.  */
  fflush (stdout);
  ck_assert_int_eq (failures, 0);
  ck_assert_int_gt (cases, 0);
}

/* Replaces the file's \uXXXX and \x{X...} escapes with UTF-8, in place
   (an escape is never shorter than its encoding).  */
void
conformance_unescape (char *s)
{
  char *in = s, *out = s;

  while (*in != '\0')
    {
      char *end;
      unsigned long c;

      if (in[0] == '\\' && in[1] == 'u')
        {
          char hex[5] = { 0 };

          memcpy (hex, in + 2, 4);
          c = strtoul (hex, &end, 16);
          ck_assert_msg (end == hex + 4, "bad escape in %s", s);
          in += 6;
        }
      else if (in[0] == '\\' && in[1] == 'x' && in[2] == '{')
        {
          c = strtoul (in + 3, &end, 16);
          ck_assert_msg (*end == '}', "bad escape in %s", s);
          in = end + 1;
        }
      else
        {
          *out++ = *in++;
          continue;
        }
      out += conformance_put_utf8 (c, out);
    }
  *out = '\0';
}
