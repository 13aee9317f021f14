/* internal.h - declarations shared by the library's sources, not installed.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_INTERNAL_H
#define WTISD_INTERNAL_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/unorm2.h>
#include <unicode/utypes.h>

#include "wtisd.h"

/* Every symbol the library shares between its files carries the private
   prefix _wtisd_, so that libwtisd.a can be linked into a program that
   has its own utf8_check or mo_open (ICU's urename.h does the same).
   The sources use the short names; tests/symbols.sh checks that no
   global symbol of the static library escapes both prefixes.  */
#define buffer_arguments_check _wtisd_buffer_arguments_check
#define buffer_checked _wtisd_buffer_checked
#define buffer_from_utf16 _wtisd_buffer_from_utf16
#define buffer_from_utf8 _wtisd_buffer_from_utf8
#define catalog_english _wtisd_catalog_english
#define catalog_free _wtisd_catalog_free
#define catalog_load _wtisd_catalog_load
#define catalog_parse _wtisd_catalog_parse
#define catalog_translate _wtisd_catalog_translate
#define language_entry_catalog _wtisd_language_entry_catalog
#define language_name_msgid _wtisd_language_name_msgid
#define language_table_best _wtisd_language_table_best
#define language_table_has _wtisd_language_table_has
#define language_table_now _wtisd_language_table_now
#define localedir_current _wtisd_localedir_current
#define localedir_first_use _wtisd_localedir_first_use
#define mo_entry _wtisd_mo_entry
#define mo_open _wtisd_mo_open
#define normalize_utf16 _wtisd_normalize_utf16
#define spoof_label_misleads _wtisd_spoof_label_misleads
#define status_from_icu _wtisd_status_from_icu
#define tag_candidates _wtisd_tag_candidates
#define tag_describe _wtisd_tag_describe
#define tag_likely _wtisd_tag_likely
#define tag_parse _wtisd_tag_parse
#define utf16_buffer_free _wtisd_utf16_buffer_free
#define utf8_check _wtisd_utf8_check
#define utf8_is_ascii _wtisd_utf8_is_ascii
#define utf8_to_utf16 _wtisd_utf8_to_utf16

/* Marks a string for xgettext without translating it where it stands.  */
#define N_(msgid) (msgid)

/* localedir.c: a search path for catalogs that has been in force, and
   what the lookups learned of it (language.c), kept for the life of the
   process.  */
struct language_table;
struct localedir
{
  struct localedir *next;
  _Atomic (struct language_table *) languages;
  size_t dir_count;
  const char **dirs; /* Absolute directories, in search order.  */
  char path[];       /* The same, colon-separated.  */
};

/* The search path in force now; lock-free, and inline because every
   lookup starts here.  It is set only by the first use
   (localedir_first_use) and by wtisd_set_localedir.  NULL only when
   memory ran out at the library's first use (tried again next time).  */
extern _Atomic (struct localedir *) localedir_current;
struct localedir *localedir_first_use (void);

static inline struct localedir *
localedir_now (void)
{
  struct localedir *dir
      = atomic_load_explicit (&localedir_current, memory_order_acquire);

  return dir != NULL ? dir : localedir_first_use ();
}

/* mo.c: a GNU MO file, checked.  */
struct mo_file
{
  const unsigned char *data;
  size_t size;
  int swapped;
  uint32_t count, originals, translations;
};

/* A string of an MO file: NUL-terminated at S[LENGTH] (it may hold
   other NULs before, as plural entries do).  */
struct mo_string
{
  const char *s;
  uint32_t length;
};

/* Checks the SIZE bytes at DATA: the header and every string
   descriptor.  WTISD_OK, or WTISD_ECATALOG when they are not a sound MO
   file.  */
int mo_open (struct mo_file *mo, const unsigned char *data, size_t size);

/* Entry INDEX (< MO->count) of an MO file mo_open accepted.  */
void mo_entry (const struct mo_file *mo, uint32_t index,
               struct mo_string *original, struct mo_string *translation);

