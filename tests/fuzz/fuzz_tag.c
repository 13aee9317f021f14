/* fuzz_tag.c - language tags from any bytes through wtisd_text_in and
   wtisd_language: both agree on what is malformed, and a resolved
   language is one the directory has.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *tag = fuzz_string (data, size);
  const char *language = wtisd_language (tag);
  const char *title = wtisd_text_in (tag, WTISD_TITLE);

  FUZZ_CHECK ((language == NULL) == (title == NULL));
  if (language != NULL)
    {
      FUZZ_CHECK (fuzz_language_listed (language));
      FUZZ_CHECK (wtisd_text_in (tag, WTISD_TITLE) == title);
      FUZZ_CHECK (strcmp (title, wtisd_text_in (language, WTISD_TITLE)) == 0);
    }
  free (tag);
  return 0;
}
