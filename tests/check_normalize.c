/* check_normalize.c - wtisd_normalize: the four forms, the buffer
   protocol, bad input, long input.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <wtisd.h>

#include "conformance.h"
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

/* 'a' and then UNIT, COUNT times: a run of marks longer than any text
   has.  */
static char *
a_then_repeated (const char *unit, size_t count)
{
  size_t length = strlen (unit);
  char *text = malloc (1 + count * length + 1);

  ck_assert_ptr_nonnull (text);
  text[0] = 'a';
  for (size_t i = 0; i < count; i++)
    memcpy (text + 1 + i * length, unit, length);
  text[1 + count * length] = '\0';
  return text;
}

/* Runs of combining marks out of canonical order: an 'a', then U+0F71
   U+0F72 U+0F74 (classes 129, 130, 132) 100,000 times, 900 kB.  UAX #15's
   stream-safe limit cuts a run after every 30 non-starters with U+034F
   COMBINING GRAPHEME JOINER, so each form gives 'a' and then, 10,000
   times, ten U+0F71, ten U+0F72, ten U+0F74 (canonical order; NFC does
   not compose U+0F71 U+0F72, U+0F73 being a composition exclusion),
   separated by a joiner.  Without the limit ICU took over a minute.  */
#define MARK_TRIPLES 100000

START_TEST (test_combining_runs_are_stream_safe)
{
  const size_t runs = MARK_TRIPLES * 3 / 30;
  const size_t run_bytes = 30 * 3,
               expected_length = 1 + runs * run_bytes + (runs - 1) * 2;
  /* Tibetan marks are three bytes: E0 BD B1, E0 BD B2, E0 BD B4.  */
  char *text
      = a_then_repeated ("\xe0\xbd\xb1\xe0\xbd\xb2\xe0\xbd\xb4", MARK_TRIPLES),
      *out, *p;
  size_t run;
  int j;

  out = malloc (expected_length + 1);
  ck_assert_ptr_nonnull (out);
  ck_assert_int_eq (wtisd_normalize (text, (wtisd_normalization)_i, out,
                                     expected_length + 1),
                    (int)expected_length);
  ck_assert_int_eq (out[0], 'a');
  for (run = 0, p = out + 1; run < runs; run++)
    {
      static const char *const marks[]
          = { "\xe0\xbd\xb1", "\xe0\xbd\xb2", "\xe0\xbd\xb4" };

      if (run > 0)
        {
          ck_assert (memcmp (p, "\xcd\x8f", 2) == 0); /* U+034F */
          p += 2;
        }
      for (j = 0; j < 30; j++, p += 3)
        ck_assert_msg (memcmp (p, marks[j / 10], 3) == 0, "run %zu mark %d",
                       run, j);
    }
  free (out);
  free (text);
}
END_TEST

/* A run out of canonical order is not normalized, and ICU is not asked
   whether it is: its check reorders the whole run, in time that grows
   with the square of its length (40 s for this one).  An 'a', then
   U+0301 U+0323 (classes 230, 220) 100,000 times: each run of 30 marks
   between joiners puts its 15 dots below first.  NFC composes only the
   first dot below with the 'a', into U+1EA1 (3 bytes for 3), so all
   four forms are 1 + 200,000 * 2 + 6,666 * 2 bytes long.  */
#define MARK_PAIRS 100000

START_TEST (test_unordered_runs_take_linear_time)
{
  const size_t expected_length
      = 1 + MARK_PAIRS * 4 + (MARK_PAIRS * 2 / 30) * 2;
  char *text = a_then_repeated ("\xcc\x81\xcc\xa3", MARK_PAIRS), *out;
  size_t i;

  out = malloc (expected_length + 1);
  ck_assert_ptr_nonnull (out);
  ck_assert_int_eq (wtisd_normalize (text, (wtisd_normalization)_i, out,
                                     expected_length + 1),
                    (int)expected_length);
  if (_i == WTISD_NFD || _i == WTISD_NFKD)
    {
      ck_assert_int_eq (out[0], 'a');
      for (i = 0; i < 30; i++)
        ck_assert (
            memcmp (out + 1 + 2 * i, i < 15 ? "\xcc\xa3" : "\xcc\x81", 2)
            == 0);
      ck_assert (memcmp (out + 61, "\xcd\x8f", 2) == 0); /* U+034F */
    }
  free (out);
  free (text);
}
END_TEST

/* The limit exactly, wherever the run starts: 'x', acutes (class 230),
   then a dot below (220), out of canonical order.  With 30 marks, NFC
   moves the dot below first; with 31, a U+034F goes after the 30th
   mark, before the dot below, which stays there.  (No precomposed x
   with either mark exists, so NFC composes nothing.)  */
/* A starter that decomposes into a non-starter first (U+0F73 into
   U+0F71 U+0F72, U+FF9E into U+3099 by compatibility) counts as a
   non-starter: a long run of them with U+0301 between, which ICU would
   reorder in time that grows with the square of its length, gets
   joiners.  Every such character of the ICU at hand is tried.  */
