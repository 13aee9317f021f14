/* idna.c - internationalized domain names (UTS #46) with ICU, the policy
   for showing them to people, and the address the message was copied
   from.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uidna.h>
#include <unicode/uspoof.h>

#include "internal.h"

/* Both are configured once and then only read, which ICU documents as
   safe from any number of threads.  Never closed: a library must not
   tear down ICU state its host program may still use.  */
static pthread_once_t idna_once = PTHREAD_ONCE_INIT;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;
static UIDNA *idna;
static UErrorCode idna_open_error = U_ZERO_ERROR;
static atomic_int idna_opened;
static USpoofChecker *spoof_checker;
static UErrorCode spoof_open_error = U_ZERO_ERROR;

/* ICU defaults to transitional processing (ß becomes ss): ask for
   nontransitional UTS #46 with CheckBidi, CheckJoiners and
   UseSTD3ASCIIRules.  ICU always checks hyphens, and reports DNS length
   errors from toASCII only.  */
static void
idna_open (void)
{
  idna = uidna_openUTS46 (
      UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE
          | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_USE_STD3_RULES,
      &idna_open_error);
  if (U_SUCCESS (idna_open_error))
    atomic_store_explicit (&idna_opened, 1, memory_order_release);
}

/* The spoof checker costs ICU a million instructions to set up: only a
   display of a non-ASCII label pays for it.  */
static void
spoof_open (void)
{
  spoof_checker = uspoof_open (&spoof_open_error);
  uspoof_setRestrictionLevel (spoof_checker, USPOOF_HIGHLY_RESTRICTIVE);
  uspoof_setChecks (spoof_checker, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE,
                    &spoof_open_error);
}

static int
idna_ready (void)
{
  /* Published by pthread_once; once seen, the call is not needed.  */
  if (atomic_load_explicit (&idna_opened, memory_order_acquire))
    return WTISD_OK;
  pthread_once (&idna_once, idna_open);
  return U_SUCCESS (idna_open_error) ? WTISD_OK
                                     : status_from_icu (idna_open_error);
}

