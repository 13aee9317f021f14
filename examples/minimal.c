/* minimal.c - the least a C program needs to show the message.
   Build: cc minimal.c $(pkg-config --cflags --libs libwtisd)
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <locale.h>
#include <stdio.h>

#include <wtisd.h>

int
main (void)
{
  int id;

  /* The library follows the program's locale; it never sets it.  */
  setlocale (LC_ALL, "");
  for (id = WTISD_TITLE; id <= WTISD_PARAGRAPH_5; id++)
    printf ("%s%s\n", id == WTISD_TITLE ? "" : "\n",
            wtisd_text ((wtisd_text_id)id));
  return 0;
}
