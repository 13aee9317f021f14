/* hostile-catalogs.c - writes the damaged locale directories of hostile.c
   under a directory, for the shell test of wtisd-message.
   Usage: hostile-catalogs BASE SOURCE; prints one directory name a line.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>

#include "hostile.h"

int
main (int argc, char **argv)
{
  const char *names[64];
  int count, i;

  if (argc != 3)
    return 2;
  count = hostile_make (argv[1], argv[2], names, 64);
  for (i = 0; i < count; i++)
    puts (names[i]);
  return count > 0 ? 0 : 1;
}
