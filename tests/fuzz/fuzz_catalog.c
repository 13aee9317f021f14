/* fuzz_catalog.c - any bytes as a catalog, checked and indexed the way
   every lookup reads catalogs.  It calls the library's internal reader
   directly: the public path keeps every catalog it reads for the life of
   the process, which a fuzzer's millions of inputs would turn into
   unbounded memory.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#include "fuzz.h"

/* What every checked translation must be, whatever the file: UTF-8,
   with no control character but a newline.  */
static void
translation_check (const char *text)
{
  const unsigned char *t = (const unsigned char *)text;

  FUZZ_CHECK (utf8_check (text, strlen (text)) == WTISD_OK);
  for (; *t != '\0'; t++)
    FUZZ_CHECK ((*t >= 0x20 && *t != 0x7f) || *t == '\n');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned char *copy = malloc (size + 1);
  struct catalog *catalog;
  size_t i;
  int status, id;

  FUZZ_CHECK (copy != NULL);
  memcpy (copy, data, size);
  copy[size] = '\0';
  status = catalog_parse (copy, size, &catalog);
  FUZZ_CHECK (status == WTISD_OK || status == WTISD_ECATALOG);
  if (status != WTISD_OK)
    return 0;
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    translation_check (catalog->texts[id]);
  for (i = 0; i < catalog->count; i++)
    translation_check (catalog->entries[i].translation);
  catalog_free (catalog);
  return 0;
}
