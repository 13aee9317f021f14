/* utf8.c - UTF-8 validation, and UTF-8/UTF-16 conversion for ICU.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "internal.h"

/* Strict UTF-8 (RFC 3629), as ICU's conversion reads it: ICU's IDNA
   would quietly turn ill-formed bytes into U+FFFD, and callers must
   hear about them instead.  */
int
utf8_check (const char *s, size_t length)
{
  UErrorCode code = U_ZERO_ERROR;

  if (length > INT32_MAX)
    return WTISD_ENOMEM;
  u_strFromUTF8 (NULL, 0, NULL, s, (int32_t)length, &code);
  return code == U_INVALID_CHAR_FOUND ? WTISD_EUTF8 : WTISD_OK;
}

int
utf8_is_ascii (const char *s, size_t length)
{
  size_t i;

  for (i = 0; i < length; i++)
    if ((unsigned char)s[i] >= 0x80)
      return 0;
  return 1;
}

int
status_from_icu (UErrorCode code)
{
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM;
  if (code == U_INVALID_CHAR_FOUND || code == U_ILLEGAL_CHAR_FOUND
      || code == U_TRUNCATED_CHAR_FOUND)
    return WTISD_EUTF8;
  return WTISD_EICU;
}

int
utf8_to_utf16 (struct utf16_buffer *buffer, const char *s, size_t length)
{
  UErrorCode code = U_ZERO_ERROR;

  buffer->chars = buffer->stack;
  buffer->length = 0;
  if (length >= INT32_MAX)
    return WTISD_ENOMEM;
  /* UTF-16 never needs more code units than UTF-8 has bytes: one pass,
     on the stack when short, else into a heap buffer of that size.  */
  if (length >= UTF16_STACK_CHARS)
    {
      buffer->chars = malloc ((length + 1) * sizeof (UChar));
      if (buffer->chars == NULL)
        {
          buffer->chars = buffer->stack;
          return WTISD_ENOMEM;
        }
    }
  u_strFromUTF8 (buffer->chars, (int32_t)length + 1, &buffer->length, s,
                 (int32_t)length, &code);
  if (U_FAILURE (code))
    {
      utf16_buffer_free (buffer);
      return status_from_icu (code);
    }
  return WTISD_OK;
}

void
utf16_buffer_free (struct utf16_buffer *buffer)
{
  if (buffer->chars != buffer->stack)
    free (buffer->chars);
  buffer->chars = buffer->stack;
  buffer->length = 0;
}
