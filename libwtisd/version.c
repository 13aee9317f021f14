/* version.c - run-time version check.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <limits.h>

#include "internal.h"

/* Parses "MAJOR[.MINOR[.PATCH]]" (decimal digits only; missing parts are
   0) into PARTS.  Returns 0, or -1 when VERSION is not of that form.  */
static int
version_parse (const char *version, unsigned long parts[3])
{
  int i;

  for (i = 0; i < 3; i++)
    parts[i] = 0;
  for (i = 0; i < 3; i++)
    {
      if (*version < '0' || *version > '9')
        return -1;
      while (*version >= '0' && *version <= '9')
        {
          if (parts[i] > (ULONG_MAX - 9) / 10)
            return -1;
          parts[i] = parts[i] * 10 + (unsigned long)(*version++ - '0');
        }
      if (*version == '\0')
        return 0;
      if (*version++ != '.')
        return -1;
    }
  return -1;
}

const char *
wtisd_check_version (const char *req_version)
{
  unsigned long have[3], want[3];
  int i;

  if (req_version == NULL)
    return PACKAGE_VERSION;
  if (version_parse (PACKAGE_VERSION, have) != 0
      || version_parse (req_version, want) != 0)
    return NULL;
  for (i = 0; i < 3; i++)
    if (have[i] != want[i])
      return have[i] > want[i] ? PACKAGE_VERSION : NULL;
  return PACKAGE_VERSION;
}
