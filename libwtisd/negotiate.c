/* negotiate.c - the best available language for an Accept-Language
   header (RFC 9110, section 12.5.4).
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>

#include "internal.h"

/* Matching, in the spirit of ICU's LocaleMatcher (C++ only) and with
   ICU's likely-subtags data: a range matches a catalog of its language
   whose script is the one the range implies (zh-TW is written in Hant,
   so zh_CN, in Hans, does not match it; zh-SG does).  Among the catalogs
   of that language and script, the one of the range's region wins, else
   the one with no region, else the first.  The best-weighted range with
   a match decides; ties go to the earlier range.  Where LocaleMatcher
   would weigh distances instead (es-AR prefers es_MX to es; sr-Latn
   accepts sr in Cyrillic), this gives the catalog of the language
   itself.

   The catalogs' keys are worked out once per list of catalogs (that is,
   per locale directory) and kept for the life of the process, so a call
   only parses the header and compares short strings: no ICU call, no
   allocation, no lock.  */

/* Only ranges whose language has a catalog can match, and of those only
   the RANGES_MAX best-weighted count: a header with thousands of entries
   costs a bounded amount of matching.  Of those, only the ones tried
   before the first match are parsed in full.  */
#define RANGES_MAX 32
#define SCRIPT_SIZE 5

/* A range of the header, not yet parsed: most never need to be.  */
struct language_range
{
  const char *text;
  size_t length;
  int weight; /* q * 1000 */
};

/* A region whose likely script is not the language's usual one.  */
struct script_exception
{
  char region[4];
  char script[SCRIPT_SIZE];
};

/* What a catalog offers: its language, the script it is written in
   (explicit or likely), its region if its name has one, and for its
   language the regions where another script is likely.  */
struct catalog_key
{
  char language[4];
  char script[SCRIPT_SIZE];
  char region[4];
  char usual_script[SCRIPT_SIZE];
  struct script_exception *exceptions; /* shared by a language's keys */
  size_t exception_count;
};

/* A language of the keys, as its four NUL-padded bytes read as one
   number, and its first key: a range is looked up in a sorted array of
   these, so a call costs the same with 7 catalogs or 70.  */
struct language_entry
{
  uint32_t language;
  uint32_t first_key;
};

struct negotiation_cache
{
  struct negotiation_cache *next;
  const char *const *languages; /* wtisd_languages's array: the key */
  struct language_entry *index; /* Sorted by language.  */
  size_t language_count;
  size_t count;
  struct catalog_key keys[];
};

static _Atomic (struct negotiation_cache *) caches;
static pthread_mutex_t caches_lock = PTHREAD_MUTEX_INITIALIZER;

/* ICU loads its likely-subtags data once and remembers a failure for the
   life of the process: loaded with the library, as normalize.c does.  */
__attribute__ ((constructor)) static void
likely_subtags_preload (void)
{
  UErrorCode code = U_ZERO_ERROR;
  char out[ULOC_FULLNAME_CAPACITY];

  uloc_addLikelySubtags ("und", out, sizeof out, &code);
}

/* The script of ICU locale ID (its likely one): 0, -1 out of memory,
   or 1 when ICU knows none (a made-up language).  */
