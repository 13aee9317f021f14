/* check_normalize.c - wtisd_normalize: the four forms, the buffer
   protocol, bad input, long input.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

struct normalization_case
{
  const char *input;
  wtisd_normalization form;
  const char *expected;
};

/* Expected values from the Unicode Character Database's decompositions.  */
static const struct normalization_case normalization_cases[] = {
  /* e + COMBINING ACUTE composes to U+00E9, and back.  */
  { "e\xcc\x81", WTISD_NFC, "\xc3\xa9" },
  { "\xc3\xa9", WTISD_NFD, "e\xcc\x81" },
  /* ANGSTROM SIGN is a singleton: U+00C5 in NFC, A + RING in NFD.  */
  { "\xe2\x84\xab", WTISD_NFC, "\xc3\x85" },
  { "\xe2\x84\xab", WTISD_NFD, "A\xcc\x8a" },
  /* LATIN SMALL LIGATURE FI: kept by NFC, "fi" by NFKC and NFKD.  */
  { "\xef\xac\x81", WTISD_NFC, "\xef\xac\x81" },
  { "\xef\xac\x81", WTISD_NFKC, "fi" },
  { "\xef\xac\x81", WTISD_NFKD, "fi" },
  /* Hangul syllable GA: two jamo in NFD, composed again in NFC.  */
  { "\xea\xb0\x80", WTISD_NFD, "\xe1\x84\x80\xe1\x85\xa1" },
  { "\xe1\x84\x80\xe1\x85\xa1", WTISD_NFC, "\xea\xb0\x80" },
  /* Canonical ordering of marks: dot below (220) before acute (230).  */
  { "a\xcc\x81\xcc\xa3", WTISD_NFD, "a\xcc\xa3\xcc\x81" },
  /* Cyrillic й (U+0439) decomposes to и + BREVE.  */
  { "\xd0\xb9", WTISD_NFD, "\xd0\xb8\xcc\x86" },
  /* ASCII, and the empty string, are the same in every form.  */
  { "ITU 2021", WTISD_NFKD, "ITU 2021" },
  { "", WTISD_NFC, "" },
};

START_TEST (test_normalize_table)
{
  const struct normalization_case *c = &normalization_cases[_i];
  char out[64];
  int length = wtisd_normalize (c->input, c->form, out, sizeof out);

  ck_assert_int_eq (length, (int)strlen (c->expected));
  ck_assert_str_eq (out, c->expected);
}
END_TEST

START_TEST (test_measure_then_exact_fit)
{
  char out[3];
  int length = wtisd_normalize ("e\xcc\x81", WTISD_NFC, NULL, 0);

  ck_assert_int_eq (length, 2);
  ck_assert_int_eq (wtisd_normalize ("e\xcc\x81", WTISD_NFC, out, 3), 2);
  ck_assert_str_eq (out, "\xc3\xa9");
}
END_TEST

START_TEST (test_too_small_writes_nothing)
{
  char out[8];

  memset (out, 'x', sizeof out);
  /* NFD of é needs 3 bytes and the NUL: 3 bytes are one short.  */
  ck_assert_int_eq (wtisd_normalize ("\xc3\xa9", WTISD_NFD, out, 3), 3);
  ck_assert_int_eq (out[0], '\0');
  ck_assert_int_eq (out[1], 'x');
  /* Also on the unchanged (already normalized) path.  */
  memset (out, 'x', sizeof out);
  ck_assert_int_eq (wtisd_normalize ("abc", WTISD_NFC, out, 3), 3);
  ck_assert_int_eq (out[0], '\0');
  ck_assert_int_eq (out[1], 'x');
}
END_TEST

