/* baseline-message.c - the least a program can do to print the message:
   raw dcgettext on the library's catalogs, no wrapping, no checks.  It
   links the same libraries as wtisd-message, so that the benchmark
   compares the work done, not the loading.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <unicode/uidna.h>

#include <wtisd.h>

/* The English texts, as the catalogs' msgids.  */
#include "bench-msgids.h"

int
main (void)
{
  const char *dir = getenv ("WTISD_LOCALEDIR");
  size_t i;

  setlocale (LC_ALL, "");
  bindtextdomain (PACKAGE, dir != NULL ? dir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  for (i = 0; i < sizeof bench_msgids / sizeof bench_msgids[0]; i++)
    printf ("%s\n\n", dcgettext (PACKAGE, bench_msgids[i], LC_MESSAGES));
  printf (dcgettext (PACKAGE, "Source: %s\n", LC_MESSAGES),
          "https://минсвязи.бел/node/7193");
  /* Never true: keeps ICU and libwtisd linked in, as in wtisd-message.  */
  if (dir == (const char *)main)
    return uidna_close (NULL), wtisd_text (WTISD_TITLE) == NULL;
  return 0;
}
