/* catalog.c - one catalog of the library's domain: found in the search
   path, read whole, checked, converted to UTF-8 in NFC and indexed, once.
   Every text and message the library returns comes from here.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

/* Far beyond any catalog of this library; bounds the work a hostile file
   can cause.  */
#define CATALOG_MAX_SIZE (16u * 1024 * 1024)

/* Reads the whole regular file at PATH into a NUL-terminated buffer.
   WTISD_ENOCATALOG when there is no such file or it cannot be reached (a
   directory of the search path that may not be searched, a path too
   long: the next directory is looked at, as for a missing file),
   WTISD_ECATALOG when there is something else there or it cannot be
   read whole.  */
static int
file_read (const char *path, unsigned char **data, size_t *size)
{
  /* O_NONBLOCK: a FIFO planted in place of a catalog must not hang the
     open; only a regular file is read.  */
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  int status = WTISD_ECATALOG;
  struct stat st;
  size_t done = 0;

  *data = NULL;
  if (fd < 0)
    return errno == ENOENT || errno == ENOTDIR || errno == EACCES
                   || errno == ENAMETOOLONG || errno == ELOOP
               ? WTISD_ENOCATALOG
           : errno == ENOMEM ? WTISD_ENOMEM
                             : WTISD_ECATALOG;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0
      && (uintmax_t)st.st_size <= CATALOG_MAX_SIZE)
    {
      *data = malloc ((size_t)st.st_size + 1);
      status = *data != NULL ? WTISD_OK : WTISD_ENOMEM;
    }
  while (status == WTISD_OK && done < (size_t)st.st_size)
    {
      ssize_t got = read (fd, *data + done, (size_t)st.st_size - done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        status = WTISD_ECATALOG;
      else
        done += (size_t)got;
    }
  close (fd);
  if (status != WTISD_OK)
    {
      free (*data);
      *data = NULL;
      return status;
    }
  (*data)[done] = '\0';
  *size = done;
  return WTISD_OK;
}

/* The converter for the charset the catalog's header declares, or NULL
   (and WTISD_OK) for UTF-8, which needs none: also when there is no
   header or no charset, and for ASCII, which UTF-8 contains.  */
static int
charset_converter (const struct mo_file *mo, UConverter **converter)
{
  UErrorCode code = U_ZERO_ERROR;
  char name[64];
  const char *charset = NULL;
  size_t length;
  uint32_t i;

  *converter = NULL;
  for (i = 0; i < mo->count && charset == NULL; i++)
    {
      struct mo_string original, header;

      mo_entry (mo, i, &original, &header);
      if (original.length == 0 && (charset = strstr (header.s, "charset=")))
        charset += strlen ("charset=");
    }
  if (charset == NULL)
    return WTISD_OK;
  length = strcspn (charset, " \t\n;");
  if (length == 0 || length >= sizeof name)
    return WTISD_ECATALOG;
  memcpy (name, charset, length);
  name[length] = '\0';
  if (strcasecmp (name, "UTF-8") == 0 || strcasecmp (name, "UTF8") == 0
      || strcasecmp (name, "ASCII") == 0 || strcasecmp (name, "US-ASCII") == 0)
    return WTISD_OK;
  *converter = ucnv_open (name, &code);
  if (U_FAILURE (code))
    return code == U_MEMORY_ALLOCATION_ERROR ? WTISD_ENOMEM : WTISD_ECATALOG;
  /* Stop at a byte the charset does not have, instead of substituting.  */
  ucnv_setToUCallBack (*converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL,
                       &code);
  return U_SUCCESS (code) ? WTISD_OK : status_from_icu (code);
}

/* Decodes the LENGTH bytes at S, in CONVERTER's charset (NULL: UTF-8),
   into TEXT.  WTISD_ECATALOG for bytes that are not of that charset.  */
static int
text_decode (UConverter *converter, const char *s, size_t length,
             struct utf16_buffer *text)
{
  UErrorCode code = U_ZERO_ERROR;
  int32_t needed;
  int status;

  if (converter == NULL)
    {
      status = utf8_to_utf16 (text, s, length);
      return status == WTISD_EUTF8 ? WTISD_ECATALOG : status;
    }
  text->chars = text->stack;
  needed = ucnv_toUChars (converter, text->chars, UTF16_STACK_CHARS, s,
                          (int32_t)length, &code);
  if (code == U_BUFFER_OVERFLOW_ERROR)
    {
      text->chars = malloc (((size_t)needed + 1) * sizeof *text->chars);
      if (text->chars == NULL)
        return WTISD_ENOMEM;
      code = U_ZERO_ERROR;
      needed = ucnv_toUChars (converter, text->chars, needed + 1, s,
                              (int32_t)length, &code);
    }
  text->length = needed;
  if (U_FAILURE (code))
    return code == U_MEMORY_ALLOCATION_ERROR ? WTISD_ENOMEM : WTISD_ECATALOG;
  return WTISD_OK;
}

