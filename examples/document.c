/* document.c - the message as HTML, Markdown or JSON, each escaped for
   its format.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

void
buffer_append (struct buffer *b, const char *s, size_t length)
{
  if (b->failed)
    return;
  if (b->length + length + 1 > b->capacity)
    {
      size_t capacity = (b->length + length + 1) * 2;
      char *bigger = realloc (b->data, capacity);

      if (bigger == NULL)
        {
          b->failed = 1;
          return;
        }
      b->data = bigger;
      b->capacity = capacity;
    }
  memcpy (b->data + b->length, s, length);
  b->length += length;
  b->data[b->length] = '\0';
}

void
buffer_puts (struct buffer *b, const char *s)
{
  buffer_append (b, s, strlen (s));
}

void
source_url_display (char *url, size_t size)
{
  const char *ascii = wtisd_source_url (WTISD_FORM_ASCII);
  const char *host = strstr (ascii, "://") + 3;
  const char *path = strchr (host, '/');
  char ascii_host[256], display_host[256];

  snprintf (url, size, "%s", ascii);
  snprintf (ascii_host, sizeof ascii_host, "%.*s", (int)(path - host), host);
  if (wtisd_domain_display (ascii_host, display_host, sizeof display_host)
      >= 0)
    snprintf (url, size, "%.*s%s%s", (int)(host - ascii), ascii, display_host,
              path);
}

void
html_escape (struct buffer *out, const char *s)
{
  for (; *s != '\0'; s++)
    switch (*s)
      {
      case '&':
        buffer_puts (out, "&amp;");
        break;
      case '<':
        buffer_puts (out, "&lt;");
        break;
      case '>':
        buffer_puts (out, "&gt;");
        break;
      case '"':
        buffer_puts (out, "&quot;");
        break;
      case '\'':
        buffer_puts (out, "&#39;");
        break;
      default:
        buffer_append (out, s, 1);
      }
}

/* What a document is written from: the texts of the message and the
   source label's text around its directive, each already in the
   normalization asked for.  Escaping for the format comes after and last:
   normalizing escaped text would undo the escaping (NFKC turns a
   fullwidth < into a live one, a U+0338 after the > of <p> into the
   single character U+226F).  */
struct document
{
  const char *lang;
  const struct document_parts *parts;
  const struct page_extras *extras;
  char *text[WTISD_TEXT_COUNT];
  char *label_before, *label_after; /* Around the address.  */
};

char *
normalized_copy (const char *text, wtisd_normalization form)
{
  int length = wtisd_normalize (text, form, NULL, 0);
  char *copy = length >= 0 ? malloc ((size_t)length + 1) : NULL;

  if (copy != NULL
      && wtisd_normalize (text, form, copy, (size_t)length + 1) != length)
    {
      free (copy);
      copy = NULL;
    }
  return copy;
}

/* Reads and normalizes what DOC is written from.  Returns 0, or -1 when
   memory ran out (the library's texts are NULL only then): a document
   is whole or not written.  */
static int
document_read (struct document *doc, const char *label)
{
  wtisd_normalization form = doc->parts->normalization;
  char *before = NULL, *after = NULL;
  int id, failed = 0;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *text = wtisd_text_in (doc->lang, (wtisd_text_id)id);

      doc->text[id] = text != NULL ? normalized_copy (text, form) : NULL;
      failed |= doc->text[id] == NULL;
    }
  doc->label_before = doc->label_after = NULL;
  if (source_label_split (label != NULL ? label : "", &before, &after) == 0)
    {
      doc->label_before = normalized_copy (before, form);
      doc->label_after = normalized_copy (after, form);
    }
  failed |= doc->label_before == NULL || doc->label_after == NULL;
  free (before);
  free (after);
  return failed ? -1 : 0;
}

static void
document_free (struct document *doc)
{
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    free (doc->text[id]);
  free (doc->label_before);
  free (doc->label_after);
}

