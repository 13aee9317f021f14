/* internal.h - declarations shared by the library's sources, not installed.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_INTERNAL_H
#define WTISD_INTERNAL_H

#include <libintl.h>

#include "wtisd.h"

/* The library's own gettext domain.  It is never made the process's
   default domain (textdomain), so every lookup names it.  */
#define WTISD_DOMAIN PACKAGE

/* Marks a string for xgettext without translating it where it stands.  */
#define N_(msgid) (msgid)

/* Binds the library's domain to its locale directory with UTF-8 output,
   once per process and per directory change; thread-safe.  Every
   function that calls dgettext/dcgettext calls this first.  */
void catalog_ensure_bound (void);

/* Looks MSGID up in the library's domain for the LC_MESSAGES category.  */
const char *catalog_lookup (const char *msgid);

#endif /* WTISD_INTERNAL_H */