/* Whether the code point C may never reach a terminal from a catalog:
   C0 and C1 controls and DEL (a newline only where the English has one),
   and the bidirectional embeddings, overrides and isolates, which can
   make text read in another order than it is stored.  */
static int
is_forbidden (UChar32 c, int newline_allowed)
{
  if (c == '\n')
    return !newline_allowed;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

/* Whether C can be reordered by normalization: it has, or decomposes to
   characters with, a nonzero canonical combining class.  */
static int
is_nonstarter (UChar32 c)
{
  return c >= 0x300
         && (u_getIntPropertyValue (c, UCHAR_LEAD_CANONICAL_COMBINING_CLASS)
             || u_getIntPropertyValue (c,
                                       UCHAR_TRAIL_CANONICAL_COMBINING_CLASS));
}

/* Checks the decoded TEXT of a translation against the rules in
   wtisd.h's "Catalogs" paragraph.  */
static int
text_check (const struct utf16_buffer *text, int newline_allowed)
{
  int32_t i = 0, run = 0;

  while (i < text->length)
    {
      UChar32 c;

      U16_NEXT (text->chars, i, text->length, c);
      if (is_forbidden (c, newline_allowed) || U_IS_SURROGATE (c))
        return WTISD_ECATALOG;
      run = is_nonstarter (c) ? run + 1 : 0;
      if (run > NON_STARTERS_MAX)
        return WTISD_ECATALOG;
    }
  return WTISD_OK;
}

/* The LENGTH code units at CHARS in UTF-8, in a new string.  */
static int
utf8_dup (const UChar *chars, int32_t length, char **utf8)
{
  int size = buffer_from_utf16 (chars, length, NULL, 0);

  if (size < 0)
    return size;
  if ((*utf8 = malloc ((size_t)size + 1)) == NULL)
    return WTISD_ENOMEM;
  buffer_from_utf16 (chars, length, *utf8, (size_t)size + 1);
  return WTISD_OK;
}

/* TEXT (decoded from the RAW bytes, UTF-8 when FROM_UTF8) in NFC and
   UTF-8: RAW itself when it already is, else a new string in *OWNED.  */
static int
text_nfc_utf8 (const struct utf16_buffer *text, const struct mo_string *raw,
               int from_utf8, const char **result, char **owned)
{
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&code);
  struct utf16_buffer normalized;
  int status;

  *owned = NULL;
  *result = NULL;
  if (U_FAILURE (code))
    return status_from_icu (code);
  if (from_utf8 && unorm2_isNormalized (nfc, text->chars, text->length, &code))
    {
      *result = raw->s;
      return WTISD_OK;
    }
  if (U_FAILURE (code))
    return status_from_icu (code);
  status = normalize_utf16 (nfc, text->chars, text->length, 0, &normalized);
  if (status == WTISD_OK)
    status = utf8_dup (normalized.chars, normalized.length, owned);
  utf16_buffer_free (&normalized);
  *result = *owned;
  return status;
}

/* Writes to LIST the printf directives of S, whole and in order
   ("%s,%-5d,%%,"): -1 for a malformed directive or a list longer than
   SIZE.  */
static int
format_directives (const char *s, char *list, size_t size)
{
  size_t used = 0;

  while ((s = strchr (s, '%')) != NULL)
    {
      size_t length = 1 + strspn (s + 1, "0123456789$-+ #'I.*");

      length += strspn (s + length, "hlLqjzt");
      if (s[length] == '\0' || strchr ("diouxXeEfFgGaAcsp%", s[length]) == NULL
          || used + length + 2 >= size)
        return -1;
      memcpy (list + used, s, length + 1);
      used += length + 1;
      list[used++] = ',';
      s += length + 1;
    }
  list[used] = '\0';
  return 0;
}

/* Whether TRANSLATION has exactly the printf directives MSGID has, in
   the same order (checked only where MSGID has one: other texts are
   never formats).  Not only the same arguments: a program that places
   its argument itself, such as a link after "Source: %s", finds the one
   directive it expects, never "%%s", "%-1s" or "%.0s".  */
static int
format_matches (const char *msgid, const char *translation)
{
  char expected[64], got[64];

  if (strchr (msgid, '%') == NULL)
    return 1;
  return format_directives (msgid, expected, sizeof expected) == 0
         && format_directives (translation, got, sizeof got) == 0
         && strcmp (expected, got) == 0;
}

