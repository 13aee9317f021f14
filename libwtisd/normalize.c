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
  switch (form)
    {
    case WTISD_NFC:
      return unorm2_getNFCInstance (code);
    case WTISD_NFD:
      return unorm2_getNFDInstance (code);
    case WTISD_NFKC:
      return unorm2_getNFKCInstance (code);
    case WTISD_NFKD:
      return unorm2_getNFKDInstance (code);
    }
  return NULL;
}

/* ICU loads its normalization data once and remembers a failure for the
   life of the process (there is no retry short of u_cleanup, which a
   library must not call): one failed allocation at the first
   normalization would make every later one fail.  So the data is loaded
   when the library is, before the program can run out of memory.  A
   program that sets ICU's memory functions or data directory must do so
   before it loads libwtisd.  */
__attribute__ ((constructor)) static void
normalizers_preload (void)
{
  UErrorCode code = U_ZERO_ERROR;

  unorm2_getNFCInstance (&code);
  unorm2_getNFKCInstance (&code); /* NFD and NFKD share their data.  */
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
#define NON_STARTERS_MAX 30
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

/* Counts the joiners the run of LENGTH code units at TEXT, none below
   U+0300, needs; writes it with them to SAFE unless SAFE is NULL.
   Returns the count.  Clears *ORDERED if non-starters in the run are
   out of canonical order, as they are in no normalized text.  */
static size_t
run_make_safe (const UNormalizer2 *normalizer, const UChar *text,
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
      class = unorm2_getCombiningClass (normalizer, c);
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

/* Makes the LENGTH code units at TEXT stream-safe: counts the joiners
   they need and, unless SAFE is NULL, writes them with those to SAFE.
   Every character below U+0300 is a starter, so only a run of code
   units at or above it longer than the limit is looked at closely:
   Latin text costs a comparison per code unit.  Clears *ORDERED as
   run_make_safe does.  */
static size_t
text_make_safe (const UNormalizer2 *normalizer, const UChar *text,
                int32_t length, UChar *safe, int *ordered)
{
  size_t joiners = 0;
  int32_t i = 0, start;

  while (i < length)
    {
      for (start = i; i < length && text[i] < 0x300; i++)
        ;
      if (safe != NULL)
        memcpy (safe, text + start, (size_t)(i - start) * sizeof *safe),
            safe += i - start;
      for (start = i; i < length && text[i] >= 0x300; i++)
        ;
      if (i - start > NON_STARTERS_MAX)
        {
          size_t more = run_make_safe (normalizer, text + start, i - start,
                                       safe, ordered);

          joiners += more;
          if (safe != NULL)
            safe += (size_t)(i - start) + more;
        }
      else if (safe != NULL)
        memcpy (safe, text + start, (size_t)(i - start) * sizeof *safe),
            safe += i - start;
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
stream_safe (const UNormalizer2 *normalizer, struct utf16_buffer *text)
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
  return 0;
}

/* Normalizes the LENGTH code units at TEXT into RESULT (free it with
   utf16_buffer_free either way): on the stack when short, else into a
   heap buffer sized for the common case; a form that grows the text more
   (NFD of Hangul) takes a second, exact run.  WTISD_OK or a status.  */
int
utf16_normalize (const UNormalizer2 *normalizer, const UChar *text,
                 int32_t length, struct utf16_buffer *result)
{
  int32_t capacity = length + length / 2 + 16;
  UErrorCode code = U_ZERO_ERROR;

  result->chars = result->stack;
  result->length = 0;
  if (capacity > UTF16_STACK_CHARS)
    result->chars = malloc ((size_t)capacity * sizeof (UChar));
  else
    capacity = UTF16_STACK_CHARS;
  if (result->chars != NULL)
    result->length = unorm2_normalize (normalizer, text, length, result->chars,
                                       capacity, &code);
  if (code == U_BUFFER_OVERFLOW_ERROR)
    {
      capacity = result->length + 1;
      utf16_buffer_free (result);
      code = U_ZERO_ERROR;
      result->chars = malloc ((size_t)capacity * sizeof (UChar));
      if (result->chars != NULL)
        result->length = unorm2_normalize (normalizer, text, length,
                                           result->chars, capacity, &code);
    }
  if (result->chars == NULL)
    {
      result->chars = result->stack;
      result->length = 0;
      return WTISD_ENOMEM;
    }
  return U_FAILURE (code) ? status_from_icu (code) : WTISD_OK;
}

/* Normalizes TEXT and writes the UTF-8 result per the buffer protocol.  */
static int
normalize_utf16 (const UNormalizer2 *normalizer,
                 const struct utf16_buffer *text, char *out, size_t outsize)
{
  struct utf16_buffer result;
  int status
      = utf16_normalize (normalizer, text->chars, text->length, &result);

  if (status == WTISD_OK)
    status = result_from_utf16 (result.chars, result.length, out, outsize);
  utf16_buffer_free (&result);
  return status;
}

/* wtisd_normalize of text that is not all ASCII.  */
static int
normalize_unicode (const UNormalizer2 *normalizer, const char *utf8,
                   size_t length, char *out, size_t outsize)
{
  UErrorCode code = U_ZERO_ERROR;
  struct utf16_buffer text;
  int32_t span;
  int status;

  /* ICU's conversion refuses ill-formed UTF-8 of every kind (overlong
     forms, surrogates, truncated sequences) with WTISD_EUTF8: no separate
     validation pass.  */
  status = utf16_from_utf8 (&text, utf8, length);
  if (status != WTISD_OK)
    return status;
  span = unorm2_spanQuickCheckYes (normalizer, text.chars, text.length, &code);
  if (U_FAILURE (code))
    status = status_from_icu (code);
  /* Already normalized (the common case): hand back the input itself.  */
  else if (span == text.length
           || (status = stream_safe (normalizer, &text)) == 1)
    status = result_from_utf8 (utf8, length, out, outsize);
  else if (status == 0)
    status = normalize_utf16 (normalizer, &text, out, outsize);
  utf16_buffer_free (&text);
  return status;
}

/* NFC in UTF-8, without ICU's conversions, of text where NFC has only
   single marks to compose: characters that never interact with what
   comes before them (every character below U+0300, and any other that
   ICU says always has a boundary before it: NFC keeps them as they
   are, when it says they are in NFC), each maybe followed by one combining
   mark of U+0300..U+036F before the next such character or the end.  NFC makes
   each character and mark their composite (ICU's unorm2_composePair, which
   gives exactly the composites NFC makes).  Text in NFC and the NFD of French,
   German, Polish or Russian text are such text.  Returns the length of
   the NFC form, which it writes to OUT unless OUT is NULL (OUT may be
   TEXT: the result is never longer than what it has read), and sets
   *COMPOSED to whether it made any composite; or returns -1 when TEXT
   is not such text, or is not UTF-8, or a character and mark have no
   composite: ICU then does all of it.  check_normalize compares it with
   ICU on every character below U+0300 and many others, with every
   mark.  */
static ptrdiff_t
simple_nfc (const UNormalizer2 *nfc, const unsigned char *text, int32_t length,
            unsigned char *out, int *composed)
{
  /* TEXT[COPIED..I) is still to be written, unchanged, at OUT + WRITTEN;
     BASE, at TEXT[BASE_AT..], is the character before I when that is
     one a mark may compose with.  */
  int32_t i = 0, copied = 0, written = 0, base_at = -1;
  UChar32 base = 0;

  *composed = 0;
  while (i < length)
    {
      int32_t start = i;
      UChar32 c;

      /* ASCII, eight bytes at a time where it can: nothing to do.  */
      while (length - i >= 8)
        {
          uint64_t word;

          memcpy (&word, text + i, 8);
          if ((word & UINT64_C (0x8080808080808080)) != 0)
            break;
          i += 8;
        }
      while (i < length && text[i] < 0x80)
        i++;
      if (i > start)
        base_at = i - 1, base = text[i - 1];
      if (i == length)
        break;
      start = i;
      U8_NEXT (text, i, length, c);
      if (c < 0)
        return -1;
      if (c >= 0x300 && c <= 0x36f)
        {
          UChar32 composite;

          if (base_at < 0
              || (i < length && (text[i] == 0xcc || text[i] == 0xcd))
              || (composite = unorm2_composePair (nfc, base, c)) < 0
              /* Never longer than the two, or it could not be written
                 in place.  */
              || U8_LENGTH (composite) > i - base_at)
            return -1;
          if (out != NULL)
            memmove (out + written, text + copied, (size_t)(base_at - copied));
          written += base_at - copied;
          if (out != NULL)
            U8_APPEND_UNSAFE (out, written, composite);
          else
            written += U8_LENGTH (composite);
          copied = i;
          base_at = -1;
          *composed = 1;
        }
      else if (c < 0x300
               || (unorm2_hasBoundaryBefore (nfc, c)
                   && u_getIntPropertyValue (c, UCHAR_NFC_QUICK_CHECK)
                          == UNORM_YES))
        base_at = start, base = c;
      else
        return -1;
    }
  if (out != NULL)
    memmove (out + written, text + copied, (size_t)(length - copied));
  return written + (length - copied);
}

/* wtisd_normalize to NFC by simple_nfc.  Returns 0 when that does not
   apply, else 1 with the status in *STATUS.  */
static int
normalize_simple_nfc (const UNormalizer2 *nfc, const char *utf8, size_t length,
                      char *out, size_t outsize, int *status)
{
  const unsigned char *text = (const unsigned char *)utf8;
  int composed;
  ptrdiff_t result = simple_nfc (nfc, text, (int32_t)length, NULL, &composed);

  /* OUT may be the input itself, not a part of it that comes later.  */
  if (result < 0
      || (out != utf8 && out < utf8 + length && utf8 < out + outsize))
    return 0;
  if (!composed) /* Already NFC.  */
    *status = result_from_utf8 (utf8, length, out, outsize);
  else if ((size_t)result >= outsize)
    {
      if (outsize > 0)
        out[0] = '\0';
      *status = (int)result;
    }
  else
    {
      simple_nfc (nfc, text, (int32_t)length, (unsigned char *)out, &composed);
      out[result] = '\0';
      *status = (int)result;
    }
  return 1;
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
  size_t length;
  int status;

  if (buffer_arguments_check (utf8, out, outsize) != WTISD_OK)
    return WTISD_EINVAL;
  normalizer = normalizer_get (form, &code);
  if (normalizer == NULL)
    return U_FAILURE (code) ? status_from_icu (code) : WTISD_EINVAL;
  length = strlen (utf8);
  /* ASCII is unchanged by all four forms.  */
  if (utf8_is_ascii (utf8, length))
    return result_from_utf8 (utf8, length, out, outsize);
  if (form == WTISD_NFC && length < INT32_MAX
      && normalize_simple_nfc (normalizer, utf8, length, out, outsize,
                               &status))
    return status;
  return normalize_unicode (normalizer, utf8, length, out, outsize);
}

int
wtisd_normalize (const char *utf8, wtisd_normalization form, char *out,
                 size_t outsize)
{
  return result_checked (normalize_to_buffer (utf8, form, out, outsize), out,
                         outsize);
}
