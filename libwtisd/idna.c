/* idna.c - internationalized domain names (UTS #46) with ICU, the policy
   for showing them to people, and the address the message was copied
   from.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uidna.h>

#include "internal.h"

/* Opened at first use and then only read, which ICU documents as safe
   from any number of threads; published with compare-and-exchange, so
   that of two threads opening it at once one keeps the other's.  Never
   closed once published: a library must not tear down ICU state its
   host program may still use.  An open that fails (out of memory) is not
   remembered: the next call tries again.  */
static _Atomic (UIDNA *) idna;

/* ICU defaults to transitional processing (ß becomes ss): ask for
   nontransitional UTS #46 with CheckBidi, CheckJoiners and
   UseSTD3ASCIIRules.  ICU always checks hyphens, and reports DNS length
   errors from toASCII only.  NULL, and a status in *STATUS, when it
   cannot be opened.  */
static const UIDNA *
idna_get (int *status)
{
  UIDNA *object = atomic_load_explicit (&idna, memory_order_acquire), *none;
  UErrorCode code = U_ZERO_ERROR;

  if (object != NULL)
    return object;
  object = uidna_openUTS46 (
      UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE
          | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_USE_STD3_RULES,
      &code);
  *status = object != NULL ? WTISD_OK : status_from_icu (code);
  none = NULL;
  if (object != NULL
      && !atomic_compare_exchange_strong_explicit (
          &idna, &none, object, memory_order_acq_rel, memory_order_acquire))
    {
      uidna_close (object);
      object = none;
    }
  return object;
}

typedef int32_t idna_function (const UIDNA *, const char *, int32_t, char *,
                               int32_t, UIDNAInfo *, UErrorCode *);

/* The longest input the domain functions convert: four bytes of UTF-8
   for each byte of the longest name DNS carries (255 octets).  Longer
   names are refused before any conversion, so that a hostile name costs
   nothing: ICU's time grows with the square of a label's run of
   combining marks and of the number of labels.  */
#define DOMAIN_INPUT_MAX 1024

/* The status for a conversion ICU refused.  ICU turns ill-formed UTF-8
   into U+FFFD, which UTS #46 disallows, so the input's encoding needs
   checking only when a conversion found a disallowed character; a label
   too long for Punycode is an IDNA error too, not an ICU one.  */
static int
idna_failure (const char *domain, size_t length, UErrorCode code,
              uint32_t errors)
{
  if ((errors & UIDNA_ERROR_DISALLOWED) != 0
      && utf8_check (domain, length) != WTISD_OK)
    return WTISD_EUTF8;
  if (errors != 0 || code == U_INPUT_TOO_LONG_ERROR)
    return WTISD_EIDNA;
  return status_from_icu (code);
}

/* Runs CONVERT on DOMAIN, LENGTH bytes, into a buffer of the caller's:
   *RESULT is BUFFER when it fits in SIZE bytes, else a heap copy the
   caller frees.  Returns the result's length or a status.  */
static int
idna_convert (idna_function *convert, const char *domain, size_t length,
              char *buffer, int32_t size, char **result)
{
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode code = U_ZERO_ERROR;
  const UIDNA *idna_object;
  int32_t converted;
  int status;

  *result = buffer;
  if (length > DOMAIN_INPUT_MAX)
    return WTISD_EIDNA;
  if ((idna_object = idna_get (&status)) == NULL)
    return status;
  converted = convert (idna_object, domain, (int32_t)length, buffer, size,
                       &info, &code);
  /* Only a valid name is worth the second run a longer result needs.  */
  if (code == U_BUFFER_OVERFLOW_ERROR && info.errors == 0)
    {
      code = U_ZERO_ERROR;
      info = (UIDNAInfo)UIDNA_INFO_INITIALIZER;
      *result = malloc ((size_t)converted + 1);
      if (*result == NULL)
        return WTISD_ENOMEM;
      converted = convert (idna_object, domain, (int32_t)length, *result,
                           converted + 1, &info, &code);
    }
  if (U_FAILURE (code) || info.errors != 0)
    return idna_failure (domain, length, code, info.errors);
  return (int)converted;
}

/* The fast path.  A name of ASCII letters, digits, hyphens and dots is
   the commonest input by far, and the one where ICU's own work (about
   700 instructions) is small enough that the library's argument checks,
   length bound and copies around it cost 15%.  With the library's
   options, UTS #46 maps a valid one to itself lower-cased, in both
   directions.  Only names valid beyond doubt take this path; ICU is
   asked about every other one, valid or not: a label that is empty (but
   the root's) or has a hyphen at its start, its end or in its 3rd and
   4th places ("xn--" is Punycode, to decode), and for TO_ASCII
   (VerifyDnsLength) a label longer than 63 bytes or a name longer than
   253.  check_idna_ascii compares this with ICU over half a million
   names.  Sets *LENGTH and *HAS_UPPER.  */
