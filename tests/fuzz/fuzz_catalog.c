/* fuzz_catalog.c - any bytes as a .mo file in a temporary locale
   directory, read and checked the way the explicit-language lookups read
   catalogs.  It calls the library's internal reader directly: the public
   path keeps every catalog it reads for the life of the process, which a
   fuzzer's millions of inputs would turn into unbounded memory.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#include "fuzz.h"

static char locale_dir[] = "/tmp/wtisd-fuzz-catalog.XXXXXX";
static char catalog_path[sizeof locale_dir + 64];

static void
directory_make (void)
{
  char path[sizeof locale_dir + 32];

  FUZZ_CHECK (mkdtemp (locale_dir) != NULL);
  snprintf (path, sizeof path, "%s/fr", locale_dir);
  FUZZ_CHECK (mkdir (path, 0700) == 0);
  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES", locale_dir);
  FUZZ_CHECK (mkdir (path, 0700) == 0);
  snprintf (catalog_path, sizeof catalog_path, "%s/%s.mo", path, PACKAGE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *translated[WTISD_TEXT_COUNT];
  unsigned char *read_back;
  size_t read_size = 0;
  FILE *file;
  int id;

  if (catalog_path[0] == '\0')
    directory_make ();
  file = fopen (catalog_path, "wb");
  FUZZ_CHECK (file != NULL);
  FUZZ_CHECK (fwrite (data, 1, size, file) == size);
  FUZZ_CHECK (fclose (file) == 0);
  read_back = catalog_file_read (locale_dir, "fr", &read_size);
  if (read_back == NULL)
    FUZZ_CHECK (size == 0);
  else if (catalog_translations (read_back, read_size, translated) == 0)
    for (id = 0; id < WTISD_TEXT_COUNT; id++)
      if (translated[id] != NULL)
        {
          /* Inside the file, NUL-terminated there, and UTF-8.  */
          const unsigned char *t = (const unsigned char *)translated[id];

          FUZZ_CHECK (t >= read_back && t < read_back + read_size);
          FUZZ_CHECK (strlen (translated[id])
                      < read_size - (size_t)(t - read_back));
        }
  free (read_back);
  return 0;
}
