/* fuzz_negotiate.c - Accept-Language values from any bytes: never NULL,
   always a language the directory has.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *header = fuzz_string (data, size);
  const char *best = wtisd_negotiate (header);

  FUZZ_CHECK (best != NULL);
  FUZZ_CHECK (fuzz_language_listed (best));
  free (header);
  return 0;
}
