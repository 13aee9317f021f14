/* language.c - which catalog a language tag, the process's locale or the
   user's environment asks for, and the catalogs a search path has.  The
   answers are kept per search path: after a tag's first use, lookups
   take no lock and allocate nothing.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* How many distinct tags a search path remembers: a stream of made-up
   tags must not grow memory without end.  Past it, a new tag is resolved
   at each call, without allocating.  */
#define TAGS_MAX 1024
#define TAG_BUCKETS 64

/* A catalog file found in the search path: its catalog, or NULL when the
   file is damaged.  Absent files are not remembered, so their number is
   bounded by the files there are.  */
struct known_catalog
{
  struct known_catalog *next;
  const struct catalog *catalog;
  char name[LANGUAGE_NAME_MAX];
};

/* The names of the entries of a search path's directories, sorted,
   listed once: a catalog is looked for only where one of them names it,
   so that a list of a thousand made-up languages costs no system call
   (catalogs installed later are found by the next wtisd_set_localedir,
   or the next process).  */
struct present_names
{
  size_t count;
  char (*names)[LANGUAGE_NAME_MAX];
};

/* What a tag resolved to: the sound catalog found for it (NULL when
   none), and the status wtisd_language_check reports.  */
struct resolution
{
  const struct catalog *catalog;
  int status;
};

/* How a string names a catalog: as a language tag (wtisd_text_in), or as
   GNU gettext reads a locale name or an entry of LANGUAGE (wtisd_text).  */
enum naming
{
  NAMING_TAG,
  NAMING_GETTEXT
};

struct tag_entry
{
  struct tag_entry *next;
  struct resolution resolution;
  uint32_t hash;
  enum naming naming;
  size_t length;
  char tag[];
};

/* Both lists and every bucket grow only at the front, under
   language_lock, and are read without it: a node is complete before the
   release store that publishes it, and is never removed.  */
struct language_cache
{
  _Atomic (const struct present_names *) present;
  _Atomic (struct known_catalog *) catalogs;
  _Atomic (struct tag_entry *) tags[TAG_BUCKETS];
  size_t tag_count;
  _Atomic (const char *const *) languages;
};

static pthread_mutex_t language_lock = PTHREAD_MUTEX_INITIALIZER;

static inline struct language_cache *
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

static struct known_catalog *
known_find (struct language_cache *cache, const char *name)
{
  struct known_catalog *known
      = atomic_load_explicit (&cache->catalogs, memory_order_acquire);

  for (; known != NULL; known = known->next)
    if (strcmp (known->name, name) == 0)
      return known;
  return NULL;
}

/* Remembers CATALOG (NULL: damaged) as NAME's, unless another thread did
   first; frees CATALOG when it is not kept.  Returns the entry kept.  */
static struct known_catalog *
known_add (struct language_cache *cache, const char *name,
           struct catalog *catalog)
{
  struct known_catalog *known;

  pthread_mutex_lock (&language_lock);
  known = known_find (cache, name);
  if (known == NULL && (known = malloc (sizeof *known)) != NULL)
    {
      known->catalog = catalog;
      strcpy (known->name, name);
      known->next
          = atomic_load_explicit (&cache->catalogs, memory_order_relaxed);
      atomic_store_explicit (&cache->catalogs, known, memory_order_release);
      catalog = NULL;
    }
  pthread_mutex_unlock (&language_lock);
  catalog_free (catalog);
  return known;
}

static int
present_compare (const void *a, const void *b)
{
  return strcmp (a, b);
}

/* Adds the entries of the directory PATH to NAMES; -1 when memory ran
   out (a directory that is missing or may not be read has none).  */
static int
present_scan (const char *path, struct present_names *names, size_t *capacity)
{
  DIR *stream = opendir (path);
  struct dirent *entry;

  if (stream == NULL)
    return errno == ENOMEM || errno == EMFILE || errno == ENFILE ? -1 : 0;
  while ((entry = readdir (stream)) != NULL)
    {
      if (strlen (entry->d_name) >= LANGUAGE_NAME_MAX
          || entry->d_name[0] == '.')
        continue;
      if (names->count == *capacity)
        {
          size_t more = *capacity * 2 + 64;
          void *bigger = realloc (names->names, more * sizeof *names->names);

          if (bigger == NULL)
            {
              closedir (stream);
              return -1;
            }
          names->names = bigger;
          *capacity = more;
        }
      strcpy (names->names[names->count++], entry->d_name);
    }
  closedir (stream);
  return 0;
}

/* DIR's present names, listed at the first call.  NULL when memory ran
   out (nothing is remembered then).  */
