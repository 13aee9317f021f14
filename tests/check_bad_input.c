/* check_bad_input.c - every entry point given what a hostile or careless
   caller gives it: NULL pointers, empty strings, ill-formed UTF-8, a
   mebibyte of input, malformed tags, absurd Accept-Language headers.
   Each gets its documented answer, nothing else.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

#define MEBIBYTE (1024 * 1024)

typedef int buffer_function (const char *, char *, size_t);

static int
normalize_nfc (const char *in, char *out, size_t size)
{
  return wtisd_normalize (in, WTISD_NFC, out, size);
}

static buffer_function *const buffer_functions[] = {
  normalize_nfc,
  wtisd_domain_to_ascii,
  wtisd_domain_to_unicode,
  wtisd_domain_display,
};

/* Ill-formed UTF-8 of every kind, in a name that is otherwise valid.  */
static const char *const ill_formed[] = {
  "a\x80.com",
  "a\xc0\xaf.com",
  "a\xe0\x9f\xbf.com",
  "a\xed\xa0\x80.com",
  "a\xed\xbf\xbf.com",
  "a\xf4\x90\x80\x80.com",
  "a\xf8\x88\x80\x80.com",
  "a\xfe.com",
  "a\xc3.com",
  "a\xe2\x82.com",
  "a\xf0\x9f\x98.com",
  "a.com\xc3",
};

START_TEST (test_buffer_functions_null_and_empty)
{
  buffer_function *f = buffer_functions[_i];
  char out[8] = "x";

  ck_assert_int_eq (f (NULL, out, sizeof out), WTISD_EINVAL);
  ck_assert_int_eq (out[0], '\0');
  ck_assert_int_eq (f (NULL, NULL, 0), WTISD_EINVAL);
  ck_assert_int_eq (f ("a", NULL, 1), WTISD_EINVAL);
  /* The empty string: nothing to normalize; no name at all for IDNA.  */
  ck_assert_int_eq (f ("", out, sizeof out), _i == 0 ? 0 : WTISD_EIDNA);
}
END_TEST

START_TEST (test_buffer_functions_ill_formed_utf8)
{
  size_t i;

  for (i = 0; i < sizeof ill_formed / sizeof ill_formed[0]; i++)
    {
      char out[64] = "x";

      ck_assert_msg (buffer_functions[_i](ill_formed[i], out, sizeof out)
                         == WTISD_EUTF8,
                     "case %zu", i);
      ck_assert_int_eq (out[0], '\0');
    }
}
END_TEST

/* A mebibyte of text: normalization measures it exactly; the domain
   functions refuse any name over 1024 bytes.  */
START_TEST (test_buffer_functions_one_mebibyte)
{
  char *big = malloc (MEBIBYTE + 1);
  int expected = _i == 0 ? MEBIBYTE : WTISD_EIDNA;

  ck_assert_ptr_nonnull (big);
  memset (big, 'a', MEBIBYTE);
  big[MEBIBYTE] = '\0';
  ck_assert_int_eq (buffer_functions[_i](big, NULL, 0), expected);
  free (big);
}
END_TEST

START_TEST (test_unknown_forms)
{
  char out[8];

  ck_assert_int_eq (wtisd_normalize ("a", (wtisd_normalization)99, out, 8),
                    WTISD_EINVAL);
  ck_assert_ptr_null (wtisd_source_url ((wtisd_form)99));
  ck_assert_ptr_null (wtisd_text ((wtisd_text_id)99));
  ck_assert_ptr_null (wtisd_text_in ("fr", (wtisd_text_id)99));
  ck_assert_ptr_nonnull (wtisd_strerror (99));
  ck_assert_ptr_nonnull (wtisd_strerror (-99));
}
END_TEST

