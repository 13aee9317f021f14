/* language.c - the table of a search path's catalogs, and which of them
   a language tag, the process's locale or the user's environment asks
   for.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* See internal.h.  A lookup is a binary search, takes no lock and
   allocates nothing, whatever tags a program asks for; a failure for
   want of memory is not remembered.  Catalogs installed later are found
   by the next wtisd_set_localedir, or the next process.  */

/* English, built in: the table's when no directory has an "en" catalog,
   and the answer where a tag has no catalog (or a damaged one).  */
static struct language_entry english = {
  .name = "en",
  .facts = { .tag = { .language = "en" }, .script = "Latn", .bcp47 = "en" },
  .catalog = &catalog_english,
};

/* How a string names a catalog: as a language tag (wtisd_text_in), or as
   GNU gettext reads a locale name or an entry of LANGUAGE (wtisd_text).  */
enum naming
{
  NAMING_TAG,
  NAMING_GETTEXT
};

static int
entry_compare (const void *a, const void *b)
{
  return strcmp (((const struct language_entry *)a)->name,
                 ((const struct language_entry *)b)->name);
}

/* Whether the directory NAME in the directory DIRFD holds a catalog
   file of this library.  */
static int
has_catalog_file (int dirfd, const char *name)
{
  char path[LANGUAGE_NAME_MAX + sizeof "/LC_MESSAGES/" PACKAGE ".mo"];

  return snprintf (path, sizeof path, "%s/LC_MESSAGES/%s.mo", name, PACKAGE)
             < (int)sizeof path
         && faccessat (dirfd, path, F_OK, 0) == 0;
}

/* Appends ENTRY to TABLE, which has room for *CAPACITY entries.  0, or
   -1 when memory ran out.  */
static int
table_append (struct language_table *table, size_t *capacity,
              const struct language_entry *entry)
{
  struct language_entry *bigger;

  if (table->count == *capacity)
    {
      *capacity = *capacity * 2 + 64;
      bigger = realloc (table->entries, *capacity * sizeof *table->entries);
      if (bigger == NULL)
        return -1;
      table->entries = bigger;
    }
  table->entries[table->count++] = *entry;
  return 0;
}

/* Adds the catalog names among the entries of the directory PATH to
   TABLE; -1 when memory ran out (a directory that is missing or may not
   be read has none).  */
static int
table_scan (const char *path, struct language_table *table, size_t *capacity)
{
  DIR *stream = opendir (path);
  struct dirent *entry;
  int status = 0;

  if (stream == NULL)
    return errno == ENOMEM || errno == EMFILE || errno == ENFILE ? -1 : 0;
  while (status == 0 && (entry = readdir (stream)) != NULL)
    {
      struct language_entry found = { .catalog = NULL };

      if (entry->d_name[0] == '.'
          || (status = tag_describe (entry->d_name, &found.facts)) != WTISD_OK)
        {
          status = status == WTISD_ENOMEM ? -1 : 0;
          continue;
        }
      /* The directories of other packages' catalogs (a system's
         /usr/share/locale/fr) name no catalog of this library.  */
      if (has_catalog_file (dirfd (stream), entry->d_name))
        {
          strcpy (found.name, entry->d_name);
          status = table_append (table, capacity, &found);
        }
    }
  closedir (stream);
  return status;
}

/* DIR's table, made from its directories, sorted, each name once; NULL
   when memory ran out.  */
static struct language_table *
table_build (const struct localedir *dir)
{
  struct language_table *table = calloc (1, sizeof *table);
  size_t capacity = 0, i, kept = 0;
  int status = table != NULL ? 0 : -1;

  if (table != NULL)
    table->dir = dir;
  for (i = 0; i < dir->dir_count && status == 0; i++)
    status = table_scan (dir->dirs[i], table, &capacity);
  /* English, which negotiation weighs like any catalog; a directory's
     "en" catalog takes its place when duplicates are dropped.  */
  if (status == 0)
    status = table_append (table, &capacity, &english);
  if (status != 0)
    {
      if (table != NULL)
        free (table->entries);
      free (table);
      return NULL;
    }
  qsort (table->entries, table->count, sizeof *table->entries, entry_compare);
  for (i = 0; i < table->count; i++)
    if (kept == 0
        || strcmp (table->entries[i].name, table->entries[kept - 1].name) != 0)
      table->entries[kept++] = table->entries[i];
    else if (table->entries[kept - 1].catalog == english.catalog)
      table->entries[kept - 1] = table->entries[i];
  table->count = kept;
  return table;
}

