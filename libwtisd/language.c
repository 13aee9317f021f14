/* language.c - texts in a language named by the caller, without the
   process locale: resolving a tag to a catalog, and the catalogs a
   directory has.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What the library learned of one locale directory.  The slow paths
   (reading a catalog, listing the directory) run under language_lock;
   the steady state, a tag seen before, reads RESOLVED without a lock:
   a slot is filled under the lock and then published by its READY flag,
   and nothing is ever removed.  */
#define RESOLVED_SLOTS 512
#define KNOWN_NAMES_MAX 1024

struct resolved_slot
{
  atomic_int ready;
  uint32_t hash;
  size_t length;
  char tag[LANGUAGE_TAG_MAX + 1];
  const struct catalog_file *catalog;
};

/* A catalog name tried in this directory: its catalog, or NULL when
   there is none (or it is corrupt), so it is not read twice.  */
struct known_name
{
  struct known_name *next;
  struct catalog_file *catalog;
  char name[LANGUAGE_NAME_MAX];
};

struct language_cache
{
  struct known_name *names;
  size_t name_count;
  _Atomic (const char *const *) languages;
  struct resolved_slot resolved[RESOLVED_SLOTS];
};

static pthread_mutex_t language_lock = PTHREAD_MUTEX_INITIALIZER;

/* English, the texts compiled into the library.  */
static struct catalog_file english = { "en", { NULL } };
static pthread_once_t english_once = PTHREAD_ONCE_INIT;

static void
english_init (void)
{
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    english.texts[id] = text_msgid ((wtisd_text_id)id);
}

static const struct catalog_file *
english_catalog (void)
{
  pthread_once (&english_once, english_init);
  return &english;
}

static struct language_cache *
cache_for (struct localedir *dir)
{
  struct language_cache *cache
      = atomic_load_explicit (&dir->languages, memory_order_acquire);

  if (cache != NULL)
    return cache;
  pthread_mutex_lock (&language_lock);
  cache = atomic_load_explicit (&dir->languages, memory_order_relaxed);
  if (cache == NULL && (cache = calloc (1, sizeof *cache)) != NULL)
    atomic_store_explicit (&dir->languages, cache, memory_order_release);
  pthread_mutex_unlock (&language_lock);
  return cache;
}

/* The catalog NAME in DIR, read at its first use.  Called with
   language_lock held.  */
static struct catalog_file *
catalog_get (struct localedir *dir, struct language_cache *cache,
             const char *name)
{
  struct known_name *known;
  struct catalog_file *catalog;

  for (known = cache->names; known != NULL; known = known->next)
    if (strcmp (known->name, name) == 0)
      return known->catalog;
  catalog = catalog_file_load (dir->path, name);
  /* Remember a bounded number of names: a stream of made-up tags must
     not grow memory without end.  */
  if (cache->name_count < KNOWN_NAMES_MAX
      && (known = malloc (sizeof *known)) != NULL)
    {
      known->catalog = catalog;
      strcpy (known->name, name);
      known->next = cache->names;
      cache->names = known;
      cache->name_count++;
    }
  return catalog;
}

/* The length of TAG (LANGUAGE_TAG_MAX + 1 when longer) and its hash
   (FNV-1a), in one pass.  */
static size_t
tag_measure (const char *tag, uint32_t *hash)
{
  uint32_t h = 2166136261u;
  size_t length = 0;

  while (length <= LANGUAGE_TAG_MAX && tag[length] != '\0')
    h = (h ^ (unsigned char)tag[length++]) * 16777619u;
  *hash = h;
  return length;
}

/* memcmp for a few bytes, without a call into libc on the hot path.  */
static inline int
same_bytes (const char *a, const char *b, size_t length)
{
  size_t i;

  for (i = 0; i < length; i++)
    if (a[i] != b[i])
      return 0;
  return 1;
}

