/* tag.c - language tags: BCP 47 tags and POSIX locale names, validated
   before anything touches the file system, and the catalog names to try
   for each, most specific first.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "internal.h"

/* ASCII only, whatever the locale: the <ctype.h> functions are not.  */
#define LETTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"

/* Copies LENGTH bytes of ASCII S into OUT, in upper case or in lower
   case (ICU's case mapping of ASCII knows no locale).  */
static void
copy_case (char *out, const char *s, size_t length, int upper)
{
  size_t i;

  for (i = 0; i < length; i++)
    out[i] = (char)(upper ? u_toupper (s[i]) : u_tolower (s[i]));
  out[length] = '\0';
}

/* POSIX: language[_territory][.codeset][@modifier].  */
static int
tag_parse_posix (const char *s, struct language_tag *tag)
{
  size_t n = strspn (s, LETTERS);

  if (n < 2 || n > 3)
    return -1;
  copy_case (tag->language, s, n, 0);
  s += n;
  if (*s == '_')
    {
      /* Two letters, or three digits ("419").  */
      n = strcspn (++s, ".@");
      if ((n != 2 && n != 3) || strspn (s, n == 2 ? LETTERS : DIGITS) < n)
        return -1;
      copy_case (tag->region, s, n, 1);
      s += n;
    }
  if (*s == '.')
    {
      n = strcspn (++s, "@");
      if (n == 0 || n > 16 || strspn (s, LETTERS DIGITS "-_") < n)
        return -1;
      s += n;
    }
  if (*s == '@')
    {
      n = strlen (++s);
      if (n == 0 || n >= sizeof tag->modifier
          || strspn (s, LETTERS DIGITS) < n)
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

/* Languages whose readers read the standard of another code, in the
   script and, for the language alone, the region given.  */
static const struct
{
  const char *code, *language, *script, *region;
} readers[] = {
  /* Cantonese readers read written Chinese, in Traditional characters
     unless the tag says otherwise, Hong Kong's first.  */
  { "yue", "zh", "Hant", "HK" },
  /* Western Punjabi is Punjabi in Shahmukhi, as CLDR and glibc name it
     (pa-Arab-PK, pa_PK).  */
  { "pnb", "pa", "Arab", "PK" },
  /* Norwegian ("no", "no_NO") is read in Bokmål, the written standard of
     most Norwegians; Nynorsk is "nn".  */
  { "no", "nb", "", "" },
};

int
tag_parse (const char *s, size_t length, struct language_tag *tag)
{
  size_t i;
  int status;

  memset (tag, 0, sizeof *tag);
  if (length == 0 || length > LANGUAGE_TAG_MAX
      || strspn (s, LETTERS DIGITS "-_.@") != length)
    return WTISD_EINVAL;
  /* The C locale in its spellings: English, the library's own texts.  */
  if (strcasecmp (s, "C") == 0 || strcasecmp (s, "POSIX") == 0
      || strncasecmp (s, "C.", 2) == 0)
    {
      strcpy (tag->language, "en");
      return s[1] == '.' && s[2] == '\0' ? WTISD_EINVAL : WTISD_OK;
    }
  if (strpbrk (s, "_.@") != NULL)
    status = tag_parse_posix (s, tag) == 0 ? WTISD_OK : WTISD_EINVAL;
  else
    status = tag_parse_bcp47 (s, length, tag);
  for (i = 0; status == WTISD_OK && i < sizeof readers / sizeof *readers; i++)
    if (strcmp (tag->language, readers[i].code) == 0)
      {
        strcpy (tag->language, readers[i].language);
        if (*tag->script == '\0' && *tag->region == '\0')
          strcpy (tag->region, readers[i].region);
        if (*tag->script == '\0')
          strcpy (tag->script, readers[i].script);
      }
  return status;
}

/* TAG's own script, given or implied by a POSIX modifier, or "".  */
static const char *
own_script (const struct language_tag *tag)
{
  if (*tag->script != '\0')
    return tag->script;
  if (strcmp (tag->modifier, "latin") == 0)
    return "Latn";
  if (strcmp (tag->modifier, "cyrillic") == 0)
    return "Cyrl";
  return "";
}

/* The script (WANT_SCRIPT) or region CLDR's likely subtags give the ICU
   locale ID, into OUT of SIZE bytes; "" where ICU knows none (a made-up
   language).  WTISD_OK or WTISD_ENOMEM.  */
static int
likely_part (const char *id, int want_script, char *out, int32_t size)
{
  char maximal[ULOC_FULLNAME_CAPACITY];
  UErrorCode code = U_ZERO_ERROR;

  uloc_addLikelySubtags (id, maximal, sizeof maximal, &code);
  if (want_script)
    uloc_getScript (maximal, out, size, &code);
  else
    uloc_getCountry (maximal, out, size, &code);
  if (code == U_MEMORY_ALLOCATION_ERROR)
    return WTISD_ENOMEM;
  if (U_FAILURE (code) || code == U_STRING_NOT_TERMINATED_WARNING)
    *out = '\0';
  return WTISD_OK;
}

int
tag_likely (const struct language_tag *tag, char script[5], char region[4])
{
  char id[ULOC_FULLNAME_CAPACITY];
  int status = WTISD_OK;

  if (*own_script (tag) != '\0')
    snprintf (script, 5, "%s", own_script (tag));
  else
    {
      snprintf (id, sizeof id, "%s%s%s", tag->language,
                *tag->region ? "_" : "", tag->region);
      status = likely_part (id, 1, script, 5);
    }
  if (region != NULL && status == WTISD_OK)
    {
      snprintf (id, sizeof id, "%s%s%s", tag->language, *script ? "_" : "",
                script);
      status = likely_part (id, 0, region, 4);
    }
  return status;
}

int
tag_candidates (const struct language_tag *tag,
                char names[][LANGUAGE_NAME_MAX])
{
  /* "@euro" names a currency, not a variant of the language.  */
  int modified = *tag->modifier != '\0' && strcmp (tag->modifier, "euro") != 0;
  int count = 0;

  if (*tag->language == '\0')
    return 0;
  if (modified && *tag->region != '\0')
    snprintf (names[count++], LANGUAGE_NAME_MAX, "%s_%s@%s", tag->language,
              tag->region, tag->modifier);
  if (modified)
    snprintf (names[count++], LANGUAGE_NAME_MAX, "%s@%s", tag->language,
              tag->modifier);
  if (*tag->region != '\0')
    snprintf (names[count++], LANGUAGE_NAME_MAX, "%s_%s", tag->language,
              tag->region);
  snprintf (names[count++], LANGUAGE_NAME_MAX, "%s", tag->language);
  return count;
}

int
tag_describe (const char *name, struct language_facts *facts)
{
  struct language_tag *tag = &facts->tag;
  char canonical[LANGUAGE_NAME_MAX];
  const char *script, *region;
  int status, code;

  memset (facts, 0, sizeof *facts);
  /* Named as gettext names catalogs, exactly: "fr", "pt_BR", "sr@latin";
     "Fr", "fr_FR@euro" and "fr-CA" name none.  */
  if (strlen (name) >= LANGUAGE_NAME_MAX || tag_parse_posix (name, tag) != 0)
    return WTISD_EINVAL;
  snprintf (canonical, sizeof canonical, "%s%s%s%s%s", tag->language,
            *tag->region ? "_" : "", tag->region, *tag->modifier ? "@" : "",
            tag->modifier);
  if (strcmp (canonical, name) != 0 || strcmp (tag->modifier, "euro") == 0
      || strcmp (tag->language, "und") == 0)
    return WTISD_EINVAL;
  if ((status = tag_likely (tag, facts->script, NULL)) != WTISD_OK)
    return status;
  script = own_script (tag);
  region = tag->region;
  /* The catalog pt is Portugal's, but CLDR takes "pt" for Brazil's.  */
  if (strcmp (tag->language, "pt") == 0 && *region == '\0' && *script == '\0')
    region = "PT";
  snprintf (facts->bcp47, sizeof facts->bcp47, "%s%s%s%s%s", tag->language,
            *script ? "-" : "", script, *region ? "-" : "", region);
  code = u_getPropertyValueEnum (UCHAR_SCRIPT, facts->script);
  facts->rtl = code != UCHAR_INVALID_CODE
               && uscript_isRightToLeft ((UScriptCode)code);
  return WTISD_OK;
}
