/* wrapcheck.h - the properties of a wrapped paragraph, measured with
   ICU's break iterators and character properties directly, not with the
   wrapping code under test.  check_wrap checks wrap_text with it,
   wrap-check (for wrapping.sh) the output of wtisd-message.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_WRAPCHECK_H
#define WTISD_WRAPCHECK_H

#include <stddef.h>

/* Checks that the COUNT lines at LINES (UTF-8, NUL-terminated) are the
   UTF-8 TEXT wrapped at WIDTH columns (0: no limit) by ICU's line
   breaking rules for LOCALE:
   - the lines, joined with the white space dropped at each break, give
     back TEXT (no text lost or added), and no line ends in white space;
   - no line is wider than WIDTH (East Asian wide two columns, marks
     none) but a line with an address ("://"), never cut, or a single
     grapheme cluster;
   - no break falls inside a grapheme cluster;
   - every break is at one of ICU's line break opportunities, unless the
     text between the opportunities around it is wider than the line;
   - no break is inside a Burmese syllable (nor is an opportunity there
     counted), unless the syllable is wider than the line.
   Returns 0, or 1 with the first violation described in PROBLEM (SIZE
   bytes).  Exits the process with status 2 when ICU or memory fail.  */
int wrapcheck_lines (const char *text, const char *locale, int width,
                     char *const *lines, int count, char *problem,
                     size_t size);

#endif /* WTISD_WRAPCHECK_H */
