/* check_oom.c - one failed allocation, anywhere in the library or in ICU,
   must leave no lasting trace: wtisd_normalize, the domain functions and
   wtisd_negotiate, each walked allocation by allocation with the
   failmalloc shim.  Under a failure a call may report WTISD_ENOMEM (or
   negotiate may fall back to "en"), never a wrong success; afterwards
   the same call gives the right answer.  ICU loads its data at the
   library's first use and remembers a failure to do so for the life of
   the process (wtisd.h, "Memory"): the walks start after one call, and
   the first use itself is walked apart, where a lasting error is right
   and a wrong answer or a crash is not.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include <wtisd.h>

#include "failmalloc.h"
#include "testutil.h"

/* Enough for every scenario's first use, ICU's data included.  */
#define MAX_ALLOCATIONS 20000

struct buffer_case
{
  const char *name;
  int (*function) (const char *, char *, size_t);
  const char *input;
  const char *expected;
};

static int
normalize_nfc (const char *in, char *out, size_t size)
{
  return wtisd_normalize (in, WTISD_NFC, out, size);
}

static int
normalize_nfkd (const char *in, char *out, size_t size)
{
  return wtisd_normalize (in, WTISD_NFKD, out, size);
}

/* Expected values: UAX #15 and UTS #46 (the source site's name).  */
static const struct buffer_case buffer_cases[] = {
  { "NFC of ASCII", normalize_nfc, "hello", "hello" },
  { "NFC of e + acute", normalize_nfc, "e\xcc\x81t\xc3\xa9",
    "\xc3\xa9t\xc3\xa9" },
  { "NFKD of fi", normalize_nfkd, "\xef\xac\x81", "fi" },
  { "to ASCII", wtisd_domain_to_ascii,
    "\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x81\xd0\xb2\xd1\x8f\xd0\xb7\xd0\xb8."
    "\xd0\xb1\xd0\xb5\xd0\xbb",
    "xn--b1akbcqh2a7i.xn--90ais" },
  { "to Unicode", wtisd_domain_to_unicode, "xn--b1akbcqh2a7i.xn--90ais",
    "\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x81\xd0\xb2\xd1\x8f\xd0\xb7\xd0\xb8."
    "\xd0\xb1\xd0\xb5\xd0\xbb" },
  { "display", wtisd_domain_display, "xn--b1akbcqh2a7i.xn--90ais",
    "\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x81\xd0\xb2\xd1\x8f\xd0\xb7\xd0\xb8."
    "\xd0\xb1\xd0\xb5\xd0\xbb" },
  { "display of ASCII", wtisd_domain_display, "example.com", "example.com" },
};

/* Under a failure: the right answer, or WTISD_ENOMEM with OUT empty.  */
static int
buffer_attempt (const void *data)
{
  const struct buffer_case *c = data;
  char out[128] = "x";
  int status = c->function (c->input, out, sizeof out);

  if (status == WTISD_ENOMEM)
    return out[0] != '\0';
  return status != (int)strlen (c->expected) || strcmp (out, c->expected);
}

static int
buffer_check (const void *data)
{
  const struct buffer_case *c = data;
  char out[128];
  int status = c->function (c->input, out, sizeof out);

  return status != (int)strlen (c->expected) || strcmp (out, c->expected);
}

START_TEST (test_buffer_functions_survive_each_failed_allocation)
{
  const struct buffer_case *c = &buffer_cases[_i];
  long n;

  ck_assert_msg (buffer_check (c) == 0, "%s: wrong without a failure",
                 c->name);
  n = failmalloc_each (buffer_attempt, buffer_check, c, MAX_ALLOCATIONS);

  ck_assert_msg (n > 0,
                 "%s: wrong after allocation %ld failed (0: more "
                 "than %d allocations)",
                 c->name, -n, MAX_ALLOCATIONS);
}
END_TEST

/* After a failure at the first use: the right answer or an error.  */
static int
buffer_first_use_check (const void *data)
{
  const struct buffer_case *c = data;
  char out[128] = "x";
  int status = c->function (c->input, out, sizeof out);

  if (status == WTISD_ENOMEM || status == WTISD_EICU)
    return out[0] != '\0';
  return status != (int)strlen (c->expected) || strcmp (out, c->expected);
}

START_TEST (test_first_use_fails_cleanly)
{
  const struct buffer_case *c = &buffer_cases[_i];
  long n = failmalloc_each (buffer_attempt, buffer_first_use_check, c,
                            MAX_ALLOCATIONS);

  ck_assert_msg (n > 0, "%s: wrong after allocation %ld of the first use",
                 c->name, -n);
}
END_TEST

/* The catalogs of tests/locale (ar be es fr ru zh_CN).  */
static const char *const negotiation_header
    = "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5";

static int
negotiate_attempt (const void *data)
{
  const char *best = wtisd_negotiate (data);

  return best == NULL
         || (strcmp (best, "fr") != 0 && strcmp (best, "en") != 0);
}

static int
negotiate_check (const void *data)
{
  return strcmp (wtisd_negotiate (data), "fr") != 0;
}

START_TEST (test_negotiate_survives_each_failed_allocation)
{
  long n;

  /* The list of catalogs is language.c's, and its own failures are not
     this test's: read before the walk, so that the children start with
     it and walk negotiate.c's allocations (its keys, ICU's likely
     subtags).  */
  ck_assert_ptr_nonnull (wtisd_languages ());
  n = failmalloc_each (negotiate_attempt, negotiate_check, negotiation_header,
                       MAX_ALLOCATIONS);

  ck_assert_msg (n > 0, "wrong after allocation %ld failed", -n);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("oom");
  TCase *tcase = tcase_create ("oom");

  /* A fresh process per failed allocation: slow under valgrind.  */
  tcase_set_timeout (tcase, 600);
  tcase_add_loop_test (tcase,
                       test_buffer_functions_survive_each_failed_allocation, 0,
                       sizeof buffer_cases / sizeof buffer_cases[0]);
  tcase_add_loop_test (tcase, test_first_use_fails_cleanly, 0,
                       sizeof buffer_cases / sizeof buffer_cases[0]);
  tcase_add_test (tcase, test_negotiate_survives_each_failed_allocation);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
