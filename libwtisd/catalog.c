/* catalog.c - the library's gettext domain and where its catalogs live.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Every locale directory that has been in force, newest first.  Entries
   are never freed, so a pointer wtisd_localedir returned stays valid for
   the life of the process; a directory set again reuses its entry.  */
struct localedir_entry
{
  struct localedir_entry *next;
  char path[];
};

static pthread_once_t catalog_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t localedir_lock = PTHREAD_MUTEX_INITIALIZER;
static struct localedir_entry *localedir_entries;
static const char *localedir_default;
static const char *localedir_current;

/* Returns the interned copy of PATH, or NULL when out of memory.
   Called with localedir_lock held.  */
static const char *
localedir_intern (const char *path)
{
  struct localedir_entry *entry;
  size_t size = strlen (path) + 1;

  for (entry = localedir_entries; entry != NULL; entry = entry->next)
    if (strcmp (entry->path, path) == 0)
      return entry->path;
  entry = malloc (sizeof *entry + size);
  if (entry == NULL)
    return NULL;
  memcpy (entry->path, path, size);
  entry->next = localedir_entries;
  localedir_entries = entry;
  return entry->path;
}

/* Makes PATH the directory gettext reads the domain from.  Called with
   localedir_lock held.  */
static int
localedir_bind (const char *path)
{
  const char *interned = localedir_intern (path);

  if (interned == NULL || bindtextdomain (WTISD_DOMAIN, interned) == NULL)
    return WTISD_ENOMEM;
  localedir_current = interned;
  return WTISD_OK;
}

/* Runs once: the environment is read at first use, as documented, and
   the domain always answers in UTF-8 whatever the locale's codeset.  */
static void
catalog_init (void)
{
  const char *env = getenv ("WTISD_LOCALEDIR");

  pthread_mutex_lock (&localedir_lock);
  bind_textdomain_codeset (WTISD_DOMAIN, "UTF-8");
  if (localedir_bind (env != NULL && *env != '\0' ? env : LOCALEDIR)
      != WTISD_OK)
    localedir_current = LOCALEDIR; /* Unbound: gettext's own default.  */
  localedir_default = localedir_current;
  pthread_mutex_unlock (&localedir_lock);
}

void
catalog_ensure_bound (void)
{
  pthread_once (&catalog_once, catalog_init);
}

const char *
catalog_lookup (const char *msgid)
{
  const char *translated, *nfc;

  catalog_ensure_bound ();
  translated = dcgettext (WTISD_DOMAIN, msgid, LC_MESSAGES);
  /* Untranslated: the library's own ASCII msgid, NFC by construction.
     A catalog's string may not be NFC (a translator's editor decides);
     out of memory, it is still better than nothing.  */
  if (translated == msgid)
    return msgid;
  nfc = text_nfc (translated);
  return nfc != NULL ? nfc : translated;
}

int
wtisd_set_localedir (const char *dir)
{
  int status;

  if (dir != NULL && *dir == '\0')
    return WTISD_EINVAL;
  catalog_ensure_bound ();
  pthread_mutex_lock (&localedir_lock);
  status = localedir_bind (dir != NULL ? dir : localedir_default);
  pthread_mutex_unlock (&localedir_lock);
  return status;
}

const char *
wtisd_localedir (void)
{
  const char *dir;

  catalog_ensure_bound ();
  pthread_mutex_lock (&localedir_lock);
  dir = localedir_current;
  pthread_mutex_unlock (&localedir_lock);
  return dir;
}
