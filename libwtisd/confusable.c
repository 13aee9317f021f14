/* confusable.c - whether a label of a domain name could mislead a
   reader (UTS #39), for wtisd_domain_display.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "internal.h"

#include "confusable-ascii.h"

/* The policy is the one ICU's spoof checker applies with the checks
   USPOOF_RESTRICTION_LEVEL (at USPOOF_HIGHLY_RESTRICTIVE) and
   USPOOF_INVISIBLE, followed by its confusable skeleton, made here with
   ICU's character properties and a table of its confusables data: ICU
   builds large sets of characters from patterns when the first spoof
   checker of a process is opened, a million instructions that every
   display of a non-ASCII name paid for checks that need none of them.
   tests/check_display compares every decision with ICU's spoof
   checker.  */

/* A set of scripts, as UTS #39 section 5.1 and ICU's ScriptSet have it:
   a bit per script code, and "every script" with all bits set.  */
#define SCRIPT_SET_WORDS ((USCRIPT_CODE_LIMIT + 31) / 32)

struct script_set
{
  uint32_t words[SCRIPT_SET_WORDS];
};

static void
script_set_add (struct script_set *set, UScriptCode script)
{
  set->words[script / 32] |= UINT32_C (1) << (script % 32);
}

static int
script_set_has (const struct script_set *set, UScriptCode script)
{
  return (set->words[script / 32] >> (script % 32)) & 1;
}

static void
script_set_intersect (struct script_set *set, const struct script_set *other)
{
  for (size_t i = 0; i < SCRIPT_SET_WORDS; i++)
    set->words[i] &= other->words[i];
}

static int
script_set_is_empty (const struct script_set *set)
{
  for (size_t i = 0; i < SCRIPT_SET_WORDS; i++)
    if (set->words[i] != 0)
      return 0;
  return 1;
}

/* The augmented script set of C (UTS #39 section 5.1): its script
   extensions, Han also standing for the writing systems that mix it
   with Bopomofo, kana and Hangul; every script for a character common
   to all.  */
static int
augmented_scripts (UChar32 c, struct script_set *set)
{
  UScriptCode scripts[USCRIPT_CODE_LIMIT];
  UErrorCode code = U_ZERO_ERROR;
  int32_t count, i;

  count = uscript_getScriptExtensions (c, scripts, USCRIPT_CODE_LIMIT, &code);
  if (U_FAILURE (code))
    return status_from_icu (code);
  memset (set, 0, sizeof *set);
  for (i = 0; i < count; i++)
    script_set_add (set, scripts[i]);
  if (script_set_has (set, USCRIPT_HAN))
    {
      script_set_add (set, USCRIPT_HAN_WITH_BOPOMOFO);
      script_set_add (set, USCRIPT_JAPANESE);
      script_set_add (set, USCRIPT_KOREAN);
    }
  if (script_set_has (set, USCRIPT_HIRAGANA)
      || script_set_has (set, USCRIPT_KATAKANA))
    script_set_add (set, USCRIPT_JAPANESE);
  if (script_set_has (set, USCRIPT_HANGUL))
    script_set_add (set, USCRIPT_KOREAN);
  if (script_set_has (set, USCRIPT_BOPOMOFO))
    script_set_add (set, USCRIPT_HAN_WITH_BOPOMOFO);
  if (script_set_has (set, USCRIPT_COMMON)
      || script_set_has (set, USCRIPT_INHERITED))
    memset (set, 0xff, sizeof *set);
  return WTISD_OK;
}

/* Whether TEXT, not all ASCII, is at most "highly restrictive" (UTS #39
   section 5.2, every character allowed): all of it in one script, or,
   leaving out the characters that are also Latin, in Han with Bopomofo,
   Japanese or Korean.  1, 0 or a status.  */
static int
is_highly_restrictive (const UChar *text, int32_t length)
{
  struct script_set resolved, resolved_without_latin, augmented;
  int32_t i = 0;

  memset (&resolved, 0xff, sizeof resolved);
  resolved_without_latin = resolved;
  while (i < length)
    {
      UChar32 c;
      int status;

      U16_NEXT (text, i, length, c);
      if ((status = augmented_scripts (c, &augmented)) != WTISD_OK)
        return status;
      script_set_intersect (&resolved, &augmented);
      if (!script_set_has (&augmented, USCRIPT_LATIN))
        script_set_intersect (&resolved_without_latin, &augmented);
    }
  return !script_set_is_empty (&resolved)
         || script_set_has (&resolved_without_latin, USCRIPT_HAN_WITH_BOPOMOFO)
         || script_set_has (&resolved_without_latin, USCRIPT_JAPANESE)
         || script_set_has (&resolved_without_latin, USCRIPT_KOREAN);
}

