/* testutil.h - helpers shared by the Check suites.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_TESTUTIL_H
#define WTISD_TESTUTIL_H

#include <check.h>

/* The parts of a message file in tests/data: the title, then the
   paragraphs, each separated by blank lines.  */
#define TESTUTIL_MESSAGE_PARTS 6

/* Returns the contents of $srcdir/data/NAME, NUL-terminated; aborts the
   test when the file cannot be read.  Free with free().  */
char *testutil_read_data (const char *name);

/* The same, but NULL when the file cannot be read: safe to call outside
   a test, as when a loop test's rows are counted.  */
char *testutil_load_data (const char *name);

/* Splits the message file NAME into its title and paragraphs; fails the
   test unless it has at least TESTUTIL_MESSAGE_PARTS of them.  PARTS[i]
   points into *BUFFER, which the caller frees.  */
void testutil_read_message (const char *name, char **buffer,
                            const char *parts[TESTUTIL_MESSAGE_PARTS]);

/* Splits TEXT into lines in place: their starts at LINES (NUL-terminated
   where the newline was), at most MAX; returns how many.  */
int testutil_split_lines (char *text, const char **lines, int max);

/* Reads the data file NAME as lines; returns how many (at most MAX)
   and points LINES into *BUFFER, which the caller frees.  */
int testutil_read_lines (const char *name, char **buffer, const char **lines,
                         int max);

/* Selects LANGUAGE for gettext the way a user would: C.UTF-8 locale and
   the LANGUAGE variable.  Fails the test when C.UTF-8 is missing.  */
void testutil_use_language (const char *language);

/* Runs SUITE and returns the exit status for the test harness.  */
int testutil_run (Suite *suite);

/* Reads po/LINGUAS: returns how many languages (0 when the file cannot
   be read) and points LANGUAGES into *BUFFER, which the caller frees;
   more than MAX is a hard error (exit 99).  Safe to call outside a
   test.  */
int testutil_read_linguas (char **buffer, const char **languages, int max);

#endif /* WTISD_TESTUTIL_H */
