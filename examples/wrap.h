/* wrap.h - wrapping text to a terminal's width, by display columns, where
   Unicode's line breaking rules (UAX #14) allow.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_WRAP_H
#define WTISD_WRAP_H

#include <stddef.h>

/* Called for each line of wrapped text: LENGTH bytes at LINE (UTF-8, not
   NUL-terminated, without the white space the line ended in, newline
   included).  Returns 0 to go on.  */
typedef int wrap_line_fn (const char *line, size_t length, void *data);

/* Splits the UTF-8 TEXT into lines of at most WIDTH columns (0: one line)
   and calls EMIT for each.  Breaks only where UAX #14, with ICU's
   tailoring for LOCALE (an ICU locale ID: "ko@lw=keepall" keeps Korean
   words whole; "" for the root rules), allows, never inside a grapheme
   cluster, nor inside an orthographic syllable (where ICU's dictionary,
   not knowing a Burmese word, offers a break between any two clusters:
   က|မ္ဘာ့), nor after the hyphen of a prefix of at most three letters
   (ne-COVID-19, na-enweghị, v-ați).  East Asian wide and fullwidth
   characters count two columns, combining marks and format characters
   none; spaces at the end of a line do not count.  A word wider than
   WIDTH is cut after such a prefix, else between syllables, else between
   grapheme clusters (in a syllable wider than WIDTH), so no line is
   wider than WIDTH (but for a single cluster wider than it); but an
   address (a word with "://" in it) is never cut: it stands whole on a
   line of its own, wider than WIDTH when it must be, rather than be a
   broken link.  Returns 0, -1 when ICU fails or memory runs out, or what
   EMIT returned when not 0.  Not thread-safe: it keeps one ICU break
   iterator for every call.  */
int wrap_text (const char *text, int width, const char *locale,
               wrap_line_fn *emit, void *data);

#endif /* WTISD_WRAP_H */
