/* fuzz-common.c - helpers shared by the fuzz targets.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "fuzz.h"

char *
fuzz_string (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);

  if (s == NULL)
    abort ();
  memcpy (s, data, size);
  s[size] = '\0';
  return s;
}

void
fuzz_fail (const char *condition, const char *file, int line)
{
  fprintf (stderr, "%s:%d: check failed: %s\n", file, line, condition);
  abort ();
}

int
fuzz_language_listed (const char *language)
{
  const char *const *languages;

  for (languages = wtisd_languages (); *languages != NULL; languages++)
    if (strcmp (*languages, language) == 0)
      return 1;
  return 0;
}