/* catalog.c: one catalog of the library's domain, checked and indexed;
   kept for the life of the process once in use.  */
struct catalog_entry
{
  const char *msgid;       /* In the file's data.  */
  const char *translation; /* UTF-8, NFC, checked.  */
  char *owned;             /* TRANSLATION when converted, else NULL.  */
};

struct catalog
{
  const char *texts[WTISD_TEXT_COUNT]; /* English where untranslated.  */
  size_t count;
  struct catalog_entry *entries; /* Sorted by msgid.  */
  unsigned char *data;           /* The file, which ENTRIES point into.  */
};

/* The texts compiled into the library, English (texts.c).  */
extern const struct catalog catalog_english;

/* The msgid whose translation is a catalog's name of its language.  */
extern const char *const language_name_msgid;

/* Checks and indexes the SIZE bytes at DATA (NUL-terminated at
   DATA[SIZE], taken over whatever the outcome) as a catalog.
   WTISD_OK and a new *CATALOG, WTISD_ECATALOG when any check of wtisd.h's
   "Catalogs" paragraph fails, WTISD_ENOMEM, WTISD_EICU.  */
int catalog_parse (unsigned char *data, size_t size, struct catalog **catalog);

/* Reads NAME's catalog file from the first directory of DIR's search
   path that has one, then catalog_parse.  WTISD_ENOCATALOG when no
   directory has the file; WTISD_ECATALOG when it is not a regular file
   of at most 16 MiB that reads whole.  NAME is a catalog's name.  */
int catalog_load (const struct localedir *dir, const char *name,
                  struct catalog **catalog);
void catalog_free (struct catalog *catalog);

/* The translation of MSGID in CATALOG, or NULL.  */
const char *catalog_translate (const struct catalog *catalog,
                               const char *msgid);

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
int utf8_to_utf16 (struct utf16_buffer *buffer, const char *s, size_t length);
void utf16_buffer_free (struct utf16_buffer *buffer);

/* UAX #15's stream-safe text format allows no more than 30 non-starters
   in a row; past that, ICU's canonical reordering turns quadratic.
   catalog.c refuses a translation with more; normalize.c cuts runs.  */
#define NON_STARTERS_MAX 30

/* normalize.c: normalizes the LENGTH code units at TEXT, of which the
   first SPAN are normalized already, into RESULT (free it with
   utf16_buffer_free either way).  WTISD_OK or a status.  */
int normalize_utf16 (const UNormalizer2 *normalizer, const UChar *text,
                     int32_t length, int32_t span,
                     struct utf16_buffer *result);

/* spoof.c: whether LABEL, LENGTH bytes of a domain name's Unicode form
   (valid UTF-8), could mislead a reader, as ICU's spoof checker finds:
   a character outside UTS #39's identifier profile, scripts mixed
   beyond its "highly restrictive" level, a nonspacing mark repeated, or
   a confusable skeleton that is plain ASCII.  1, 0 or a status.  */
int spoof_label_misleads (const char *label, int32_t length);

/* buffer.c: the buffer protocol of the public API (see wtisd.h): each returns
   the result's length in bytes and writes it to OUT, NUL-terminated, only when
   it fits in OUTSIZE bytes; otherwise sets OUT[0] to '\0' (when OUTSIZE > 0).
   Negative: a status.  */
int buffer_from_utf8 (const char *result, size_t length, char *out,
                      size_t outsize);
int buffer_from_utf16 (const UChar *chars, int32_t length, char *out,
                       size_t outsize);

/* Returns STATUS, first emptying OUT when STATUS is an error.  */
int buffer_checked (int status, char *out, size_t outsize);

/* WTISD_EINVAL for a NULL input, or a NULL OUT with a nonzero OUTSIZE.  */
int buffer_arguments_check (const char *in, const char *out, size_t outsize);

