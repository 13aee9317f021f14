/* conformance.h - reading Unicode's conformance data files.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_CONFORMANCE_H
#define WTISD_CONFORMANCE_H

#include <stdio.h>

#include <check.h>

/* Opens the data file named by the environment variable VARIABLE,
   through "bzip2 -dc" when its name ends in ".bz2".  When the variable
   is unset or the file is absent, prints why and exits with status 77,
   which the test harness reports as a skip, not a pass.  */
FILE *conformance_open (const char *variable, const char *what);

/* Runs TEST, a Check test that reads the data file named by VARIABLE,
   as a suite of its own; skips first (status 77, before Check forks) when
   the file is absent.  Returns the exit status for the harness.  */
int conformance_run (const char *variable, const char *what, const TTest *test,
                     double timeout);

/* Prints "NAME: N of M cases pass" and fails the test unless all did.  */
void conformance_report (const char *name, int cases, int failures);

/* Closes what conformance_open opened.  */
void conformance_close (FILE *file);

/* Splits LINE at ';' into at most MAX fields, cutting a '#' comment and
   trimming spaces and tabs; returns how many fields (0 for a blank or
   comment line).  FIELDS point into LINE.  */
int conformance_fields (char *line, char **fields, int max);

/* Appends the UTF-8 encoding of code point C to OUT (room for 4 bytes
   needed); returns the bytes written.  */
int conformance_put_utf8 (unsigned long c, char *out);

/* Replaces the \uXXXX and \x{X...} escapes of Unicode's IDNA data in S
   with UTF-8, in place (an escape is never shorter than its encoding).  */
void conformance_unescape (char *s);

#endif /* WTISD_CONFORMANCE_H */
