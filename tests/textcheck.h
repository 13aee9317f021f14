/* textcheck.h - UTF-8 and NFC checks for the tests.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_TEXTCHECK_H
#define WTISD_TEXTCHECK_H

#include <stddef.h>

/* 1 when S is well-formed UTF-8 (no overlong forms, surrogates, code
   points past U+10FFFF or truncated sequences), else 0.  */
int textcheck_is_utf8 (const char *s);

/* 1 when the UTF-8 string S is in Normalization Form C, 0 when not, -1
   when ICU fails (ill-formed input included).  */
int textcheck_is_nfc (const char *s);

/* 1 when the UTF-8 TEXT holds the number DIGITS (LENGTH ASCII digits) as
   a whole number, not part of a longer one, written in any script's
   decimal digits (Persian ۲۰۲۱ counts as 2021), else 0.  */
int textcheck_has_number (const char *text, const char *digits,
                          size_t length);

/* The terminal columns of the LENGTH bytes of UTF-8 at S, by Unicode's
   East Asian Width and general category (marks and format characters
   none, wide and fullwidth two), measured with ICU's properties
   directly, not with the program's code.  */
int textcheck_columns (const char *s, size_t length);

#endif /* WTISD_TEXTCHECK_H */