static const struct present_names *
present_names (struct localedir *dir, struct language_cache *cache)
{
  const struct present_names *found
      = atomic_load_explicit (&cache->present, memory_order_acquire);
  struct present_names *names;
  size_t capacity = 0, i;
  int status = 0;

  if (found != NULL)
    return found;
  if ((names = calloc (1, sizeof *names)) == NULL)
    return NULL;
  for (i = 0; i < dir->dir_count && status == 0; i++)
    status = present_scan (dir->dirs[i], names, &capacity);
  if (status != 0)
    {
      free (names->names);
      free (names);
      return NULL;
    }
  qsort (names->names, names->count, sizeof *names->names, present_compare);
  pthread_mutex_lock (&language_lock);
  found = atomic_load_explicit (&cache->present, memory_order_relaxed);
  if (found == NULL)
    atomic_store_explicit (&cache->present, found = names,
                           memory_order_release);
  pthread_mutex_unlock (&language_lock);
  if (found != names)
    {
      free (names->names);
      free (names);
    }
  return found;
}

/* NAME's catalog in DIR: WTISD_OK and *FOUND, WTISD_ENOCATALOG,
   WTISD_ECATALOG, or a status worth trying again (WTISD_ENOMEM).  The
   file is read without the lock, so that a large catalog does not stall
   other languages' first use.  */
static int
catalog_find (struct localedir *dir, struct language_cache *cache,
              const char *name, const struct catalog **found)
{
  struct known_catalog *known = known_find (cache, name);
  const struct present_names *present;
  struct catalog *catalog;
  int status;

  if (known == NULL)
    {
      if ((present = present_names (dir, cache)) == NULL)
        return WTISD_ENOMEM;
      if (bsearch (name, present->names, present->count,
                   sizeof *present->names, present_compare)
          == NULL)
        return WTISD_ENOCATALOG;
      status = catalog_load (dir, name, &catalog);
      if (status != WTISD_OK && status != WTISD_ECATALOG)
        return status;
      if ((known = known_add (cache, name, catalog)) == NULL)
        return WTISD_ENOMEM;
    }
  *found = known->catalog;
  return known->catalog != NULL ? WTISD_OK : WTISD_ECATALOG;
}

/* Resolves the parsed TAG in DIR.  */
static struct resolution
resolve_candidates (struct localedir *dir, struct language_cache *cache,
                    const struct language_tag *tag, enum naming naming)
{
  char names[LANGUAGE_CANDIDATES_MAX][LANGUAGE_NAME_MAX];
  int count = language_candidates (tag, naming == NAMING_GETTEXT, names), i;
  struct resolution result = { NULL, WTISD_ENOCATALOG };

  for (i = 0; i < count; i++)
    {
      int status = catalog_find (dir, cache, names[i], &result.catalog);

      if (status == WTISD_OK
          || (status != WTISD_ENOCATALOG && status != WTISD_ECATALOG))
        {
          result.status = status;
          return result;
        }
      if (status == WTISD_ECATALOG)
        result.status = status;
    }
  result.catalog = NULL;
  /* English itself asks for no catalog.  */
  if (tag->is_c || strcmp (tag->language, "en") == 0)
    result.status = WTISD_OK;
  return result;
}

/* FNV-1a.  */
#define FNV_OFFSET_BASIS 2166136261u
#define FNV_PRIME 16777619u

static uint32_t
tag_hash (const char *tag, size_t length)
{
  uint32_t hash = FNV_OFFSET_BASIS;
  size_t i;

  for (i = 0; i < length; i++)
    hash = (hash ^ (unsigned char)tag[i]) * FNV_PRIME;
  return hash;
}

/* Whether the LENGTH bytes at A and B are the same: a loop, not a call
   of memcmp, as tags are a few bytes and the steady state of a lookup
   is a few dozen instructions.  */
static inline int
tag_equal (const char *a, const char *b, size_t length)
{
  for (size_t i = 0; i < length; i++)
    if (a[i] != b[i])
      return 0;
  return 1;
}

static const struct tag_entry *
tag_find (struct language_cache *cache, const char *tag, size_t length,
          uint32_t hash, enum naming naming)
{
  const struct tag_entry *entry = atomic_load_explicit (
      &cache->tags[hash % TAG_BUCKETS], memory_order_acquire);

  for (; entry != NULL; entry = entry->next)
    if (entry->hash == hash && entry->length == length
        && entry->naming == naming && tag_equal (entry->tag, tag, length))
      return entry;
  return NULL;
}

