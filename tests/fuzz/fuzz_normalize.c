/* fuzz_normalize.c - wtisd_normalize on any bytes, in any form; the
   result must be stable under a second normalization.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  wtisd_normalization form;
  char *input, *out, *again;
  int length;

  if (size == 0)
    return 0;
  /* The first byte picks the form, out-of-range values included.  */
  form = (wtisd_normalization)((int)data[0] % 6 - 1);
  input = fuzz_string (data + 1, size - 1);
  length = wtisd_normalize (input, form, NULL, 0);
  if (length >= 0)
    {
      out = malloc ((size_t)length + 1);
      again = malloc ((size_t)length + 1);
      FUZZ_CHECK (out != NULL && again != NULL);
      FUZZ_CHECK (wtisd_normalize (input, form, out, (size_t)length + 1)
                  == length);
      FUZZ_CHECK (strlen (out) == (size_t)length);
      FUZZ_CHECK (wtisd_normalize (out, form, again, (size_t)length + 1)
                  == length);
      FUZZ_CHECK (memcmp (out, again, (size_t)length) == 0);
      /* One byte short: measured, nothing written.  */
      if (length > 0)
        FUZZ_CHECK (wtisd_normalize (input, form, again, (size_t)length)
                        == length
                    && again[0] == '\0');
      free (again);
      free (out);
    }
  else
    FUZZ_CHECK (length == WTISD_EINVAL || length == WTISD_EUTF8
                || length == WTISD_ENOMEM);
  free (input);
  return 0;
}
