/* mo.c - reading a compiled gettext catalog (GNU MO format) without
   trusting it: the explicit-language lookups read catalogs themselves,
   and a truncated or hostile file must be refused, never followed.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The MO header (the gettext manual, "The Format of GNU MO Files").  */
#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE 28
/* Far beyond any catalog of this library; bounds the work a hostile file
   can cause.  */
#define MO_MAX_SIZE (16u * 1024 * 1024)

struct mo_view
{
  const unsigned char *data;
  size_t size;
  int swapped;
  uint32_t count, originals, translations;
};

static uint32_t
mo_word (const struct mo_view *mo, size_t offset)
{
  const unsigned char *p = mo->data + offset;
  uint32_t little = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
                    | (uint32_t)p[3] << 24;
  uint32_t big = (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16
                 | (uint32_t)p[0] << 24;

  /* The file's byte order is its writer's: the magic number says which.  */
  return mo->swapped ? big : little;
}

/* The string of entry INDEX in the table at TABLE, with its LENGTH, or
   NULL when the descriptor points outside the file or the string lacks
   its terminating NUL.  */
static const char *
mo_string (const struct mo_view *mo, uint32_t table, uint32_t index,
           uint32_t *length)
{
  uint64_t descriptor = (uint64_t)table + (uint64_t)index * 8;
  uint32_t offset;

  if (descriptor + 8 > mo->size)
    return NULL;
  *length = mo_word (mo, (size_t)descriptor);
  offset = mo_word (mo, (size_t)descriptor + 4);
  if ((uint64_t)offset + *length + 1 > mo->size
      || mo->data[(size_t)offset + *length] != '\0')
    return NULL;
  return (const char *)mo->data + offset;
}

/* Checks the header and every string descriptor.  */
static int
mo_view_open (struct mo_view *mo, const unsigned char *data, size_t size)
{
  uint32_t i, length, revision;

  mo->data = data;
  mo->size = size;
  mo->swapped = 0;
  if (size < MO_HEADER_SIZE)
    return -1;
  if (mo_word (mo, 0) != MO_MAGIC)
    {
      mo->swapped = 1;
      if (mo_word (mo, 0) != MO_MAGIC)
        return -1;
    }
  revision = mo_word (mo, 4);
  if (revision >> 16 > 1)
    return -1;
  mo->count = mo_word (mo, 8);
  mo->originals = mo_word (mo, 12);
  mo->translations = mo_word (mo, 16);
  for (i = 0; i < mo->count; i++)
    if (mo_string (mo, mo->originals, i, &length) == NULL
        || mo_string (mo, mo->translations, i, &length) == NULL)
      return -1;
  return 0;
}

/* The translation of MSGID, or NULL when the catalog has none.  An empty
   translation counts as none, as in gettext.  */
static const char *
mo_translate (const struct mo_view *mo, const char *msgid)
{
  size_t msgid_length = strlen (msgid);
  uint32_t i, length;

  for (i = 0; i < mo->count; i++)
    {
      const char *original = mo_string (mo, mo->originals, i, &length);

      if (length == msgid_length && memcmp (original, msgid, length) == 0)
        {
          const char *translated
              = mo_string (mo, mo->translations, i, &length);

          return length > 0 ? translated : NULL;
        }
    }
  return NULL;
}

/* Whether the catalog's header declares UTF-8 (or no charset at all):
   the library returns UTF-8 and does not convert.  */
static int
mo_is_utf8 (const struct mo_view *mo)
{
  const char *header = mo_translate (mo, "");
  const char *charset;
  size_t length;

  if (header == NULL || (charset = strstr (header, "charset=")) == NULL)
    return 1;
  charset += strlen ("charset=");
  length = strcspn (charset, " \t\n;");
  return (length == 5 && strncasecmp (charset, "UTF-8", 5) == 0)
         || (length == 4 && strncasecmp (charset, "utf8", 4) == 0);
}

/* Reads the whole regular file at PATH into a NUL-terminated buffer.  */
static unsigned char *
file_read (const char *path, size_t *size)
{
  /* O_NONBLOCK: a FIFO planted in place of a catalog must not hang the
     open; only a regular file is read.  */
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  unsigned char *data = NULL;
  struct stat st;
  size_t done = 0;

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0
      && (uintmax_t)st.st_size <= MO_MAX_SIZE
      && (data = malloc ((size_t)st.st_size + 1)) != NULL)
    {
      while (done < (size_t)st.st_size)
        {
          ssize_t got = read (fd, data + done, (size_t)st.st_size - done);

          if (got < 0 && errno == EINTR)
            continue;
          if (got <= 0)
            break;
          done += (size_t)got;
        }
      if (done != (size_t)st.st_size)
        {
          free (data);
          data = NULL;
        }
      else
        data[done] = '\0';
    }
  close (fd);
  *size = done;
  return data;
}

int
catalog_translations (const unsigned char *data, size_t size,
                      const char *translated[WTISD_TEXT_COUNT])
{
  struct mo_view mo;
  int id;

  if (mo_view_open (&mo, data, size) != 0 || !mo_is_utf8 (&mo))
    return -1;
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      translated[id] = mo_translate (&mo, text_msgid ((wtisd_text_id)id));
      if (translated[id] != NULL
          && utf8_check (translated[id], strlen (translated[id])) != WTISD_OK)
        return -1;
    }
  return 0;
}

unsigned char *
catalog_file_read (const char *dir, const char *name, size_t *size)
{
  unsigned char *data;
  char *path;
  size_t path_size = strlen (dir) + strlen (name) + sizeof "//LC_MESSAGES/"
                     + sizeof PACKAGE ".mo";

  path = malloc (path_size);
  if (path == NULL)
    return NULL;
  snprintf (path, path_size, "%s/%s/LC_MESSAGES/%s.mo", dir, name, PACKAGE);
  data = file_read (path, size);
  free (path);
  return data;
}

struct catalog_file *
catalog_file_load (const char *dir, const char *name)
{
  const char *translated[WTISD_TEXT_COUNT];
  struct catalog_file *catalog;
  unsigned char *data;
  size_t size;
  int id;

  data = catalog_file_read (dir, name, &size);
  if (data == NULL || catalog_translations (data, size, translated) != 0
      || (catalog = malloc (sizeof *catalog + strlen (name) + 1)) == NULL)
    {
      free (data);
      return NULL;
    }
  catalog->name = strcpy ((char *)(catalog + 1), name);
  /* DATA is kept from here on: the texts point into it, and text_nfc
     remembers those pointers.  */
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    catalog->texts[id] = translated[id] != NULL
                             ? text_nfc (translated[id])
                             : text_msgid ((wtisd_text_id)id);
  return catalog;
}
