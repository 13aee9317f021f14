/* likely-script.c - prints each catalog name given with the script
   CLDR's likely subtags give its language, by ICU ("fr Latn",
   "zh_TW Hant", "sr@latin Latn"), one a line: valgrind-program.sh runs
   wtisd-message in one catalog of each script, and a catalog in a new
   script is among them without a list to keep.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      char id[ULOC_FULLNAME_CAPACITY], likely[ULOC_FULLNAME_CAPACITY];
      char script[ULOC_SCRIPT_CAPACITY];
      const char *at = strchr (argv[i], '@');
      UErrorCode code = U_ZERO_ERROR;

      /* gettext's @latin modifier names the script; no other modifier
         does.  */
      if (at != NULL && strcmp (at, "@latin") == 0)
        snprintf (id, sizeof id, "%.*s_Latn", (int)(at - argv[i]), argv[i]);
      else
        snprintf (id, sizeof id, "%.*s",
                  (int)(at != NULL ? at - argv[i] : (long)strlen (argv[i])),
                  argv[i]);
      uloc_addLikelySubtags (id, likely, sizeof likely, &code);
      uloc_getScript (likely, script, sizeof script, &code);
      if (U_FAILURE (code) || script[0] == '\0')
        {
          fprintf (stderr, "likely-script: %s: no likely script (%s)\n",
                   argv[i], u_errorName (code));
          return 1;
        }
      printf ("%s %s\n", argv[i], script);
    }
  return 0;
}
