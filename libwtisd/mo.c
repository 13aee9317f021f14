/* mo.c - the GNU MO file format, read without trusting it: every
   descriptor is checked against the file's size before anything uses it.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <string.h>

#include "internal.h"

/* The MO header (the gettext manual, "The Format of GNU MO Files").  */
#define MO_MAGIC 0x950412deu
#define MO_HEADER_SIZE 28

static uint32_t
mo_word (const struct mo_file *mo, size_t offset)
{
  const unsigned char *p = mo->data + offset;
  uint32_t little = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
                    | (uint32_t)p[3] << 24;
  uint32_t big = (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16
                 | (uint32_t)p[0] << 24;

  /* The file's byte order is its writer's: the magic number says which.  */
  return mo->swapped ? big : little;
}

/* The string of entry INDEX in the table at TABLE, or -1 when its
   descriptor points outside the file or it lacks its terminating NUL.  */
static int
mo_string (const struct mo_file *mo, uint32_t table, uint32_t index,
           struct mo_string *string)
{
  uint64_t descriptor = (uint64_t)table + (uint64_t)index * 8;
  uint32_t length, offset;

  if (descriptor + 8 > mo->size)
    return -1;
  length = mo_word (mo, (size_t)descriptor);
  offset = mo_word (mo, (size_t)descriptor + 4);
  if ((uint64_t)offset + length + 1 > mo->size
      || mo->data[(size_t)offset + length] != '\0')
    return -1;
  string->s = (const char *)mo->data + offset;
  string->length = length;
  return 0;
}

int
mo_open (struct mo_file *mo, const unsigned char *data, size_t size)
{
  struct mo_string original, translation;
  uint64_t total = 0;
  uint32_t i;

  mo->data = data;
  mo->size = size;
  mo->swapped = 0;
  if (size < MO_HEADER_SIZE)
    return WTISD_ECATALOG;
  if (mo_word (mo, 0) != MO_MAGIC)
    {
      mo->swapped = 1;
      if (mo_word (mo, 0) != MO_MAGIC)
        return WTISD_ECATALOG;
    }
  /* Major revisions 0 and 1 share this layout.  */
  if (mo_word (mo, 4) >> 16 > 1)
    return WTISD_ECATALOG;
  mo->count = mo_word (mo, 8);
  mo->originals = mo_word (mo, 12);
  mo->translations = mo_word (mo, 16);
  /* The hash table (offsets 20 and 24) only speeds up lookups; the
     library never reads it.  A writer of MO files writes each string
     once, so their lengths add up to less than the file's size; strings
     that overlap or share bytes would let a small file make the checks
     that follow read the same bytes again and again (time that grows
     with the square of the file's size): refused.  */
  for (i = 0; i < mo->count; i++)
    {
      if (mo_string (mo, mo->originals, i, &original) != 0
          || mo_string (mo, mo->translations, i, &translation) != 0)
        return WTISD_ECATALOG;
      total += (uint64_t)original.length + translation.length + 2;
      if (total > size)
        return WTISD_ECATALOG;
    }
  return WTISD_OK;
}

void
mo_entry (const struct mo_file *mo, uint32_t index, struct mo_string *original,
          struct mo_string *translation)
{
  /* mo_open checked both descriptors of every entry.  */
  mo_string (mo, mo->originals, index, original);
  mo_string (mo, mo->translations, index, translation);
}
