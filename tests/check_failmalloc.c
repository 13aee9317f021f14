/* check_failmalloc.c - the malloc-failure shim itself: it fails exactly
   the armed allocation, its driver walks every allocation of a scenario
   and catches a failure that is remembered.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "failmalloc.h"
#include "testutil.h"

/* Keeps allocations from being optimized away.  */
static void *volatile kept;

START_TEST (test_arm_fails_exactly_the_nth)
{
  void *a, *b, *c;

  failmalloc_arm (2);
  a = malloc (16);
  b = calloc (2, 8);
  c = realloc (NULL, 16);
  ck_assert_int_eq (failmalloc_disarm (), 1);
  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_null (b);
  ck_assert_ptr_nonnull (c);
  free (a);
  free (c);
}
END_TEST

START_TEST (test_disarm_reports_an_unreached_failure)
{
  failmalloc_arm (1000);
  kept = malloc (8);
  ck_assert_int_eq (failmalloc_disarm (), 0);
  free (kept);
  kept = malloc (8); /* Disarmed: never fails.  */
  ck_assert_ptr_nonnull (kept);
  free (kept);
}
END_TEST

/* A scenario of three allocations that handles each failure.  */
static int
three_allocations (const void *data)
{
  int i, ok = 1;

  (void)data;
  for (i = 0; i < 3; i++)
    {
      kept = malloc (32);
      ok &= kept != NULL;
      free (kept);
    }
  return ok ? 0 : 1;
}

/* The same, under a failure: a NULL is handled, and reported as such.  */
static int
three_allocations_survive (const void *data)
{
  three_allocations (data);
  return 0;
}

START_TEST (test_each_walks_every_allocation)
{
  /* Failures at 1, 2, 3; the fourth run fails nothing and ends it.  */
  ck_assert_int_eq (failmalloc_each (three_allocations_survive,
                                     three_allocations, NULL, 100),
                    4);
}
END_TEST

/* A cache that remembers its first failure, the bug the driver is for.  */
static int cache_state; /* 0 unset, 1 good, -1 failed */

static int
cached_init (const void *data)
{
  (void)data;
  if (cache_state == 0)
    {
      kept = malloc (64);
      cache_state = kept != NULL ? 1 : -1;
      free (kept);
    }
  return cache_state == 1 ? 0 : 1;
}

START_TEST (test_each_catches_a_remembered_failure)
{
  ck_assert_int_eq (failmalloc_each (cached_init, cached_init, NULL, 100), -1);
}
END_TEST

static int
always_right (const void *data)
{
  (void)data;
  return 0;
}

/* An attempt that passes a failure off as a success.  */
static int
wrong_under_failure (const void *data)
{
  (void)data;
  kept = malloc (8);
  if (kept == NULL)
    return 1;
  free (kept);
  return 0;
}

START_TEST (test_each_catches_a_wrong_success)
{
  ck_assert_int_eq (
      failmalloc_each (wrong_under_failure, always_right, NULL, 100), -1);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("failmalloc");
  TCase *tc = tcase_create ("core");

  /* These tests count the walk's steps: every allocation, no sample.  */
  unsetenv ("FAILMALLOC_STRIDE");

  tcase_add_test (tc, test_arm_fails_exactly_the_nth);
  tcase_add_test (tc, test_disarm_reports_an_unreached_failure);
  tcase_add_test (tc, test_each_walks_every_allocation);
  tcase_add_test (tc, test_each_catches_a_remembered_failure);
  tcase_add_test (tc, test_each_catches_a_wrong_success);
  suite_add_tcase (suite, tc);
  return testutil_run (suite);
}
