/* null-names - preloaded into a program, makes wtisd_language_name and
   wtisd_language_tag answer NULL for one language, as they do when
   memory runs out:
     WTISD_NULL_NAME=fr WTISD_NULL_TAG=fr LD_PRELOAD=.../null-names.so PROGRAM
   and says so on standard error ("null-names: ..."), so that a test
   sees that the calls were taken (not so where the program has the
   library linked in statically).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef const char *language_function (const char *lang);

/* The library's FUNCTION of LANG, or NULL when the variable VARIABLE
   names LANG.  */
static const char *
answer (const char *function, const char *variable, const char *lang)
{
  const char *null = getenv (variable);
  language_function *next;

  if (lang != NULL && null != NULL && strcmp (lang, null) == 0)
    {
      fprintf (stderr, "null-names: %s (\"%s\") made NULL\n", function, lang);
      return NULL;
    }
  *(void **)&next = dlsym (RTLD_NEXT, function);
  return next != NULL ? next (lang) : NULL;
}

const char *wtisd_language_name (const char *lang);
const char *wtisd_language_tag (const char *lang);

const char *
wtisd_language_name (const char *lang)
{
  return answer ("wtisd_language_name", "WTISD_NULL_NAME", lang);
}

const char *
wtisd_language_tag (const char *lang)
{
  return answer ("wtisd_language_tag", "WTISD_NULL_TAG", lang);
}
