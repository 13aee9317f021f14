/* check_display.c - the display policy of wtisd_domain_display, compared
   with ICU's spoof checker: the library makes the same decisions with
   ICU's character properties and a table of ICU's confusables data, and
   this suite holds it to the spoof checker on every code point of the
   table, on every name of Unicode's IDNA conformance data and on names
   made of letters from many scripts.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <wtisd.h>

#include "conformance.h"
#include "confusable-ascii.h"
#include "testutil.h"

static USpoofChecker *checker;

static void
checker_open (void)
{
  UErrorCode code = U_ZERO_ERROR;

  checker = uspoof_open (&code);
  ck_assert_msg (U_SUCCESS (code), "uspoof_open: %s", u_errorName (code));
  uspoof_setRestrictionLevel (checker, USPOOF_HIGHLY_RESTRICTIVE);
  uspoof_setChecks (checker, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE,
                    &code);
  ck_assert (U_SUCCESS (code));
}

static void
checker_close (void)
{
  uspoof_close (checker);
}

static int
is_ascii (const char *s, int32_t length)
{
  for (int32_t i = 0; i < length; i++)
    if ((unsigned char)s[i] > 0x7f)
      return 0;
  return 1;
}

/* The policy, as ICU's spoof checker gives it: a label misleads when
   the checker finds mixed scripts or invisible characters, or when its
   skeleton is ASCII.  */
static int
reference_label_misleads (const char *label, int32_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  char skeleton[4096];
  int32_t checks, skeleton_length;

  if (is_ascii (label, length))
    return 0;
  checks = uspoof_checkUTF8 (checker, label, length, NULL, &code);
  ck_assert_msg (U_SUCCESS (code), "uspoof_checkUTF8: %s", u_errorName (code));
  if (checks != 0)
    return 1;
  skeleton_length = uspoof_getSkeletonUTF8 (checker, 0, label, length,
                                            skeleton, sizeof skeleton, &code);
  ck_assert_msg (U_SUCCESS (code), "uspoof_getSkeletonUTF8: %s",
                 u_errorName (code));
  return is_ascii (skeleton, skeleton_length);
}

/* wtisd_domain_display as the reference would make it: the Unicode
   form, or the ASCII form when a label misleads; the library's error
   when either conversion fails.  */
static int
reference_display (const char *domain, char *out, size_t size)
{
  char unicode[4096];
  const char *label, *end;
  int length, ascii_length;

  length = wtisd_domain_to_unicode (domain, unicode, sizeof unicode);
  ascii_length = wtisd_domain_to_ascii (domain, out, size);
  if (length < 0 || ascii_length < 0)
    return length < 0 ? length : ascii_length;
  for (label = unicode, end = unicode + length; label < end;)
    {
      const char *dot = memchr (label, '.', (size_t)(end - label));
      const char *label_end = dot != NULL ? dot : end;

      if (reference_label_misleads (label, (int32_t)(label_end - label)))
        return ascii_length;
      label = label_end + 1;
    }
  ck_assert_int_lt (length, (int)size);
  memcpy (out, unicode, (size_t)length + 1);
  return length;
}

static int cases, failures;

/* Whether the table was made from the Unicode version of the ICU at
   hand; writes that version to VERSION.  */
static int
table_is_current (char version[U_MAX_VERSION_STRING_LENGTH])
{
  UVersionInfo unicode;

  u_getUnicodeVersion (unicode);
  unicode[2] = unicode[3] = 0;
  u_versionToString (unicode, version);
  return strcmp (version, CONFUSABLE_ASCII_UNICODE_VERSION) == 0;
}

/* The report of a comparison of decisions.  An ICU of another Unicode
   version than the table's may know confusables the table does not:
   then the differences are counted, not failed, and the table is to be
   made anew.  */
static void
decisions_report (const char *name)
{
  char version[U_MAX_VERSION_STRING_LENGTH];

  if (!table_is_current (version))
    {
      printf ("%s: %d of %d as ICU's spoof checker of Unicode %s; the table "
              "is of Unicode %s (make -C libwtisd update-confusable-ascii)\n",
              name, cases - failures, cases, version,
              CONFUSABLE_ASCII_UNICODE_VERSION);
      return;
    }
  conformance_report (name, cases, failures);
}

/* Compares the library's display of DOMAIN with the reference's.  */
static void
display_compare (const char *domain)
{
  char expected[4096], got[4096];
  int expected_length = reference_display (domain, expected, sizeof expected);
  int length = wtisd_domain_display (domain, got, sizeof got);

  cases++;
  if (length != expected_length
      || (length >= 0 && strcmp (got, expected) != 0))
    if (++failures <= 20)
      printf ("%s: gave %d \"%s\", the spoof checker %d \"%s\"\n", domain,
              length, length >= 0 ? got : "", expected_length,
              expected_length >= 0 ? expected : "");
}

/* The table of code points whose skeleton is ASCII, against ICU's spoof
   checker, code point by code point: it is made from the confusables
   data of one Unicode version, and says nothing of another.  */
