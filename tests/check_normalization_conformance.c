/* check_normalization_conformance.c - every line of Unicode's
   NormalizationTest.txt, in all four forms, through wtisd_normalize, and
   the invariance of every code point Part 1 does not list.  Reads the
   file where it lies; skips (status 77) without it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "conformance.h"
#include "testutil.h"

#define MAX_TEXT 256
#define CODE_POINTS 0x110000

static int cases, failures;
static unsigned char *listed_in_part1;

/* Converts a field of space-separated hex code points to UTF-8.  */
static void
field_to_utf8 (const char *field, char *out)
{
  char *end;

  while (*field != '\0')
    {
      unsigned long c = strtoul (field, &end, 16);

      ck_assert_msg (end != field, "bad field %s", field);
      out += conformance_put_utf8 (c, out);
      field = end;
      while (*field == ' ')
        field++;
    }
  *out = '\0';
}

static const char *const form_names[] = { "NFC", "NFD", "NFKC", "NFKD" };

/* Checks that FORM of column INPUT equals column EXPECTED (1-based, as
   the file's header numbers them).  */
static void
expect (char columns[5][MAX_TEXT], wtisd_normalization form, int expected,
        int input, int line_number)
{
  char out[4 * MAX_TEXT];
  int length = wtisd_normalize (columns[input - 1], form, out, sizeof out);

  cases++;
  if ((length < 0 || strcmp (out, columns[expected - 1]) != 0)
      && ++failures <= 20)
    printf ("line %d: c%d == %s(c%d) fails (%d)\n", line_number, expected,
            form_names[form], input, length);
}

static void
check_line (char columns[5][MAX_TEXT], int line_number)
{
  int c;

  for (c = 1; c <= 3; c++)
    {
      expect (columns, WTISD_NFC, 2, c, line_number);
      expect (columns, WTISD_NFD, 3, c, line_number);
    }
  for (c = 4; c <= 5; c++)
    {
      expect (columns, WTISD_NFC, 4, c, line_number);
      expect (columns, WTISD_NFD, 5, c, line_number);
    }
  for (c = 1; c <= 5; c++)
    {
      expect (columns, WTISD_NFKC, 4, c, line_number);
      expect (columns, WTISD_NFKD, 5, c, line_number);
    }
}

/* Reads every test line; notes the single code points of Part 1.  */
static void
check_file (void)
{
  FILE *file
      = conformance_open ("WTISD_NORMALIZATION_TEST", "NormalizationTest.txt");
  char line[4096], columns[5][MAX_TEXT];
  int line_number = 0, part = -1;

  while (fgets (line, sizeof line, file) != NULL)
    {
      char *fields[6];
      int i, count;

      line_number++;
      if (line[0] == '@')
        {
          part = atoi (line + 5);
          continue;
        }
      count = conformance_fields (line, fields, 6);
      if (count == 0)
        continue;
      ck_assert_msg (count >= 5, "line %d: %d fields", line_number, count);
      for (i = 0; i < 5; i++)
        field_to_utf8 (fields[i], columns[i]);
      if (part == 1)
        listed_in_part1[strtoul (fields[0], NULL, 16)] = 1;
      check_line (columns, line_number);
    }
  conformance_close (file);
}

/* A code point that Part 1 does not list is unchanged by every form.  */
static void
check_unlisted_code_points (void)
{
  unsigned long c;
  int form;

  for (c = 1; c < CODE_POINTS; c++)
    {
      char text[5], out[64];

      if ((c >= 0xd800 && c <= 0xdfff) || listed_in_part1[c])
        continue;
      text[conformance_put_utf8 (c, text)] = '\0';
      for (form = WTISD_NFC; form <= WTISD_NFKD; form++)
        {
          int length = wtisd_normalize (text, (wtisd_normalization)form, out,
                                        sizeof out);

          cases++;
          if ((length < 0 || strcmp (out, text) != 0) && ++failures <= 20)
            printf ("U+%04lX changes under %s\n", c, form_names[form]);
        }
    }
}

START_TEST (test_normalization_test_txt)
{
  listed_in_part1 = calloc (CODE_POINTS, 1);
  ck_assert_ptr_nonnull (listed_in_part1);
  check_file ();
  check_unlisted_code_points ();
  free (listed_in_part1);
  conformance_report ("NormalizationTest", cases, failures);
}
END_TEST

int
main (void)
{
  return conformance_run ("WTISD_NORMALIZATION_TEST", "NormalizationTest.txt",
                          test_normalization_test_txt, 300);
}
