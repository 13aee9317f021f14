/* wrap.c - wrapping text to a terminal's width, by display columns, where
   Unicode's line breaking rules (UAX #14) allow.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "wrap.h"

/* The columns code point C takes: 0, 1 or 2.  */
static int
code_point_columns (UChar32 c)
{
  int type = u_charType (c);
  int east_asian = u_getIntPropertyValue (c, UCHAR_EAST_ASIAN_WIDTH);

  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK
      || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR
      || u_hasBinaryProperty (c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
      || (c >= 0x1160 && c <= 0x11ff)) /* Hangul medial vowels, finals.  */
    return 0;
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

int
wrap_columns (const char *s, size_t length)
{
  int32_t i = 0;
  int columns = 0;

  while ((size_t)i < length)
    {
      UChar32 c;

      U8_NEXT (s, i, (int32_t)length, c);
      if (c >= 0)
        columns += code_point_columns (c);
    }
  return columns;
}

/* The width of the UTF-16 range [START, END) without its trailing white
   space, which may hang past the margin.  */
static int
range_columns (const UChar *text, int32_t start, int32_t end)
{
  int columns = 0;
  int32_t i = start, last_visible = start;

  while (i < end)
    {
      UChar32 c;

      U16_NEXT (text, i, end, c);
      if (!u_isUWhiteSpace (c))
        last_visible = i;
    }
  for (i = start; i < last_visible;)
    {
      UChar32 c;

      U16_NEXT (text, i, last_visible, c);
      columns += code_point_columns (c);
    }
  return columns;
}

/* Emits the UTF-16 range [START, END) of TEXT as UTF-8.  */
static int
emit_range (const UChar *text, int32_t start, int32_t end, wrap_line_fn *emit,
            void *data)
{
  UErrorCode code = U_ZERO_ERROR;
  int32_t length;
  char *line;
  int status;

  u_strToUTF8 (NULL, 0, &length, text + start, end - start, &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return -1;
  code = U_ZERO_ERROR;
  line = malloc ((size_t)length + 1);
  if (line == NULL)
    return -1;
  u_strToUTF8 (line, length + 1, NULL, text + start, end - start, &code);
  status = U_FAILURE (code) ? -1 : emit (line, (size_t)length, data);
  free (line);
  return status;
}

/* Greedy filling between the break opportunities BREAKS gives.  */
static int
wrap_breaks (const UChar *text, int32_t length, UBreakIterator *breaks,
             int width, wrap_line_fn *emit, void *data)
{
  int32_t line_start = 0, fits_to = 0, end;
  int status;

  for (end = ubrk_following (breaks, 0); end != UBRK_DONE;
       end = ubrk_next (breaks))
    {
      if (width > 0 && fits_to > line_start
          && range_columns (text, line_start, end) > width)
        {
          /* Break at the last opportunity that fit.  */
          if ((status = emit_range (text, line_start, fits_to, emit, data)))
            return status;
          line_start = fits_to;
        }
      fits_to = end;
      if (ubrk_getRuleStatus (breaks) >= UBRK_LINE_HARD
          && ubrk_getRuleStatus (breaks) < UBRK_LINE_HARD_LIMIT)
        {
          if ((status = emit_range (text, line_start, end, emit, data)))
            return status;
          line_start = end;
        }
    }
  if (line_start < length || length == 0)
    return emit_range (text, line_start, length, emit, data);
  return 0;
}

int
wrap_text (const char *text, int width, wrap_line_fn *emit, void *data)
{
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *breaks;
  UChar *utf16;
  int32_t length;
  int status;

  u_strFromUTF8 (NULL, 0, &length, text, -1, &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return -1;
  code = U_ZERO_ERROR;
  utf16 = malloc (((size_t)length + 1) * sizeof *utf16);
  if (utf16 == NULL)
    return -1;
  u_strFromUTF8 (utf16, length + 1, NULL, text, -1, &code);
  breaks = ubrk_open (UBRK_LINE, "", utf16, length, &code);
  status = U_FAILURE (code)
               ? -1
               : wrap_breaks (utf16, length, breaks, width, emit, data);
  ubrk_close (breaks);
  free (utf16);
  return status;
}