/* Makes ENTRY from one checked translation.  */
static int
entry_make (UConverter *converter, const struct mo_string *original,
            const struct mo_string *raw, struct catalog_entry *entry)
{
  struct utf16_buffer text;
  int status = text_decode (converter, raw->s, raw->length, &text);

  if (status == WTISD_OK)
    status = text_check (&text, strchr (original->s, '\n') != NULL);
  if (status == WTISD_OK)
    status = text_nfc_utf8 (&text, raw, converter == NULL, &entry->translation,
                            &entry->owned);
  utf16_buffer_free (&text);
  entry->msgid = original->s;
  if (status == WTISD_OK && !format_matches (entry->msgid, entry->translation))
    status = WTISD_ECATALOG;
  return status;
}

static int
msgid_compare (const void *a, const void *b)
{
  return strcmp (((const struct catalog_entry *)a)->msgid,
                 ((const struct catalog_entry *)b)->msgid);
}

/* Whether an entry is one the library looks up: not the header, not a
   plural or a context entry (the library has none), translated.  */
static int
entry_is_plain (const struct mo_string *original,
                const struct mo_string *translation)
{
  return original->length > 0 && strlen (original->s) == original->length
         && memchr (original->s, '\4', original->length) == NULL
         && translation->length > 0
         && strlen (translation->s) == translation->length;
}

/* Checks and indexes every entry of MO into CATALOG.  */
static int
catalog_index (struct catalog *catalog, const struct mo_file *mo)
{
  UConverter *converter;
  int status = charset_converter (mo, &converter);
  uint32_t i;

  if (status == WTISD_OK && mo->count > 0
      && (catalog->entries = calloc (mo->count, sizeof *catalog->entries))
             == NULL)
    status = WTISD_ENOMEM;
  for (i = 0; i < mo->count && status == WTISD_OK; i++)
    {
      struct mo_string original, translation;

      mo_entry (mo, i, &original, &translation);
      if (entry_is_plain (&original, &translation))
        status = entry_make (converter, &original, &translation,
                             &catalog->entries[catalog->count++]);
    }
  ucnv_close (converter);
  if (status != WTISD_OK)
    return status;
  if (catalog->count > 1)
    qsort (catalog->entries, catalog->count, sizeof *catalog->entries,
           msgid_compare);
  for (i = 1; i < catalog->count; i++)
    if (msgid_compare (&catalog->entries[i - 1], &catalog->entries[i]) == 0)
      return WTISD_ECATALOG;
  return WTISD_OK;
}

void
catalog_free (struct catalog *catalog)
{
  size_t i;

  if (catalog == NULL)
    return;
  for (i = 0; i < catalog->count; i++)
    free (catalog->entries[i].owned);
  free (catalog->entries);
  free (catalog->data);
  free (catalog);
}

int
catalog_parse (unsigned char *data, size_t size, struct catalog **result)
{
  struct catalog *catalog = calloc (1, sizeof *catalog);
  struct mo_file mo;
  int status, id;

  *result = NULL;
  if (catalog == NULL)
    {
      free (data);
      return WTISD_ENOMEM;
    }
  catalog->data = data;
  status = mo_open (&mo, data, size) != 0 ? WTISD_ECATALOG
                                          : catalog_index (catalog, &mo);
  if (status != WTISD_OK)
    {
      catalog_free (catalog);
      return status;
    }
  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *msgid = catalog_english.texts[id];
      const char *translated = catalog_translate (catalog, msgid);

      catalog->texts[id] = translated != NULL ? translated : msgid;
    }
  *result = catalog;
  return WTISD_OK;
}

int
catalog_load (const struct localedir *dir, const char *name,
              struct catalog **catalog)
{
  size_t i;

  *catalog = NULL;
  for (i = 0; i < dir->dir_count; i++)
    {
      unsigned char *data;
      size_t size = 0;
      char *path;
      int status;

      if (asprintf (&path, "%s/%s/LC_MESSAGES/%s.mo", dir->dirs[i], name,
                    PACKAGE)
          < 0)
        return WTISD_ENOMEM;
      status = file_read (path, &data, &size);
      free (path);
      /* The first directory that has the file decides, as in PATH.  */
      if (status == WTISD_OK)
        return catalog_parse (data, size, catalog);
      if (status != WTISD_ENOCATALOG)
        return status;
    }
  return WTISD_ENOCATALOG;
}

const char *
catalog_translate (const struct catalog *catalog, const char *msgid)
{
  struct catalog_entry key, *found;

  if (catalog->count == 0)
    return NULL;
  key.msgid = msgid;
  found = bsearch (&key, catalog->entries, catalog->count,
                   sizeof *catalog->entries, msgid_compare);
  return found != NULL ? found->translation : NULL;
}
