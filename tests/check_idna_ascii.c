/* check_idna_ascii.c - names of ASCII letters, digits, hyphens and dots,
   which the library converts without ICU, against ICU itself: every
   name of up to six bytes over a small alphabet, names built around the
   DNS limits, and random ones up to 300 bytes.  For each, in both
   directions, the status and bytes of wtisd_domain_to_ascii and
   wtisd_domain_to_unicode must be raw ICU's with the options the header
   documents, and the buffer protocol must hold: measuring, a buffer one
   byte short, and OUT the input's own buffer.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uidna.h>

#include <wtisd.h>

#include "testutil.h"

/* Longer than any name below; and room for any result of one, an
   invalid "xn--" label taking three bytes more in ICU's (U+FFFD).  */
#define NAME_MAX_BYTES 320
#define RESULT_MAX_BYTES 1024

typedef int32_t icu_function (const UIDNA *, const char *, int32_t, char *,
                              int32_t, UIDNAInfo *, UErrorCode *);

struct direction
{
  const char *name;
  int (*convert) (const char *, char *, size_t);
  icu_function *icu_convert;
};

static const struct direction directions[] = {
  { "toASCII", wtisd_domain_to_ascii, uidna_nameToASCII_UTF8 },
  { "toUnicode", wtisd_domain_to_unicode, uidna_nameToUnicodeUTF8 },
};

static UIDNA *icu;
static long compared, failures;

/* ICU's answer for NAME: its length, the result in EXPECTED; or
   WTISD_EIDNA when ICU reports an error in the name.  */
static int
icu_expectation (const struct direction *direction, const char *name,
                 char expected[RESULT_MAX_BYTES])
{
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode code = U_ZERO_ERROR;
  int32_t length = direction->icu_convert (icu, name, -1, expected,
                                           RESULT_MAX_BYTES, &info, &code);

  ck_assert_msg (U_SUCCESS (code) && code != U_STRING_NOT_TERMINATED_WARNING,
                 "ICU %s: %s", direction->name, u_errorName (code));
  return info.errors != 0 ? WTISD_EIDNA : (int)length;
}

static void
failure_report (const struct direction *direction, const char *name,
                const char *what, int status, int expected)
{
  const char *c;

  if (++failures > 20)
    return;
  printf ("%s(\"", direction->name);
  for (c = name; *c != '\0'; c++)
    printf (*c >= ' ' && *c < 0x7f ? "%c" : "\\x%02x", (unsigned char)*c);
  printf ("\"), %s: %d, ICU %d\n", what, status, expected);
}

/* Whether OUT holds what a call that returned STATUS should have left
   there, when ICU's answer is EXPECTED_STATUS and EXPECTED.  */
static int
result_matches (int status, const char *out, int expected_status,
                const char *expected)
{
  if (status != expected_status)
    return 0;
  if (status < 0)
    return out[0] == '\0';
  return strlen (out) == (size_t)status
         && memcmp (out, expected, (size_t)status) == 0;
}

static void
compare (const struct direction *direction, const char *name)
{
  char expected[RESULT_MAX_BYTES], out[RESULT_MAX_BYTES + 1];
  int expected_status = icu_expectation (direction, name, expected);
  int status;

  compared++;
  memset (out, '#', sizeof out);
  status = direction->convert (name, out, sizeof out);
  if (!result_matches (status, out, expected_status, expected))
    failure_report (direction, name, "result", status, expected_status);
  status = direction->convert (name, NULL, 0);
  if (status != expected_status)
    failure_report (direction, name, "measured", status, expected_status);
  if (expected_status > 0)
    {
      /* One byte short: nothing written but OUT[0].  */
      memset (out, '#', sizeof out);
      status = direction->convert (name, out, (size_t)expected_status);
      if (status != expected_status || out[0] != '\0' || out[1] != '#')
        failure_report (direction, name, "one byte short", status,
                        expected_status);
    }
  strcpy (out, name);
  status = direction->convert (out, out, sizeof out);
  if (!result_matches (status, out, expected_status, expected))
    failure_report (direction, name, "in place", status, expected_status);
}

static void
compare_both (const char *name)
{
  compare (&directions[0], name);
  compare (&directions[1], name);
}

static void
failures_assert (void)
{
  printf ("%ld comparisons with ICU, %ld failures\n", compared, failures);
  ck_assert_int_eq (failures, 0);
}

/* Every name of up to six bytes over "a0-.xnXN": empty labels and root
   labels, hyphens in every position, "xn--" in all its cases.  */
START_TEST (test_every_short_name_is_icus)
{
  static const char alphabet[] = "a0-.xnXN";
  const size_t letters = sizeof alphabet - 1;
  char name[7];
  size_t length, i, digits[6];

  for (length = 0; length <= 6; length++)
    {
      memset (digits, 0, sizeof digits);
      name[length] = '\0';
      for (;;)
        {
          for (i = 0; i < length; i++)
            name[i] = alphabet[digits[i]];
          compare_both (name);
          for (i = 0; i < length && ++digits[i] == letters; i++)
            digits[i] = 0;
          if (i == length)
            break;
        }
    }
  failures_assert ();
}
END_TEST

