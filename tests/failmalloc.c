/* failmalloc.c - make the Nth allocation fail (see failmalloc.h).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_NEXT */
#endif

#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "failmalloc.h"

/* The allocator runs before AddressSanitizer has set up its shadow
   memory (its own start-up allocates): nothing here may be instrumented.  */
#if defined __GNUC__ || defined __clang__
#define NOT_INSTRUMENTED __attribute__ ((no_sanitize_address))
#else
#define NOT_INSTRUMENTED
#endif

/* Allocations left before the one that fails; 0 when disarmed.  */
static atomic_ulong countdown;
static atomic_int injected;

static void *(*next_malloc) (size_t);
static void *(*next_calloc) (size_t, size_t);
static void *(*next_realloc) (void *, size_t);
static void (*next_free) (void *);

/* dlsym may allocate while the next functions are being looked up; those
   few bytes come from here and are never freed.  */
static _Alignas(16) char bootstrap[4096];
static size_t bootstrap_used;
static _Thread_local int resolving;

NOT_INSTRUMENTED static void
resolve (void)
{
  resolving = 1;
  next_malloc = (void *(*)(size_t))dlsym (RTLD_NEXT, "malloc");
  next_calloc = (void *(*)(size_t, size_t))dlsym (RTLD_NEXT, "calloc");
  next_realloc = (void *(*)(void *, size_t))dlsym (RTLD_NEXT, "realloc");
  next_free = (void (*) (void *))dlsym (RTLD_NEXT, "free");
  resolving = 0;
}

NOT_INSTRUMENTED static void *
bootstrap_alloc (size_t size)
{
  void *p;

  size = (size + 15) & ~(size_t)15;
  if (size > sizeof bootstrap - bootstrap_used)
    return NULL;
  p = bootstrap + bootstrap_used;
  bootstrap_used += size;
  return p;
}

/* Whether this allocation is the one to fail.  */
NOT_INSTRUMENTED static int
should_fail (void)
{
  unsigned long left = atomic_load (&countdown);

  while (left > 0)
    if (atomic_compare_exchange_weak (&countdown, &left, left - 1))
      {
        if (left != 1)
          return 0;
        atomic_store (&injected, 1);
        errno = ENOMEM;
        return 1;
      }
  return 0;
}

NOT_INSTRUMENTED void *
malloc (size_t size)
{
  if (next_malloc == NULL)
    {
      if (resolving)
        return bootstrap_alloc (size);
      resolve ();
    }
  return should_fail () ? NULL : next_malloc (size);
}

NOT_INSTRUMENTED void *
calloc (size_t count, size_t size)
{
  if (next_calloc == NULL)
    {
      if (resolving)
        return bootstrap_alloc (count * size); /* Static: zeroed.  */
      resolve ();
    }
  return should_fail () ? NULL : next_calloc (count, size);
}

NOT_INSTRUMENTED void *
realloc (void *p, size_t size)
{
  if (next_realloc == NULL)
    resolve ();
  return should_fail () ? NULL : next_realloc (p, size);
}

NOT_INSTRUMENTED void
free (void *p)
{
  if ((char *)p >= bootstrap && (char *)p < bootstrap + sizeof bootstrap)
    return;
  if (next_free == NULL)
    resolve ();
  next_free (p);
}

void
failmalloc_arm (unsigned long n)
{
  atomic_store (&injected, 0);
  atomic_store (&countdown, n);
}

int
failmalloc_disarm (void)
{
  atomic_store (&countdown, 0);
  return atomic_load (&injected);
}

/* For LD_PRELOAD: FAILMALLOC_NTH=N arms before main.  */
__attribute__ ((constructor)) static void
failmalloc_from_environment (void)
{
  const char *nth = getenv ("FAILMALLOC_NTH");

  if (nth != NULL && *nth != '\0')
    failmalloc_arm (strtoul (nth, NULL, 10));
}

/* The child's exit statuses: anything else is a crash or a report.  */
enum
{
  CHILD_FAILED_AND_RIGHT = 0,
  CHILD_WRONG = 1,
  CHILD_DONE = 3
};

static void
child_run (failmalloc_scenario *attempt, failmalloc_scenario *check,
           const void *data, unsigned long n)
{
  int failed, acceptable;

  failmalloc_arm (n);
  acceptable = attempt (data) == 0;
  failed = failmalloc_disarm ();
  if (!acceptable || check (data) != 0)
    exit (CHILD_WRONG);
  exit (failed ? CHILD_FAILED_AND_RIGHT : CHILD_DONE);
}

long
failmalloc_each (failmalloc_scenario *attempt, failmalloc_scenario *check,
                 const void *data, unsigned long max)
{
  const char *stride_text = getenv ("FAILMALLOC_STRIDE");
  unsigned long n, stride = 1;

  if (stride_text != NULL && strtoul (stride_text, NULL, 10) > 0)
    stride = strtoul (stride_text, NULL, 10);
  for (n = 1; n <= max; n += stride)
    {
      int status;
      pid_t pid;

      fflush (NULL); /* Or the child would write the parent's buffers.  */
      pid = fork ();
      if (pid < 0)
        return -(long)n;
      if (pid == 0)
        child_run (attempt, check, data, n);
      if (waitpid (pid, &status, 0) != pid || !WIFEXITED (status))
        return -(long)n;
      if (WEXITSTATUS (status) == CHILD_DONE)
        return (long)n;
      if (WEXITSTATUS (status) != CHILD_FAILED_AND_RIGHT)
        {
          fprintf (stderr, "failmalloc: allocation %lu: child exit %d\n", n,
                   WEXITSTATUS (status));
          return -(long)n;
        }
    }
  return 0;
}