static int
is_plain_ascii_name (const char *domain, int to_ascii, size_t *length,
                     int *has_upper)
{
  size_t label_start = 0, i;

  *has_upper = 0;
  if (to_ascii && strnlen (domain, 255) == 255)
    return 0; /* Too long even with the root's dot: no scan.  */
  for (i = 0; i <= DOMAIN_INPUT_MAX; i++)
    {
      char c = domain[i];

      *has_upper |= c >= 'A' && c <= 'Z';
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9'))
        continue;
      if (c == '-' && i > label_start
          && !(i == label_start + 3 && domain[i - 1] == '-'))
        continue;
      if (c != '.' && c != '\0')
        return 0;
      if (i == label_start
              ? c == '.' || i == 0
              : domain[i - 1] == '-' || (to_ascii && i - label_start > 63))
        return 0;
      if (c == '\0')
        {
          *length = i;
          return !to_ascii || i - (domain[i - 1] == '.') <= 253;
        }
      label_start = i + 1;
    }
  return 0;
}

/* A whole conversion under the buffer protocol: by the fast path when
   it can.  ICU writes into a buffer of the library's first, so that
   nothing reaches OUT unless all of it fits.  */
static int
idna_to_buffer (idna_function *convert, const char *domain, char *out,
                size_t outsize)
{
  char stack[DOMAIN_INPUT_MAX], *result;
  size_t length, i;
  int status, has_upper;

  if (buffer_arguments_check (domain, out, outsize) != WTISD_OK)
    return buffer_checked (WTISD_EINVAL, out, outsize);
  /* Copied first, then lower-cased: OUT may be DOMAIN.  */
  if (is_plain_ascii_name (domain, convert == uidna_nameToASCII_UTF8, &length,
                           &has_upper))
    {
      status = buffer_from_utf8 (domain, length, out, outsize);
      for (i = 0;
           has_upper && status >= 0 && (size_t)status < outsize && i < length;
           i++)
        out[i] = (char)u_tolower (out[i]);
      return status;
    }
  length = strnlen (domain, DOMAIN_INPUT_MAX + 1);
  status
      = idna_convert (convert, domain, length, stack, sizeof stack, &result);
  if (status >= 0)
    status = buffer_from_utf8 (result, (size_t)status, out, outsize);
  if (result != stack)
    free (result);
  return buffer_checked (status, out, outsize);
}

int
wtisd_domain_to_ascii (const char *domain, char *out, size_t outsize)
{
  return idna_to_buffer (uidna_nameToASCII_UTF8, domain, out, outsize);
}

int
wtisd_domain_to_unicode (const char *domain, char *out, size_t outsize)
{
  return idna_to_buffer (uidna_nameToUnicodeUTF8, domain, out, outsize);
}

/* 1 when any label of DOMAIN (Unicode form) misleads, 0, or a status.  */
static int
domain_misleads (const char *domain, size_t length)
{
  const char *label = domain, *end = domain + length;

  while (label < end)
    {
      const char *dot = memchr (label, '.', (size_t)(end - label));
      const char *label_end = dot != NULL ? dot : end;
      int misleads
          = spoof_label_misleads (label, (int32_t)(label_end - label));

      if (misleads != 0)
        return misleads;
      label = label_end + 1;
    }
  return 0;
}

int
wtisd_domain_display (const char *domain, char *out, size_t outsize)
{
  char unicode_stack[DOMAIN_INPUT_MAX], ascii_stack[256];
  char *unicode = unicode_stack, *ascii = ascii_stack;
  int unicode_length, ascii_length, misleads;
  size_t length;

  if (buffer_arguments_check (domain, out, outsize) != WTISD_OK)
    return buffer_checked (WTISD_EINVAL, out, outsize);
  length = strnlen (domain, DOMAIN_INPUT_MAX + 1);
  unicode_length
      = idna_convert (uidna_nameToUnicodeUTF8, domain, length, unicode_stack,
                      sizeof unicode_stack, &unicode);
  ascii_length = unicode_length < 0
                     ? unicode_length
                     : idna_convert (uidna_nameToASCII_UTF8, domain, length,
                                     ascii_stack, sizeof ascii_stack, &ascii);
  misleads = ascii_length < 0
                 ? ascii_length
                 : domain_misleads (unicode, (size_t)unicode_length);
  if (misleads == 0)
    misleads
        = buffer_from_utf8 (unicode, (size_t)unicode_length, out, outsize);
  else if (misleads == 1)
    misleads = buffer_from_utf8 (ascii, (size_t)ascii_length, out, outsize);
  if (unicode != unicode_stack)
    free (unicode);
  if (ascii != ascii_stack)
    free (ascii);
  return buffer_checked (misleads, out, outsize);
}