static int
likely_script (const char *id, char script[SCRIPT_SIZE])
{
  char maximal[ULOC_FULLNAME_CAPACITY];
  UErrorCode code = U_ZERO_ERROR;

  script[0] = '\0';
  uloc_addLikelySubtags (id, maximal, sizeof maximal, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return -1;
  if (U_SUCCESS (code))
    uloc_getScript (maximal, script, SCRIPT_SIZE, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return -1;
  if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING)
    script[0] = '\0';
  return script[0] != '\0' ? 0 : 1;
}

/* Fills KEY's usual script and the regions (of ISO 3166) where its
   language is likely written in another.  0, or -1 out of memory.  */
static int
script_exceptions_find (struct catalog_key *key)
{
  const char *const *regions = uloc_getISOCountries ();
  struct script_exception *found = NULL;
  size_t count = 0, i;

  if (likely_script (key->language, key->usual_script) < 0)
    return -1;
  for (i = 0; key->usual_script[0] != '\0' && regions[i] != NULL; i++)
    {
      char id[16], script[SCRIPT_SIZE];
      struct script_exception *more;
      int status;

      snprintf (id, sizeof id, "%s_%s", key->language, regions[i]);
      if ((status = likely_script (id, script)) < 0)
        break;
      if (status > 0 || strcmp (script, key->usual_script) == 0)
        continue;
      more = realloc (found, (count + 1) * sizeof *found);
      if (more == NULL)
        break;
      found = more;
      snprintf (found[count].region, sizeof found[count].region, "%s",
                regions[i]);
      memcpy (found[count++].script, script, SCRIPT_SIZE);
    }
  if (key->usual_script[0] != '\0' && regions[i] != NULL)
    {
      free (found);
      return -1;
    }
  key->exceptions = found;
  key->exception_count = count;
  return 0;
}

/* The script a range (or catalog) of KEY's language implies: its own,
   else the likely one for its region.  */
static const char *
implied_script (const struct catalog_key *key, const char *script,
                const char *region)
{
  size_t i;

  if (script[0] != '\0')
    return script;
  for (i = 0; region[0] != '\0' && i < key->exception_count; i++)
    if (strcmp (key->exceptions[i].region, region) == 0)
      return key->exceptions[i].script;
  return key->usual_script;
}

/* The script of TAG as written in it: "Hant" for zh-Hant, "Latn" for
   sr@latin, "" for none.  */
static void
tag_script (const struct language_tag *tag, char script[SCRIPT_SIZE])
{
  char id[LANGUAGE_TAG_MAX + 1];
  const char *underscore;

  memcpy (script, tag->script, SCRIPT_SIZE);
  if (script[0] != '\0' || tag->modifier[0] == '\0')
    return;
  /* A POSIX modifier may name a script: tag.c knows which.  */
  language_icu_id (tag, id, sizeof id);
  underscore = strchr (id, '_');
  if (underscore != NULL && strcspn (underscore + 1, "_") == 4)
    {
      memcpy (script, underscore + 1, 4);
      script[4] = '\0';
    }
}

/* Fills KEY for the catalog NAME; PREVIOUS, the key before it (the list
   is sorted), lends its language's exceptions.  0, or -1.  */
static int
catalog_key_fill (struct catalog_key *key, const char *name,
                  const struct catalog_key *previous)
{
  struct language_tag tag;
  char script[SCRIPT_SIZE];

  int status;

  memset (key, 0, sizeof *key);
  status = language_tag_parse (name, strlen (name), &tag);
  if (status == WTISD_ENOMEM)
    return -1; /* No key is kept from a failure.  */
  if (status != WTISD_OK)
    return 0; /* Listed, so valid; if not, it matches nothing.  */
  /* Catalog languages have two or three letters (ISO 639-1 or -2); a
     longer one keeps an empty key, which matches nothing.  */
  if (strlen (tag.language) < sizeof key->language)
    strcpy (key->language, tag.is_c ? "en" : tag.language);
  snprintf (key->region, sizeof key->region, "%s", tag.region);
  if (previous != NULL && strcmp (previous->language, key->language) == 0)
    {
      memcpy (key->usual_script, previous->usual_script, SCRIPT_SIZE);
      key->exceptions = previous->exceptions;
      key->exception_count = previous->exception_count;
    }
  else if (script_exceptions_find (key) != 0)
    return -1;
  tag_script (&tag, script);
  memcpy (key->script, implied_script (key, script, key->region), SCRIPT_SIZE);
  return 0;
}

static void
cache_free (struct negotiation_cache *cache, size_t filled)
{
  size_t i;

  for (i = 0; i < filled; i++)
    if (i == 0 || cache->keys[i].exceptions != cache->keys[i - 1].exceptions)
      free (cache->keys[i].exceptions);
  free (cache->index);
  free (cache);
}

static uint32_t
language_number (const char language[4])
{
  uint32_t number;

  memcpy (&number, language, sizeof number);
  return number;
}

static int
language_entry_compare (const void *a, const void *b)
{
  const struct language_entry *x = a, *y = b;

  return (x->language > y->language) - (x->language < y->language);
}

/* Fills CACHE's index from its keys: each language once, with the first
   of its keys (the list is sorted, so a language's keys are together).
   0, or -1 out of memory.  */
static int
language_index_build (struct negotiation_cache *cache)
{
  size_t i;

  cache->index = malloc ((cache->count + 1) * sizeof *cache->index);
  if (cache->index == NULL)
    return -1;
  cache->language_count = 0;
  for (i = 0; i < cache->count; i++)
    if (i == 0
        || memcmp (cache->keys[i].language, cache->keys[i - 1].language, 4)
               != 0)
      cache->index[cache->language_count++]
          = (struct language_entry){ language_number (cache->keys[i].language),
                                     (uint32_t)i };
  qsort (cache->index, cache->language_count, sizeof *cache->index,
         language_entry_compare);
  return 0;
}

/* The keys of LANGUAGES, worked out now; NULL out of memory.  */
static struct negotiation_cache *
cache_build (const char *const *languages)
{
  struct negotiation_cache *cache;
  size_t count = 0, i;

  while (languages[count] != NULL)
    count++;
  cache = malloc (sizeof *cache + count * sizeof cache->keys[0]);
  if (cache == NULL)
    return NULL;
  cache->languages = languages;
  cache->index = NULL;
  cache->count = count;
  for (i = 0; i < count; i++)
    if (catalog_key_fill (&cache->keys[i], languages[i],
                          i > 0 ? &cache->keys[i - 1] : NULL)
        != 0)
      {
        cache_free (cache, i);
        return NULL;
      }
  if (language_index_build (cache) != 0)
    {
      cache_free (cache, count);
      return NULL;
    }
  return cache;
}

/* The cache for LANGUAGES: found without a lock, built under one.  NULL
   when memory ran out; nothing is remembered then, so a later call
   tries again.  */
static const struct negotiation_cache *
cache_for (const char *const *languages)
{
  struct negotiation_cache *cache;

  for (cache = atomic_load_explicit (&caches, memory_order_acquire);
       cache != NULL; cache = cache->next)
    if (cache->languages == languages)
      return cache;
  pthread_mutex_lock (&caches_lock);
  for (cache = atomic_load_explicit (&caches, memory_order_relaxed);
       cache != NULL && cache->languages != languages; cache = cache->next)
    ;
  if (cache == NULL && (cache = cache_build (languages)) != NULL)
    {
      cache->next = atomic_load_explicit (&caches, memory_order_relaxed);
      atomic_store_explicit (&caches, cache, memory_order_release);
    }
  pthread_mutex_unlock (&caches_lock);
  return cache;
}

/* Parses an RFC 9110 qvalue: "0", "0.5", "1.000"; -1 when malformed.  */
static int
qvalue_parse (const char *s, size_t length)
{
  int weight, scale = 100;
  size_t i;

  if (length == 0 || (s[0] != '0' && s[0] != '1')
      || (length > 1 && (s[1] != '.' || length > 5)))
    return -1;
  weight = (s[0] - '0') * 1000;
  for (i = 2; i < length; i++, scale /= 10)
    {
      if (s[i] < '0' || s[i] > '9')
        return -1;
      weight += (s[i] - '0') * scale;
    }
  return weight > 1000 ? -1 : weight;
}

static size_t
trim (const char **s, size_t length)
{
  while (length > 0 && (**s == ' ' || **s == '\t'))
    (*s)++, length--;
  while (length > 0 && ((*s)[length - 1] == ' ' || (*s)[length - 1] == '\t'))
    length--;
  return length;
}

/* The weight of one element "range *( OWS ; OWS weight )", 1000 without
   a weight; -1 when a parameter is anything but "q=" and a qvalue, the
   only one RFC 9110 defines here.  */
static int
element_weight (const char *params, size_t length)
{
  int weight = 1000;

  while (length > 0)
    {
      const char *next = memchr (params + 1, ';', length - 1);
      size_t n = next != NULL ? (size_t)(next - params) : length;
      const char *param = params + 1; /* After the ';'.  */
      size_t param_length = trim (&param, n - 1);

      if (param_length < 2 || (param[0] != 'q' && param[0] != 'Q')
          || param[1] != '=')
        return -1;
      weight = qvalue_parse (param + 2, param_length - 2);
      if (weight < 0)
        return -1;
      params += n;
      length -= n;
    }
  return weight;
}

/* Inserts RANGE into RANGES (COUNT of them, best weight first, in header
   order among equals), dropping the worst when full.  */
static void
ranges_insert (struct language_range *ranges, int *count,
               const struct language_range *range)
{
  int i = *count;

  if (i == RANGES_MAX)
    {
      if (ranges[RANGES_MAX - 1].weight >= range->weight)
        return;
      i--;
    }
  else
    (*count)++;
  for (; i > 0 && ranges[i - 1].weight < range->weight; i--)
    ranges[i] = ranges[i - 1];
  ranges[i] = *range;
}

/* The first key of CACHE in LANGUAGE (NUL-padded), or NULL.  */
static const struct catalog_key *
key_of_language (const struct negotiation_cache *cache, const char language[4])
{
  uint32_t wanted = language_number (language);
  size_t low = 0, high = cache->language_count;

  while (low < high)
    {
      size_t middle = low + (high - low) / 2;
      uint32_t found = cache->index[middle].language;

      if (found == wanted)
        return &cache->keys[cache->index[middle].first_key];
      if (found < wanted)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

/* The language of the range TEXT (LENGTH bytes) as the tag parser would
   give it -- its first subtag, lower case, or "en" for the C locale --
   into LANGUAGE; 0, or -1 when it has none.  A cheap look before the
   full parse, which only the range that decides needs.  */
static int
range_language (const char *text, size_t length, char language[4])
{
  size_t n = 0;

  while (n < length && n < 6 && text[n] != '-' && text[n] != '_'
         && text[n] != '.' && text[n] != '@')
    n++;
  if ((n == 1 && (text[0] == 'C' || text[0] == 'c'))
      || (n == 5 && strncasecmp (text, "POSIX", 5) == 0))
    {
      strcpy (language, "en");
      return 0;
    }
  if (n < 2 || n > 3)
    return -1;
  for (size_t i = 0; i < n; i++)
    {
      char c = text[i];

      if (c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
      if (c < 'a' || c > 'z')
        return -1;
      language[i] = c;
    }
  language[n] = '\0';
  return 0;
}

/* Collects the acceptable ranges of HEADER whose language has a
   catalog, best weight first.  */
static int
ranges_collect (const char *header, const struct negotiation_cache *cache,
                struct language_range *ranges)
{
  int count = 0;

  while (*header != '\0')
    {
      const char *comma = strchr (header, ',');
      size_t n = comma != NULL ? (size_t)(comma - header) : strlen (header);
      const char *element = header;
      size_t element_length = trim (&element, n);
      const char *semicolon = memchr (element, ';', element_length);
      size_t tag_length
          = semicolon != NULL ? (size_t)(semicolon - element) : element_length;
      struct language_range range;
      char language[4] = { 0 };

      range.weight
          = element_weight (element + tag_length, element_length - tag_length);
      range.length = trim (&element, tag_length);
      range.text = element;
      header += n + (header[n] == ',');
      /* "*" adds nothing: English, the fallback, is always available.  */
      if (range.weight > 0 && range.length > 0
          && range.length <= LANGUAGE_TAG_MAX
          && range_language (range.text, range.length, language) == 0
          && key_of_language (cache, language) != NULL)
        ranges_insert (ranges, &count, &range);
    }
  return count;
}

/* The catalog of CACHE that the well-formed tag TAG matches best, or
   NULL.  */
static const char *
tag_match (const struct negotiation_cache *cache, struct language_tag *tag)
{
  const struct catalog_key *first;
  const char *script, *base = NULL, *other = NULL;
  char own_script[SCRIPT_SIZE];
  size_t i;

  if (tag->is_c)
    strcpy (tag->language, "en");
  if ((first = key_of_language (cache, tag->language)) == NULL)
    return NULL;
  tag_script (tag, own_script);
  script = implied_script (first, own_script, tag->region);
  /* The list is sorted: the language's keys are together.  */
  for (i = (size_t)(first - cache->keys);
       i < cache->count
       && strcmp (cache->keys[i].language, first->language) == 0;
       i++)
    {
      const struct catalog_key *key = &cache->keys[i];

      if (strcmp (key->script, script) != 0)
        continue;
      if (key->region[0] == '\0')
        base = base != NULL ? base : cache->languages[i];
      else if (strcmp (key->region, tag->region) == 0)
        return cache->languages[i];
      else
        other = other != NULL ? other : cache->languages[i];
    }
  return base != NULL ? base : other;
}

/* The catalog RANGE matches, or NULL (no match, or malformed).  */
static const char *
range_match (const struct negotiation_cache *cache,
             const struct language_range *range)
{
  char text[LANGUAGE_TAG_MAX + 1];
  struct language_tag tag;

  memcpy (text, range->text, range->length);
  text[range->length] = '\0';
  if (language_tag_parse (text, range->length, &tag) != 0)
    return NULL;
  return tag_match (cache, &tag);
}

const char *
wtisd_negotiate (const char *accept_language)
{
  struct language_range ranges[RANGES_MAX];
  const struct negotiation_cache *cache;
  int count, i;

  if (accept_language == NULL)
    return "en";
  cache = cache_for (wtisd_languages ());
  if (cache == NULL)
    return "en"; /* Out of memory: the fallback, remembered nowhere.  */
  count = ranges_collect (accept_language, cache, ranges);
  for (i = 0; i < count; i++)
    {
      const char *best = range_match (cache, &ranges[i]);

      if (best != NULL)
        return best;
    }
  return "en";
}
