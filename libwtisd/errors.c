/* errors.c - status codes and their messages.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include "internal.h"

/* Indexed by minus the status.  */
static const char *const status_messages[] = {
  /* TRANSLATORS: wtisd_strerror's messages are shown to users of any
     program that links libwtisd; keep them short, with no final period.  */
  [-WTISD_OK] = N_ ("Success"),
  [-WTISD_EINVAL] = N_ ("Invalid argument"),
  [-WTISD_EUTF8] = N_ ("Input is not well-formed UTF-8"),
  /* TRANSLATORS: IDNA is Internationalizing Domain Names in
     Applications; UTS #46 is the Unicode standard for its processing.  */
  [-WTISD_EIDNA] = N_ ("Domain name rejected by IDNA (UTS #46) processing"),
  [-WTISD_ENOMEM] = N_ ("Out of memory"),
  /* TRANSLATORS: ICU is International Components for Unicode, the
     Unicode library libwtisd uses; keep the name.  */
  [-WTISD_EICU] = N_ ("Unicode processing failed (ICU error)"),
  [-WTISD_ENOCATALOG] = N_ ("No catalog for that language"),
  /* TRANSLATORS: the catalog file exists but failed the library's
     checks (corrupt, or unsafe to print), so it was not used.  */
  [-WTISD_ECATALOG] = N_ ("The language's catalog is damaged"),
};

const char *
wtisd_strerror_in (const char *lang, int status)
{
  int count = (int)(sizeof status_messages / sizeof status_messages[0]);
  const char *msgid
      = status <= 0 && status > -count && status_messages[-status] != NULL
            ? status_messages[-status]
            : N_ ("Unknown status code");
  const char *translation
      = lang != NULL ? wtisd_translate (lang, msgid) : NULL;

  return translation != NULL ? translation : msgid;
}

const char *
wtisd_strerror (int status)
{
  return wtisd_strerror_in (wtisd_language (NULL), status);
}