/* The published slot for TAG, or NULL.  Lock-free.  */
static const struct resolved_slot *
resolved_find (const struct language_cache *cache, const char *tag,
               size_t length, uint32_t hash)
{
  size_t i;

  for (i = 0; i < RESOLVED_SLOTS; i++)
    {
      const struct resolved_slot *slot
          = &cache->resolved[(hash + i) % RESOLVED_SLOTS];

      if (!atomic_load_explicit (&slot->ready, memory_order_acquire))
        return NULL;
      if (slot->hash == hash && slot->length == length
          && same_bytes (slot->tag, tag, length))
        return slot;
    }
  return NULL;
}

/* Remembers TAG's catalog, if a slot is free.  Called with
   language_lock held.  */
static void
resolved_add (struct language_cache *cache, const char *tag, size_t length,
              uint32_t hash, const struct catalog_file *catalog)
{
  size_t i;

  for (i = 0; i < RESOLVED_SLOTS; i++)
    {
      struct resolved_slot *slot
          = &cache->resolved[(hash + i) % RESOLVED_SLOTS];

      if (!atomic_load_explicit (&slot->ready, memory_order_relaxed))
        {
          memcpy (slot->tag, tag, length + 1);
          slot->hash = hash;
          slot->length = length;
          slot->catalog = catalog;
          atomic_store_explicit (&slot->ready, 1, memory_order_release);
          return;
        }
    }
}

/* The first catalog DIR has for TAG's candidate names, or English.
   Called with language_lock held.  */
static const struct catalog_file *
resolve_candidates (struct localedir *dir, struct language_cache *cache,
                    const struct language_tag *tag)
{
  char names[LANGUAGE_CANDIDATES_MAX][LANGUAGE_NAME_MAX];
  int count = language_candidates (tag, names), i;

  for (i = 0; i < count; i++)
    {
      const struct catalog_file *catalog = catalog_get (dir, cache, names[i]);

      if (catalog != NULL)
        return catalog;
    }
  return english_catalog ();
}

/* First use of TAG in DIR: validate it before the file system sees it,
   resolve it under the lock, remember the answer.  Kept out of line so
   that the steady state below stays small.  */
static __attribute__ ((__noinline__)) const struct catalog_file *
language_catalog_slow (struct localedir *dir, const char *tag, size_t length,
                       uint32_t hash)
{
  struct language_cache *cache = cache_for (dir);
  const struct resolved_slot *slot;
  const struct catalog_file *catalog;
  struct language_tag parsed;

  if (cache == NULL || language_tag_parse (tag, length, &parsed) != 0)
    return NULL;
  pthread_mutex_lock (&language_lock);
  slot = resolved_find (cache, tag, length, hash);
  if (slot != NULL)
    catalog = slot->catalog;
  else
    {
      catalog = resolve_candidates (dir, cache, &parsed);
      resolved_add (cache, tag, length, hash, catalog);
    }
  pthread_mutex_unlock (&language_lock);
  return catalog;
}

/* The catalog for TAG in the directory in force (English when none
   matches), or NULL for a NULL or malformed tag (or when memory ran
   out).  Lock-free once TAG has been seen.  */
static inline const struct catalog_file *
language_catalog (const char *tag)
{
  struct localedir *dir;
  struct language_cache *cache;
  const struct resolved_slot *slot;
  uint32_t hash;
  size_t length;

  if (tag == NULL)
    return NULL;
  length = tag_measure (tag, &hash);
  if (length > LANGUAGE_TAG_MAX || (dir = localedir_now ()) == NULL)
    return NULL;
  cache = atomic_load_explicit (&dir->languages, memory_order_acquire);
  if (cache == NULL)
    return language_catalog_slow (dir, tag, length, hash);
  /* The tag's own slot nearly always holds it: test that one here, and
     probe further only when it does not.  */
  slot = &cache->resolved[hash % RESOLVED_SLOTS];
  if (atomic_load_explicit (&slot->ready, memory_order_acquire)
      && slot->hash == hash && slot->length == length
      && same_bytes (slot->tag, tag, length))
    return slot->catalog;
  slot = resolved_find (cache, tag, length, hash);
  return slot != NULL ? slot->catalog
                      : language_catalog_slow (dir, tag, length, hash);
}

