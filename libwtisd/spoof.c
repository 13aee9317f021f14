/* spoof.c - whether a label of a domain name could mislead a reader
   (UTS #39), decided by ICU's spoof checker, for wtisd_domain_display.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdatomic.h>
#include <stdlib.h>

#include <unicode/uset.h>
#include <unicode/uspoof.h>

#include "internal.h"

/* One checker for the process, opened at the first display of a
   non-ASCII name (opening it costs about a million instructions, which
   no other function needs to pay) and then only read: ICU's check
   functions may share a configured checker between threads.  Published
   with compare-and-exchange (of two threads opening it at once, one
   keeps the other's); a checker that could not be opened is not
   remembered, so the next call tries again.  */
static _Atomic (USpoofChecker *) checker;

/* UTS #39's "highly restrictive" level applies to identifiers made of
   the characters its identifier profile allows (Identifier_Status
   Allowed: ICU's recommended and inclusion sets); ICU's checker allows
   every character unless told, so that small capitals (ᴘᴀʏᴘᴀʟ) and
   blanks such as U+2800 would pass.  */
static USpoofChecker *
spoof_checker_open (UErrorCode *code)
{
  USpoofChecker *opened = uspoof_open (code);
  USet *allowed = uset_openEmpty ();

  if (allowed == NULL && U_SUCCESS (*code))
    *code = U_MEMORY_ALLOCATION_ERROR;
  if (U_SUCCESS (*code))
    {
      uset_addAll (allowed, uspoof_getRecommendedSet (code));
      if (U_SUCCESS (*code))
        uset_addAll (allowed, uspoof_getInclusionSet (code));
      uspoof_setAllowedChars (opened, allowed, code);
      uspoof_setRestrictionLevel (opened, USPOOF_HIGHLY_RESTRICTIVE);
      uspoof_setChecks (opened,
                        USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE
                            | USPOOF_CHAR_LIMIT,
                        code);
    }
  if (allowed != NULL)
    uset_close (allowed);
  /* ICU does not report an allocation that fails while it freezes its
     copy of the set, and a checker left so refuses every name: one that
     does not pass a plain Cyrillic word is not kept.  */
  if (U_SUCCESS (*code)
      && uspoof_check2UTF8 (opened, "\xd0\xbf\xd1\x80\xd0\xb8", 6, NULL, code)
             != 0)
    *code = U_MEMORY_ALLOCATION_ERROR;
  if (U_FAILURE (*code))
    {
      uspoof_close (opened);
      return NULL;
    }
  return opened;
}

static const USpoofChecker *
spoof_checker (UErrorCode *code)
{
  USpoofChecker *found = atomic_load_explicit (&checker, memory_order_acquire);
  USpoofChecker *none = NULL;

  if (found == NULL && (found = spoof_checker_open (code)) != NULL
      && !atomic_compare_exchange_strong_explicit (
          &checker, &none, found, memory_order_acq_rel, memory_order_acquire))
    {
      uspoof_close (found);
      found = none;
    }
  return found;
}

/* Whether the confusable skeleton of LABEL is plain ASCII: a label that
   passes for a Latin one, such as Cyrillic "аррӏе".  1, 0 or a status.  */
static int
skeleton_is_ascii (const USpoofChecker *sc, const char *label, int32_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  char stack[256], *skeleton = stack;
  int32_t size = uspoof_getSkeletonUTF8 (sc, 0, label, length, stack,
                                         (int32_t)sizeof stack, &code);
  int ascii;

  if (code == U_BUFFER_OVERFLOW_ERROR)
    {
      code = U_ZERO_ERROR;
      if ((skeleton = malloc ((size_t)size + 1)) == NULL)
        return WTISD_ENOMEM;
      size = uspoof_getSkeletonUTF8 (sc, 0, label, length, skeleton, size + 1,
                                     &code);
    }
  ascii = U_FAILURE (code) ? status_from_icu (code)
                           : utf8_is_ascii (skeleton, (size_t)size);
  if (skeleton != stack)
    free (skeleton);
  return ascii;
}

int
spoof_label_misleads (const char *label, int32_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  const USpoofChecker *sc;
  int32_t failed;

  if (utf8_is_ascii (label, (size_t)length))
    return 0;
  if ((sc = spoof_checker (&code)) == NULL)
    return status_from_icu (code);
  failed = uspoof_check2UTF8 (sc, label, length, NULL, &code);
  if (U_FAILURE (code))
    return status_from_icu (code);
  return failed != 0 ? 1 : skeleton_is_ascii (sc, label, length);
}