static int
code_point_compare (const void *a, const void *b)
{
  UChar32 x = *(const UChar32 *)a, y = *(const UChar32 *)b;

  return (x > y) - (x < y);
}

/* Whether one of the COUNT marks at MARKS (reordered) appears twice.  */
static int
marks_repeat (UChar32 *marks, size_t count)
{
  qsort (marks, count, sizeof *marks, code_point_compare);
  for (size_t i = 1; i < count; i++)
    if (marks[i] == marks[i - 1])
      return 1;
  return 0;
}

/* UTS #39's invisible characters as ICU finds them: a nonspacing mark
   twice in one run of nonspacing marks of the NFD form of TEXT (LENGTH
   code units).  1, 0 or a status.  Each run is sorted, so that a hostile
   run of a thousand marks stays cheap.  */
static int
has_invisible_repeat (const UChar *text, int32_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance (&code);
  struct utf16_buffer decomposed;
  UChar32 marks_stack[64], *marks = marks_stack;
  size_t count = 0;
  int32_t i = 0, nfd_length;
  int repeat;

  decomposed.chars = decomposed.stack;
  decomposed.length = 0;
  repeat = U_SUCCESS (code) ? utf16_normalize (nfd, text, length, &decomposed)
                            : status_from_icu (code);
  nfd_length = decomposed.length;
  /* A run holds at most a mark per code unit.  */
  if (repeat == 0
      && (size_t)nfd_length > sizeof marks_stack / sizeof *marks_stack
      && (marks = malloc ((size_t)nfd_length * sizeof *marks)) == NULL)
    repeat = WTISD_ENOMEM;
  while (repeat == 0 && i < nfd_length)
    {
      UChar32 c;

      U16_NEXT_UNSAFE (decomposed.chars, i, c);
      if (u_charType (c) == U_NON_SPACING_MARK)
        marks[count++] = c;
      else
        {
          repeat = count > 1 && marks_repeat (marks, count);
          count = 0;
        }
    }
  if (repeat == 0 && count > 1)
    repeat = marks_repeat (marks, count);
  if (marks != marks_stack)
    free (marks);
  utf16_buffer_free (&decomposed);
  return repeat;
}

/* Whether the confusable skeleton of C is plain ASCII.  */
static int
looks_ascii (UChar32 c)
{
  size_t low = 0, high = sizeof confusable_ascii / sizeof *confusable_ascii;

  while (low < high)
    {
      size_t middle = low + (high - low) / 2;

      if (c < confusable_ascii[middle].first)
        high = middle;
      else if (c > confusable_ascii[middle].last)
        low = middle + 1;
      else
        return 1;
    }
  return 0;
}

/* Whether the skeleton of TEXT is plain ASCII: a label that can pass for
   a Latin one, such as Cyrillic "аррӏе".  A skeleton is made code point
   by code point, so it is ASCII when each code point's is.  */
static int
skeleton_is_ascii (const UChar *text, int32_t length)
{
  int32_t i = 0;

  while (i < length)
    {
      UChar32 c;

      U16_NEXT (text, i, length, c);
      if (!looks_ascii (c))
        return 0;
    }
  return 1;
}

int
label_misleads (const char *label, int32_t length)
{
  struct utf16_buffer text;
  int misleads;

  if (utf8_is_ascii (label, (size_t)length))
    return 0;
  if ((misleads = utf16_from_utf8 (&text, label, (size_t)length)) != WTISD_OK)
    return misleads;
  misleads = is_highly_restrictive (text.chars, text.length);
  if (misleads >= 0)
    misleads = !misleads;
  if (misleads == 0)
    misleads = has_invisible_repeat (text.chars, text.length);
  if (misleads == 0)
    misleads = skeleton_is_ascii (text.chars, text.length);
  utf16_buffer_free (&text);
  return misleads;
}