/* Remembers RESOLUTION for TAG, while there is room.  */
static void
tag_add (struct language_cache *cache, const char *tag, size_t length,
         uint32_t hash, enum naming naming, struct resolution resolution)
{
  _Atomic (struct tag_entry *) *bucket = &cache->tags[hash % TAG_BUCKETS];
  struct tag_entry *entry;

  pthread_mutex_lock (&language_lock);
  if (cache->tag_count < TAGS_MAX
      && tag_find (cache, tag, length, hash, naming) == NULL
      && (entry = malloc (sizeof *entry + length + 1)) != NULL)
    {
      entry->resolution = resolution;
      entry->hash = hash;
      entry->naming = naming;
      entry->length = length;
      memcpy (entry->tag, tag, length);
      entry->tag[length] = '\0';
      entry->next = atomic_load_explicit (bucket, memory_order_relaxed);
      atomic_store_explicit (bucket, entry, memory_order_release);
      cache->tag_count++;
    }
  pthread_mutex_unlock (&language_lock);
}

/* The first use of the LENGTH bytes at TAG: validated before the file
   system sees them, then resolved and remembered.  Kept out of line so
   that the steady state stays small.  */
static __attribute__ ((__noinline__)) struct resolution
tag_resolve_slow (struct localedir *dir, struct language_cache *cache,
                  const char *tag, size_t length, uint32_t hash,
                  enum naming naming)
{
  struct resolution result = { NULL, WTISD_EINVAL };
  char text[LANGUAGE_TAG_MAX + 1];
  struct language_tag parsed;

  if (length > LANGUAGE_TAG_MAX)
    return result;
  memcpy (text, tag, length);
  text[length] = '\0';
  if ((result.status = language_tag_parse (text, length, &parsed)) != WTISD_OK)
    return result;
  /* gettext takes "pt-BR" for a directory name, which no catalog has.  */
  if (naming == NAMING_GETTEXT
      && memchr (text, '-', strcspn (text, ".@")) != NULL)
    result.status = WTISD_ENOCATALOG;
  else
    result = resolve_candidates (dir, cache, &parsed, naming);
  /* Only a lasting answer is remembered: memory may come back.  */
  if (result.status == WTISD_OK || result.status == WTISD_ENOCATALOG
      || result.status == WTISD_ECATALOG)
    tag_add (cache, text, length, hash, naming, result);
  return result;
}

/* How the LENGTH bytes at TAG, of tag_hash HASH, resolve in the search
   path in force.  */
static inline struct resolution
tag_resolve (const char *tag, size_t length, uint32_t hash, enum naming naming)
{
  struct resolution failed = { NULL, WTISD_ENOMEM };
  struct localedir *dir = localedir_now ();
  struct language_cache *cache;
  const struct tag_entry *entry;

  if (dir == NULL || (cache = cache_for (dir)) == NULL)
    return failed;
  entry = tag_find (cache, tag, length, hash, naming);
  return entry != NULL
             ? entry->resolution
             : tag_resolve_slow (dir, cache, tag, length, hash, naming);
}

/* The catalog LANG resolves to, English when none; NULL for a NULL or
   malformed LANG or when memory ran out (STATUS says which).  */
static const struct catalog *
language_catalog (const char *lang, int *status)
{
  struct resolution result;
  uint32_t hash = FNV_OFFSET_BASIS;
  size_t length;

  if (lang == NULL)
    {
      *status = WTISD_EINVAL;
      return NULL;
    }
  /* strnlen and tag_hash in one pass: a tag is a few bytes.  */
  for (length = 0; length <= LANGUAGE_TAG_MAX && lang[length] != '\0';
       length++)
    hash = (hash ^ (unsigned char)lang[length]) * FNV_PRIME;
  result = tag_resolve (lang, length, hash, NAMING_TAG);
  *status = result.status;
  if (result.catalog != NULL)
    return result.catalog;
  return result.status == WTISD_EINVAL || result.status == WTISD_ENOMEM
                 || result.status == WTISD_EICU
             ? NULL
             : &catalog_english;
}

const char *
wtisd_text_in (const char *lang, wtisd_text_id id)
{
  const struct catalog *catalog;
  int status;

  if ((int)id < 0 || (int)id >= WTISD_TEXT_COUNT)
    return NULL;
  catalog = language_catalog (lang, &status);
  return catalog != NULL ? catalog->texts[id] : NULL;
}

const char *
wtisd_translate (const char *lang, const char *msgid)
{
  const struct catalog *catalog;
  const char *translation;
  int status;

  if (msgid == NULL || (catalog = language_catalog (lang, &status)) == NULL)
    return NULL;
  translation = catalog_translate (catalog, msgid);
  return translation != NULL ? translation : msgid;
}

int
wtisd_language_check (const char *lang)
{
  int status;

  language_catalog (lang, &status);
  return status;
}