START_TEST (test_table_matches_spoof_checker)
{
  char version[U_MAX_VERSION_STRING_LENGTH];
  size_t range = 0,
         ranges = sizeof confusable_ascii / sizeof *confusable_ascii;
  int mismatches = 0;

  if (!table_is_current (version))
    {
      printf ("table of Unicode %s, ICU of Unicode %s: not compared "
              "(make -C libwtisd update-confusable-ascii)\n",
              CONFUSABLE_ASCII_UNICODE_VERSION, version);
      return;
    }
  for (UChar32 c = 0; c <= UCHAR_MAX_VALUE; c++)
    {
      UErrorCode code = U_ZERO_ERROR;
      UChar text[2], skeleton[64];
      int32_t length = 0, skeleton_length, i;
      int ascii = 1, in_table;

      if (U_IS_SURROGATE (c))
        continue;
      while (range < ranges && confusable_ascii[range].last < c)
        range++;
      in_table = range < ranges && confusable_ascii[range].first <= c;
      U16_APPEND_UNSAFE (text, length, c);
      skeleton_length
          = uspoof_getSkeleton (checker, 0, text, length, skeleton, 64, &code);
      ck_assert (U_SUCCESS (code));
      for (i = 0; i < skeleton_length; i++)
        ascii &= skeleton[i] <= 0x7f;
      if (ascii != in_table && ++mismatches <= 20)
        printf ("U+%04X: skeleton %s ASCII, table says %s\n", (unsigned)c,
                ascii ? "is" : "is not", in_table ? "is" : "is not");
    }
  ck_assert_int_eq (mismatches, 0);
}
END_TEST

/* Every source and Unicode form of IdnaTestV2.txt.  */
START_TEST (test_idna_test_v2_names)
{
  FILE *file = conformance_open ("WTISD_IDNA_TEST", "IdnaTestV2.txt");
  char line[4096];

  cases = failures = 0;
  while (fgets (line, sizeof line, file) != NULL)
    {
      char *fields[7];

      if (conformance_fields (line, fields, 7) != 7)
        continue;
      conformance_unescape (fields[0]);
      conformance_unescape (fields[1]);
      display_compare (fields[0]);
      if (*fields[1] != '\0')
        display_compare (fields[1]);
    }
  conformance_close (file);
  decisions_report ("display of IdnaTestV2 names");
}
END_TEST

/* Letters of scripts that mix in real names or pass for Latin, marks,
   and characters common to several scripts.  */
static const UChar32 letters[] = {
  'a',    'e',    'o',     'p',    'l',    '0',    '1',
  '-',    0x00E9, 0x0131,  0x0251,                         /* Latin */
  0x0430, 0x043E, 0x0440,  0x0441, 0x04CF, 0x0431, 0x044F, /* Cyrillic */
  0x03BF, 0x03B1, 0x03BD,                                  /* Greek */
  0x0585, 0x0578,                                          /* Armenian */
  0x4E2D, 0x56FD, 0x20000,                                 /* Han */
  0x3042, 0x30AB, 0x30FC,  0xD55C, 0x3105, /* kana, Hangul, Bopomofo */
  0x0628, 0x05D0, 0x0915,  0x094D, 0x0E01, /* Arabic ... Thai */
  0xAB70, 0x10D0,                          /* Cherokee, Georgian */
  0x0301, 0x0300, 0x0308,  0x0F71,         /* marks */
  0x00B7, 0x30FB, 0x0660,                  /* common to scripts */
};

#define LETTERS (sizeof letters / sizeof *letters)
/* Three-letter names come from the first of them only.  */
#define TRIPLE_LETTERS 24

static void
name_compare (const UChar32 *name, int length)
{
  char domain[64], *out = domain;

  for (int i = 0; i < length; i++)
    out += conformance_put_utf8 ((unsigned long)name[i], out);
  strcpy (out, ".com");
  display_compare (domain);
}

START_TEST (test_names_of_mixed_scripts)
{
  UChar32 name[3];

  cases = failures = 0;
  for (size_t i = 0; i < LETTERS; i++)
    {
      name[0] = letters[i];
      name_compare (name, 1);
      for (size_t j = 0; j < LETTERS; j++)
        {
          name[1] = letters[j];
          name_compare (name, 2);
          for (size_t k = 0;
               i < TRIPLE_LETTERS && j < TRIPLE_LETTERS && k < TRIPLE_LETTERS;
               k++)
            {
              name[2] = letters[k];
              name_compare (name, 3);
            }
        }
    }
  decisions_report ("display of names of mixed scripts");
}
END_TEST

/* Marks repeated in one run, far apart and after a long run: the check
   for invisible characters.  */
START_TEST (test_repeated_marks)
{
  static const char *const names[] = {
    "e\xcc\x81\xcc\x81.com",         /* e, U+0301 twice */
    "\xc3\xa9\xcc\x81.com",          /* é, then U+0301 */
    "e\xcc\x81\xcc\x88\xcc\x81.com", /* U+0301 on both sides of U+0308 */
    "e\xcc\x81x\xcc\x81.com",        /* the same mark in two runs */
  };
  char name[1024];
  size_t length;

  cases = failures = 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    display_compare (names[i]);
  /* A run of marks longer than any real one, each mark once, then one of
     them again.  */
  strcpy (name, "a");
  length = 1;
  for (UChar32 c = 0x0300; c < 0x0370 && length < 900; c++)
    if (u_charType (c) == U_NON_SPACING_MARK)
      length += (size_t)conformance_put_utf8 ((unsigned long)c, name + length);
  name[length] = '\0';
  display_compare (name);
  strcpy (name + length, "\xcc\x81");
  display_compare (name);
  decisions_report ("display of repeated marks");
}
END_TEST

static Suite *
display_suite (void)
{
  Suite *suite = suite_create ("display");
  TCase *tcase = tcase_create ("spoof checker");

  tcase_add_checked_fixture (tcase, checker_open, checker_close);
  tcase_add_test (tcase, test_table_matches_spoof_checker);
  tcase_add_test (tcase, test_idna_test_v2_names);
  tcase_add_test (tcase, test_names_of_mixed_scripts);
  tcase_add_test (tcase, test_repeated_marks);
  tcase_set_timeout (tcase, 300);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (display_suite ());
}