struct language_table *
language_table_now (void)
{
  struct localedir *dir = localedir_now ();
  struct language_table *table, *built;

  if (dir == NULL)
    return NULL;
  table = atomic_load_explicit (&dir->languages, memory_order_acquire);
  if (table != NULL)
    return table;
  /* Built without a lock (a directory of thousands of entries must not
     stall other search paths); the first table published wins.  */
  if ((built = table_build (dir)) == NULL)
    return NULL;
  if (atomic_compare_exchange_strong_explicit (&dir->languages, &table, built,
                                               memory_order_acq_rel,
                                               memory_order_acquire))
    return built;
  free (built->entries);
  free (built);
  return table;
}

/* The index of the first entry of LANGUAGE in TABLE, or COUNT: entries
   are sorted by name, so those of a language are together, in the order
   of the languages.  */
static size_t
language_first (const struct language_table *table, const char *language)
{
  size_t low = 0, high = table->count;

  while (low < high)
    {
      size_t middle = low + (high - low) / 2;

      if (strcmp (table->entries[middle].facts.tag.language, language) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low < table->count
                 && strcmp (table->entries[low].facts.tag.language, language)
                        == 0
             ? low
             : table->count;
}

/* Whether TAG names no script of its own (nor by a POSIX modifier).  */
static int
has_no_script (const struct language_tag *tag)
{
  return tag->script[0] == '\0' && tag->modifier[0] == '\0';
}

int
language_table_has (const struct language_table *table, const char *language)
{
  return language_first (table, language) < table->count;
}

long
language_table_best (const struct language_table *table,
                     const struct language_tag *tag)
{
  char script[5] = "", likely_region[4];
  long base = -1, other = -1;
  size_t first = language_first (table, tag->language), end, i;

  if (first == table->count)
    return -1;
  /* A catalog of the tag's region and no script of its own is written
     in the script the tag implies: ICU need not be asked ("fr", "zh-TW").  */
  for (end = first;
       end < table->count
       && strcmp (table->entries[end].facts.tag.language, tag->language) == 0;
       end++)
    if (*script == '\0' && has_no_script (tag)
        && has_no_script (&table->entries[end].facts.tag)
        && strcmp (table->entries[end].facts.tag.region, tag->region) == 0)
      strcpy (script, table->entries[end].facts.script);
  if (*script == '\0' && tag_likely (tag, script, NULL) != WTISD_OK)
    return -2;
  for (i = first; i < end; i++)
    {
      const struct language_facts *facts = &table->entries[i].facts;

      if (strcmp (facts->script, script) != 0)
        continue;
      if (facts->tag.region[0] == '\0')
        base = base >= 0 ? base : (long)i;
      else if (strcmp (facts->tag.region, tag->region) == 0)
        return (long)i;
      else
        other = other >= 0 ? other : (long)i;
    }
  if (base >= 0 || other < 0)
    return base;
  /* Only catalogs of other regions: the one of the region likely for
     the language and script (zh-Hant: Taiwan), else the first.  */
  if (tag_likely (tag, script, likely_region) != WTISD_OK)
    return -2;
  for (i = (size_t)other; i < end; i++)
    if (strcmp (table->entries[i].facts.script, script) == 0
        && strcmp (table->entries[i].facts.tag.region, likely_region) == 0)
      return (long)i;
  return other;
}

static struct language_entry *
table_find (struct language_table *table, const char *name)
{
  struct language_entry key;

  if (strlen (name) >= sizeof key.name)
    return NULL;
  strcpy (key.name, name);
  return bsearch (&key, table->entries, table->count, sizeof *table->entries,
                  entry_compare);
}

/* The file is read without a lock, so that a large catalog does not
   stall other languages' first use; of two threads reading it at once,
   the first to publish wins.  A catalog found damaged is marked so (a
   sound one published meanwhile is still used).  */
int
language_entry_catalog (const struct language_table *table,
                        struct language_entry *entry,
                        const struct catalog **found)
{
  struct catalog *loaded;
  int status;

  *found = atomic_load_explicit (&entry->catalog, memory_order_acquire);
  if (*found != NULL)
    return WTISD_OK;
  if (atomic_load_explicit (&entry->damaged, memory_order_acquire))
    return WTISD_ECATALOG;
  status = catalog_load (table->dir, entry->name, &loaded);
  if (status == WTISD_ECATALOG)
    atomic_store_explicit (&entry->damaged, 1, memory_order_release);
  /* Memory, or a file gone since the table was made: not remembered.  */
  if (status != WTISD_OK)
    return status;
  if (atomic_compare_exchange_strong_explicit (&entry->catalog, found, loaded,
                                               memory_order_acq_rel,
                                               memory_order_acquire))
    *found = loaded;
  else
    catalog_free (loaded);
  return WTISD_OK;
}

/* The entry of the sound catalog the LENGTH bytes at TAG name in
   TABLE, in *FOUND (NULL when none); returns the status
   wtisd_language_check reports.  A tag names the catalog it reads best
   (language_table_best); a locale name, as gettext reads it, the first
   of its gettext names that has a sound catalog.  */
static int
tag_resolve (struct language_table *table, const char *tag, size_t length,
             enum naming naming, struct language_entry **found)
{
  char text[LANGUAGE_TAG_MAX + 1];
  char names[LANGUAGE_CANDIDATES_MAX][LANGUAGE_NAME_MAX];
  struct language_entry *entries[LANGUAGE_CANDIDATES_MAX];
  const struct catalog *catalog;
  struct language_tag parsed;
  int count = 0, i, status, result = WTISD_ENOCATALOG;
  long best;

  *found = NULL;
  if (length > LANGUAGE_TAG_MAX)
    return WTISD_EINVAL;
  memcpy (text, tag, length);
  text[length] = '\0';
  /* A catalog's own name, the usual case, needs no parsing.  */
  if ((*found = table_find (table, text)) != NULL
      && language_entry_catalog (table, *found, &catalog) == WTISD_OK)
    return WTISD_OK;
  *found = NULL;
  if ((status = tag_parse (text, length, &parsed)) != WTISD_OK)
    return status;
  /* gettext takes "pt-BR" for a directory name, which no catalog has.  */
  if (naming == NAMING_GETTEXT
      && memchr (text, '-', strcspn (text, ".@")) != NULL)
    return WTISD_ENOCATALOG;
  if (naming == NAMING_GETTEXT)
    {
      int named = tag_candidates (&parsed, names);

      for (i = 0; i < named; i++)
        if ((entries[count] = table_find (table, names[i])) != NULL)
          count++;
    }
  else if ((best = language_table_best (table, &parsed)) == -2)
    return WTISD_ENOMEM;
  else if (best >= 0)
    entries[count++] = &table->entries[best];
  for (i = 0; i < count; i++)
    {
      status = language_entry_catalog (table, entries[i], &catalog);
      if (status == WTISD_OK)
        {
          *found = entries[i];
          return WTISD_OK;
        }
      if (status == WTISD_ECATALOG)
        result = WTISD_ECATALOG;
      else if (status != WTISD_ENOCATALOG)
        return status;
    }
  /* English itself asks for no catalog.  */
  return strcmp (parsed.language, "en") == 0 ? WTISD_OK : result;
}

/* The entry the LENGTH bytes at LANG resolve to, English when none;
   NULL for a malformed LANG or when memory ran out (*STATUS says
   which).  Its catalog is in use.  */
static struct language_entry *
language_resolve (const char *lang, size_t length, enum naming naming,
                  int *status)
{
  struct language_table *table = language_table_now ();
  struct language_entry *entry;

  if (table == NULL)
    {
      *status = WTISD_ENOMEM;
      return NULL;
    }
  *status = tag_resolve (table, lang, length, naming, &entry);
  if (entry != NULL)
    return entry;
  return *status == WTISD_EINVAL || *status == WTISD_ENOMEM
                 || *status == WTISD_EICU
             ? NULL
             : &english;
}

static struct language_entry *
language_lookup (const char *lang, int *status)
{
  if (lang == NULL)
    {
      *status = WTISD_EINVAL;
      return NULL;
    }
  return language_resolve (lang, strnlen (lang, LANGUAGE_TAG_MAX + 1),
                           NAMING_TAG, status);
}

/* The catalog of ENTRY, which language_resolve returned.  */
static const struct catalog *
catalog_of (const struct language_entry *entry)
{
  return atomic_load_explicit (&entry->catalog, memory_order_acquire);
}

const char *
wtisd_text_in (const char *lang, wtisd_text_id id)
{
  const struct language_entry *entry;
  int status;

  /* The enum's underlying type may be unsigned: compare as int.  */
  if ((int)id < 0 || (int)id >= WTISD_TEXT_COUNT)
    return NULL;
  entry = language_lookup (lang, &status);
  return entry != NULL ? catalog_of (entry)->texts[id] : NULL;
}

const char *
wtisd_translate (const char *lang, const char *msgid)
{
  const struct language_entry *entry;
  const char *translation;
  int status;

  if (msgid == NULL || (entry = language_lookup (lang, &status)) == NULL)
    return NULL;
  translation = catalog_translate (catalog_of (entry), msgid);
  return translation != NULL ? translation : msgid;
}

int
wtisd_language_check (const char *lang)
{
  int status;

  language_lookup (lang, &status);
  return status;
}

const char *
wtisd_language_tag (const char *lang)
{
  int status;
  const struct language_entry *entry = language_lookup (lang, &status);

  return entry != NULL ? entry->facts.bcp47 : NULL;
}

int
wtisd_language_is_rtl (const char *lang)
{
  int status;
  const struct language_entry *entry = language_lookup (lang, &status);

  return entry != NULL ? entry->facts.rtl : status;
}

const char *
wtisd_language_name (const char *lang)
{
  int status;
  const struct language_entry *entry = language_lookup (lang, &status);
  const char *name;

  if (entry == NULL)
    return NULL;
  if (catalog_of (entry) == &catalog_english)
    return language_name_msgid;
  name = catalog_translate (catalog_of (entry), language_name_msgid);
  return name != NULL ? name : entry->facts.bcp47;
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

/* The entry of the first entry of the colon-separated LIST that has a
   catalog, each named as NAMING says; NULL when none has, when gettext
   would stop at an entry naming the C locale (NAMING_GETTEXT), or when
   memory ran out before a catalog was found (*STATUS is WTISD_ENOMEM
   then: a later entry's catalog would be the wrong answer).  */
static struct language_entry *
list_entry (const char *list, enum naming naming, int *status)
{
  int entries = 0;

  *status = WTISD_OK;
  while (*list != '\0' && entries++ < LANGUAGE_LIST_MAX)
    {
      size_t length = strcspn (list, ":");
      struct language_entry *entry;
      int found;

      if (naming == NAMING_GETTEXT
          && ((length == 1 && *list == 'C')
              || (length == 5 && strncmp (list, "POSIX", 5) == 0)))
        return NULL;
      if (length > 0)
        {
          entry = language_resolve (list, length, naming, &found);
          if (entry != NULL && catalog_of (entry) != &catalog_english)
            return entry;
          if (found == WTISD_ENOMEM || found == WTISD_EICU)
            {
              *status = WTISD_ENOMEM;
              return NULL;
            }
        }
      list += length + (list[length] == ':');
    }
  return NULL;
}

/* The entry wtisd_text reads now: gettext's choice for LC_MESSAGES;
   NULL when memory ran out.  */
static struct language_entry *
process_entry (void)
{
  const char *locale = messages_locale (), *list;
  struct language_entry *entry;
  int status;

  /* gettext ignores LANGUAGE in the C locale: its ASCII may not show
     translations.  */
  if (locale == NULL || strcmp (locale, "C") == 0
      || strcmp (locale, "POSIX") == 0)
    return &english;
  list = getenv ("LANGUAGE");
  if (list == NULL || *list == '\0')
    list = locale;
  entry = list_entry (list, NAMING_GETTEXT, &status);
  return entry != NULL ? entry : status == WTISD_OK ? &english : NULL;
}

const char *
wtisd_text (wtisd_text_id id)
{
  const struct language_entry *entry;

  if ((int)id < 0 || (int)id >= WTISD_TEXT_COUNT)
    return NULL;
  entry = process_entry ();
  return entry != NULL ? catalog_of (entry)->texts[id] : NULL;
}

const char *
wtisd_environment_language (void)
{
  const char *variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *value = getenv ("LANGUAGE");
  const struct language_entry *entry = NULL;
  size_t i;
  int status = WTISD_OK;

  /* Unlike gettext, LANGUAGE counts in the C locale too, and past a "C"
     entry.  */
  if (value != NULL)
    entry = list_entry (value, NAMING_TAG, &status);
  if (entry != NULL || status != WTISD_OK)
    return entry != NULL ? entry->name : NULL;
  for (i = 0; i < sizeof variables / sizeof variables[0]; i++)
    if ((value = getenv (variables[i])) != NULL && *value != '\0')
      {
        entry = language_lookup (value, &status);
        if (entry == NULL && status != WTISD_EINVAL)
          return NULL;
        return entry != NULL ? entry->name : english.name;
      }
  return english.name;
}

const char *
wtisd_language (const char *lang)
{
  const struct language_entry *entry;
  int status;

  entry = lang == NULL ? process_entry () : language_lookup (lang, &status);
  return entry != NULL ? entry->name : NULL;
}

static int
name_compare (const void *a, const void *b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The names of TABLE's sound catalogs (each is read), "en" included,
   sorted.  NULL when memory ran out.  */
static const char **
names_list (const struct language_table *table)
{
  const char **names = malloc ((table->count + 2) * sizeof *names);
  size_t count = 0, i;
  int has_english = 0;

  if (names == NULL)
    return NULL;
  for (i = 0; i < table->count; i++)
    {
      struct language_entry *entry = &table->entries[i];
      const struct catalog *catalog;
      int status = language_entry_catalog (table, entry, &catalog);

      if (status == WTISD_OK)
        {
          names[count++] = entry->name;
          has_english |= strcmp (entry->name, english.name) == 0;
        }
      else if (status != WTISD_ECATALOG && status != WTISD_ENOCATALOG)
        {
          free (names); /* Memory: the list would lack a language.  */
          return NULL;
        }
    }
  /* A damaged "en" catalog: English is still built in.  */
  if (!has_english)
    names[count++] = english.name;
  qsort (names, count, sizeof *names, name_compare);
  names[count] = NULL;
  return names;
}

/* When memory runs out: English alone, and the next call tries again.  */
static const char *const english_only[] = { "en", NULL };

/* The list of the table in force is made at its first call and kept.  */
const char *const *
wtisd_languages (void)
{
  struct language_table *table = language_table_now ();
  const char *const *names;
  const char **listed;

  if (table == NULL)
    return english_only;
  names = atomic_load_explicit (&table->languages, memory_order_acquire);
  if (names != NULL)
    return names;
  if ((listed = names_list (table)) == NULL)
    return english_only;
  if (atomic_compare_exchange_strong_explicit (
          &table->languages, &names, (const char *const *)listed,
          memory_order_acq_rel, memory_order_acquire))
    return listed;
  free (listed);
  return names;
}