START_TEST (test_invalid_arguments)
{
  char out[8];

  ck_assert_int_eq (wtisd_normalize (NULL, WTISD_NFC, out, sizeof out),
                    WTISD_EINVAL);
  ck_assert_int_eq (wtisd_normalize ("a", WTISD_NFC, NULL, 8), WTISD_EINVAL);
  ck_assert_int_eq (
      wtisd_normalize ("a", (wtisd_normalization)4, out, sizeof out),
      WTISD_EINVAL);
  ck_assert_int_eq (
      wtisd_normalize ("a", (wtisd_normalization)-1, out, sizeof out),
      WTISD_EINVAL);
}
END_TEST

/* Every kind of ill-formed UTF-8 (Unicode 15, table 3-7).  */
static const char *const ill_formed[] = {
  "\x80", /* stray continuation byte */
  "a\xbf"
  "b",                /* stray continuation byte inside text */
  "\xc0\xaf",         /* overlong '/' */
  "\xc1\xbf",         /* overlong */
  "\xe0\x80\xaf",     /* overlong 3-byte */
  "\xf0\x80\x80\xaf", /* overlong 4-byte */
  "\xed\xa0\x80",     /* encoded surrogate U+D800 */
  "\xed\xbf\xbf",     /* encoded surrogate U+DFFF */
  "\xf4\x90\x80\x80", /* past U+10FFFF */
  "\xf5\x80\x80\x80", /* invalid lead byte */
  "\xff",             /* invalid byte */
  "\xc3",             /* truncated 2-byte sequence at the end */
  "\xe2\x82",         /* truncated 3-byte sequence */
  "\xf0\x9f\x98",     /* truncated 4-byte sequence */
  "\xe2\x82"
  "a",            /* truncated, then ASCII */
  "\xc3\xa9\xcc", /* valid, then truncated */
};

START_TEST (test_ill_formed_utf8_rejected)
{
  char out[16];

  memset (out, 'x', sizeof out);
  ck_assert_int_eq (wtisd_normalize (ill_formed[_i],
                                     (wtisd_normalization)(_i % 4), out,
                                     sizeof out),
                    WTISD_EUTF8);
  ck_assert_int_eq (out[0], '\0');
}
END_TEST

/* A mebibyte of decomposed text composes; composed text comes back as
   it was.  */
START_TEST (test_one_mebibyte)
{
  const size_t count = 1024 * 1024 / 3;
  char *decomposed = malloc (count * 3 + 1), *out;
  size_t i;
  int length;

  ck_assert_ptr_nonnull (decomposed);
  for (i = 0; i < count; i++)
    memcpy (decomposed + 3 * i, "e\xcc\x81", 3);
  decomposed[count * 3] = '\0';
  length = wtisd_normalize (decomposed, WTISD_NFC, NULL, 0);
  ck_assert_int_eq (length, (int)(count * 2));
  out = malloc ((size_t)length + 1);
  ck_assert_ptr_nonnull (out);
  ck_assert_int_eq (
      wtisd_normalize (decomposed, WTISD_NFC, out, (size_t)length + 1),
      length);
  for (i = 0; i < count; i++)
    ck_assert (memcmp (out + 2 * i, "\xc3\xa9", 2) == 0);
  ck_assert_int_eq (
      wtisd_normalize (out, WTISD_NFD, decomposed, count * 3 + 1),
      (int)(count * 3));
  ck_assert_int_eq (decomposed[3], 'e');
  free (out);
  free (decomposed);
}
END_TEST

static Suite *
normalize_suite (void)
{
  Suite *suite = suite_create ("normalize");
  TCase *tcase = tcase_create ("normalize");

  tcase_add_loop_test (
      tcase, test_normalize_table, 0,
      (int)(sizeof normalization_cases / sizeof normalization_cases[0]));
  tcase_add_test (tcase, test_measure_then_exact_fit);
  tcase_add_test (tcase, test_too_small_writes_nothing);
  tcase_add_test (tcase, test_invalid_arguments);
  tcase_add_loop_test (tcase, test_ill_formed_utf8_rejected, 0,
                       (int)(sizeof ill_formed / sizeof ill_formed[0]));
  tcase_add_test (tcase, test_one_mebibyte);
  tcase_set_timeout (tcase, 60);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (normalize_suite ());
}