static const char *
tag_of (struct buffer *out, const char *lang)
{
  const char *tag = wtisd_language_tag (lang);

  out->failed |= tag == NULL;
  return tag != NULL ? tag : "";
}

/* TEXT as HTML, with THEME (when found in it) marked up as a quotation.  */
static void
html_with_theme (struct buffer *out, const char *text, const char *theme)
{
  const char *at = theme != NULL ? strstr (text, theme) : NULL;
  char *before;

  if (at == NULL)
    {
      html_escape (out, text);
      return;
    }
  before = strndup (text, (size_t)(at - text));
  if (before == NULL)
    {
      out->failed = 1;
      return;
    }
  html_escape (out, before);
  free (before);
  buffer_puts (out, "<q class=\"theme\">");
  html_escape (out, theme);
  buffer_puts (out, "</q>");
  html_escape (out, at + strlen (theme));
}

/* Markdown as GitHub reads it (CommonMark and its extensions): every
   ASCII punctuation character that could start markup is
   backslash-escaped, ':' too, so that no address becomes a link (GFM
   links "http:", "https:" and "www." in text; an escaped '.' or ':'
   breaks each pattern, and the backslash does not show).  An e-mail
   address is found after escapes are resolved, so an empty HTML comment,
   which shows nothing, comes before each '@'.  Spaces that start the text
   are written as character references: four would make a code block,
   fewer would be dropped.  */
static void
markdown_escape (struct buffer *out, const char *s)
{
  for (; *s == ' '; s++)
    buffer_puts (out, "&#32;");
  for (; *s != '\0'; s++)
    {
      if (*s == '@')
        buffer_puts (out, "<!-- -->");
      else if (strchr ("\\`*_{}[]()<>#+-.!|~&:$", *s) != NULL)
        buffer_append (out, "\\", 1);
      buffer_append (out, s, 1);
    }
}

static void
json_escape (struct buffer *out, const char *s)
{
  buffer_append (out, "\"", 1);
  for (; *s != '\0'; s++)
    {
      unsigned char c = (unsigned char)*s;
      char escape[8];

      if (c == '"' || c == '\\')
        {
          escape[0] = '\\';
          escape[1] = (char)c;
          buffer_append (out, escape, 2);
        }
      else if (c < 0x20 || c == 0x7f)
        {
          snprintf (escape, sizeof escape, "\\u%04x", c);
          buffer_puts (out, escape);
        }
      else
        buffer_append (out, s, 1);
    }
  buffer_append (out, "\"", 1);
}

/* The source line: the label's text around LINK (already in the
   format), escaped by ESCAPE.  */
static void
source_line (struct buffer *out, const struct document *doc, const char *link,
             void (*escape) (struct buffer *, const char *))
{
  escape (out, doc->label_before);
  buffer_puts (out, link);
  escape (out, doc->label_after);
}

/* The length of the printf directive at FORMAT (a '%'), conversion
   included, when its conversion is 's'; 0 for any other.  */
static size_t
string_directive_length (const char *format)
{
  size_t length = 1 + strspn (format + 1, "-+ #0'123456789.*hlLqjzt");

  return format[length] == 's' ? length + 1 : 0;
}

/* Appends the text of LABEL as printf would print it ("%%" as "%"),
   up to its first %s directive (any flags, width or precision: none may
   cut or pad the address, and "%.0s" would hide it) when OUT is BEFORE,
   then the rest to AFTER.  Directives of other conversions, which a
   sound catalog does not have, are left as written.  Newlines become
   spaces: the label is one line, the final newline dropped.  */
