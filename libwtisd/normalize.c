/* normalize.c - Unicode normalization with ICU, in time linear in the
   input.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "internal.h"

/* ICU's normalizer instances are its own cached singletons, safe to
   share between threads; NULL for a form outside the enum.  */
static const UNormalizer2 *
normalizer_get (wtisd_normalization form, UErrorCode *code)
{
  static const UNormalizer2 *(*const instances[]) (UErrorCode *) = {
    [WTISD_NFC] = unorm2_getNFCInstance,
    [WTISD_NFD] = unorm2_getNFDInstance,
    [WTISD_NFKC] = unorm2_getNFKCInstance,
    [WTISD_NFKD] = unorm2_getNFKDInstance,
  };

  /* The enum's underlying type may be unsigned: compare as unsigned.  */
  return (unsigned)form < sizeof instances / sizeof *instances
             ? instances[form](code)
             : NULL;
}

/* UAX #15's stream-safe limit: ICU reorders a run of combining marks in
   time that grows with the square of its length, so a run of more than
   30 non-starters is cut by U+034F COMBINING GRAPHEME JOINER (a starter
   that renders as nothing) after every 30th, as the Stream-Safe Text
   Process does.  Text no real writing system produces costs linear
   time, and only such text is changed.  Non-starters are counted per
   character of the input, not of its decomposition: the few that
   decompose into two (U+0344, U+0F73) only double the bound.  Text that
   is already in the form comes back as it is, runs and all.  */
#define CGJ 0x034f

/* Whether C, a starter (combining class 0), decomposes -- canonically,
   or for NFKC and NFKD by compatibility -- into a non-starter first:
   three Tibetan vowel signs and the halfwidth kana voicing marks.  Each
   counts as a non-starter, or a run of them, which ICU reorders like
   any other, would escape the limit.  check_normalize finds any other
   character the ICU at hand decomposes so.  */
static int
decomposes_to_non_starter (UChar32 c)
{
  return c == 0x0f73 || c == 0x0f75 || c == 0x0f81 || c == 0xff9e
         || c == 0xff9f;
}

/* Counts the joiners the LENGTH code units at TEXT need; writes them
   with those to SAFE unless SAFE is NULL.  Returns the count.  Clears
   *ORDERED if non-starters are out of canonical order, as they are in
   no normalized text.  */
static size_t
text_make_safe (const UNormalizer2 *normalizer, const UChar *text,
                int32_t length, UChar *safe, int *ordered)
{
  size_t joiners = 0, non_starters = 0;
  uint8_t class, previous_class = 0;
  int32_t i = 0;

  while (i < length)
    {
      int32_t start = i;
      UChar32 c;

      U16_NEXT_UNSAFE (text, i, c);
      /* Every character below U+0300 is a starter.  */
      class = c < 0x300 ? 0 : unorm2_getCombiningClass (normalizer, c);
      if (class != 0 && class < previous_class)
        *ordered = 0;
      previous_class = class;
      if (class == 0 && !decomposes_to_non_starter (c))
        non_starters = 0;
      else if (++non_starters > NON_STARTERS_MAX)
        {
          joiners++, non_starters = 1;
          if (safe != NULL)
            *safe++ = CGJ;
        }
      while (safe != NULL && start < i)
        *safe++ = text[start++];
    }
  return joiners;
}

/* Whether TEXT has a run of more code units at or above U+0300 than
   the limit: the only place a run of non-starters that long can be.
   Such a run holds two code units 15 apart at multiples of 15, so only
   those are looked at first, and a run is measured only around two
   that are both high; text that needs no joiner (nearly all) costs a
   fifteenth of a pass.  */
#define PROBE_STRIDE 15 /* 2 * PROBE_STRIDE + 1 <= NON_STARTERS_MAX + 1 */

static int
has_long_high_run (const UChar *text, int32_t length)
{
  int32_t i;

  for (i = PROBE_STRIDE; i < length; i += PROBE_STRIDE)
    if (text[i] >= 0x300 && text[i - PROBE_STRIDE] >= 0x300)
      {
        int32_t start = i, end = i;

        while (start > 0 && text[start - 1] >= 0x300)
          start--;
        while (end + 1 < length && text[end + 1] >= 0x300)
          end++;
        if (end - start + 1 > NON_STARTERS_MAX)
          return 1;
      }
  return 0;
}

/* Replaces TEXT, which the quick check could not pass, by its
   stream-safe form when it needs joiners.  Returns 0, 1 when TEXT is in
   fact normalized already (a result of this function, joiners and all,
   must come back unchanged, or normalizing twice would not be a no-op),
   or a status.  ICU's check is asked only about runs in canonical
   order: it reorders a run that is not, in time that grows with the
   square of the run's length (a minute for 200,000 marks).  */
