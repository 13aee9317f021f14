/* fuzz_domain.c - the three domain functions on any bytes; the display
   form must be one of the other two.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "fuzz.h"

#define OUT_SIZE 4096

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *input = fuzz_string (data, size);
  char *ascii = malloc (OUT_SIZE), *unicode = malloc (OUT_SIZE);
  char *display = malloc (OUT_SIZE);
  int a, u, d;

  FUZZ_CHECK (ascii != NULL && unicode != NULL && display != NULL);
  a = wtisd_domain_to_ascii (input, ascii, OUT_SIZE);
  u = wtisd_domain_to_unicode (input, unicode, OUT_SIZE);
  d = wtisd_domain_display (input, display, OUT_SIZE);
  FUZZ_CHECK (a >= WTISD_EICU && u >= WTISD_EICU && d >= WTISD_EICU);
  if (d >= 0 && d < OUT_SIZE && a >= 0 && a < OUT_SIZE && u >= 0
      && u < OUT_SIZE)
    FUZZ_CHECK (strcmp (display, ascii) == 0
                || strcmp (display, unicode) == 0);
  if (a >= 0 && a < OUT_SIZE)
    {
      size_t i;

      for (i = 0; i < (size_t)a; i++)
        FUZZ_CHECK ((unsigned char)ascii[i] < 0x80);
    }
  free (display);
  free (unicode);
  free (ascii);
  free (input);
  return 0;
}
