/* is-nfc.c - exits 0 when each file named is well-formed UTF-8 in NFC;
   catalogs.sh runs it on every catalog.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "textcheck.h"

static char *
slurp (const char *path)
{
  FILE *file = fopen (path, "rb");
  char *text = NULL;
  size_t size = 0, used = 0, got;

  if (file == NULL)
    return NULL;
  do
    {
      if (used + 4096 + 1 > size)
        {
          char *bigger = realloc (text, size = 2 * size + 4096 + 1);

          if (bigger == NULL)
            break;
          text = bigger;
        }
      got = fread (text + used, 1, size - used - 1, file);
      used += got;
    }
  while (got > 0);
  fclose (file);
  if (text != NULL)
    text[used] = '\0';
  return text;
}

int
main (int argc, char **argv)
{
  int i, status = EXIT_SUCCESS;

  for (i = 1; i < argc; i++)
    {
      char *text = slurp (argv[i]);

      if (text == NULL)
        {
          fprintf (stderr, "%s: cannot read\n", argv[i]);
          status = EXIT_FAILURE;
        }
      else if (!textcheck_is_utf8 (text))
        {
          fprintf (stderr, "%s: not well-formed UTF-8\n", argv[i]);
          status = EXIT_FAILURE;
        }
      else if (textcheck_is_nfc (text) != 1)
        {
          fprintf (stderr, "%s: not in NFC\n", argv[i]);
          status = EXIT_FAILURE;
        }
      free (text);
    }
  return status;
}
