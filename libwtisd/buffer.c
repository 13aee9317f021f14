/* buffer.c - the buffer protocol of the public API, as snprintf has it:
   the full length returned, the result written whole or not at all, a
   NULL buffer of size 0 to measure.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <unicode/ustring.h>

#include "internal.h"

/* The protocol when the result does not fit: nothing but OUT[0].  */
static int
result_too_small (char *out, size_t outsize, size_t length)
{
  if (length > INT_MAX)
    return WTISD_ENOMEM;
  if (outsize > 0)
    out[0] = '\0';
  return (int)length;
}

int
buffer_from_utf16 (const UChar *chars, int32_t length, char *out,
                   size_t outsize)
{
  UErrorCode code = U_ZERO_ERROR;
  int32_t written;
  size_t needed;

  /* A code unit makes at most 3 bytes: an OUT that large takes the
     result in one pass.  Otherwise ICU measures first, since the result
     goes out whole or not at all.  */
  if ((size_t)length < outsize / 3)
    needed = (size_t)length * 3;
  else
    {
      u_strToUTF8 (NULL, 0, &written, chars, length, &code);
      if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
        return status_from_icu (code);
      code = U_ZERO_ERROR;
      if ((needed = (size_t)written) >= outsize)
        return result_too_small (out, outsize, needed);
    }
  if (needed >= INT32_MAX)
    return WTISD_ENOMEM;
  u_strToUTF8 (out, (int32_t)needed + 1, &written, chars, length, &code);
  return U_FAILURE (code) ? status_from_icu (code) : written;
}

int
buffer_from_utf8 (const char *result, size_t length, char *out, size_t outsize)
{
  if (length >= outsize)
    return result_too_small (out, outsize, length);
  if (length > INT_MAX)
    return WTISD_ENOMEM;
  /* memmove: OUT may be the caller's input (wtisd_normalize in place).  */
  memmove (out, result, length);
  out[length] = '\0';
  return (int)length;
}

int
buffer_arguments_check (const char *in, const char *out, size_t outsize)
{
  return in == NULL || (out == NULL && outsize > 0) ? WTISD_EINVAL : WTISD_OK;
}

int
buffer_checked (int status, char *out, size_t outsize)
{
  if (status < 0 && out != NULL && outsize > 0)
    out[0] = '\0';
  return status;
}
