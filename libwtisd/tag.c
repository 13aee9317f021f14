/* tag.c - language tags: BCP 47 tags and POSIX locale names, validated
   before anything touches the file system, and the catalog names to try
   for each, most specific first.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "internal.h"

static int
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static int
all_of (const char *s, size_t length, int (*test) (char))
{
  size_t i;

  for (i = 0; i < length; i++)
    if (!test (s[i]))
      return 0;
  return 1;
}

static int
is_alnum (char c)
{
  return is_alpha (c) || is_digit (c);
}

/* Copies LENGTH bytes of S into OUT, in upper case or in lower case.  */
static void
copy_case (char *out, const char *s, size_t length, int upper)
{
  size_t i;

  for (i = 0; i < length; i++)
    {
      char c = s[i];

      if (upper && c >= 'a' && c <= 'z')
        c = (char)(c - 'a' + 'A');
      else if (!upper && c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
      out[i] = c;
    }
  out[length] = '\0';
}

/* The bytes of a BCP 47 tag or a POSIX locale name.  */
static int
is_tag_char (char c)
{
  return is_alnum (c) || c == '-' || c == '_' || c == '.' || c == '@';
}

static int
is_region (const char *s, size_t length)
{
  return (length == 2 && all_of (s, 2, is_alpha))
         || (length == 3 && all_of (s, 3, is_digit));
}

/* POSIX: language[_territory][.codeset][@modifier].  */
static int
tag_parse_posix (const char *s, struct language_tag *tag)
{
  size_t n
      = strspn (s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

  if (n < 2 || n > 3)
    return -1;
  copy_case (tag->language, s, n, 0);
  s += n;
  if (*s == '_')
    {
      n = strcspn (++s, ".@");
      if (!is_region (s, n))
        return -1;
      copy_case (tag->region, s, n, 1);
      s += n;
    }
  if (*s == '.')
    {
      n = strcspn (++s, "@");
      if (n == 0 || n > 16
          || strspn (s, "abcdefghijklmnopqrstuvwxyz"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789-_")
                 < n)
        return -1;
      s += n;
    }
  if (*s == '@')
    {
      n = strlen (++s);
      if (n == 0 || n >= sizeof tag->modifier || !all_of (s, n, is_alnum))
        return -1;
      copy_case (tag->modifier, s, n, 0);
      s += n;
    }
  return *s == '\0' ? 0 : -1;
}

/* Replaces LANGUAGE, a language subtag, by its preferred value in the
   IANA registry, as ICU writes it in a canonical tag: the deprecated
   iw, in, ji and mo are he, id, yi and ro.  */
static void
language_canonicalize (char language[9], UErrorCode *code)
{
  char canonical[ULOC_FULLNAME_CAPACITY];
  size_t length;

  if (U_FAILURE (*code) || *language == '\0')
    return;
  uloc_toLanguageTag (language, canonical, sizeof canonical, 0, code);
  length = strcspn (canonical, "-");
  if (U_SUCCESS (*code) && length > 0 && length < 9)
    {
      memcpy (language, canonical, length);
      language[length] = '\0';
    }
}

/* BCP 47 (RFC 5646), by ICU: every well-formed tag, grandfathered ones
   ("i-klingon" is tlh) and extensions included.  ICU stops at the first
   subtag it cannot take; a tag is well-formed only when it takes all.  */
static int
tag_parse_bcp47 (const char *s, size_t length, struct language_tag *tag)
{
  UErrorCode code = U_ZERO_ERROR;
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;

  uloc_forLanguageTag (s, id, sizeof id, &parsed, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM; /* Not the tag's fault: never remembered.  */
  if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING
      || parsed != (int32_t)length)
    return WTISD_EINVAL;
  uloc_getLanguage (id, tag->language, sizeof tag->language, &code);
  language_canonicalize (tag->language, &code);
  uloc_getScript (id, tag->script, sizeof tag->script, &code);
  uloc_getCountry (id, tag->region, sizeof tag->region, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM;
  if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING)
    return WTISD_EINVAL;
  /* ICU writes "und" as "": private use ("x-foo") and "und" have no
     catalog.  */
  return WTISD_OK;
}

int
tag_parse (const char *s, size_t length, struct language_tag *tag)
{
  memset (tag, 0, sizeof *tag);
  /* No strspn: glibc's, for a set this large, costs a tenth of a
     negotiation.  */
  if (length == 0 || length > LANGUAGE_TAG_MAX
      || !all_of (s, length, is_tag_char))
    return WTISD_EINVAL;
  /* The C locale in its spellings: English, the library's own texts.  */
  if (strcasecmp (s, "C") == 0 || strcasecmp (s, "POSIX") == 0
      || strncasecmp (s, "C.", 2) == 0)
    {
      tag->is_c = 1;
      return s[1] == '.' && s[2] == '\0' ? WTISD_EINVAL : WTISD_OK;
    }
  if (strpbrk (s, "_.@") != NULL)
    return tag_parse_posix (s, tag) == 0 ? WTISD_OK : WTISD_EINVAL;
  return tag_parse_bcp47 (s, length, tag);
}

/* The POSIX modifier gettext catalogs use for a script.  */
static const char *
script_modifier (const char *script)
{
  if (strcmp (script, "Latn") == 0)
    return "latin";
  if (strcmp (script, "Cyrl") == 0)
    return "cyrillic";
  return NULL;
}

/* Chinese catalogs are named by region (zh_CN, zh_TW) but chosen by
   script: Hans and Hant decide, or the region implies one.  */
static int
candidates_chinese (const struct language_tag *tag,
                    char names[][LANGUAGE_NAME_MAX])
{
  char likely[ULOC_FULLNAME_CAPACITY], script[8] = "Hans", id[16];
  UErrorCode code = U_ZERO_ERROR;
  int count = 0;

  /* No script: the region implies one, as CLDR's likely subtags say
     (zh -> zh_Hans_CN, zh_TW and zh_HK and zh_US -> Hant), the same data
     wtisd_negotiate matches with.  */
  if (*tag->script != '\0')
    snprintf (script, sizeof script, "%s", tag->script);
  else if (*tag->region != '\0')
    {
      snprintf (id, sizeof id, "zh_%s", tag->region);
      uloc_addLikelySubtags (id, likely, sizeof likely, &code);
      uloc_getScript (likely, script, sizeof script, &code);
      if (U_FAILURE (code) || *script == '\0')
        snprintf (script, sizeof script, "Hans");
    }
  if (*tag->region)
    snprintf (names[count++], LANGUAGE_NAME_MAX, "zh_%s", tag->region);
  if (strcmp (script, "Hans") == 0)
    snprintf (names[count++], LANGUAGE_NAME_MAX, "zh_CN");
  else if (strcmp (script, "Hant") == 0)
    snprintf (names[count++], LANGUAGE_NAME_MAX, "zh_TW");
  snprintf (names[count++], LANGUAGE_NAME_MAX, "zh");
  return count;
}

/* Cantonese readers read written Chinese, in Traditional characters
   unless the tag says otherwise: a yue catalog where there is one, else
   Chinese as for zh-Hant-HK (Hong Kong's, then Taiwan's).  */
static int
candidates_cantonese (const struct language_tag *tag,
                      char names[][LANGUAGE_NAME_MAX])
{
  struct language_tag chinese = *tag;

  snprintf (names[0], LANGUAGE_NAME_MAX, "yue");
  strcpy (chinese.language, "zh");
  if (*chinese.script == '\0' && *chinese.region == '\0')
    strcpy (chinese.region, "HK");
  if (*chinese.script == '\0')
    strcpy (chinese.script, "Hant");
  return 1 + candidates_chinese (&chinese, names + 1);
}

/* TAG's script, given or implied by a POSIX modifier, or "".  */
static const char *
tag_script (const struct language_tag *tag)
{
  if (*tag->script != '\0')
    return tag->script;
  if (strcmp (tag->modifier, "latin") == 0)
    return "Latn";
  if (strcmp (tag->modifier, "cyrillic") == 0)
    return "Cyrl";
  return "";
}

/* Whether SCRIPT (or none) is the one LANGUAGE is written in unless said
   otherwise (CLDR's likely subtags: pa is Guru, sr is Cyrl).  Unknown:
   yes.  */
static int
is_default_script (const char *language, const char *script)
{
  UErrorCode code = U_ZERO_ERROR;
  char likely[ULOC_FULLNAME_CAPACITY], default_script[8];

  if (*script == '\0')
    return 1;
  uloc_addLikelySubtags (language, likely, sizeof likely, &code);
  uloc_getScript (likely, default_script, sizeof default_script, &code);
  return U_FAILURE (code) || *default_script == '\0'
         || strcmp (default_script, script) == 0;
}

/* Portuguese catalogs: pt is Portugal's, pt_BR Brazil's.  As CLDR
   matches them, pt-BR reads pt_BR and every other region (pt-PT, pt-AO,
   pt-MZ) Portugal's; "pt" alone reads the catalog of that name, as
   gettext does, and pt_BR where there is none.  */
static int
candidates_portuguese (const struct language_tag *tag,
                       char names[][LANGUAGE_NAME_MAX])
{
  int count = 0;

  if (*tag->region != '\0')
    snprintf (names[count++], LANGUAGE_NAME_MAX, "pt_%s", tag->region);
  snprintf (names[count++], LANGUAGE_NAME_MAX, "pt");
  if (*tag->region == '\0')
    snprintf (names[count++], LANGUAGE_NAME_MAX, "pt_BR");
  return count;
}

int
tag_candidates (const struct language_tag *tag, int gettext_names,
                char names[][LANGUAGE_NAME_MAX])
{
  const char *modifier = tag->modifier;
  int count = 0;

  if (tag->is_c || *tag->language == '\0')
    return 0;
  if (strcmp (tag->language, "zh") == 0 && !gettext_names)
    return candidates_chinese (tag, names);
  if (strcmp (tag->language, "yue") == 0 && !gettext_names)
    return candidates_cantonese (tag, names);
  if (strcmp (tag->language, "pt") == 0 && !gettext_names
      && *tag->script == '\0' && *modifier == '\0')
    return candidates_portuguese (tag, names);
  if (*modifier == '\0' && *tag->script != '\0')
    modifier = script_modifier (tag->script);
  if (modifier != NULL && strcmp (modifier, "euro") == 0)
    modifier = NULL; /* A currency, not a language variant.  */
  if (modifier != NULL && *modifier != '\0')
    {
      if (*tag->region)
        snprintf (names[count++], LANGUAGE_NAME_MAX, "%s_%s@%s", tag->language,
                  tag->region, modifier);
      snprintf (names[count++], LANGUAGE_NAME_MAX, "%s@%s", tag->language,
                modifier);
    }
  /* A text in another script than the language's own cannot be read:
     Punjabi in Shahmukhi ("pa-Arab") is not the Gurmukhi catalog.  */
  if (!gettext_names && !is_default_script (tag->language, tag_script (tag)))
    return count;
  if (*tag->region)
    snprintf (names[count++], LANGUAGE_NAME_MAX, "%s_%s", tag->language,
              tag->region);
  snprintf (names[count++], LANGUAGE_NAME_MAX, "%s", tag->language);
  return count;
}

void
tag_icu_id (const struct language_tag *tag, char *out, size_t size)
{
  const char *script = tag_script (tag);

  /* The catalog pt is Portugal's, but CLDR takes "pt" for Brazil's.  */
  if (strcmp (tag->language, "pt") == 0 && *tag->region == '\0'
      && *script == '\0')
    {
      snprintf (out, size, "pt_PT");
      return;
    }
  snprintf (out, size, "%s%s%s%s%s", tag->is_c ? "en" : tag->language,
            *script ? "_" : "", script, *tag->region ? "_" : "", tag->region);
}

int
tag_describe (const char *name, struct catalog *catalog)
{
  UErrorCode code = U_ZERO_ERROR;
  int status;
  char id[ULOC_FULLNAME_CAPACITY];
  struct language_tag tag;

  if (strlen (name) >= sizeof catalog->name)
    return WTISD_ECATALOG;
  if ((status = tag_parse (name, strlen (name), &tag)) != WTISD_OK)
    return status == WTISD_ENOMEM ? status : WTISD_ECATALOG;
  strcpy (catalog->name, name);
  tag_icu_id (&tag, id, sizeof id);
  uloc_toLanguageTag (id, catalog->tag, sizeof catalog->tag, 1, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM;
  catalog->rtl = uloc_isRightToLeft (id);
  if (catalog->tag[0] == '\0' || strcmp (catalog->tag, "und") == 0)
    return WTISD_ECATALOG;
  return WTISD_OK;
}
