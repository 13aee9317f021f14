/* internal.h - declarations shared by the library's sources, not installed.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_INTERNAL_H
#define WTISD_INTERNAL_H

#include <libintl.h>
#include <stddef.h>

#include <unicode/utypes.h>

#include "wtisd.h"

/* The library's own gettext domain.  It is never made the process's
   default domain (textdomain), so every lookup names it.  */
#define WTISD_DOMAIN PACKAGE

/* Marks a string for xgettext without translating it where it stands.  */
#define N_(msgid) (msgid)

/* Binds the library's domain to its locale directory with UTF-8 output,
   once per process and per directory change; thread-safe.  Every
   function that calls dgettext/dcgettext calls this first.  */
void catalog_ensure_bound (void);

/* Looks MSGID up in the library's domain for the LC_MESSAGES category.  */
const char *catalog_lookup (const char *msgid);

/* Returns TEXT, a string gettext returned, in NFC: TEXT itself when it
   already is (nearly always), otherwise a normalized copy that is kept
   for the life of the process.  NULL only when out of memory.  */
const char *text_nfc (const char *text);

/* utf8.c: WTISD_OK when the LENGTH bytes at S are well-formed UTF-8,
   else WTISD_EUTF8.  */
int utf8_check (const char *s, size_t length);

/* Whether the LENGTH bytes at S are all ASCII.  */
int utf8_is_ascii (const char *s, size_t length);

/* The libwtisd status for a failed ICU call.  */
int status_from_icu (UErrorCode code);

/* UTF-16 text for ICU: on the stack when short, on the heap when long.  */
#define UTF16_STACK_CHARS 512
struct utf16_buffer
{
  UChar *chars;
  int32_t length;
  UChar stack[UTF16_STACK_CHARS];
};

/* Converts LENGTH bytes of well-formed UTF-8 into BUFFER.  Returns
   WTISD_OK or a status; free with utf16_buffer_free either way.  */
int utf16_from_utf8 (struct utf16_buffer *buffer, const char *s,
                     size_t length);
void utf16_buffer_free (struct utf16_buffer *buffer);

/* The buffer protocol of the public API (see wtisd.h): each returns the
   result's length in bytes and writes it to OUT, NUL-terminated, only
   when it fits in OUTSIZE bytes; otherwise sets OUT[0] to '\0' (when
   OUTSIZE > 0).  Negative: a status.  */
int result_from_utf8 (const char *result, size_t length, char *out,
                      size_t outsize);
int result_from_utf16 (const UChar *chars, int32_t length, char *out,
                       size_t outsize);
int result_too_small (char *out, size_t outsize, size_t length);

/* Returns STATUS, first emptying OUT when STATUS is an error.  */
int result_checked (int status, char *out, size_t outsize);

/* WTISD_EINVAL for a NULL input, or a NULL OUT with a nonzero OUTSIZE.  */
int buffer_arguments_check (const char *in, const char *out, size_t outsize);

#endif /* WTISD_INTERNAL_H */
