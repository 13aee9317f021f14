/* catalog.c - the library's gettext domain and where its catalogs live.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Every locale directory that has been in force, newest first.  Entries
   are never freed, so a pointer wtisd_localedir returned, and whatever
   was read from that directory, stays valid for the life of the process;
   a directory set again reuses its entry.  */
static pthread_once_t catalog_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t localedir_lock = PTHREAD_MUTEX_INITIALIZER;
static struct localedir *localedir_entries;
static struct localedir *localedir_default;
/* Read without the lock by the explicit-language lookups
   (localedir_now in internal.h).  */
_Atomic (struct localedir *) localedir_current;

/* Returns the entry for PATH, or NULL when out of memory.  Called with
   localedir_lock held.  */
static struct localedir *
localedir_intern (const char *path)
{
  struct localedir *entry;
  size_t size = strlen (path) + 1;

  for (entry = localedir_entries; entry != NULL; entry = entry->next)
    if (strcmp (entry->path, path) == 0)
      return entry;
  entry = calloc (1, sizeof *entry + size);
  if (entry == NULL)
    return NULL;
  memcpy (entry->path, path, size);
  entry->next = localedir_entries;
  localedir_entries = entry;
  return entry;
}

/* Makes PATH the directory catalogs are read from, for gettext and for
   the explicit-language lookups.  Called with localedir_lock held.  */
static int
localedir_bind (const char *path)
{
  struct localedir *entry = localedir_intern (path);

  if (entry == NULL || bindtextdomain (WTISD_DOMAIN, entry->path) == NULL)
    return WTISD_ENOMEM;
  atomic_store_explicit (&localedir_current, entry, memory_order_release);
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
    /* Out of memory this early: gettext keeps its own default.  */
    localedir_bind (LOCALEDIR);
  localedir_default
      = atomic_load_explicit (&localedir_current, memory_order_relaxed);
  pthread_mutex_unlock (&localedir_lock);
}

/* Binds the library's domain to its locale directory with UTF-8 output,
   once per process; every lookup through gettext calls this first.  */
static void
catalog_ensure_bound (void)
{
  pthread_once (&catalog_once, catalog_init);
}

struct localedir *
localedir_first_use (void)
{
  catalog_ensure_bound ();
  return atomic_load_explicit (&localedir_current, memory_order_acquire);
}

const char *
catalog_lookup (const char *msgid)
{
  const char *translated;

  catalog_ensure_bound ();
  translated = dcgettext (WTISD_DOMAIN, msgid, LC_MESSAGES);
  /* Untranslated: the library's own ASCII msgid, NFC by construction.
     A catalog's string may not be NFC (a translator's editor decides).  */
  return translated == msgid ? msgid : text_nfc (translated);
}

int
wtisd_set_localedir (const char *dir)
{
  int status;

  if (dir != NULL && *dir == '\0')
    return WTISD_EINVAL;
  catalog_ensure_bound ();
  pthread_mutex_lock (&localedir_lock);
  status
      = localedir_bind (dir != NULL                 ? dir
                        : localedir_default != NULL ? localedir_default->path
                                                    : LOCALEDIR);
  pthread_mutex_unlock (&localedir_lock);
  return status;
}

const char *
wtisd_localedir (void)
{
  struct localedir *entry = localedir_now ();

  return entry != NULL ? entry->path : LOCALEDIR;
}
