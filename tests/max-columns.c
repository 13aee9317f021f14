/* max-columns.c - prints the display width, in terminal columns, of the
   widest line of standard input (East Asian wide and fullwidth
   characters count two, combining marks none); program.sh checks --help
   with it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

int
main (void)
{
  char line[4096];
  int widest = 0;

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      int32_t i = 0, length = (int32_t)strcspn (line, "\n");
      int columns = 0;

      while (i < length)
        {
          UChar32 c;
          int width;

          U8_NEXT (line, i, length, c);
          width = u_getIntPropertyValue (c, UCHAR_EAST_ASIAN_WIDTH);
          if (u_charType (c) != U_NON_SPACING_MARK
              && u_charType (c) != U_FORMAT_CHAR)
            columns += width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
        }
      if (columns > widest)
        widest = columns;
    }
  printf ("%d\n", widest);
  return 0;
}
