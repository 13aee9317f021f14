/* check_idna.c - domain conversion, the display policy, the source
   address, and their error paths and buffer protocol.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"

struct domain_case
{
  const char *input;
  const char *ascii;   /* NULL: WTISD_EIDNA expected */
  const char *unicode; /* NULL: WTISD_EIDNA expected */
  const char *display;
};

static const struct domain_case domain_cases[] = {
  /* Nontransitional: ß stays ß (transitional processing gives ss).  */
  { "faß.de", "xn--fa-hia.de", "faß.de", "faß.de" },
  { "xn--fa-hia.de", "xn--fa-hia.de", "faß.de", "faß.de" },
  /* The source site: upper case maps to lower case.  */
  { "МИНСВЯЗИ.БЕЛ", "xn--b1akbcqh2a7i.xn--90ais", "минсвязи.бел",
    "минсвязи.бел" },
  { "xn--b1akbcqh2a7i.xn--90ais", "xn--b1akbcqh2a7i.xn--90ais", "минсвязи.бел",
    "минсвязи.бел" },
  { "bücher.de", "xn--bcher-kva.de", "bücher.de", "bücher.de" },
  /* Whole-script Cyrillic look-alike of "apple", and one Cyrillic а in
     a Latin name: shown in Punycode.  */
  { "аррӏе.com", "xn--80ak6aa92e.com", "аррӏе.com", "xn--80ak6aa92e.com" },
  { "pаypal.com", "xn--pypal-4ve.com", "pаypal.com", "xn--pypal-4ve.com" },
  /* An invisible ZERO WIDTH JOINER where CheckJoiners forbids it.  */
  { "a\u200db.com", NULL, NULL, NULL },
  /* Plain ASCII, mapped to lower case.  */
  { "Example.COM", "example.com", "example.com", "example.com" },
  /* Chinese and Arabic names show as written.  */
  { "中国.cn", "xn--fiqs8s.cn", "中国.cn", "中国.cn" },
  { "مثال.إختبار", "xn--mgbh0fb.xn--kgbechtv", "مثال.إختبار", "مثال.إختبار" },
  /* Ideographic full stop separates labels.  */
  { "中国。cn", "xn--fiqs8s.cn", "中国.cn", "中国.cn" },
  /* CheckHyphens, UseSTD3ASCIIRules, empty labels, CheckBidi.  */
  { "-leading.com", NULL, NULL, NULL },
  { "ab--cd.com", NULL, NULL, NULL },
  { "under_score.com", NULL, NULL, NULL },
  { "a..b", NULL, NULL, NULL },
  { "0à.\u05d0", NULL, NULL, NULL },
  /* VerifyDnsLength only in toASCII: a 64-letter label.  */
  { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
    NULL,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
    NULL },
  /* Punycode that does not decode.  */
  { "xn--a.com", NULL, NULL, NULL },
};

static void
assert_converts (int (*convert) (const char *, char *, size_t),
                 const char *input, const char *expected)
{
  char out[256];
  int length = convert (input, out, sizeof out);

  if (expected == NULL)
    {
      ck_assert_msg (length == WTISD_EIDNA, "%s: %d, expected WTISD_EIDNA",
                     input, length);
      ck_assert_int_eq (out[0], '\0');
      return;
    }
  ck_assert_msg (length == (int)strlen (expected), "%s: %d", input, length);
  ck_assert_str_eq (out, expected);
}

START_TEST (test_domain_to_ascii)
{
  assert_converts (wtisd_domain_to_ascii, domain_cases[_i].input,
                   domain_cases[_i].ascii);
}
END_TEST

START_TEST (test_domain_to_unicode)
{
  assert_converts (wtisd_domain_to_unicode, domain_cases[_i].input,
                   domain_cases[_i].unicode);
}
END_TEST

START_TEST (test_domain_display)
{
  assert_converts (wtisd_domain_display, domain_cases[_i].input,
                   domain_cases[_i].display);
}
END_TEST

static int (*const converters[]) (const char *, char *, size_t) = {
  wtisd_domain_to_ascii,
  wtisd_domain_to_unicode,
  wtisd_domain_display,
};

START_TEST (test_buffer_protocol)
{
  int (*convert) (const char *, char *, size_t) = converters[_i];
  const char *input = "xn--b1akbcqh2a7i.xn--90ais";
  char out[64];
  int length = convert (input, NULL, 0);

  ck_assert_int_gt (length, 0);
  memset (out, 'x', sizeof out);
  ck_assert_int_eq (convert (input, out, (size_t)length), length);
  ck_assert_int_eq (out[0], '\0');
  ck_assert_int_eq (out[1], 'x');
  ck_assert_int_eq (convert (input, out, (size_t)length + 1), length);
  ck_assert_int_eq (out[length], '\0');
  ck_assert_int_eq (out[length + 1], 'x');
  ck_assert_uint_eq (strlen (out), (size_t)length);
}
END_TEST

START_TEST (test_bad_arguments)
{
  int (*convert) (const char *, char *, size_t) = converters[_i];
  char out[16];

  ck_assert_int_eq (convert (NULL, out, sizeof out), WTISD_EINVAL);
  ck_assert_int_eq (convert ("a.com", NULL, 16), WTISD_EINVAL);
  ck_assert_int_eq (convert ("\xc3\x28.com", out, sizeof out), WTISD_EUTF8);
  ck_assert_int_eq (convert ("\xed\xa0\x80.com", out, sizeof out),
                    WTISD_EUTF8);
  ck_assert_int_eq (convert ("a.com\xe2\x82", out, sizeof out), WTISD_EUTF8);
}
END_TEST

