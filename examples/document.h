/* document.h - the message as a document: HTML, Markdown or JSON, written
   into a buffer, for wtisd-message --format and for wtisd-httpd.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_DOCUMENT_H
#define WTISD_DOCUMENT_H

#include <stddef.h>

#include <wtisd.h>

enum document_format
{
  DOCUMENT_HTML,
  DOCUMENT_MARKDOWN,
  DOCUMENT_JSON
};

/* A growing string; FAILED once memory ran out (and then DATA may be
   incomplete).  Start with all zeros; free DATA.  */
struct buffer
{
  char *data;
  size_t length, capacity;
  int failed;
};

void buffer_append (struct buffer *b, const char *s, size_t length);
void buffer_puts (struct buffer *b, const char *s);

/* Which parts to write: all of them (WHOLE, with the source address), or
   the title, some paragraphs (PARAGRAPHS[1] to [5]) and the themes; the
   normalization of their text (zero: NFC); the source address as the
   text of the link and as JSON's source_url (NULL: the display form
   as the text, the ASCII form in JSON).  The link always leads to the
   ASCII form.  */
struct document_parts
{
  int whole, title, themes;
  int paragraphs[WTISD_PARAGRAPH_COUNT + 1];
  wtisd_normalization normalization;
  const char *source_url;
};

/* What a web page adds to the document: HTML for the head (alternate
   links), for the top of its <header> (a link to the language menu) and
   for the end of the body (the menu), or NULL.  */
struct page_extras
{
  const char *head, *top, *nav;
};

/* Writes the PARTS of the message in LANG (a catalog language) as FORMAT
   into OUT; SOURCE_LABEL is the translation of "Source: %s\n", with its
   one %s.  The texts are normalized as PARTS say, then escaped for
   FORMAT.  EXTRAS only for HTML, or NULL.  Returns 0, or -1 when memory
   ran out.  */
int document_write (struct buffer *out, enum document_format format,
                    const char *lang, const struct document_parts *parts,
                    const char *source_label,
                    const struct page_extras *extras);

/* Splits LABEL, the translation of "Source: %s\n", into its text before
   and after the directive that takes the address, without the final
   newline.  Sets *BEFORE and *AFTER to new strings; returns 0, or -1
   when memory ran out.  */
int source_label_split (const char *label, char **before, char **after);

/* TEXT (UTF-8) in FORM, newly allocated; NULL when memory ran out (or
   TEXT is not UTF-8, which the library's texts always are).  */
char *normalized_copy (const char *text, wtisd_normalization form);

/* The style sheet of every HTML document, for a <style> element: the
   same bytes in every language, so that one hash allows it.  */
extern const char document_style[];

/* Appends S to OUT escaped for HTML text and attribute values.  */
void html_escape (struct buffer *out, const char *s);

/* The address the message was copied from, for a person to read:
   its host as wtisd_domain_display shows it, in URL (SIZE bytes).  */
void source_url_display (char *url, size_t size);

#endif /* WTISD_DOCUMENT_H */
