/* negotiate.c - the best available language for an Accept-Language
   header (RFC 9110, section 12.5.4, with the ranges of RFC 4647).
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>

#include "internal.h"

/* Each catalog gets the weight of the most specific range that names it
   (RFC 4647, section 3.3.1; RFC 9110: "q=0" means "not acceptable"):
   a range names the catalogs whose tag it is a prefix of ("zh" names
   zh-CN and zh-TW), and, at a lower specificity, the one catalog it
   reads best (below), so that "fr-CH" reaches "fr".  "*" names every
   catalog no other range names.  The best weight wins; among equals the
   earlier range, then the catalog the range reads best, then English.
   When nothing is acceptable, English, the fallback.

   A range reads best a catalog of its language written in the script
   the range implies (CLDR's likely subtags, by ICU: zh-TW is written in
   Hant, so zh_CN, in Hans, does not match it; zh-SG does), of its
   region, else of none, else of the region likely for the language and
   script (zh-Hant: Taiwan), else the first.  */

/* A header with thousands of entries costs a bounded amount of work:
   only the best-weighted ranges, and the first exclusions, count.  */
#define RANGES_MAX 32
#define EXCLUSIONS_MAX 16

/* A range of the header.  */
struct language_range
{
  const char *text;
  size_t length;
  int weight; /* q * 1000 */
  int order;  /* In the header.  */
};

/* What negotiation needs of a catalog, worked out once per list of
   catalogs: its language, script (given or likely), region and tag.  */
struct catalog_key
{
  const char *name;
  char language[9];
  char script[5];
  char region[4];
  char tag[LANGUAGE_TAG_MAX];
};

/* The keys of one list of catalogs (language_names's array), sorted by
   language; never changed once published.  */
struct negotiation_table
{
  struct negotiation_table *next;
  const char *const *languages;
  size_t count;
  struct catalog_key keys[];
};

static _Atomic (struct negotiation_table *) tables;
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;

/* The likely script and region of ICU locale ID into SCRIPT and REGION
   (either may be NULL).  WTISD_OK, or WTISD_ENOMEM; "" where ICU knows
   none (a made-up language).  */
static int
likely_subtags (const char *id, char script[5], char region[4])
{
  char maximal[ULOC_FULLNAME_CAPACITY];
  UErrorCode code = U_ZERO_ERROR;

  uloc_addLikelySubtags (id, maximal, sizeof maximal, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM;
  if (U_FAILURE (code))
    maximal[0] = '\0';
  if (script != NULL)
    {
      code = U_ZERO_ERROR;
      uloc_getScript (maximal, script, 5, &code);
      if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING)
        script[0] = '\0';
    }
  if (region != NULL)
    {
      code = U_ZERO_ERROR;
      uloc_getCountry (maximal, region, 4, &code);
      if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING)
        region[0] = '\0';
    }
  return WTISD_OK;
}

/* The script TAG is written in: its own, else the likely one.  */
static int
written_script (const struct language_tag *tag, char script[5])
{
  char id[LANGUAGE_TAG_MAX + 1];

  tag_icu_id (tag, id, sizeof id);
  if (strchr (id, '_') != NULL && strlen (strchr (id, '_') + 1) >= 4
      && strcspn (strchr (id, '_') + 1, "_") == 4)
    {
      memcpy (script, strchr (id, '_') + 1, 4);
      script[4] = '\0';
      return WTISD_OK;
    }
  return likely_subtags (id, script, NULL);
}