const char *
wtisd_text_in (const char *lang, wtisd_text_id id)
{
  const struct catalog_file *catalog;

  if ((int)id < 0 || (int)id >= WTISD_TEXT_COUNT)
    return NULL;
  catalog = language_catalog (lang);
  return catalog != NULL ? catalog->texts[id] : NULL;
}

static int
name_compare (const void *a, const void *b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* Lists DIR's catalogs, "en" included, sorted.  Called with
   language_lock held.  */
static const char **
languages_scan (struct localedir *dir, struct language_cache *cache)
{
  size_t count = 0, capacity = 8;
  const char **names = malloc (capacity * sizeof *names);
  DIR *stream = opendir (dir->path);
  struct dirent *entry;
  int has_english = 0;

  while (names != NULL && stream != NULL && (entry = readdir (stream)))
    {
      struct language_tag tag;
      const struct catalog_file *catalog;
      size_t length = strlen (entry->d_name);

      /* Only names a tag could resolve to, and only readable catalogs.  */
      if (length >= LANGUAGE_NAME_MAX
          || language_tag_parse (entry->d_name, length, &tag) != 0 || tag.is_c
          || strchr (entry->d_name, '-') != NULL
          || (catalog = catalog_get (dir, cache, entry->d_name)) == NULL)
        continue;
      if (count + 2 > capacity)
        {
          const char **bigger
              = realloc (names, (capacity *= 2) * sizeof *names);

          if (bigger == NULL)
            {
              free (names);
              names = NULL;
              break;
            }
          names = bigger;
        }
      has_english |= strcmp (catalog->name, "en") == 0;
      names[count++] = catalog->name;
    }
  if (stream != NULL)
    closedir (stream);
  if (names == NULL)
    return NULL;
  if (!has_english)
    names[count++] = english.name;
  qsort (names, count, sizeof *names, name_compare);
  names[count] = NULL;
  return names;
}

/* Called when memory runs out: a list with English alone.  */
static const char *const english_only[] = { "en", NULL };

const char *const *
wtisd_languages (void)
{
  struct localedir *dir = localedir_now ();
  struct language_cache *cache = dir != NULL ? cache_for (dir) : NULL;
  const char *const *languages;

  if (cache == NULL)
    return english_only;
  languages = atomic_load_explicit (&cache->languages, memory_order_acquire);
  if (languages != NULL)
    return languages;
  pthread_mutex_lock (&language_lock);
  languages = atomic_load_explicit (&cache->languages, memory_order_relaxed);
  if (languages == NULL)
    {
      languages = languages_scan (dir, cache);
      if (languages != NULL)
        atomic_store_explicit (&cache->languages, languages,
                               memory_order_release);
    }
  pthread_mutex_unlock (&language_lock);
  return languages != NULL ? languages : english_only;
}

/* The catalog gettext uses now for wtisd_text: the one whose title is the
   title gettext returns.  */
static const char *
language_of_process (void)
{
  const char *msgid = text_msgid (WTISD_TITLE);
  const char *title = catalog_lookup (msgid);
  const char *const *languages;

  if (title == msgid)
    return english.name;
  for (languages = wtisd_languages (); *languages != NULL; languages++)
    {
      const struct catalog_file *catalog = language_catalog (*languages);

      if (catalog != NULL && strcmp (catalog->texts[WTISD_TITLE], title) == 0)
        return catalog->name;
    }
  return NULL;
}

const char *
wtisd_language (const char *lang)
{
  const struct catalog_file *catalog;

  if (lang == NULL)
    return language_of_process ();
  catalog = language_catalog (lang);
  return catalog != NULL ? catalog->name : NULL;
}