START_TEST (test_tags_refused)
{
  static const char *const tags[] = {
    "",
    "/",
    "..",
    "../fr",
    "fr/..",
    "fr/LC_MESSAGES",
    "/etc/passwd",
    "fr fr",
    " fr",
    "fr ",
    "fr\n",
    "\nfr",
    "fr\r\n",
    "fr\t",
    "fr\x01",
    "fr\x7f",
    "fr\xc3\xa9",
    "fr\xff",
    "fr:de",
    "fr,de",
    "fr;q=1",
    "*",
    "fr%00",
    "fr\\",
    "~fr",
    "$HOME",
    "fr`id`",
  };
  char *long_tag = malloc (301), *huge = malloc (MEBIBYTE + 1);
  size_t i;

  for (i = 0; i < sizeof tags / sizeof tags[0]; i++)
    {
      ck_assert_msg (wtisd_text_in (tags[i], WTISD_TITLE) == NULL,
                     "tag %zu accepted", i);
      ck_assert_ptr_null (wtisd_language (tags[i]));
    }
  ck_assert_ptr_nonnull (long_tag);
  memset (long_tag, 'a', 300);
  long_tag[300] = '\0';
  ck_assert_ptr_null (wtisd_text_in (long_tag, WTISD_TITLE));
  ck_assert_ptr_nonnull (huge);
  memset (huge, 'f', MEBIBYTE);
  huge[MEBIBYTE] = '\0';
  ck_assert_ptr_null (wtisd_language (huge));
  ck_assert_ptr_null (wtisd_text_in (NULL, WTISD_TITLE));
  ck_assert_int_eq (wtisd_set_localedir (""), WTISD_EINVAL);
  ck_assert_ptr_null (wtisd_check_version (""));
  free (huge);
  free (long_tag);
}
END_TEST

/* Builds a header of COUNT copies of ENTRY, then TAIL.  */
static char *
header_repeat (const char *entry, int count, const char *tail)
{
  size_t entry_length = strlen (entry), tail_length = strlen (tail);
  char *header = malloc (entry_length * (size_t)count + tail_length + 1);
  char *p = header;
  int i;

  ck_assert_ptr_nonnull (header);
  for (i = 0; i < count; i++, p += entry_length)
    memcpy (p, entry, entry_length);
  memcpy (p, tail, tail_length + 1);
  return header;
}

START_TEST (test_accept_language_absurd)
{
  static const char *const absurd_q[] = {
    "ru;q=2",
    "ru;q=1.0001",
    "ru;q=-0.5",
    "ru;q=1e3",
    "ru;q=NaN",
    "ru;q=0x1",
    "ru;q=",
    "ru;q",
    "ru;q=0.",
    "ru;q=.5",
    "ru;q=99999999999999999999",
    "ru;q=0.0001",
    "ru;q=0",
    "ru;level=1",
    "ru;",
    "ru;;q=1",
    "ru;q=1;q=1;x",
  };
  /* Thousands of entries: the best-weighted still wins, wherever.  Only
     the first 64 ranges of languages without a catalog of that name are
     read as ICU reads them: "iw" (he) counts after 63 of them, not after
     64, and a mebibyte of them costs no ICU call each.  */
  static const struct
  {
    const char *entry;
    int count;
    const char *tail, *best;
  } long_headers[] = {
    { "xx-YY;q=0.5, ", 5000, "ru;q=0.6", "ru" },
    { "qaa;q=0.9, ", 5000, "ar;q=0.1", "ar" },
    { "qaa-x-a, ", 63, "iw", "he" },
    { "qaa-x-a, ", 64, "iw", "en" },
    { "iw, ", MEBIBYTE / 4, "ru;q=0.1", "he" },
    { ",", MEBIBYTE, "", "en" },
    { "f", MEBIBYTE, ", be", "be" },
  };
  char *header;
  size_t i;

  for (i = 0; i < sizeof absurd_q / sizeof absurd_q[0]; i++)
    ck_assert_msg (strcmp (wtisd_negotiate (absurd_q[i]), "en") == 0,
                   "\"%s\" was accepted", absurd_q[i]);
  ck_assert_str_eq (wtisd_negotiate (""), "en");
  for (i = 0; i < sizeof long_headers / sizeof long_headers[0]; i++)
    {
      header = header_repeat (long_headers[i].entry, long_headers[i].count,
                              long_headers[i].tail);
      ck_assert_msg (
          strcmp (wtisd_negotiate (header), long_headers[i].best) == 0,
          "%d times \"%s\", then \"%s\": not %s", long_headers[i].count,
          long_headers[i].entry, long_headers[i].tail, long_headers[i].best);
      free (header);
    }
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("bad-input");
  TCase *tcase = tcase_create ("bad-input");
  int functions = (int)(sizeof buffer_functions / sizeof *buffer_functions);

  tcase_add_loop_test (tcase, test_buffer_functions_null_and_empty, 0,
                       functions);
  tcase_add_loop_test (tcase, test_buffer_functions_ill_formed_utf8, 0,
                       functions);
  tcase_add_loop_test (tcase, test_buffer_functions_one_mebibyte, 0,
                       functions);
  tcase_add_test (tcase, test_unknown_forms);
  tcase_add_test (tcase, test_tags_refused);
  tcase_add_test (tcase, test_accept_language_absurd);
  tcase_set_timeout (tcase, 120);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