/* Fills KEY for the catalog NAME.  */
static int
catalog_key_fill (struct catalog_key *key, const char *name)
{
  struct language_tag tag;
  char id[LANGUAGE_TAG_MAX + 1];
  UErrorCode code = U_ZERO_ERROR;
  int status;

  memset (key, 0, sizeof *key);
  key->name = name;
  status = tag_parse (name, strlen (name), &tag);
  if (status != WTISD_OK)
    return status == WTISD_ENOMEM ? status : WTISD_OK; /* Matches nothing.  */
  snprintf (key->language, sizeof key->language, "%s",
            tag.is_c ? "en" : tag.language);
  snprintf (key->region, sizeof key->region, "%s", tag.region);
  if ((status = written_script (&tag, key->script)) != WTISD_OK)
    return status;
  tag_icu_id (&tag, id, sizeof id);
  uloc_toLanguageTag (id, key->tag, sizeof key->tag, 0, &code);
  return code == U_MEMORY_ALLOCATION_ERROR ? WTISD_ENOMEM : WTISD_OK;
}

static int
key_compare (const void *a, const void *b)
{
  const struct catalog_key *x = a, *y = b;
  int by_language = strcmp (x->language, y->language);

  return by_language != 0 ? by_language : strcmp (x->name, y->name);
}

/* The keys of LANGUAGES; NULL when memory ran out.  */
static struct negotiation_table *
table_build (const char *const *languages)
{
  struct negotiation_table *table;
  size_t count = 0, i;

  while (languages[count] != NULL)
    count++;
  table = malloc (sizeof *table + count * sizeof table->keys[0]);
  if (table == NULL)
    return NULL;
  table->languages = languages;
  table->count = count;
  for (i = 0; i < count; i++)
    if (catalog_key_fill (&table->keys[i], languages[i]) != WTISD_OK)
      {
        free (table);
        return NULL;
      }
  qsort (table->keys, count, sizeof *table->keys, key_compare);
  return table;
}

/* The table of LANGUAGES: found without a lock, built under one, kept
   for the life of the process.  NULL when memory ran out; nothing is
   remembered then, so a later call tries again.  */
static const struct negotiation_table *
table_for (const char *const *languages)
{
  struct negotiation_table *table;

  for (table = atomic_load_explicit (&tables, memory_order_acquire);
       table != NULL; table = table->next)
    if (table->languages == languages)
      return table;
  pthread_mutex_lock (&tables_lock);
  for (table = atomic_load_explicit (&tables, memory_order_relaxed);
       table != NULL && table->languages != languages; table = table->next)
    ;
  if (table == NULL && (table = table_build (languages)) != NULL)
    {
      table->next = atomic_load_explicit (&tables, memory_order_relaxed);
      atomic_store_explicit (&tables, table, memory_order_release);
    }
  pthread_mutex_unlock (&tables_lock);
  return table;
}

