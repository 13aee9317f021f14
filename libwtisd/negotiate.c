/* negotiate.c - the best available language for an Accept-Language
   header (RFC 9110, section 12.5.4, with the ranges of RFC 4647).
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* Each catalog gets the weight of the most specific range that names it
   (RFC 4647, section 3.3.1; RFC 9110: "q=0" means "not acceptable"):
   a range names the catalogs whose tag it is a prefix of ("zh" names
   zh-CN and zh-TW), and, at a lower specificity, the one catalog it
   reads best (below), so that "fr-CH" reaches "fr".  "*" names every
   catalog no other range names.  The best weight wins; among equals the
   earlier range, then the catalog the range reads best, then English.
   When nothing is acceptable, English, the fallback.  A range reads
   best the catalog wtisd_text_in would give it (language_table_best):
   zh-TW is written in Hant, so zh_CN, in Hans, does not match it; zh-SG
   does.  */

/* A header with thousands of entries costs a bounded amount of work:
   only the best-weighted ranges, and the first exclusions, count.  */
#define RANGES_MAX 32
#define EXCLUSIONS_MAX 16

/* Of the ranges whose first subtag is no language of the table, the
   first ones are read as ICU reads them (a deprecated code, Cantonese,
   the C locale may name one); the others are ignored, so that a header
   of thousands of ranges of other languages costs no ICU call each, and
   cannot crowd out the range that names a catalog.  */
#define FOREIGN_PARSES_MAX 64

/* A range of the header.  */
struct language_range
{
  const char *text;
  size_t length;
  int parsed; /* TAG holds TEXT parsed.  */
  struct language_tag tag;
  int weight; /* q * 1000 */
  int order;  /* In the header.  */
};

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

/* The weight of one element "range [ OWS ; OWS "q=" qvalue ]", whose
   PARAMS, LENGTH bytes, start at the ';': 1000 without one; -1 for
   anything else after the ';' (RFC 9110 defines no other parameter
   here).  */
static int
element_weight (const char *params, size_t length)
{
  const char *param = params + 1;
  size_t param_length;

  if (length == 0)
    return 1000;
  param_length = trim (&param, length - 1);
  if (param_length < 2 || (param[0] != 'q' && param[0] != 'Q')
      || param[1] != '=')
    return -1;
  return qvalue_parse (param + 2, param_length - 2);
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

/* Parses RANGE's text into its tag: 0, or -1 when it is malformed or
   memory ran out (it names nothing then).  */
static int
range_parse (struct language_range *range)
{
  char copy[LANGUAGE_TAG_MAX + 1];

  memcpy (copy, range->text, range->length);
  copy[range->length] = '\0';
  range->parsed = 1;
  return tag_parse (copy, range->length, &range->tag) == WTISD_OK ? 0 : -1;
}

/* Whether RANGE may name a catalog of TABLE: its first subtag is a
   language of the table, or else, while *PARSES allows, ICU reads it as
   one.  */
static int
range_may_name (const struct language_table *table,
                struct language_range *range, int *parses)
{
  size_t n = strcspn (range->text, "-_.@,; \t"), i;
  char language[9];

  if (n >= 2 && n < sizeof language && n <= range->length)
    {
      for (i = 0; i < n; i++)
        language[i] = (char)(range->text[i] | 0x20);
      language[n] = '\0';
      if (language_table_has (table, language))
        return 1;
    }
  return (*parses)++ < FOREIGN_PARSES_MAX && range_parse (range) == 0
         && language_table_has (table, range->tag.language);
}

/* The ranges of HEADER that count: the acceptable ones in RANGES (best
   first, *COUNT of them), then the exclusions after them (*EXCLUDED);
   the weight of "*" (-1 when absent) is returned.  */
static int
ranges_collect (const struct language_table *table, const char *header,
                struct language_range *ranges, int *count, int *excluded)
{
  struct language_range exclusions[EXCLUSIONS_MAX];
  int star = -1, order = 0, parses = 0;

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
      range.parsed = 0;
      range.order = order++;
      header += n + (header[n] == ',');
      if (range.weight < 0 || range.length == 0
          || range.length > LANGUAGE_TAG_MAX)
        continue;
      if (range.length == 1 && range.text[0] == '*')
        star = star < 0 ? range.weight : star;
      else if (!range_may_name (table, &range, &parses))
        continue;
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
range_apply (const struct language_table *table, struct language_range *range,
             struct naming *namings)
{
  const struct language_tag *tag = &range->tag;
  char canonical[LANGUAGE_TAG_MAX + 16];
  long best = -1;
  int length;
  size_t i;

  if (!range->parsed && range_parse (range) != 0)
    return WTISD_OK;
  length = snprintf (canonical, sizeof canonical, "%s%s%s%s%s", tag->language,
                     *tag->script ? "-" : "", tag->script,
                     *tag->region ? "-" : "", tag->region);
  if (range->weight > 0 && (best = language_table_best (table, tag)) == -2)
    return WTISD_ENOMEM;
  for (i = 0; i < table->count; i++)
    {
      struct naming *naming = &namings[i];
      int specificity = range_names (canonical, table->entries[i].facts.bcp47)
                            ? length
                        : (long)i == best ? 0
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
table_negotiate (const struct language_table *table, const char *header,
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
      const struct catalog *catalog;
      size_t chosen = 0;
      int check;

      best = NULL;
      for (k = 0; k < table->count; k++)
        if (namings[k].weight > 0
            && (best == NULL
                || naming_beats (&namings[k], table->entries[k].name,
                                 best_naming)))
          best = table->entries[k].name, best_naming = &namings[k], chosen = k;
      if (best == NULL
          || (check = language_entry_catalog (table, &table->entries[chosen],
                                              &catalog))
                 == WTISD_OK)
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
  const struct language_table *table;
  const char *best;
  int status = WTISD_OK;

  if (accept_language == NULL)
    return "en";
  table = language_table_now ();
  if (table == NULL)
    return "en"; /* Out of memory: the fallback, remembered nowhere.  */
  best = table_negotiate (table, accept_language, &status);
  return best != NULL && status == WTISD_OK ? best : "en";
}
