/* replay.c - runs a fuzz target on every file of its seed corpus, without
   libFuzzer: make check runs each target this way, so an input that once
   crashed keeps being tried.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int
replay_file (const char *path)
{
  FILE *file = fopen (path, "rb");
  uint8_t *data = NULL;
  size_t size = 0, capacity = 0, got;

  if (file == NULL)
    return -1;
  do
    {
      if (size == capacity)
        {
          uint8_t *bigger = realloc (data, capacity = capacity * 2 + 4096);

          if (bigger == NULL)
            abort ();
          data = bigger;
        }
      got = fread (data + size, 1, capacity - size, file);
      size += got;
    }
  while (got > 0);
  fclose (file);
  LLVMFuzzerTestOneInput (data, size);
  free (data);
  return 0;
}

int
main (void)
{
  const char *srcdir = getenv ("srcdir");
  char corpus[4096], path[8192];
  struct dirent *entry;
  DIR *dir;
  int count = 0;

  snprintf (corpus, sizeof corpus, "%s/%s", srcdir ? srcdir : ".",
            FUZZ_CORPUS);
  dir = opendir (corpus);
  if (dir == NULL)
    {
      fprintf (stderr, "cannot open the corpus %s\n", corpus);
      return 1;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      if (entry->d_name[0] == '.')
        continue;
      snprintf (path, sizeof path, "%s/%s", corpus, entry->d_name);
      if (replay_file (path) != 0)
        {
          fprintf (stderr, "cannot read %s\n", path);
          return 1;
        }
      count++;
    }
  closedir (dir);
  printf ("%s: %d inputs replayed\n", FUZZ_CORPUS, count);
  return count > 0 ? 0 : 1;
}