/* tag.c: a language tag, parsed.  Tags longer than LANGUAGE_TAG_MAX
   bytes are refused.  */
#define LANGUAGE_TAG_MAX 64
#define LANGUAGE_NAME_MAX 32
#define LANGUAGE_CANDIDATES_MAX 4
struct language_tag
{
  char language[9];  /* "pt", "tlh", lower case; "en" for the C locale
                        ("C", "POSIX", "C.UTF-8"); "" for private use */
  char script[5];    /* "Latn", title case, or "" */
  char region[4];    /* "BR" or "419", upper case, or "" */
  char modifier[17]; /* POSIX "@latin", lower case, or "" */
};

/* Parses the LENGTH bytes at S (NUL-terminated there), a BCP 47 tag (by
   ICU) or a POSIX locale name, in any case.  Returns WTISD_OK,
   WTISD_EINVAL when malformed, or WTISD_ENOMEM (ICU's parse ran out of
   memory: the tag may be sound).  */
int tag_parse (const char *s, size_t length, struct language_tag *tag);

/* Writes the catalog names GNU gettext tries for the locale name TAG,
   most specific first, into NAMES; returns how many (0 for private
   use).  */
int tag_candidates (const struct language_tag *tag,
                    char names[][LANGUAGE_NAME_MAX]);

/* The script TAG is written in, into SCRIPT: its own (or its POSIX
   modifier's), else the one CLDR's likely subtags give its language and
   region; unless REGION is NULL, the region likely for its language and
   that script into REGION.  "" where ICU knows none.  WTISD_OK or
   WTISD_ENOMEM.  */
int tag_likely (const struct language_tag *tag, char script[5],
                char region[4]);

/* What a catalog's name says of its language.  */
struct language_facts
{
  struct language_tag tag;
  char script[5];               /* Written in (tag_likely).  */
  char bcp47[LANGUAGE_TAG_MAX]; /* "zh-CN", "sr-Latn", "pt-PT" */
  int rtl;                      /* Written right to left.  */
};

/* Fills FACTS for the catalog name NAME, as gettext names catalogs
   ("pt_BR", "sr@latin").  WTISD_OK, WTISD_EINVAL when NAME names no
   catalog ("Fr", "fr_FR@euro", "fr-CA"), WTISD_ENOMEM.  */
int tag_describe (const char *name, struct language_facts *facts);

/* language.c: one table per search path of the catalogs its directories
   hold, and English, sorted by name (so by language too), built at its
   first use and never changed once published.  A catalog is read at its
   first use and then kept, or found damaged and refused for good.  */
struct language_entry
{
  char name[LANGUAGE_NAME_MAX];
  struct language_facts facts;
  _Atomic (const struct catalog *) catalog;
  _Atomic int damaged;
};

struct language_table
{
  const struct localedir *dir;             /* Whose table it is.  */
  _Atomic (const char *const *) languages; /* wtisd_languages's answer */
  size_t count;
  struct language_entry *entries;
};

/* The table of the search path in force; NULL when memory ran out.  */
struct language_table *language_table_now (void);

/* Whether TABLE has a catalog of LANGUAGE (a language subtag).  */
int language_table_has (const struct language_table *table,
                        const char *language);

/* The index of the entry of TABLE that TAG reads best: a catalog of its
   language in the script it implies (CLDR's likely subtags, by ICU), of its
   region, else of none, else of the region likely for the language and script,
   else the first.  -1 when none, -2 when memory ran out.  */
long language_table_best (const struct language_table *table,
                          const struct language_tag *tag);

/* ENTRY's catalog, read at its first use, into *FOUND: WTISD_OK,
   WTISD_ECATALOG, WTISD_ENOCATALOG (gone since the table was made), or
   WTISD_ENOMEM (neither is remembered).  */
int language_entry_catalog (const struct language_table *table,
                            struct language_entry *entry,
                            const struct catalog **found);

#endif /* WTISD_INTERNAL_H */
