/* negotiate.c - the best available language for an Accept-Language
   header (RFC 9110, section 12.5.4), with ICU's locale matching.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include "internal.h"

/* Only ranges whose language has a catalog can match, and of those only
   the best-weighted are offered to ICU: a header with thousands of
   entries costs a bounded amount of matching.  */
#define RANGES_MAX 32
#define ICU_ID_MAX 64

struct language_range
{
  char icu_id[ICU_ID_MAX];
  int weight; /* q * 1000 */
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

/* Whether some catalog of LANGUAGES is in LANGUAGE ("zh" for zh_CN).  */
static int
language_available (const char *const *languages, const char *language)
{
  size_t length = strlen (language);

  for (; *languages != NULL; languages++)
    if (strncmp (*languages, language, length) == 0
        && strchr ("_@", (*languages)[length]) != NULL)
      return 1;
  return 0;
}

/* Collects the acceptable, well-formed ranges of HEADER whose language
   one of LANGUAGES has.  */
static int
ranges_parse (const char *header, const char *const *languages,
              struct language_range *ranges)
{
  int count = 0;

  while (*header != '\0')
    {
      size_t n = strcspn (header, ",");
      const char *element = header;
      size_t element_length = trim (&element, n);
      const char *semicolon = memchr (element, ';', element_length);
      size_t tag_length
          = semicolon != NULL ? (size_t)(semicolon - element) : element_length;
      struct language_tag tag;
      struct language_range range;
      char tag_text[LANGUAGE_TAG_MAX + 1];

      range.weight
          = element_weight (element + tag_length, element_length - tag_length);
      tag_length = trim (&element, tag_length);
      header += n + (header[n] == ',');
      /* "*" adds nothing: English, the fallback, is always available.  */
      if (range.weight <= 0 || tag_length == 0
          || tag_length > LANGUAGE_TAG_MAX)
        continue;
      memcpy (tag_text, element, tag_length);
      tag_text[tag_length] = '\0';
      if (language_tag_parse (tag_text, tag_length, &tag) != 0
          || !language_available (languages, tag.is_c ? "en" : tag.language))
        continue;
      language_icu_id (&tag, range.icu_id, sizeof range.icu_id);
      ranges_insert (ranges, &count, &range);
    }
  return count;
}

/* Matches RANGES against the catalogs of the directory in force.  */
static const char *
ranges_match (const struct language_range *ranges, int count,
              const char *const *languages)
{
  const char *accept[RANGES_MAX], *available[256];
  char available_ids[256][ICU_ID_MAX], result[ULOC_FULLNAME_CAPACITY];
  UAcceptResult outcome = ULOC_ACCEPT_FAILED;
  UErrorCode code = U_ZERO_ERROR;
  UEnumeration *available_enum;
  int i, available_count = 0;

  for (i = 0; i < count; i++)
    accept[i] = ranges[i].icu_id;
  for (; languages[available_count] != NULL && available_count < 256;
       available_count++)
    {
      struct language_tag tag;
      const char *name = languages[available_count];

      language_tag_parse (name, strlen (name), &tag);
      language_icu_id (&tag, available_ids[available_count], ICU_ID_MAX);
      available[available_count] = available_ids[available_count];
    }
  available_enum
      = uenum_openCharStringsEnumeration (available, available_count, &code);
  if (U_SUCCESS (code))
    uloc_acceptLanguage (result, sizeof result, &outcome, accept, count,
                         available_enum, &code);
  uenum_close (available_enum);
  if (U_FAILURE (code) || outcome == ULOC_ACCEPT_FAILED)
    return NULL;
  for (i = 0; i < available_count; i++)
    if (strcmp (available_ids[i], result) == 0)
      return languages[i];
  return NULL;
}

const char *
wtisd_negotiate (const char *accept_language)
{
  struct language_range ranges[RANGES_MAX];
  const char *const *languages;
  const char *best;
  int count;

  if (accept_language == NULL)
    return "en";
  languages = wtisd_languages ();
  count = ranges_parse (accept_language, languages, ranges);
  best = count > 0 ? ranges_match (ranges, count, languages) : NULL;
  return best != NULL ? best : "en";
}