const char *
wtisd_language_tag (const char *lang)
{
  int status;
  const struct catalog *catalog = language_catalog (lang, &status);

  return catalog != NULL ? catalog->tag : NULL;
}

int
wtisd_language_is_rtl (const char *lang)
{
  int status;
  const struct catalog *catalog = language_catalog (lang, &status);

  return catalog != NULL ? catalog->rtl : status;
}

const char *
wtisd_language_name (const char *lang)
{
  int status;
  const struct catalog *catalog = language_catalog (lang, &status);
  const char *name;

  if (catalog == NULL)
    return NULL;
  if (catalog == &catalog_english)
    return language_name_msgid;
  name = catalog_translate (catalog, language_name_msgid);
  return name != NULL ? name : catalog->tag;
}

/* The name of the calling thread's LC_MESSAGES locale: its own when it
   has one (uselocale), else the process's.  */
static const char *
messages_locale (void)
{
#ifdef _NL_LOCALE_NAME
  return nl_langinfo (_NL_LOCALE_NAME (LC_MESSAGES));
#else
  return setlocale (LC_MESSAGES, NULL);
#endif
}

/* Of a LANGUAGE list, only the first entries count: no one reads a
   hundredth language, and a list of thousands must not make each call
   slow.  */
#define LANGUAGE_LIST_MAX 100

/* The catalog of the first entry of the colon-separated LIST that has
   one, each entry named as NAMING says; NULL when none has, when gettext
   would stop at an entry naming the C locale (NAMING_GETTEXT), or when
   memory ran out before a catalog was found (*STATUS is WTISD_ENOMEM
   then: a later entry's catalog would be the wrong answer).  */
static const struct catalog *
list_catalog (const char *list, enum naming naming, int *status)
{
  int entries = 0;

  *status = WTISD_OK;
  while (*list != '\0' && entries++ < LANGUAGE_LIST_MAX)
    {
      size_t length = strcspn (list, ":");
      struct resolution result;

      if (naming == NAMING_GETTEXT
          && ((length == 1 && *list == 'C')
              || (length == 5 && strncmp (list, "POSIX", 5) == 0)))
        return NULL;
      if (length > 0)
        {
          result = tag_resolve (list, length, tag_hash (list, length), naming);
          if (result.catalog != NULL)
            return result.catalog;
          if (result.status == WTISD_ENOMEM || result.status == WTISD_EICU)
            {
              *status = WTISD_ENOMEM;
              return NULL;
            }
        }
      list += length + (list[length] == ':');
    }
  return NULL;
}

/* The catalog wtisd_text reads now: gettext's choice for LC_MESSAGES;
   NULL when memory ran out.  */
static const struct catalog *
process_catalog (void)
{
  const char *locale = messages_locale (), *list;
  const struct catalog *catalog;
  int status;

  /* gettext ignores LANGUAGE in the C locale: its ASCII may not show
     translations.  */
  if (locale == NULL || strcmp (locale, "C") == 0
      || strcmp (locale, "POSIX") == 0)
    return &catalog_english;
  list = getenv ("LANGUAGE");
  if (list == NULL || *list == '\0')
    list = locale;
  catalog = list_catalog (list, NAMING_GETTEXT, &status);
  return catalog != NULL      ? catalog
         : status == WTISD_OK ? &catalog_english
                              : NULL;
}

const char *
wtisd_text (wtisd_text_id id)
{
  /* The enum's underlying type may be unsigned: compare as int.  */
  const struct catalog *catalog;

  if ((int)id < 0 || (int)id >= WTISD_TEXT_COUNT)
    return NULL;
  catalog = process_catalog ();
  return catalog != NULL ? catalog->texts[id] : NULL;
}

const char *
wtisd_environment_language (void)
{
  const char *variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *value = getenv ("LANGUAGE");
  const struct catalog *catalog = NULL;
  size_t i;
  int status = WTISD_OK;

  /* Unlike gettext, LANGUAGE counts in the C locale too, and past a "C"
     entry.  */
  if (value != NULL)
    catalog = list_catalog (value, NAMING_TAG, &status);
  if (catalog != NULL || status != WTISD_OK)
    return catalog != NULL ? catalog->name : NULL;
  for (i = 0; i < sizeof variables / sizeof variables[0]; i++)
    if ((value = getenv (variables[i])) != NULL && *value != '\0')
      {
        catalog = language_catalog (value, &status);
        if (catalog == NULL && status != WTISD_EINVAL)
          return NULL;
        return catalog != NULL ? catalog->name : catalog_english.name;
      }
  return catalog_english.name;
}

