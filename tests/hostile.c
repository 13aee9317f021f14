/* hostile.c - locale directories that each hold a damaged or hostile
   French catalog beside a sound Russian one.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostile.h"

struct buffer
{
  unsigned char *data;
  size_t size;
};

static int
file_load (const char *path, struct buffer *b)
{
  FILE *file = fopen (path, "rb");
  long size;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0
      || (size = ftell (file)) < 0 || fseek (file, 0, SEEK_SET) != 0
      || (b->data = malloc ((size_t)size + 1)) == NULL
      || fread (b->data, 1, (size_t)size, file) != (size_t)size)
    {
      if (file != NULL)
        fclose (file);
      return -1;
    }
  b->size = (size_t)size;
  fclose (file);
  return 0;
}

/* MO words in the writer's (little-endian, msgfmt here) byte order.  */
static uint32_t
word_get (const struct buffer *b, size_t at)
{
  return (uint32_t)b->data[at] | (uint32_t)b->data[at + 1] << 8
         | (uint32_t)b->data[at + 2] << 16 | (uint32_t)b->data[at + 3] << 24;
}

static void
word_set (struct buffer *b, size_t at, uint32_t value)
{
  b->data[at] = (unsigned char)value;
  b->data[at + 1] = (unsigned char)(value >> 8);
  b->data[at + 2] = (unsigned char)(value >> 16);
  b->data[at + 3] = (unsigned char)(value >> 24);
}

static void
word_swap (struct buffer *b, size_t at)
{
  unsigned char *p = b->data + at, t;

  t = p[0], p[0] = p[3], p[3] = t;
  t = p[1], p[1] = p[2], p[2] = t;
}

/* The sound catalog in big-endian order: gettext reads both.  */
static void
byte_swap (struct buffer *b)
{
  uint32_t count = word_get (b, 8), originals = word_get (b, 12);
  uint32_t translations = word_get (b, 16), hash_size = word_get (b, 20);
  uint32_t hash = word_get (b, 24), i;

  for (i = 0; i < 2 * count; i++)
    {
      word_swap (b, originals + 4 * i);
      word_swap (b, translations + 4 * i);
    }
  for (i = 0; i < hash_size; i++)
    word_swap (b, hash + 4 * i);
  for (i = 0; i < 7; i++)
    word_swap (b, 4 * i);
}

/* The kinds of damage, applied to a copy of the sound French catalog.  */
enum damage
{
  EMPTY,
  TRUNCATED_HEADER,
  TRUNCATED_TABLES,
  TRUNCATED_STRINGS,
  RANDOM_BYTES,
  RANDOM_AFTER_MAGIC,
  HUGE_COUNT,
  HUGE_OFFSETS,
  DESCRIPTOR_PAST_END,
  LENGTH_PAST_END,
  MISSING_NUL,
  UNKNOWN_REVISION,
  INVALID_UTF8,
  DIRECTORY,
  FIFO,
  DEVICE,
  BYTE_SWAPPED,
  DAMAGE_COUNT
};

static const char *const damage_names[DAMAGE_COUNT] = {
  "empty",
  "truncated-header",
  "truncated-tables",
  "truncated-strings",
  "random-bytes",
  "random-after-magic",
  "huge-count",
  "huge-offsets",
  "descriptor-past-end",
  "length-past-end",
  "missing-nul",
  "unknown-revision",
  "invalid-utf8",
  "directory",
  "fifo",
  "device",
  "byte-swapped",
};

static void
random_fill (struct buffer *b, size_t from)
{
  uint32_t state = 2463534242u; /* xorshift32, fixed seed */
  size_t i;

  for (i = from; i < b->size; i++)
    {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      b->data[i] = (unsigned char)state;
    }
}

/* Applies DAMAGE to B (a copy of the sound catalog, room for 4096
   bytes).  */