static int
spoof_ready (void)
{
  pthread_once (&spoof_once, spoof_open);
  return U_SUCCESS (spoof_open_error) ? WTISD_OK
                                      : status_from_icu (spoof_open_error);
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
   checking only once a conversion has failed; a label too long for
   Punycode is an IDNA error too, not an ICU one.  */
static int
idna_failure (const char *domain, size_t length, UErrorCode code,
              uint32_t errors)
{
  if (utf8_check (domain, length) != WTISD_OK)
    return WTISD_EUTF8;
  if (errors != 0 || code == U_INPUT_TOO_LONG_ERROR)
    return WTISD_EIDNA;
  return status_from_icu (code);
}

/* Runs CONVERT on DOMAIN into a buffer of its own: *RESULT is STACK when
   it fits in STACK_SIZE bytes, else a heap copy the caller frees.
   Returns the result's length or a status.  */
static int
idna_convert (idna_function *convert, const char *domain, char *stack,
              int32_t stack_size, char **result)
{
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode code = U_ZERO_ERROR;
  size_t domain_length = strnlen (domain, DOMAIN_INPUT_MAX + 1);
  int32_t length;
  int status;

  *result = stack;
  if (domain_length > DOMAIN_INPUT_MAX)
    return WTISD_EIDNA;
  if ((status = idna_ready ()) != WTISD_OK)
    return status;
  length = convert (idna, domain, (int32_t)domain_length, stack, stack_size,
                    &info, &code);
  /* Only a valid name is worth the second run a longer result needs.  */
  if (code == U_BUFFER_OVERFLOW_ERROR && info.errors == 0)
    {
      code = U_ZERO_ERROR;
      info = (UIDNAInfo)UIDNA_INFO_INITIALIZER;
      *result = malloc ((size_t)length + 1);
      if (*result == NULL)
        return WTISD_ENOMEM;
      length = convert (idna, domain, (int32_t)domain_length, *result,
                        length + 1, &info, &code);
    }
  if (U_FAILURE (code) || info.errors != 0)
    return idna_failure (domain, domain_length, code, info.errors);
  return (int)length;
}

/* A whole conversion under the buffer protocol.  ICU writes into a buffer
   of the library's first, so that nothing reaches OUT unless all of it
   fits.  */
static int
idna_to_buffer (idna_function *convert, const char *domain, char *out,
                size_t outsize)
{
  char stack[DOMAIN_INPUT_MAX], *result;
  int length;

  if (buffer_arguments_check (domain, out, outsize) != WTISD_OK)
    return result_checked (WTISD_EINVAL, out, outsize);
  length = idna_convert (convert, domain, stack, sizeof stack, &result);
  if (length >= 0)
    length = result_from_utf8 (result, (size_t)length, out, outsize);
  if (result != stack)
    free (result);
  return result_checked (length, out, outsize);
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

/* Whether LABEL (Unicode, valid IDNA) would mislead a reader: mixed
   scripts beyond ICU's "highly restrictive" level, invisible characters,
   or a confusable skeleton that is plain ASCII -- a label that can pass
   for a Latin one, such as Cyrillic "аррӏе".  Returns 1, 0 or a status.  */
static int
label_misleads (const char *label, int32_t length)
{
  UErrorCode code = U_ZERO_ERROR;
  char stack[256], *skeleton = stack;
  int32_t skeleton_length;
  int misleads;

  if (utf8_is_ascii (label, (size_t)length))
    return 0;
  if (spoof_ready () != WTISD_OK)
    return status_from_icu (spoof_open_error);
  if (uspoof_checkUTF8 (spoof_checker, label, length, NULL, &code) != 0)
    return 1;
  skeleton_length = uspoof_getSkeletonUTF8 (spoof_checker, 0, label, length,
                                            stack, sizeof stack, &code);
  if (code == U_BUFFER_OVERFLOW_ERROR)
    {
      code = U_ZERO_ERROR;
      skeleton = malloc ((size_t)skeleton_length + 1);
      if (skeleton == NULL)
        return WTISD_ENOMEM;
      skeleton_length
          = uspoof_getSkeletonUTF8 (spoof_checker, 0, label, length, skeleton,
                                    skeleton_length + 1, &code);
    }
  misleads = U_FAILURE (code)
                 ? status_from_icu (code)
                 : utf8_is_ascii (skeleton, (size_t)skeleton_length);
  if (skeleton != stack)
    free (skeleton);
  return misleads;
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
      int misleads = label_misleads (label, (int32_t)(label_end - label));

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

  if (buffer_arguments_check (domain, out, outsize) != WTISD_OK)
    return result_checked (WTISD_EINVAL, out, outsize);
  unicode_length
      = idna_convert (uidna_nameToUnicodeUTF8, domain, unicode_stack,
                      sizeof unicode_stack, &unicode);
  ascii_length = unicode_length < 0
                     ? unicode_length
                     : idna_convert (uidna_nameToASCII_UTF8, domain,
                                     ascii_stack, sizeof ascii_stack, &ascii);
  misleads = ascii_length < 0
                 ? ascii_length
                 : domain_misleads (unicode, (size_t)unicode_length);
  if (misleads == 0)
    misleads
        = result_from_utf8 (unicode, (size_t)unicode_length, out, outsize);
  else if (misleads == 1)
    misleads = result_from_utf8 (ascii, (size_t)ascii_length, out, outsize);
  if (unicode != unicode_stack)
    free (unicode);
  if (ascii != ascii_stack)
    free (ascii);
  return result_checked (misleads, out, outsize);
}

/* The copy of the message the library carries came from this address.
   Only the ASCII form is written down; the Unicode form is derived.  */
#define SOURCE_SCHEME "https://"
#define SOURCE_HOST "xn--b1akbcqh2a7i.xn--90ais"
#define SOURCE_PATH "/node/7193"

static pthread_once_t source_once = PTHREAD_ONCE_INIT;
static char source_url_unicode[128];

static void
source_url_derive (void)
{
  char host[sizeof source_url_unicode];
  int length = wtisd_domain_to_unicode (SOURCE_HOST, host, sizeof host);

  if (length > 0
      && (size_t)length + sizeof SOURCE_SCHEME + sizeof SOURCE_PATH
             <= sizeof source_url_unicode)
    {
      strcpy (source_url_unicode, SOURCE_SCHEME);
      strcat (source_url_unicode, host);
      strcat (source_url_unicode, SOURCE_PATH);
    }
}

const char *
wtisd_source_url (wtisd_form form)
{
  switch (form)
    {
    case WTISD_FORM_ASCII:
      return SOURCE_SCHEME SOURCE_HOST SOURCE_PATH;
    case WTISD_FORM_UNICODE:
      pthread_once (&source_once, source_url_derive);
      return source_url_unicode[0] != '\0' ? source_url_unicode : NULL;
    }
  return NULL;
}