static int
stream_safe (const UNormalizer2 *normalizer, struct utf16_buffer *text,
             int32_t *span)
{
  UErrorCode code = U_ZERO_ERROR;
  int ordered = 1;
  size_t joiners;
  int32_t length;
  UChar *safe;

  if (!has_long_high_run (text->chars, text->length))
    return 0;
  joiners
      = text_make_safe (normalizer, text->chars, text->length, NULL, &ordered);
  if (joiners == 0)
    return 0;
  if (ordered
      && unorm2_isNormalized (normalizer, text->chars, text->length, &code))
    return 1;
  if (U_FAILURE (code))
    return status_from_icu (code);
  if ((size_t)text->length + joiners >= INT32_MAX)
    return WTISD_ENOMEM;
  length = text->length + (int32_t)joiners;
  safe = malloc ((size_t)length * sizeof *safe);
  if (safe == NULL)
    return WTISD_ENOMEM;
  text_make_safe (normalizer, text->chars, text->length, safe, &ordered);
  utf16_buffer_free (text);
  text->chars = safe;
  text->length = length;
  *span = 0; /* The joiners may fall in what was the normalized prefix.  */
  return 0;
}

/* Normalizes the LENGTH code units at TEXT into RESULT (free it with
   utf16_buffer_free either way): the first SPAN, normalized already
   (unorm2_spanQuickCheckYes), are copied and the rest appended
   normalized, as ICU advises.  On the stack when short, else into a heap
   buffer sized for the common case; a form that grows the text more (NFD
   of Hangul) takes a second, exact run.  WTISD_OK or a status.  */
int
normalize_utf16 (const UNormalizer2 *normalizer, const UChar *text,
                 int32_t length, int32_t span, struct utf16_buffer *result)
{
  int32_t capacity = length + length / 2 + 16;
  UErrorCode code = U_BUFFER_OVERFLOW_ERROR;
  int run;

  result->chars = result->stack;
  if (capacity < UTF16_STACK_CHARS)
    capacity = UTF16_STACK_CHARS;
  for (run = 0; run < 2 && code == U_BUFFER_OVERFLOW_ERROR; run++)
    {
      code = U_ZERO_ERROR;
      utf16_buffer_free (result);
      if (capacity > UTF16_STACK_CHARS
          && (result->chars = malloc ((size_t)capacity * sizeof (UChar)))
                 == NULL)
        {
          result->chars = result->stack;
          return WTISD_ENOMEM;
        }
      memcpy (result->chars, text, (size_t)span * sizeof (UChar));
      result->length = unorm2_normalizeSecondAndAppend (
          normalizer, result->chars, span, capacity, text + span,
          length - span, &code);
      capacity = result->length + 1;
    }
  return U_FAILURE (code) ? status_from_icu (code) : WTISD_OK;
}

/* wtisd_normalize but for clearing OUT on errors.  The whole input is
   read (converted to UTF-16) before OUT is written, so OUT may overlap
   it.  */
static int
normalize_to_buffer (const char *utf8, wtisd_normalization form, char *out,
                     size_t outsize)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer;
  struct utf16_buffer text, result;
  size_t length;
  int32_t span;
  int status;

  if (buffer_arguments_check (utf8, out, outsize) != WTISD_OK)
    return WTISD_EINVAL;
  normalizer = normalizer_get (form, &code);
  if (normalizer == NULL)
    return U_FAILURE (code) ? status_from_icu (code) : WTISD_EINVAL;
  length = strlen (utf8);
  /* ASCII is unchanged by all four forms.  */
  if (utf8_is_ascii (utf8, length))
    return buffer_from_utf8 (utf8, length, out, outsize);
  /* ICU's conversion refuses ill-formed UTF-8 of every kind (overlong
     forms, surrogates, truncated sequences) with WTISD_EUTF8: no separate
     validation pass.  */
  if ((status = utf8_to_utf16 (&text, utf8, length)) != WTISD_OK)
    return status;
  span = unorm2_spanQuickCheckYes (normalizer, text.chars, text.length, &code);
  if (U_FAILURE (code))
    status = status_from_icu (code);
  /* Already normalized (the common case): hand back the input itself.  */
  else if (span == text.length
           || (status = stream_safe (normalizer, &text, &span)) == 1)
    status = buffer_from_utf8 (utf8, length, out, outsize);
  else if (status == 0)
    {
      status = normalize_utf16 (normalizer, text.chars, text.length, span,
                                &result);
      if (status == WTISD_OK)
        status = buffer_from_utf16 (result.chars, result.length, out, outsize);
      utf16_buffer_free (&result);
    }
  utf16_buffer_free (&text);
  return status;
}

int
wtisd_normalize (const char *utf8, wtisd_normalization form, char *out,
                 size_t outsize)
{
  return buffer_checked (normalize_to_buffer (utf8, form, out, outsize), out,
                         outsize);
}