const char *
wtisd_language (const char *lang)
{
  const struct catalog *catalog;
  int status;

  if (lang == NULL)
    return (catalog = process_catalog ()) != NULL ? catalog->name : NULL;
  catalog = language_catalog (lang, &status);
  return catalog != NULL ? catalog->name : NULL;
}

/* Whether NAME, a directory entry, is a catalog name a tag resolves to:
   one of its own candidates ("fr_FR@euro" and "Fr" are not); -1 when
   memory ran out.  */
static int
is_catalog_name (const char *name)
{
  char names[LANGUAGE_CANDIDATES_MAX][LANGUAGE_NAME_MAX];
  struct language_tag tag;
  size_t length = strlen (name);
  int count, i;

  int status;

  if (length >= LANGUAGE_NAME_MAX)
    return 0;
  if ((status = language_tag_parse (name, length, &tag)) != WTISD_OK)
    return status == WTISD_ENOMEM ? -1 : 0;
  count = language_candidates (&tag, 0, names);
  for (i = 0; i < count; i++)
    if (strcmp (names[i], name) == 0)
      return 1;
  return 0;
}

/* A growing array of catalog names.  */
struct name_list
{
  const char **names;
  size_t count, capacity;
};

static int
name_list_add (struct name_list *list, const char *name)
{
  size_t i;

  for (i = 0; i < list->count; i++)
    if (strcmp (list->names[i], name) == 0)
      return 0;
  if (list->count + 2 > list->capacity)
    {
      size_t capacity = list->capacity * 2 + 8;
      const char **bigger
          = realloc (list->names, capacity * sizeof *list->names);

      if (bigger == NULL)
        return -1;
      list->names = bigger;
      list->capacity = capacity;
    }
  list->names[list->count++] = name;
  return 0;
}

/* Adds the sound catalogs of one directory of DIR's search path.  */
static int
languages_scan_one (struct localedir *dir, struct language_cache *cache,
                    const char *path, struct name_list *list)
{
  DIR *stream = opendir (path);
  struct dirent *entry;
  int status = 0;

  /* A directory that is not there has no catalog; one that could not be
     opened for want of memory must not make a lasting, shorter list.  */
  if (stream == NULL
      && (errno == ENOMEM || errno == EMFILE || errno == ENFILE))
    return -1;

  while (stream != NULL && status == 0 && (entry = readdir (stream)) != NULL)
    {
      const struct catalog *catalog;
      int is_name = is_catalog_name (entry->d_name), found;

      if (is_name <= 0)
        {
          status = is_name;
          continue;
        }
      found = catalog_find (dir, cache, entry->d_name, &catalog);
      if (found == WTISD_OK)
        status = name_list_add (list, catalog->name);
      else if (found != WTISD_ENOCATALOG && found != WTISD_ECATALOG)
        status = -1; /* Memory: the list would lack a language.  */
    }
  if (stream != NULL)
    closedir (stream);
  return status;
}

static int
name_compare (const void *a, const void *b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* Lists DIR's sound catalogs, "en" included, sorted.  */
static const char **
languages_scan (struct localedir *dir, struct language_cache *cache)
{
  struct name_list list = { NULL, 0, 0 };
  size_t i;
  int status = name_list_add (&list, catalog_english.name);

  for (i = 0; i < dir->dir_count && status == 0; i++)
    status = languages_scan_one (dir, cache, dir->dirs[i], &list);
  if (status != 0)
    {
      free (list.names);
      return NULL;
    }
  qsort (list.names, list.count, sizeof *list.names, name_compare);
  list.names[list.count] = NULL;
  return list.names;
}

/* When memory runs out: English alone, and the next call tries again.  */
static const char *const english_only[] = { "en", NULL };

const char *const *
wtisd_languages (void)
{
  struct localedir *dir = localedir_now ();
  struct language_cache *cache = dir != NULL ? cache_for (dir) : NULL;
  const char *const *languages;
  const char **scanned;

  if (cache == NULL)
    return english_only;
  languages = atomic_load_explicit (&cache->languages, memory_order_acquire);
  if (languages != NULL)
    return languages;
  /* Scanned without the lock, which catalog_find takes; the first
     complete list published wins.  */
  scanned = languages_scan (dir, cache);
  if (scanned == NULL)
    return english_only;
  pthread_mutex_lock (&language_lock);
  languages = atomic_load_explicit (&cache->languages, memory_order_relaxed);
  if (languages == NULL)
    atomic_store_explicit (&cache->languages, languages = scanned,
                           memory_order_release);
  else
    free (scanned);
  pthread_mutex_unlock (&language_lock);
  return languages;
}
