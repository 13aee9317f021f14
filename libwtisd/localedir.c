/* localedir.c - the search path for catalogs: WTISD_LOCALEDIR, then the
   configured directory, or what the program set.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Every search path that has been in force, newest first.  Entries are
   never freed, so a pointer wtisd_localedir returned, and whatever was
   read through that path, stays valid for the life of the process; a
   path set again reuses its entry.  */
static pthread_mutex_t localedir_lock = PTHREAD_MUTEX_INITIALIZER;
static struct localedir *localedir_entries;
/* The default path, as the environment gave it at first use.  */
static char *localedir_default;
/* Read without the lock by the lookups (localedir_now in internal.h).  */
_Atomic (struct localedir *) localedir_current;

/* PATH with empty entries dropped and relative ones made absolute, in a
   new string; NULL when out of memory, "" when PATH names no directory.  */
static char *
path_canonical (const char *path)
{
  char *cwd = NULL, *out;
  size_t size = strlen (path) + 1, used = 0, entries = 1;
  const char *p;

  for (p = path; *p != '\0'; p++)
    {
      entries += *p == ':';
      if (*p != '/' && *p != ':' && (p == path || p[-1] == ':') && cwd == NULL
          && (cwd = getcwd (NULL, 0)) == NULL)
        return NULL;
    }
  if (cwd != NULL)
    size += entries * (strlen (cwd) + 1);
  out = malloc (size);
  for (p = path; out != NULL && *p != '\0'; p += *p == ':')
    {
      size_t length = strcspn (p, ":");

      /* CWD is set: it was read for the first relative entry.  */
      if (length > 0)
        used += (size_t)sprintf (out + used, "%s%s%s%.*s", used ? ":" : "",
                                 *p != '/' ? cwd : "", *p != '/' ? "/" : "",
                                 (int)length, p);
      p += length;
    }
  if (out != NULL)
    out[used] = '\0';
  free (cwd);
  return out;
}

/* A new entry for the canonical PATH, its directories split out.  */
static struct localedir *
localedir_new (const char *path)
{
  size_t size = strlen (path) + 1, count = 1, i;
  struct localedir *entry;
  const char **dirs;
  char *copy;
  const char *p;

  for (p = path; *p != '\0'; p++)
    count += *p == ':';
  entry = calloc (1, sizeof *entry + size);
  /* The array of directories, then their names, NUL-separated.  */
  dirs = malloc (count * sizeof *dirs + size);
  if (entry == NULL || dirs == NULL)
    {
      free (entry);
      free (dirs);
      return NULL;
    }
  memcpy (entry->path, path, size);
  copy = memcpy ((char *)(dirs + count), path, size);
  for (i = 0; i < count; i++)
    {
      dirs[i] = copy;
      copy += strcspn (copy, ":");
      *copy++ = '\0';
    }
  entry->dirs = dirs;
  entry->dir_count = count;
  return entry;
}

/* Returns the entry for the canonical PATH, or NULL when out of memory.
   Called with localedir_lock held.  */
static struct localedir *
localedir_intern (const char *path)
{
  struct localedir *entry;

  for (entry = localedir_entries; entry != NULL; entry = entry->next)
    if (strcmp (entry->path, path) == 0)
      return entry;
  entry = localedir_new (path);
  if (entry == NULL)
    return NULL;
  entry->next = localedir_entries;
  localedir_entries = entry;
  return entry;
}

/* The default search path: the configured directory, or WTISD_LOCALEDIR
   instead of it, followed by it when WTISD_LOCALEDIR ends with a colon
   (as MANPATH does), so that a test suite or a translator's try-out sees
   no catalog installed earlier.  secure_getenv: a set-user-ID program
   linked with the library must not read catalogs from a directory its
   user chose.  */
static char *
default_path (void)
{
  const char *env = secure_getenv ("WTISD_LOCALEDIR");
  size_t length = env != NULL ? strlen (env) : 0;
  int installed = length == 0 || env[length - 1] == ':';
  char *path;

  if (asprintf (&path, "%s%s", length > 0 ? env : "",
                installed ? LOCALEDIR : "")
      < 0)
    return NULL;
  return path;
}

/* Makes PATH (any spelling; NULL: the default, made at its first use)
   the search path.  Called with localedir_lock held.  */
static int
localedir_use (const char *path)
{
  struct localedir *entry;
  char *canonical;
  int empty;

  if (path == NULL && localedir_default == NULL)
    localedir_default = default_path ();
  if (path == NULL)
    path = localedir_default;
  if (path == NULL || (canonical = path_canonical (path)) == NULL)
    return WTISD_ENOMEM;
  empty = *canonical == '\0';
  entry = !empty ? localedir_intern (canonical) : NULL;
  free (canonical);
  if (entry == NULL)
    return empty ? WTISD_EINVAL : WTISD_ENOMEM;
  atomic_store_explicit (&localedir_current, entry, memory_order_release);
  return WTISD_OK;
}

struct localedir *
localedir_first_use (void)
{
  struct localedir *dir;

  pthread_mutex_lock (&localedir_lock);
  dir = atomic_load_explicit (&localedir_current, memory_order_relaxed);
  if (dir == NULL && localedir_use (NULL) == WTISD_OK)
    dir = atomic_load_explicit (&localedir_current, memory_order_relaxed);
  pthread_mutex_unlock (&localedir_lock);
  return dir;
}

int
wtisd_set_localedir (const char *path)
{
  int status;

  pthread_mutex_lock (&localedir_lock);
  status = localedir_use (path);
  pthread_mutex_unlock (&localedir_lock);
  return status;
}

const char *
wtisd_localedir (void)
{
  struct localedir *entry = localedir_now ();

  return entry != NULL ? entry->path : NULL;
}