static void
damage_apply (struct buffer *b, enum damage damage)
{
  uint32_t translations = word_get (b, 16);
  size_t entry = translations + 8; /* The second translation.  */
  unsigned char *title;

  switch (damage)
    {
    case EMPTY:
      b->size = 0;
      break;
    case TRUNCATED_HEADER:
      b->size = 20;
      break;
    case TRUNCATED_TABLES:
      b->size = translations + 12;
      break;
    case TRUNCATED_STRINGS:
      b->size -= 200;
      break;
    case RANDOM_BYTES:
      b->size = 4096;
      random_fill (b, 0);
      break;
    case RANDOM_AFTER_MAGIC:
      b->size = 4096;
      random_fill (b, 4);
      break;
    case HUGE_COUNT:
      word_set (b, 8, 0x7fffffffu);
      break;
    case HUGE_OFFSETS:
      word_set (b, 12, 0xfffffff0u);
      word_set (b, 16, 0xfffffff0u);
      break;
    case DESCRIPTOR_PAST_END:
      word_set (b, entry + 4, (uint32_t)b->size + 1000);
      break;
    case LENGTH_PAST_END:
      word_set (b, entry, 0xffffff00u);
      break;
    case MISSING_NUL:
      b->data[word_get (b, entry + 4) + word_get (b, entry)] = 'x';
      break;
    case UNKNOWN_REVISION:
      word_set (b, 4, 0x00020000u);
      break;
    case INVALID_UTF8:
      title = memmem (b->data, b->size, "Message du", 10);
      if (title != NULL)
        title[1] = 0xff;
      break;
    case BYTE_SWAPPED:
      byte_swap (b);
      break;
    default:
      break;
    }
}

static int
directory_make (const char *path)
{
  return mkdir (path, 0755) == 0 || access (path, F_OK) == 0 ? 0 : -1;
}

/* Writes DIR/LANG/LC_MESSAGES/ and returns the catalog's path in PATH.  */
static int
catalog_path (const char *dir, const char *lang, char *path, size_t size)
{
  snprintf (path, size, "%s/%s", dir, lang);
  if (directory_make (dir) != 0 || directory_make (path) != 0)
    return -1;
  snprintf (path, size, "%s/%s/LC_MESSAGES", dir, lang);
  if (directory_make (path) != 0)
    return -1;
  snprintf (path, size, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, PACKAGE);
  return 0;
}

static int
file_store (const char *path, const struct buffer *b)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL)
    return -1;
  fwrite (b->data, 1, b->size, file);
  return fclose (file);
}

/* The French catalog of one kind of damage.  */
static int
french_write (const char *path, const struct buffer *sound, enum damage damage)
{
  struct buffer b;
  int status;

  if (damage == DIRECTORY)
    return mkdir (path, 0755);
  if (damage == FIFO)
    return mkfifo (path, 0644);
  if (damage == DEVICE)
    return symlink ("/dev/zero", path);
  b.data = calloc (1, sound->size > 4096 ? sound->size : 4096);
  if (b.data == NULL)
    return -1;
  memcpy (b.data, sound->data, sound->size);
  b.size = sound->size;
  damage_apply (&b, damage);
  status = file_store (path, &b);
  free (b.data);
  return status;
}

int
hostile_make (const char *base, const char *source, const char **names,
              int max)
{
  char path[4096], dir[4096];
  struct buffer french, russian;
  int d;

  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES/%s.mo", source, PACKAGE);
  if (file_load (path, &french) != 0)
    return -1;
  snprintf (path, sizeof path, "%s/ru/LC_MESSAGES/%s.mo", source, PACKAGE);
  if (file_load (path, &russian) != 0 || directory_make (base) != 0)
    return -1;
  for (d = 0; d < DAMAGE_COUNT && d < max; d++)
    {
      snprintf (dir, sizeof dir, "%s/%s", base, damage_names[d]);
      if (catalog_path (dir, "ru", path, sizeof path) != 0
          || file_store (path, &russian) != 0
          || catalog_path (dir, "fr", path, sizeof path) != 0)
        return -1;
      unlink (path);
      rmdir (path);
      if (french_write (path, &french, (enum damage)d) != 0)
        return -1;
      names[d] = damage_names[d];
    }
  free (french.data);
  free (russian.data);
  return d;
}
