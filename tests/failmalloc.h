/* failmalloc.h - make the Nth allocation fail, to test out-of-memory paths.
   SPDX-License-Identifier: LGPL-2.1-or-later

   Linking failmalloc.c into a test program replaces malloc, calloc and
   realloc for the whole process (the library, ICU and libstdc++ allocate
   through them); the replacements forward to the next definitions, so
   ASan and valgrind still see every allocation.  Disarmed, they only
   forward.  Built alone as a shared object, it can also be preloaded into
   any program:

     cc -shared -fPIC -o failmalloc.so tests/failmalloc.c -ldl
     FAILMALLOC_NTH=3 LD_PRELOAD=./failmalloc.so ./program

   fails the program's third allocation.  Only one allocation fails per
   arming: a single failure is what a caller must survive, and what must
   leave no lasting trace.  */

#ifndef WTISD_FAILMALLOC_H
#define WTISD_FAILMALLOC_H

/* Makes the Nth allocation from now fail (N >= 1; 1 is the next one), in
   any thread.  */
void failmalloc_arm (unsigned long n);

/* Stops failing; returns 1 when an allocation was made to fail since
   failmalloc_arm, 0 when the armed one was never reached.  */
int failmalloc_disarm (void);

/* One run of the code under test: returns 0 when its result is right.
   DATA is the driver's.  */
typedef int failmalloc_scenario (const void *data);

/* The driver.  For N = 1, 2, ... runs ATTEMPT with its Nth allocation
   failing, then CHECK with memory available.  ATTEMPT must not crash and
   returns 0 when what it got is acceptable under a failure: the right
   result, or an error reported as such (never a wrong result passed off
   as a success).  CHECK must then find the right result, so that no
   failure is remembered.  Each N runs in a fresh child process (fork), so
   that the allocations of first use (ICU's data, the library's caches)
   fail too, and a crash is caught.  Stops at the first N whose ATTEMPT
   made no allocation fail.  Returns that N (> 0), or -N for the first N
   where ATTEMPT or CHECK failed, a child crashed, or a sanitizer or
   valgrind reported an error or a leak (the child exits through exit (),
   so their reports run); 0 when MAX runs were not enough.  With
   FAILMALLOC_STRIDE=K in the environment, N goes 1, 1 + K, 1 + 2K, ...:
   a sample, for runs under valgrind, where each child is slow.  */
long failmalloc_each (failmalloc_scenario *attempt, failmalloc_scenario *check,
                      const void *data, unsigned long max);

#endif /* WTISD_FAILMALLOC_H */
