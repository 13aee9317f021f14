/* internal.h - declarations shared by the library's sources, not installed.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_INTERNAL_H
#define WTISD_INTERNAL_H

#include <libintl.h>
#include <stdatomic.h>
#include <stddef.h>

#include <unicode/utypes.h>

#include "wtisd.h"

/* Every symbol the library shares between its files carries the private
   prefix _wtisd_, so that libwtisd.a can be linked into a program that
   has its own utf8_check or text_nfc (ICU's urename.h does the same).
   The sources use the short names; tests/symbols.sh checks that no
   global symbol of the static library escapes both prefixes.  */
#define buffer_arguments_check _wtisd_buffer_arguments_check
#define catalog_file_load _wtisd_catalog_file_load
#define catalog_file_read _wtisd_catalog_file_read
#define catalog_lookup _wtisd_catalog_lookup
#define catalog_translations _wtisd_catalog_translations
#define language_candidates _wtisd_language_candidates
#define language_icu_id _wtisd_language_icu_id
#define language_tag_parse _wtisd_language_tag_parse
#define localedir_current _wtisd_localedir_current
#define localedir_first_use _wtisd_localedir_first_use
#define result_checked _wtisd_result_checked
#define result_from_utf16 _wtisd_result_from_utf16
#define result_from_utf8 _wtisd_result_from_utf8
#define status_from_icu _wtisd_status_from_icu
#define text_msgid _wtisd_text_msgid
#define text_nfc _wtisd_text_nfc
#define utf16_buffer_free _wtisd_utf16_buffer_free
#define utf16_from_utf8 _wtisd_utf16_from_utf8
#define utf8_check _wtisd_utf8_check
#define utf8_is_ascii _wtisd_utf8_is_ascii

/* The library's own gettext domain.  It is never made the process's
   default domain (textdomain), so every lookup names it.  */
#define WTISD_DOMAIN PACKAGE

/* Marks a string for xgettext without translating it where it stands.  */
#define N_(msgid) (msgid)

/* Looks MSGID up in the library's domain for the LC_MESSAGES category;
   the result is NFC.  */
const char *catalog_lookup (const char *msgid);

/* A locale directory that has been in force, and what the
   explicit-language lookups learned of it (language.c), kept for the
   life of the process.  */
struct language_cache;
struct localedir
{
  struct localedir *next;
  _Atomic (struct language_cache *) languages;
  char path[];
};

/* The directory in force now; lock-free, and inline because every
   explicit-language lookup starts here.  It is set only by the first use
   (localedir_first_use) and by wtisd_set_localedir.  NULL only when
   memory ran out at the library's first use.  */
extern _Atomic (struct localedir *) localedir_current;
struct localedir *localedir_first_use (void);

static inline struct localedir *
localedir_now (void)
{
  struct localedir *dir
      = atomic_load_explicit (&localedir_current, memory_order_acquire);

  return dir != NULL ? dir : localedir_first_use ();
}

/* The English text ID, which is also its msgid.  ID must be valid.  */
const char *text_msgid (wtisd_text_id id);

/* A catalog read by the library itself (mo.c), for the explicit-language
   lookups: its name ("fr", "zh_CN") and the texts it gives, NFC,
   English where it has no translation.  Never freed.  */
struct catalog_file
{
  const char *name;
  const char *texts[WTISD_TEXT_COUNT];
};

/* Reads DIR/NAME/LC_MESSAGES/libwtisd.mo, checking every offset and
   length against the file's size.  NULL when the file is absent, not a
   regular file, corrupt, not UTF-8, or memory ran out.  NAME must be
   a validated catalog name.  */
struct catalog_file *catalog_file_load (const char *dir, const char *name);

/* The two steps of catalog_file_load, apart for the fuzz target: reading
   DIR/NAME/LC_MESSAGES/libwtisd.mo whole (NULL when absent, not a
   regular file, too large or unreadable; free it), and checking the SIZE
   bytes at DATA and finding each text's translation in them (NULL where
   there is none).  Returns 0, or -1 for a catalog to treat as absent.  */
unsigned char *catalog_file_read (const char *dir, const char *name,
                                  size_t *size);
int catalog_translations (const unsigned char *data, size_t size,
                          const char *translated[WTISD_TEXT_COUNT]);

/* Returns TEXT, a string gettext returned, in NFC: TEXT itself when it
   already is (nearly always), otherwise a normalized copy that is kept
   for the life of the process.  Never NULL: out of memory, TEXT as it
   is.  */
const char *text_nfc (const char *text);

/* utf8.c: WTISD_OK when the LENGTH bytes at S are well-formed UTF-8,
   else WTISD_EUTF8.  */
int utf8_check (const char *s, size_t length);

/* Whether the LENGTH bytes at S are all ASCII.  */
int utf8_is_ascii (const char *s, size_t length);

/* The libwtisd status for a failed ICU call.  */
int status_from_icu (UErrorCode code);

/* UTF-16 text for ICU: on the stack when short, on the heap when long.  */
#define UTF16_STACK_CHARS 2048
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

/* Returns STATUS, first emptying OUT when STATUS is an error.  */
int result_checked (int status, char *out, size_t outsize);

/* WTISD_EINVAL for a NULL input, or a NULL OUT with a nonzero OUTSIZE.  */
int buffer_arguments_check (const char *in, const char *out, size_t outsize);

/* tag.c: a language tag, parsed.  Tags longer than LANGUAGE_TAG_MAX
   bytes are refused.  */
#define LANGUAGE_TAG_MAX 64
#define LANGUAGE_NAME_MAX 32
#define LANGUAGE_CANDIDATES_MAX 4
struct language_tag
{
  char language[4];  /* "pt", lower case */
  char script[5];    /* "Latn", title case, or "" */
  char region[4];    /* "BR" or "419", upper case, or "" */
  char modifier[17]; /* POSIX "@latin", lower case, or "" */
  int is_c;          /* "C", "POSIX", "C.UTF-8": English */
};

/* Parses the LENGTH bytes at S (NUL-terminated there), a BCP 47 tag or a
   POSIX locale name in any case.  Returns 0, or -1 when malformed.  */
int language_tag_parse (const char *s, size_t length,
                        struct language_tag *tag);

/* Writes the catalog names to try for TAG, most specific first, into
   NAMES; returns how many (0 for the C locale).  */
int language_candidates (const struct language_tag *tag,
                         char names[][LANGUAGE_NAME_MAX]);

/* Writes TAG as an ICU locale ID ("zh_Hant_TW") into OUT.  */
void language_icu_id (const struct language_tag *tag, char *out, size_t size);

#endif /* WTISD_INTERNAL_H */