START_TEST (test_decomposing_starters_count_as_non_starters)
{
  enum
  {
    REPEATS = 20000
  };
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfkd = unorm2_getNFKDInstance (&code);
  int found = 0;

  ck_assert (U_SUCCESS (code));
  for (UChar32 c = 0x300; c <= UCHAR_MAX_VALUE; c++)
    {
      UChar decomposition[32];
      UChar32 first;
      int32_t length, i = 0;
      char unit[8], *text, *out;
      size_t unit_length, size;

      code = U_ZERO_ERROR;
      if (u_getCombiningClass (c) != 0
          || (length
              = unorm2_getDecomposition (nfkd, c, decomposition, 32, &code))
                 <= 0)
        continue;
      U16_NEXT (decomposition, i, length, first);
      if (u_getCombiningClass (first) == 0)
        continue;
      found++;
      unit_length = (size_t)conformance_put_utf8 ((unsigned long)c, unit);
      strcpy (unit + unit_length, "\xcc\x81"); /* U+0301 */
      text = a_then_repeated (unit, REPEATS);
      size = (size_t)wtisd_normalize (text, (wtisd_normalization)_i, NULL, 0)
             + 1;
      ck_assert_int_gt ((int)size, 1);
      out = malloc (size);
      ck_assert_ptr_nonnull (out);
      ck_assert_int_eq (
          wtisd_normalize (text, (wtisd_normalization)_i, out, size),
          (int)size - 1);
      /* NFKD decomposes all of them: the run is cut.  */
      if (_i == WTISD_NFKD)
        ck_assert_msg (strstr (out, "\xcd\x8f") != NULL, "U+%04X: no joiner",
                       (unsigned)c);
      free (out);
      free (text);
    }
  ck_assert_int_gt (found, 0);
}
END_TEST

START_TEST (test_stream_safe_limit_exact)
{
  char in[128], expected[128], out[128];
  int marks, i;

  for (marks = 30; marks <= 31; marks++)
    {
      char *p = in, *e = expected;

      memset (p, '-', (size_t)_i), p += _i;
      memset (e, '-', (size_t)_i), e += _i;
      *p++ = 'x', *e++ = 'x';
      if (marks == 30)
        memcpy (e, "\xcc\xa3", 2), e += 2;
      for (i = 0; i < marks - 1; i++)
        {
          memcpy (p, "\xcc\x81", 2), p += 2;
          memcpy (e, "\xcc\x81", 2), e += 2;
        }
      memcpy (p, "\xcc\xa3", 2), p += 2;
      if (marks == 31)
        memcpy (e, "\xcd\x8f\xcc\xa3", 4), e += 4;
      *p = *e = '\0';
      ck_assert_int_eq (wtisd_normalize (in, WTISD_NFC, out, sizeof out),
                        (int)strlen (expected));
      ck_assert_str_eq (out, expected);
      /* A result is normalized: a second run changes nothing.  */
      ck_assert_int_eq (wtisd_normalize (out, WTISD_NFC, in, sizeof in),
                        (int)strlen (expected));
      ck_assert_str_eq (in, expected);
    }
}
END_TEST

/* OUT may be the input itself, or overlap it: the input is read whole
   before anything is written.  */
START_TEST (test_overlapping_input_and_output)
{
  char buffer[64];

  /* In place, composing: e + acute, twice.  */
  strcpy (buffer, "e\xcc\x81t\xc3\xa9"
                  "e\xcc\x81");
  ck_assert_int_eq (wtisd_normalize (buffer, WTISD_NFC, buffer, sizeof buffer),
                    7);
  ck_assert_str_eq (buffer, "\xc3\xa9t\xc3\xa9\xc3\xa9");
  /* In place, already normalized, and ASCII.  */
  ck_assert_int_eq (wtisd_normalize (buffer, WTISD_NFC, buffer, sizeof buffer),
                    7);
  ck_assert_str_eq (buffer, "\xc3\xa9t\xc3\xa9\xc3\xa9");
  strcpy (buffer, "ITU 2021");
  ck_assert_int_eq (
      wtisd_normalize (buffer, WTISD_NFKD, buffer, sizeof buffer), 8);
  ck_assert_str_eq (buffer, "ITU 2021");
  /* Shifted both ways, growing (NFD) and unchanged.  */
  strcpy (buffer + 8, "\xc3\xa9t\xc3\xa9");
  ck_assert_int_eq (
      wtisd_normalize (buffer + 8, WTISD_NFD, buffer + 4, sizeof buffer - 4),
      7);
  ck_assert_str_eq (buffer + 4, "e\xcc\x81te\xcc\x81");
  ck_assert_int_eq (
      wtisd_normalize (buffer + 4, WTISD_NFD, buffer + 6, sizeof buffer - 6),
      7);
  ck_assert_str_eq (buffer + 6, "e\xcc\x81te\xcc\x81");
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
  tcase_add_test (tcase, test_overlapping_input_and_output);
  tcase_set_timeout (tcase, 60);
  suite_add_tcase (suite, tcase);
  tcase = tcase_create ("hostile");
  tcase_add_loop_test (tcase, test_stream_safe_limit_exact, 0, 17);
  tcase_set_timeout (tcase, 10);
  suite_add_tcase (suite, tcase);
  /* Texts of a mebibyte and runs of a hundred thousand marks: "slow",
     left out under valgrind (valgrind-suite.sh), where they took two
     and a half minutes; the plain and sanitizer builds run them.
     Linear time: seconds to spare, where quadratic time took a minute.  */
  tcase = tcase_create ("hostile-large");
  tcase_add_test (tcase, test_one_mebibyte);
  tcase_add_loop_test (tcase, test_combining_runs_are_stream_safe, WTISD_NFC,
                       WTISD_NFKD + 1);
  tcase_add_loop_test (tcase, test_unordered_runs_take_linear_time, WTISD_NFC,
                       WTISD_NFKD + 1);
  tcase_add_loop_test (tcase, test_decomposing_starters_count_as_non_starters,
                       WTISD_NFC, WTISD_NFKD + 1);
  tcase_set_timeout (tcase, 10);
  tcase_set_tags (tcase, "slow");
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (normalize_suite ());
}
