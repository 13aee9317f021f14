/* textcheck.c - UTF-8 and NFC checks, independent of libwtisd (ICU's
   normalizer directly), for the tests and the catalog checker.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "textcheck.h"

int
textcheck_is_utf8 (const char *s)
{
  const unsigned char *p = (const unsigned char *)s;

  while (*p != '\0')
    {
      unsigned long c;
      int extra, i;

      if (*p < 0x80)
        {
          p++;
          continue;
        }
      if (*p >= 0xc2 && *p <= 0xdf)
        extra = 1, c = *p & 0x1f;
      else if (*p >= 0xe0 && *p <= 0xef)
        extra = 2, c = *p & 0x0f;
      else if (*p >= 0xf0 && *p <= 0xf4)
        extra = 3, c = *p & 0x07;
      else
        return 0;
      for (i = 1; i <= extra; i++)
        {
          if ((p[i] & 0xc0) != 0x80)
            return 0;
          c = (c << 6) | (p[i] & 0x3f);
        }
      if ((extra == 2 && c < 0x800) || (extra == 3 && c < 0x10000)
          || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
        return 0;
      p += extra + 1;
    }
  return 1;
}

int
textcheck_is_nfc (const char *s)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  int32_t length = 0;
  UChar *utf16;
  UBool normalized;

  if (U_FAILURE (status))
    return -1;
  /* Measure, then convert: the input may be a whole catalog.  */
  u_strFromUTF8 (NULL, 0, &length, s, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return -1;
  status = U_ZERO_ERROR;
  utf16 = malloc (((size_t)length + 1) * sizeof *utf16);
  if (utf16 == NULL)
    return -1;
  u_strFromUTF8 (utf16, length + 1, NULL, s, -1, &status);
  normalized = U_SUCCESS (status)
                   ? unorm2_isNormalized (nfc, utf16, length, &status)
                   : 0;
  free (utf16);
  return U_SUCCESS (status) ? normalized : -1;
}

int
textcheck_has_number (const char *text, const char *digits, size_t length)
{
  size_t size = strlen (text) + 1, n = 0, i;
  char *view = malloc (size);
  int32_t at = 0, text_length = (int32_t)(size - 1);
  int found = 0;

  if (view == NULL)
    return 0;
  /* One character per code point: its decimal digit value in ASCII,
     whatever its script (٢٠٢١ and ۲۰۲۱ read as 2021), or 'x'.  */
  while (at < text_length)
    {
      UChar32 c;
      int32_t value;

      U8_NEXT (text, at, text_length, c);
      value = c < 0 ? -1 : u_charDigitValue (c);
      view[n++] = value >= 0 && value <= 9 ? (char)('0' + value) : 'x';
    }
  for (i = 0; !found && i + length <= n; i++)
    found = memcmp (view + i, digits, length) == 0
            && (i == 0 || view[i - 1] == 'x')
            && (i + length == n || view[i + length] == 'x');
  free (view);
  return found;
}

int
textcheck_columns (const char *s, size_t length)
{
  int32_t i = 0;
  int total = 0;

  while ((size_t)i < length)
    {
      UChar32 c;
      int type, width;

      U8_NEXT (s, i, (int32_t)length, c);
      type = c < 0 ? U_UNASSIGNED : u_charType (c);
      if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK
          || type == U_FORMAT_CHAR)
        continue;
      width = u_getIntPropertyValue (c, UCHAR_EAST_ASIAN_WIDTH);
      total += width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
    }
  return total;
}