/* Names of LENGTH bytes: "a.a.a...a", or one label of an 'a' and then
   U+0F71 U+0F72 U+0F74 repeated, combining marks out of canonical order
   (ICU reorders such a run in time that grows with its square).  */
static char *
long_name (size_t length, int marks)
{
  char *name = malloc (length + 1);
  size_t i = 0;

  ck_assert_ptr_nonnull (name);
  if (marks)
    for (name[i++] = 'a'; i + 9 <= length; i += 9)
      memcpy (name + i, "\xe0\xbd\xb1\xe0\xbd\xb2\xe0\xbd\xb4", 9);
  for (; i < length; i++)
    name[i] = i % 2 == 0 ? 'a' : '.';
  if (name[length - 1] == '.')
    name[length - 1] = 'a';
  name[length] = '\0';
  return name;
}

/* Up to 1024 bytes, a name is converted: toUnicode has no DNS length
   check.  */
START_TEST (test_name_of_1024_bytes_converts)
{
  char *name = long_name (1024, 0), out[1025];

  ck_assert_int_eq (wtisd_domain_to_unicode (name, out, sizeof out), 1024);
  ck_assert_str_eq (out, name);
  ck_assert_int_eq (wtisd_domain_to_ascii (name, out, sizeof out),
                    WTISD_EIDNA);
  free (name);
}
END_TEST

/* Past 1024 bytes, every name is refused unconverted, however long: a
   mebibyte of labels, or of combining marks, costs no more than a
   strnlen (ICU took seconds, then a minute).  */
START_TEST (test_over_1024_bytes_refused)
{
  static const size_t lengths[] = { 1025, 300 * 1024, 1024 * 1024 };
  size_t i;
  int marks;

  for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
    for (marks = 0; marks <= 1; marks++)
      {
        char *name = long_name (lengths[i], marks), out[64] = "x";

        ck_assert_int_eq (wtisd_domain_to_ascii (name, out, sizeof out),
                          WTISD_EIDNA);
        ck_assert_int_eq (out[0], '\0');
        ck_assert_int_eq (wtisd_domain_to_unicode (name, NULL, 0),
                          WTISD_EIDNA);
        ck_assert_int_eq (wtisd_domain_display (name, NULL, 0), WTISD_EIDNA);
        free (name);
      }
}
END_TEST

/* OUT may be the input's own buffer: ICU then writes to a scratch
   buffer first.  */
START_TEST (test_overlapping_input_and_output)
{
  char buffer[1024];

  strcpy (buffer, "xn--b1akbcqh2a7i.xn--90ais");
  ck_assert_int_eq (wtisd_domain_to_unicode (buffer, buffer, sizeof buffer),
                    23);
  ck_assert_str_eq (buffer, "\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x81\xd0\xb2"
                            "\xd1\x8f\xd0\xb7\xd0\xb8.\xd0\xb1\xd0\xb5"
                            "\xd0\xbb");
  ck_assert_int_eq (
      wtisd_domain_to_ascii (buffer, buffer + 1, sizeof buffer - 1), 26);
  ck_assert_str_eq (buffer + 1, "xn--b1akbcqh2a7i.xn--90ais");
}
END_TEST

/* A label of 1001 code points is too long for Punycode: an IDNA error
   of the name, not an ICU failure.  */
START_TEST (test_label_of_1001_code_points_is_eidna)
{
  char name[2 * 1001 + sizeof ".com"];
  int i;

  for (i = 0; i < 1001; i++)
    memcpy (name + 2 * i, "\xc3\xa9", 2);
  strcpy (name + 2 * 1001, ".com");
  ck_assert_int_eq (wtisd_domain_to_ascii (name, NULL, 0), WTISD_EIDNA);
  ck_assert_int_eq (wtisd_domain_to_unicode (name, NULL, 0), WTISD_EIDNA);
  ck_assert_int_eq (wtisd_domain_display (name, NULL, 0), WTISD_EIDNA);
}
END_TEST

START_TEST (test_source_url_forms)
{
  ck_assert_str_eq (wtisd_source_url (WTISD_FORM_ASCII),
                    "https://xn--b1akbcqh2a7i.xn--90ais/node/7193");
  ck_assert_str_eq (wtisd_source_url (WTISD_FORM_UNICODE),
                    "https://минсвязи.бел/node/7193");
  ck_assert_ptr_eq (wtisd_source_url (WTISD_FORM_UNICODE),
                    wtisd_source_url (WTISD_FORM_UNICODE));
  ck_assert_ptr_null (wtisd_source_url ((wtisd_form)2));
  ck_assert_ptr_null (wtisd_source_url ((wtisd_form)-1));
}
END_TEST

static Suite *
idna_suite (void)
{
  Suite *suite = suite_create ("idna");
  TCase *tcase = tcase_create ("idna");
  int cases = (int)(sizeof domain_cases / sizeof domain_cases[0]);
  int functions = (int)(sizeof converters / sizeof converters[0]);

  tcase_add_loop_test (tcase, test_domain_to_ascii, 0, cases);
  tcase_add_loop_test (tcase, test_domain_to_unicode, 0, cases);
  tcase_add_loop_test (tcase, test_domain_display, 0, cases);
  tcase_add_loop_test (tcase, test_buffer_protocol, 0, functions);
  tcase_add_loop_test (tcase, test_bad_arguments, 0, functions);
  tcase_add_test (tcase, test_name_of_1024_bytes_converts);
  tcase_add_test (tcase, test_over_1024_bytes_refused);
  tcase_add_test (tcase, test_label_of_1001_code_points_is_eidna);
  tcase_add_test (tcase, test_overlapping_input_and_output);
  tcase_add_test (tcase, test_source_url_forms);
  tcase_set_timeout (tcase, 60);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (idna_suite ());
}