/* The index of the first key of LANGUAGE in TABLE, or COUNT.  */
static size_t
language_first (const struct negotiation_table *table, const char *language)
{
  size_t low = 0, high = table->count;

  while (low < high)
    {
      size_t middle = low + (high - low) / 2;

      if (strcmp (table->keys[middle].language, language) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low < table->count
                 && strcmp (table->keys[low].language, language) == 0
             ? low
             : table->count;
}

/* The key TAG reads best (see the top of this file), or -1; -2 when
   memory ran out.  */
static long
best_key (const struct negotiation_table *table, struct language_tag *tag)
{
  char script[5], likely_region[4] = "", id[LANGUAGE_TAG_MAX + 1];
  long base = -1, likely = -1, other = -1;
  size_t i;

  if (tag->is_c)
    strcpy (tag->language, "en");
  /* Cantonese readers read Traditional Chinese, Hong Kong's first.  */
  if (strcmp (tag->language, "yue") == 0
      && language_first (table, "yue") == table->count)
    {
      strcpy (tag->language, "zh");
      if (tag->script[0] == '\0')
        strcpy (tag->script, "Hant");
      if (tag->region[0] == '\0')
        strcpy (tag->region, "HK");
    }
  i = language_first (table, tag->language);
  if (i == table->count)
    return -1;
  if (written_script (tag, script) != WTISD_OK)
    return -2;
  snprintf (id, sizeof id, "%s_%s", tag->language, script);
  if (likely_subtags (id, NULL, likely_region) != WTISD_OK)
    return -2;
  for (; i < table->count
         && strcmp (table->keys[i].language, tag->language) == 0;
       i++)
    {
      const struct catalog_key *key = &table->keys[i];

      if (strcmp (key->script, script) != 0)
        continue;
      if (key->region[0] == '\0')
        base = base >= 0 ? base : (long)i;
      else if (strcmp (key->region, tag->region) == 0)
        return (long)i;
      else if (strcmp (key->region, likely_region) == 0)
        likely = (long)i;
      else
        other = other >= 0 ? other : (long)i;
    }
  return base >= 0 ? base : likely >= 0 ? likely : other;
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

/* Whether RANGE can name a catalog of TABLE, at a glance: its first
   subtag is a language of the table, or a tag that ICU reads as one (a
   deprecated code, Cantonese, the C locale) or of another shape.  A
   header of thousands of ranges of other languages is so read without
   parsing them.  */
static int
range_may_match (const struct negotiation_table *table,
                 const struct language_range *range)
{
  static const char *const read_as_another[]
      = { "c", "posix", "iw", "in", "ji", "mo", "yue" };
  char language[4];
  size_t n = strcspn (range->text, "-_.@,; \t");
  size_t i;

  if (n > range->length)
    n = range->length;
  if (n > 3 || n < 1)
    return 1;
  for (i = 0; i < n; i++)
    language[i] = (char)(range->text[i] | 0x20);
  language[n] = '\0';
  for (i = 0; i < sizeof read_as_another / sizeof *read_as_another; i++)
    if (strcmp (language, read_as_another[i]) == 0)
      return 1;
  return language_first (table, language) < table->count;
}

/* The ranges of HEADER that count: the acceptable ones in RANGES (best
   first, *COUNT of them), then the exclusions after them (*EXCLUDED);
   the weight of "*" (-1 when absent) is returned.  */
static int
ranges_collect (const struct negotiation_table *table, const char *header,
                struct language_range *ranges, int *count, int *excluded)
{
  struct language_range exclusions[EXCLUSIONS_MAX];
  int star = -1, order = 0;

  *count = *excluded = 0;
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

      range.weight
          = element_weight (element + tag_length, element_length - tag_length);
      range.length = trim (&element, tag_length);
      range.text = element;
      range.order = order++;
      header += n + (header[n] == ',');
      if (range.weight < 0 || range.length == 0
          || range.length > LANGUAGE_TAG_MAX
          || (!(range.length == 1 && range.text[0] == '*')
              && !range_may_match (table, &range)))
        continue;
      if (range.length == 1 && range.text[0] == '*')
        star = star < 0 ? range.weight : star;
      else if (range.weight > 0)
        ranges_insert (ranges, count, &range);
      else if (*excluded < EXCLUSIONS_MAX)
        exclusions[(*excluded)++] = range;
    }
  memcpy (ranges + *count, exclusions, (size_t)*excluded * sizeof *exclusions);
  return star;
}

/* How a catalog is named by the header so far.  */
struct naming
{
  int specificity; /* -1: not named; 0: read best; else the range's length */
  int weight;
  int order;
  int read_best;
};

/* Whether the canonical range TEXT is a prefix of TAG (RFC 4647,
   basic filtering).  */
static int
range_names (const char *text, const char *tag)
{
  size_t length = strlen (text);

  return strncasecmp (text, tag, length) == 0
         && (tag[length] == '\0' || tag[length] == '-');
}

/* Applies RANGE to NAMINGS.  WTISD_OK or WTISD_ENOMEM.  */
static int
range_apply (const struct negotiation_table *table,
             const struct language_range *range, struct naming *namings)
{
  char text[LANGUAGE_TAG_MAX + 1], canonical[LANGUAGE_TAG_MAX + 16];
  struct language_tag tag;
  long best = -1;
  int length;
  size_t i;

  memcpy (text, range->text, range->length);
  text[range->length] = '\0';
  if (tag_parse (text, range->length, &tag) != WTISD_OK)
    return WTISD_OK; /* Malformed (or memory: then it names nothing).  */
  length = snprintf (canonical, sizeof canonical, "%s%s%s%s%s",
                     tag.is_c ? "en" : tag.language, *tag.script ? "-" : "",
                     tag.script, *tag.region ? "-" : "", tag.region);
  if (range->weight > 0 && (best = best_key (table, &tag)) == -2)
    return WTISD_ENOMEM;
  for (i = 0; i < table->count; i++)
    {
      struct naming *naming = &namings[i];
      int specificity = range_names (canonical, table->keys[i].tag) ? length
                        : (long)i == best                           ? 0
                                                                    : -1;

      if (specificity > naming->specificity)
        *naming = (struct naming){ specificity, range->weight, range->order,
                                   (long)i == best };
    }
  return WTISD_OK;
}

/* Whether naming A (of catalog NAME_A) beats B.  */
static int
naming_beats (const struct naming *a, const char *name_a,
              const struct naming *b)
{
  if (a->weight != b->weight)
    return a->weight > b->weight;
  if (a->order != b->order)
    return a->order < b->order;
  if (a->read_best != b->read_best)
    return a->read_best;
  return strcmp (name_a, "en") == 0;
}

/* The best catalog of TABLE for HEADER whose catalog is sound (only the
   winner's is read: a damaged one drops out and the next best wins), or
   NULL when none is acceptable; *STATUS is WTISD_ENOMEM when memory ran
   out.  */
static const char *
table_negotiate (const struct negotiation_table *table, const char *header,
                 int *status)
{
  struct language_range ranges[RANGES_MAX + EXCLUSIONS_MAX];
  struct naming stack[128], *namings = stack, none = { -1, 0, 0, 0 };
  int count, excluded, star, i;
  const char *best = NULL;
  const struct naming *best_naming = &none;
  size_t k;

  if (table->count > sizeof stack / sizeof *stack
      && (namings = malloc (table->count * sizeof *namings)) == NULL)
    {
      *status = WTISD_ENOMEM;
      return NULL;
    }
  for (k = 0; k < table->count; k++)
    namings[k] = none;
  star = ranges_collect (table, header, ranges, &count, &excluded);
  for (i = 0; i < count + excluded && *status == WTISD_OK; i++)
    *status = range_apply (table, &ranges[i], namings);
  for (k = 0; k < table->count && *status == WTISD_OK; k++)
    if (namings[k].specificity < 0 && star > 0)
      namings[k] = (struct naming){ -1, star, -1, 0 };
  while (*status == WTISD_OK)
    {
      size_t chosen = 0;
      int check;

      best = NULL;
      for (k = 0; k < table->count; k++)
        if (namings[k].weight > 0
            && (best == NULL
                || naming_beats (&namings[k], table->keys[k].name,
                                 best_naming)))
          best = table->keys[k].name, best_naming = &namings[k], chosen = k;
      if (best == NULL || (check = wtisd_language_check (best)) == WTISD_OK)
        break;
      if (check != WTISD_ECATALOG && check != WTISD_ENOCATALOG)
        *status = WTISD_ENOMEM;
      namings[chosen].weight = 0; /* Damaged: the next best.  */
    }
  if (namings != stack)
    free (namings);
  return best;
}

const char *
wtisd_negotiate (const char *accept_language)
{
  const struct negotiation_table *table;
  const char *const *languages;
  const char *best;
  int status = WTISD_OK;

  if (accept_language == NULL)
    return "en";
  languages = language_names ();
  table = languages != NULL ? table_for (languages) : NULL;
  if (table == NULL)
    return "en"; /* Out of memory: the fallback, remembered nowhere.  */
  best = table_negotiate (table, accept_language, &status);
  return best != NULL && status == WTISD_OK ? best : "en";
}
