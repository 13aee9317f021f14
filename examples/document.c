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

/* The library's answers, or "" with OUT marked as failed when memory ran
   out (they are NULL only then): a document is whole or not written.  */
static const char *
text_of (struct buffer *out, const char *lang, int id)
{
  const char *text = wtisd_text_in (lang, (wtisd_text_id)id);

  out->failed |= text == NULL;
  return text != NULL ? text : "";
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

/* Markdown: every ASCII punctuation character that could start markup
   is backslash-escaped (CommonMark allows it for any of them).  */
static void
markdown_escape (struct buffer *out, const char *s)
{
  for (; *s != '\0'; s++)
    {
      if (strchr ("\\`*_{}[]()<>#+-.!|~&", *s) != NULL)
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

/* The source line: LABEL with its %s replaced by LINK (already in the
   format), the rest escaped by ESCAPE.  */
static void
source_line (struct buffer *out, const char *label, const char *link,
             void (*escape) (struct buffer *, const char *))
{
  const char *directive = strstr (label, "%s");
  char *text = strndup (label, directive != NULL ? (size_t)(directive - label)
                                                 : strlen (label));

  if (text == NULL)
    {
      out->failed = 1;
      return;
    }
  escape (out, text);
  free (text);
  buffer_puts (out, link);
  if (directive != NULL)
    {
      text = strndup (directive + 2, strcspn (directive + 2, "\n"));
      if (text == NULL)
        out->failed = 1;
      else
        escape (out, text);
      free (text);
    }
}

static int
paragraph_selected (const struct document_parts *parts, int n)
{
  return parts->whole || parts->paragraphs[n];
}

static void
html_write (struct buffer *out, const char *lang,
            const struct document_parts *parts, const char *label,
            const struct page_extras *extras)
{
  const char *title = text_of (out, lang, WTISD_TITLE);
  char display[512];
  struct buffer link = { 0 };
  int n;

  buffer_puts (out, "<!DOCTYPE html>\n<html lang=\"");
  html_escape (out, tag_of (out, lang));
  buffer_puts (out, wtisd_language_is_rtl (lang) == 1 ? "\" dir=\"rtl\">\n"
                                                      : "\" dir=\"ltr\">\n");
  buffer_puts (out, "<head>\n<meta charset=\"utf-8\">\n<title>");
  html_escape (out, title);
  buffer_puts (out, "</title>\n<style>q.theme::before, q.theme::after "
                    "{ content: none; }</style>\n");
  if (extras != NULL && extras->head != NULL)
    buffer_puts (out, extras->head);
  buffer_puts (out, "</head>\n<body>\n");
  if (extras != NULL && extras->nav != NULL)
    buffer_puts (out, extras->nav);
  if (parts->whole || parts->title)
    {
      buffer_puts (out, "<h1>");
      html_escape (out, title);
      buffer_puts (out, "</h1>\n");
    }
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    if (paragraph_selected (parts, n))
      {
        const char *theme = n == 4 ? text_of (out, lang, WTISD_THEME_WTDC_2021)
                            : n == 5
                                ? text_of (out, lang, WTISD_THEME_WTISD_2021)
                                : NULL;

        buffer_puts (out, "<p>");
        html_with_theme (out, text_of (out, lang, WTISD_PARAGRAPH_1 + n - 1),
                         theme);
        buffer_puts (out, "</p>\n");
      }
  if (parts->themes)
    for (n = WTISD_THEME_WTISD_2021; n <= WTISD_THEME_WTDC_2021; n++)
      {
        buffer_puts (out, "<p><q class=\"theme\">");
        html_escape (out, text_of (out, lang, (wtisd_text_id)n));
        buffer_puts (out, "</q></p>\n");
      }
  if (parts->whole)
    {
      source_url_display (display, sizeof display);
      buffer_puts (&link, "<a href=\"");
      html_escape (&link, wtisd_source_url (WTISD_FORM_ASCII));
      buffer_puts (&link, "\">");
      html_escape (&link, display);
      buffer_puts (&link, "</a>");
      buffer_puts (out, "<p>");
      source_line (out, label, link.failed ? "" : link.data, html_escape);
      buffer_puts (out, "</p>\n");
      out->failed |= link.failed;
      free (link.data);
    }
  buffer_puts (out, "</body>\n</html>\n");
}

static void
markdown_write (struct buffer *out, const char *lang,
                const struct document_parts *parts, const char *label)
{
  char display[512];
  struct buffer link = { 0 };
  int n, blocks = 0;

  if (parts->whole || parts->title)
    {
      buffer_puts (out, "# ");
      markdown_escape (out, text_of (out, lang, WTISD_TITLE));
      buffer_puts (out, "\n");
      blocks++;
    }
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    if (paragraph_selected (parts, n))
      {
        buffer_puts (out, blocks++ > 0 ? "\n" : "");
        markdown_escape (out, text_of (out, lang, WTISD_PARAGRAPH_1 + n - 1));
        buffer_puts (out, "\n");
      }
  if (parts->themes)
    for (n = WTISD_THEME_WTISD_2021; n <= WTISD_THEME_WTDC_2021; n++)
      {
        buffer_puts (out, blocks++ > 0 ? "\n> " : "> ");
        markdown_escape (out, text_of (out, lang, (wtisd_text_id)n));
        buffer_puts (out, "\n");
      }
  if (parts->whole)
    {
      source_url_display (display, sizeof display);
      buffer_puts (&link, "[");
      markdown_escape (&link, display);
      buffer_puts (&link, "](<");
      buffer_puts (&link, wtisd_source_url (WTISD_FORM_ASCII));
      buffer_puts (&link, ">)");
      buffer_puts (out, "\n");
      source_line (out, label, link.failed ? "" : link.data, markdown_escape);
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
json_write (struct buffer *out, const char *lang,
            const struct document_parts *parts)
{
  int members = 0, n, items = 0;

  json_member (out, &members, "lang");
  json_escape (out, tag_of (out, lang));
  json_member (out, &members, "dir");
  json_escape (out, wtisd_language_is_rtl (lang) == 1 ? "rtl" : "ltr");
  if (parts->whole || parts->title)
    {
      json_member (out, &members, "title");
      json_escape (out, text_of (out, lang, WTISD_TITLE));
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
        json_escape (out, text_of (out, lang, WTISD_PARAGRAPH_1 + n - 1));
      }
  if (items > 0)
    buffer_puts (out, "\n  ]");
  if (parts->whole || parts->themes)
    {
      json_member (out, &members, "themes");
      buffer_puts (out, "{\n    \"wtisd_2021\": ");
      json_escape (out, text_of (out, lang, WTISD_THEME_WTISD_2021));
      buffer_puts (out, ",\n    \"wtdc_2021\": ");
      json_escape (out, text_of (out, lang, WTISD_THEME_WTDC_2021));
      buffer_puts (out, "\n  }");
    }
  if (parts->whole)
    {
      json_member (out, &members, "source_url");
      json_escape (out, wtisd_source_url (WTISD_FORM_ASCII));
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
  switch (format)
    {
    case DOCUMENT_HTML:
      html_write (out, lang, parts, source_label, extras);
      break;
    case DOCUMENT_MARKDOWN:
      markdown_write (out, lang, parts, source_label);
      break;
    case DOCUMENT_JSON:
      json_write (out, lang, parts);
      break;
    }
  return out->failed ? -1 : 0;
}