/* Names of labels of LABEL bytes to TOTAL bytes, the last shorter,
   FINAL_DOT ending a root label.  */
static void
compare_limit_name (size_t label, size_t total, int final_dot,
                    const char *first_label_start)
{
  char name[NAME_MAX_BYTES];
  size_t i;

  for (i = 0; i < total; i++)
    name[i] = i % (label + 1) == label ? '.' : "aB3c"[i % 4];
  memcpy (name, first_label_start, strlen (first_label_start));
  if (final_dot)
    name[total - 1] = '.';
  name[total] = '\0';
  compare_both (name);
}

/* Labels of 62 to 65 bytes in names of 250 to 258, with and without
   the root's dot, beginning with letters, "xn--", "XN--", "-" or
   "ab--".  */
START_TEST (test_names_at_dns_limits_are_icus)
{
  static const char *const starts[]
      = { "ab", "xn--", "XN--", "Xn--abc", "-a", "ab--c", "a-" };
  size_t label, total, s;
  int final_dot;

  for (label = 1; label <= 66; label++)
    for (total = 60; total <= 300; total++)
      for (final_dot = 0; final_dot <= 1; final_dot++)
        for (s = 0; s < sizeof starts / sizeof starts[0]; s++)
          if (label >= 60 || (total >= 250 && total <= 258))
            compare_limit_name (label, total, final_dot, starts[s]);
  failures_assert ();
}
END_TEST

/* SplitMix64: the same sequence on every machine, so that a failure
   reproduces.  */
static uint64_t
random_next (uint64_t *state)
{
  uint64_t z = (*state += 0x9e3779b97f4a7c15u);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static size_t
random_below (uint64_t *state, size_t bound)
{
  return (size_t)(random_next (state) % bound);
}

/* A random name: lengths near the limits, labels of a mean length from
   2 to 64, the start of a label sometimes one of the hard cases, and
   now and then any other ASCII byte, which sends the name to ICU.  */
static void
random_name (uint64_t *state, char name[NAME_MAX_BYTES])
{
  static const char *const starts[]
      = { "xn--", "XN--", "xN--", "Xn--", "-", "ab--", "a-.", "xn--a-", "." };
  static const size_t lengths[][2]
      = { { 0, 20 }, { 60, 68 }, { 125, 130 }, { 248, 260 }, { 0, 300 } };
  static const size_t dot_odds[] = { 2, 5, 16, 40, 62, 64, 66, 1000 };
  const size_t *range = lengths[random_below (state, 5)];
  size_t length = range[0] + random_below (state, range[1] - range[0] + 1);
  size_t odds = dot_odds[random_below (state, 8)], i = 0;

  while (i < length)
    {
      if ((i == 0 || name[i - 1] == '.') && random_below (state, 6) == 0)
        {
          const char *start = starts[random_below (state, 9)];
          size_t n = strlen (start);

          n = n < length - i ? n : length - i;
          memcpy (name + i, start, n);
          i += n;
        }
      else if (random_below (state, odds) == 0)
        name[i++] = '.';
      else if (random_below (state, 400) == 0)
        name[i++] = (char)(1 + random_below (state, 127));
      else
        name[i++] = "abcxnzXNZA0189--"[random_below (state, 16)];
    }
  name[length] = '\0';
}

START_TEST (test_random_names_are_icus)
{
  uint64_t state = 17;
  char name[NAME_MAX_BYTES];
  long n;

  for (n = 0; n < 200000; n++)
    {
      random_name (&state, name);
      compare_both (name);
    }
  failures_assert ();
}
END_TEST

static Suite *
idna_ascii_suite (void)
{
  Suite *suite = suite_create ("idna_ascii");
  TCase *tcase = tcase_create ("idna_ascii");

  tcase_add_test (tcase, test_every_short_name_is_icus);
  tcase_add_test (tcase, test_names_at_dns_limits_are_icus);
  tcase_add_test (tcase, test_random_names_are_icus);
  tcase_set_timeout (tcase, 300);
  suite_add_tcase (suite, tcase);
  return suite;
}

/* ICU with the options wtisd.h documents: nontransitional, CheckBidi,
   CheckJoiners, UseSTD3ASCIIRules (ICU always checks hyphens, and the
   DNS length in toASCII only).  */
int
main (void)
{
  UErrorCode code = U_ZERO_ERROR;
  int status;

  icu = uidna_openUTS46 (
      UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE
          | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_USE_STD3_RULES,
      &code);
  if (U_FAILURE (code))
    {
      fprintf (stderr, "uidna_openUTS46: %s\n", u_errorName (code));
      return 99;
    }
  status = testutil_run (idna_ascii_suite ());
  uidna_close (icu);
  return status;
}
