/* check_display.c - the display policy of wtisd_domain_display: names a
   person should see in Unicode, names that could mislead and must show
   in Punycode (UTS #39: the identifier profile, the "highly restrictive"
   level, invisible characters, ASCII look-alikes), each stated here with
   the reason; and over every name of Unicode's IDNA conformance data,
   that the display is always one of the name's two forms.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>

#include <wtisd.h>

#include "conformance.h"
#include "testutil.h"

enum shown
{
  UNICODE_FORM,
  ASCII_FORM
};

struct display_case
{
  const char *domain;
  enum shown shown;
  const char *why;
};

static const struct display_case cases[] = {
  { "минсвязи.бел", UNICODE_FORM, "Cyrillic alone" },
  { "xn--b1akbcqh2a7i.xn--90ais", UNICODE_FORM, "the same, given in ASCII" },
  { "bücher.de", UNICODE_FORM, "Latin with a diacritic" },
  { "ελλάδα.gr", UNICODE_FORM, "Greek alone" },
  { "日本語.jp", UNICODE_FORM, "Han" },
  { "ひらがな漢字.jp", UNICODE_FORM, "Han with kana: Japanese" },
  { "한국어.kr", UNICODE_FORM, "Hangul" },
  { "中文abc.com", UNICODE_FORM, "Han with Latin: highly restrictive" },
  { "मराठी.भारत", UNICODE_FORM, "Devanagari" },
  { "مثال.إختبار", UNICODE_FORM, "Arabic" },
  { "example.com", UNICODE_FORM, "ASCII" },
  { "аррӏе.com", ASCII_FORM, "Cyrillic whose skeleton is \"apple\"" },
  { "pаypal.com", ASCII_FORM, "Latin with one Cyrillic а: mixed scripts" },
  { "ᴘᴀʏᴘᴀʟ.com", ASCII_FORM, "small capitals: not in the profile" },
  { "\xe2\xa0\x80.com", ASCII_FORM, "U+2800 BRAILLE PATTERN BLANK" },
  { "e\xcc\x81\xcc\x81.com", ASCII_FORM, "U+0301 twice: invisible" },
  { "\xc3\xa9\xcc\x81.com", ASCII_FORM, "é then U+0301: invisible" },
  { "ελλάδαabc.gr", ASCII_FORM, "Greek with Latin: mixed scripts" },
  { "мoсква.ru", ASCII_FORM, "Cyrillic with a Latin o" },
};

/* The form of DOMAIN the display must give: to_unicode or to_ascii.  */
static int
expected_display (const char *domain, enum shown shown, char *out, size_t size)
{
  return shown == UNICODE_FORM ? wtisd_domain_to_unicode (domain, out, size)
                               : wtisd_domain_to_ascii (domain, out, size);
}

START_TEST (test_display_policy)
{
  const struct display_case *c = &cases[_i];
  char expected[512], got[512];
  int expected_length
      = expected_display (c->domain, c->shown, expected, sizeof expected);
  int length = wtisd_domain_display (c->domain, got, sizeof got);

  ck_assert_msg (expected_length > 0, "%s: no %s form", c->domain,
                 c->shown == UNICODE_FORM ? "Unicode" : "ASCII");
  ck_assert_msg (length == expected_length && strcmp (got, expected) == 0,
                 "%s (%s): shown as \"%s\", not \"%s\"", c->domain, c->why,
                 length >= 0 ? got : wtisd_strerror (length), expected);
}
END_TEST

/* A run of nonspacing marks far longer than any real one, each once,
   and then one of them again: never shown in Unicode.  */
START_TEST (test_long_run_of_marks)
{
  char name[1024], unicode[2048], got[2048];
  size_t length = 0;

  name[length++] = 'a';
  for (unsigned long c = 0x0300; c < 0x0370 && length < 900; c++)
    length += (size_t)conformance_put_utf8 (c, name + length);
  strcpy (name + length, "\xcc\x81.com");
  if (wtisd_domain_to_unicode (name, unicode, sizeof unicode) < 0)
    return;
  ck_assert_int_lt (wtisd_domain_display (name, got, sizeof got), 0);
  name[length] = '\0';
  ck_assert_int_ne (wtisd_domain_display (name, got, sizeof got),
                    WTISD_ENOMEM);
}
END_TEST

/* The display of NAME is its Unicode or its ASCII form, or the error
   of one of the conversions; never anything else.  */
static void
display_is_one_form (const char *name, int *cases_count, int *failures)
{
  char unicode[4096], ascii[4096], got[4096];
  int u = wtisd_domain_to_unicode (name, unicode, sizeof unicode);
  int a = wtisd_domain_to_ascii (name, ascii, sizeof ascii);
  int length = wtisd_domain_display (name, got, sizeof got);
  int sound;

  if (u < 0 || a < 0)
    sound = length == (u < 0 ? u : a);
  else
    sound = length >= 0
            && (strcmp (got, unicode) == 0 || strcmp (got, ascii) == 0);
  (*cases_count)++;
  if (!sound && ++*failures <= 20)
    printf ("%s: displayed as %d \"%s\"\n", name, length,
            length >= 0 ? got : "");
}

START_TEST (test_idna_test_v2_names)
{
  FILE *file = conformance_open ("WTISD_IDNA_TEST", "IdnaTestV2.txt");
  char line[4096];
  int count = 0, failures = 0;

  while (fgets (line, sizeof line, file) != NULL)
    {
      char *fields[7];

      if (conformance_fields (line, fields, 7) != 7)
        continue;
      conformance_unescape (fields[0]);
      conformance_unescape (fields[1]);
      display_is_one_form (fields[0], &count, &failures);
      if (*fields[1] != '\0')
        display_is_one_form (fields[1], &count, &failures);
    }
  conformance_close (file);
  conformance_report ("display of IdnaTestV2 names", count, failures);
}
END_TEST

static Suite *
display_suite (void)
{
  Suite *suite = suite_create ("display");
  TCase *tcase = tcase_create ("policy");

  tcase_add_loop_test (tcase, test_display_policy, 0,
                       (int)(sizeof cases / sizeof *cases));
  tcase_add_test (tcase, test_long_run_of_marks);
  tcase_add_test (tcase, test_idna_test_v2_names);
  tcase_set_timeout (tcase, 120);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (display_suite ());
}