int
source_label_split (const char *label, char **before, char **after)
{
  struct buffer parts[2] = { { 0 }, { 0 } };
  int part = 0;
  size_t directive;

  for (; *label != '\0'; label++)
    if (label[0] == '%' && label[1] == '%')
      buffer_append (&parts[part], label++, 1);
    else if (label[0] == '%' && part == 0
             && (directive = string_directive_length (label)) > 0)
      {
        part = 1;
        label += directive - 1;
      }
    else if (label[0] == '\n')
      buffer_append (&parts[part], " ", label[1] != '\0');
    else
      buffer_append (&parts[part], label, 1);
  buffer_append (&parts[0], "", 0);
  buffer_append (&parts[1], "", 0);
  *before = parts[0].data;
  *after = parts[1].data;
  if (!parts[0].failed && !parts[1].failed)
    return 0;
  free (*before);
  free (*after);
  *before = *after = NULL;
  return -1;
}

/* The text of the source link: PARTS' address, or else the display
   form, written into DISPLAY (SIZE bytes).  */
static const char *
link_text (const struct document_parts *parts, char *display, size_t size)
{
  if (parts->source_url != NULL)
    return parts->source_url;
  source_url_display (display, size);
  return display;
}

static int
paragraph_selected (const struct document_parts *parts, int n)
{
  return parts->whole || parts->paragraphs[n];
}

static void
html_write (struct buffer *out, const struct document *doc)
{
  const struct document_parts *parts = doc->parts;
  const char *title = doc->text[WTISD_TITLE];
  char display[512];
  struct buffer link = { 0 };
  int n;

  buffer_puts (out, "<!DOCTYPE html>\n<html lang=\"");
  html_escape (out, tag_of (out, doc->lang));
  buffer_puts (out, wtisd_language_is_rtl (doc->lang) == 1
                        ? "\" dir=\"rtl\">\n"
                        : "\" dir=\"ltr\">\n");
  buffer_puts (out, "<head>\n<meta charset=\"utf-8\">\n<title>");
  html_escape (out, title);
  buffer_puts (out, "</title>\n<style>q.theme::before, q.theme::after "
                    "{ content: none; }</style>\n");
  if (doc->extras != NULL && doc->extras->head != NULL)
    buffer_puts (out, doc->extras->head);
  buffer_puts (out, "</head>\n<body>\n");
  if (doc->extras != NULL && doc->extras->nav != NULL)
    buffer_puts (out, doc->extras->nav);
  if (parts->whole || parts->title)
    {
      buffer_puts (out, "<h1>");
      html_escape (out, title);
      buffer_puts (out, "</h1>\n");
    }
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    if (paragraph_selected (parts, n))
      {
        const char *theme = n == 4   ? doc->text[WTISD_THEME_WTDC_2021]
                            : n == 5 ? doc->text[WTISD_THEME_WTISD_2021]
                                     : NULL;

        buffer_puts (out, "<p>");
        html_with_theme (out, doc->text[WTISD_PARAGRAPH_1 + n - 1], theme);
        buffer_puts (out, "</p>\n");
      }
  if (parts->themes)
    for (n = WTISD_THEME_WTISD_2021; n <= WTISD_THEME_WTDC_2021; n++)
      {
        buffer_puts (out, "<p><q class=\"theme\">");
        html_escape (out, doc->text[n]);
        buffer_puts (out, "</q></p>\n");
      }
  if (parts->whole)
    {
      buffer_puts (&link, "<a href=\"");
      html_escape (&link, wtisd_source_url (WTISD_FORM_ASCII));
      buffer_puts (&link, "\">");
      html_escape (&link, link_text (parts, display, sizeof display));
      buffer_puts (&link, "</a>");
      buffer_puts (out, "<p>");
      source_line (out, doc, link.failed ? "" : link.data, html_escape);
      buffer_puts (out, "</p>\n");
      out->failed |= link.failed;
      free (link.data);
    }
  buffer_puts (out, "</body>\n</html>\n");
}

