/* wrapcheck.c - the properties of a wrapped paragraph (wrapcheck.h).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "textcheck.h"
#include "wrapcheck.h"

/* Exits when ICU or memory fail: a checker that cannot check.  */
static void
check_failed (const char *what, UErrorCode code)
{
  fprintf (stderr, "wrapcheck: %s: %s\n", what, u_errorName (code));
  exit (2);
}

/* Byte offsets in the LENGTH bytes at TEXT where ICU's iterator of TYPE,
   for LOCALE, finds a boundary: 1 in the array that is returned.  */
static unsigned char *
boundaries (const char *text, size_t length, UBreakIteratorType type,
            const char *locale)
{
  unsigned char *allowed = calloc (length + 1, 1);
  UErrorCode code = U_ZERO_ERROR;
  UText *utext = utext_openUTF8 (NULL, text, (int64_t)length, &code);
  UBreakIterator *iterator = ubrk_open (type, locale, NULL, 0, &code);
  int32_t at;

  ubrk_setUText (iterator, utext, &code);
  if (U_FAILURE (code) || allowed == NULL)
    check_failed ("ICU's break iterator", code);
  for (at = ubrk_first (iterator); at != UBRK_DONE; at = ubrk_next (iterator))
    allowed[at] = 1;
  ubrk_close (iterator);
  utext_close (utext);
  return allowed;
}

/* Whether the code point at byte AT of TEXT (LENGTH bytes) is in a
   Burmese syllable begun before it: a dependent sign, a letter after the
   stacker U+1039, or a letter that asat (U+103A) or the stacker follows,
   which closes the syllable before it (ကမ္ဘာ is kam-ba, ဒစ် is one
   syllable).  Ye Kyaw Thu's sylbreak segments Burmese by the same rule.
   ICU 72 breaks words its dictionary does not know between any two
   grapheme clusters, and Unicode's clusters split these syllables
   (ဘ|ာ).  */
static int
inside_burmese_syllable (const char *text, size_t length, size_t at)
{
  int32_t i = (int32_t)at, previous = (int32_t)at;
  UChar32 before, c, after = 0;

  if (at == 0 || at >= length)
    return 0;
  U8_PREV (text, 0, previous, before);
  U8_NEXT (text, i, (int32_t)length, c);
  if ((size_t)i < length)
    U8_NEXT (text, i, (int32_t)length, after);
  if (c < 0x1000 || c > 0x109f || before < 0x1000 || before > 0x109f)
    return 0;
  return before == 0x1039 || (U_GET_GC_MASK (c) & U_GC_M_MASK) != 0
         || after == 0x103a || after == 0x1039;
}

/* Whether C is white space a break drops: any but the no-break spaces
   (line break class GL), which are text.  */
static int
is_dropped_space (UChar32 c)
{
  return c >= 0 && u_isUWhiteSpace (c)
         && u_getIntPropertyValue (c, UCHAR_LINE_BREAK) != U_LB_GLUE;
}

/* The length of the white space at TEXT that a break drops.  */
static size_t
dropped_space (const char *text, size_t length)
{
  int32_t i = 0, end = 0;

  while ((size_t)i < length)
    {
      UChar32 c;

      U8_NEXT (text, i, (int32_t)length, c);
      if (!is_dropped_space (c))
        break;
      end = i;
    }
  return (size_t)end;
}

/* The columns of [START, END) of TEXT but its trailing white space.  */
static int
visible_columns (const char *text, size_t start, size_t end)
{
  int32_t i = (int32_t)end;

  while (i > (int32_t)start)
    {
      int32_t previous = i;
      UChar32 c;

      U8_PREV (text, (int32_t)start, previous, c);
      if (!is_dropped_space (c))
        break;
      i = previous;
    }
  return textcheck_columns (text + start, (size_t)i - start);
}

/* Whether a break at AT in TEXT (LENGTH bytes), at none of the
   boundaries BOUNDARY marks, may be there: only inside text between two
   of them too wide for a line of WIDTH on its own.  */
static int
cut_allowed (const char *text, size_t length, int width,
             const unsigned char *boundary, size_t at)
{
  size_t before = at, after = at;

  while (before > 0 && !boundary[before])
    before--;
  while (after < length && !boundary[after])
    after++;
  return width > 0 && visible_columns (text, before, after) > width;
}

/* How many bytes of TEXT to show after a break: a dozen code points.  */
static int
shown (const char *text)
{
  int32_t i = 0, length = (int32_t)strlen (text), n;

  for (n = 0; n < 12 && i < length; n++)
    U8_FWD_1 (text, i, length);
  return (int)i;
}

/* The first violation of the line LINE, at OFFSET in TEXT, in PROBLEM;
   0 if none.  */
static int
line_check (const char *text, size_t length, int width, const char *line,
            size_t offset, const unsigned char *clusters, char *problem,
            size_t size)
{
  size_t line_length = strlen (line), j;
  int columns = textcheck_columns (line, line_length), single = 1;

  if (line_length > length - offset
      || memcmp (text + offset, line, line_length) != 0)
    return snprintf (problem, size, "not the text that follows: «%s»", line),
           1;
  if (line_length > 0 && visible_columns (line, 0, line_length) != columns)
    return snprintf (problem, size, "ends in white space: «%s»", line), 1;
  for (j = 1; j < line_length; j++)
    single &= !clusters[offset + j];
  if (width > 0 && columns > width && strstr (line, "://") == NULL && !single)
    return snprintf (problem, size, "%d columns, wider than %d: «%s»", columns,
                     width, line),
           1;
  return 0;
}

int
wrapcheck_lines (const char *text, const char *locale, int width,
                 char *const *lines, int count, char *problem, size_t size)
{
  size_t length = strlen (text), offset;
  unsigned char *line_breaks = boundaries (text, length, UBRK_LINE, locale);
  unsigned char *clusters = boundaries (text, length, UBRK_CHARACTER, "");
  unsigned char *syllables = malloc (length + 1);
  int i, bad = 0;

  if (syllables == NULL)
    check_failed ("memory", U_MEMORY_ALLOCATION_ERROR);
  /* ICU's opportunities, but those inside a Burmese syllable.  */
  for (offset = 0; offset <= length; offset++)
    {
      syllables[offset] = clusters[offset]
                          && !inside_burmese_syllable (text, length, offset);
      line_breaks[offset] &= syllables[offset];
    }
  for (i = 0, offset = 0; i < count && !bad; i++)
    {
      size_t at;

      if ((bad = line_check (text, length, width, lines[i], offset, clusters,
                             problem, size)))
        break;
      offset += strlen (lines[i]);
      offset += dropped_space (text + offset, length - offset);
      at = offset;
      if (i + 1 == count)
        break;
      if (!clusters[at])
        bad = snprintf (problem, size, "a break inside a grapheme cluster");
      else if (!line_breaks[at]
               && !cut_allowed (text, length, width, line_breaks, at))
        bad = snprintf (problem, size,
                        "a break at no opportunity (ICU's, but inside a "
                        "Burmese syllable), in a word that fits a line");
      else if (!syllables[at]
               && !cut_allowed (text, length, width, syllables, at))
        bad = snprintf (problem, size, "a break inside a Burmese syllable");
      if (bad)
        snprintf (problem + strlen (problem), size - strlen (problem),
                  ": «%s|%.*s»", lines[i], shown (text + at), text + at);
    }
  if (!bad && offset != length)
    bad = snprintf (problem, size, "text lost: «%s»", text + offset);
  free (line_breaks);
  free (clusters);
  free (syllables);
  return bad != 0;
}