static void
markdown_write (struct buffer *out, const struct document *doc)
{
  const struct document_parts *parts = doc->parts;
  char display[512];
  struct buffer link = { 0 };
  int n, blocks = 0;

  if (parts->whole || parts->title)
    {
      buffer_puts (out, "# ");
      markdown_escape (out, doc->text[WTISD_TITLE]);
      buffer_puts (out, "\n");
      blocks++;
    }
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    if (paragraph_selected (parts, n))
      {
        buffer_puts (out, blocks++ > 0 ? "\n" : "");
        markdown_escape (out, doc->text[WTISD_PARAGRAPH_1 + n - 1]);
        buffer_puts (out, "\n");
      }
  if (parts->themes)
    for (n = WTISD_THEME_WTISD_2021; n <= WTISD_THEME_WTDC_2021; n++)
      {
        buffer_puts (out, blocks++ > 0 ? "\n> " : "> ");
        markdown_escape (out, doc->text[n]);
        buffer_puts (out, "\n");
      }
  if (parts->whole)
    {
      buffer_puts (&link, "[");
      markdown_escape (&link, link_text (parts, display, sizeof display));
      buffer_puts (&link, "](<");
      buffer_puts (&link, wtisd_source_url (WTISD_FORM_ASCII));
      buffer_puts (&link, ">)");
      buffer_puts (out, "\n");
      source_line (out, doc, link.failed ? "" : link.data, markdown_escape);
      buffer_puts (out, "\n");
      out->failed |= link.failed;
      free (link.data);
    }
}

static void
json_member (struct buffer *out, int *members, const char *name)
{
  buffer_puts (out, (*members)++ > 0 ? ",\n  " : "{\n  ");
  json_escape (out, name);
  buffer_puts (out, ": ");
}

static void
json_write (struct buffer *out, const struct document *doc)
{
  const struct document_parts *parts = doc->parts;
  int members = 0, n, items = 0;

  json_member (out, &members, "lang");
  json_escape (out, tag_of (out, doc->lang));
  json_member (out, &members, "dir");
  json_escape (out, wtisd_language_is_rtl (doc->lang) == 1 ? "rtl" : "ltr");
  if (parts->whole || parts->title)
    {
      json_member (out, &members, "title");
      json_escape (out, doc->text[WTISD_TITLE]);
    }
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    if (paragraph_selected (parts, n))
      {
        if (items++ == 0)
          {
            json_member (out, &members, "paragraphs");
            buffer_puts (out, "[\n    ");
          }
        else
          buffer_puts (out, ",\n    ");
        json_escape (out, doc->text[WTISD_PARAGRAPH_1 + n - 1]);
      }
  if (items > 0)
    buffer_puts (out, "\n  ]");
  if (parts->whole || parts->themes)
    {
      json_member (out, &members, "themes");
      buffer_puts (out, "{\n    \"wtisd_2021\": ");
      json_escape (out, doc->text[WTISD_THEME_WTISD_2021]);
      buffer_puts (out, ",\n    \"wtdc_2021\": ");
      json_escape (out, doc->text[WTISD_THEME_WTDC_2021]);
      buffer_puts (out, "\n  }");
    }
  if (parts->whole)
    {
      json_member (out, &members, "source_url");
      json_escape (out, parts->source_url != NULL
                            ? parts->source_url
                            : wtisd_source_url (WTISD_FORM_ASCII));
      json_member (out, &members, "original_url");
      json_escape (out, wtisd_original_url ());
    }
  buffer_puts (out, "\n}\n");
}

int
document_write (struct buffer *out, enum document_format format,
                const char *lang, const struct document_parts *parts,
                const char *source_label, const struct page_extras *extras)
{
  struct document doc = { lang, parts, extras, { NULL }, NULL, NULL };

  if (document_read (&doc, source_label) != 0)
    out->failed = 1;
  else
    switch (format)
      {
      case DOCUMENT_HTML:
        html_write (out, &doc);
        break;
      case DOCUMENT_MARKDOWN:
        markdown_write (out, &doc);
        break;
      case DOCUMENT_JSON:
        json_write (out, &doc);
        break;
      }
  document_free (&doc);
  return out->failed ? -1 : 0;
}
