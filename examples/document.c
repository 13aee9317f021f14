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

/* The pages' one style sheet, the same on every page (the server's
   Content-Security-Policy allows it by its hash), on one line.  A
   readable measure; per script, the system's fonts and then Noto's
   (fonts-noto-core, fonts-noto-cjk), since the generic sans-serif often
   lacks the script or draws it poorly; more leading where marks stack
   above and below the line (Indic and Arabic scripts), larger type for
   the scripts whose letters are small at a Latin size (Arabic,
   Ethiopic); after each script's fonts the Latin ones (--latin), since
   Noto's script fonts have no Latin letters and the system's fallback
   for the page's language may have no bold; addresses in the Latin
   fonts, not in those of the page's script (footer a[href] outweighs
   :lang()), and each language's name in its own; headings balanced, and
   Japanese broken between phrases, not before a prolonged sound mark;
   the reader's dark scheme; no menu on paper.  The theme's
   quotation marks are the catalog's own, not the browser's.  */
const char document_style[]
    = ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;"
      "--link:#0b57a4;--muted:#555;--line:#ccc;--lh:1.6;"
      "--latin:\"Noto Sans\",\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial}"
      "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#15171a;"
      "--link:#9dc4ff;--muted:#b4b4b4;--line:#444}}"
      "html{font-family:system-ui,var(--latin),sans-serif;color:var(--fg);"
      "background:var(--bg);"
      "-webkit-text-size-adjust:100%;text-size-adjust:100%}"
      "body{max-width:36em;margin:0 auto;padding:0 1rem 1rem;"
      "font-size:1.0625rem;line-height:var(--lh)}"
      "a{color:var(--link)}"
      "h1{font-size:1.5em;line-height:calc(var(--lh) - .3);"
      "margin:.4em 0 .6em;text-wrap:balance}"
      "@media (min-width:40em){body{font-size:1.125rem}"
      "h1{font-size:1.9em}}"
      "q.theme::before,q.theme::after{content:none}"
      ".languages{margin:.75rem 0 0;text-align:end;font-size:.9em}"
      ".languages a{display:inline-flex;align-items:center;gap:.35em;"
      "min-height:24px;padding:.1em .25em}"
      ".languages svg{flex:none}"
      "footer{margin-top:2em;padding-top:.5em;border-top:1px solid "
      "var(--line);color:var(--muted);font-size:.9em;"
      "overflow-wrap:anywhere}"
      "footer a[href]{font-family:var(--latin),sans-serif}"
      "nav{margin-top:1.5em}"
      "nav ul{list-style:none;margin:0;padding:0;display:flex;"
      "flex-wrap:wrap;align-items:baseline;gap:.25em .5em}"
      "nav a{display:block;min-height:24px;padding:.15em .45em;"
      "text-decoration:none;border:1px solid transparent;"
      "border-radius:.3em}"
      "nav a:hover,nav a:focus{text-decoration:underline}"
      "nav a{font-family:var(--latin),sans-serif}"
      "nav a[aria-current]{border-color:currentColor}"
      ":lang(ar),:lang(fa),:lang(ur),:lang(hi),:lang(mr),:lang(ne),"
      ":lang(bn),:lang(pa),:lang(gu),:lang(or),:lang(ta),:lang(te),"
      ":lang(kn),:lang(ml),:lang(th){--lh:1.9}"
      ":lang(am),:lang(ja),:lang(ko),:lang(zh){--lh:1.75}"
      "html:lang(ar),html:lang(fa),html:lang(ur),html:lang(am){"
      "font-size:112.5%}"
      ":lang(ar),:lang(fa),:lang(ur){font-family:\"Noto Naskh Arabic\","
      "\"Noto Sans Arabic\",\"Segoe UI\",\"Geeza Pro\","
      "var(--latin),sans-serif}"
      ":lang(ur){--lh:2.4;font-family:\"Noto Nastaliq Urdu\","
      "\"Noto Naskh Arabic\",\"Urdu Typesetting\",var(--latin),sans-serif}"
      ":lang(he){font-family:\"Noto Sans Hebrew\",\"Segoe UI\",Arial,"
      "var(--latin),sans-serif}"
      ":lang(hi),:lang(mr),:lang(ne){font-family:\"Noto Sans Devanagari\","
      "\"Nirmala UI\",\"Kohinoor Devanagari\",var(--latin),sans-serif}"
      ":lang(bn){font-family:\"Noto Sans Bengali\",\"Nirmala UI\","
      "\"Kohinoor Bangla\",var(--latin),sans-serif}"
      ":lang(pa){font-family:\"Noto Sans Gurmukhi\",\"Nirmala UI\","
      "var(--latin),sans-serif}"
      ":lang(gu){font-family:\"Noto Sans Gujarati\",\"Nirmala UI\","
      "\"Kohinoor Gujarati\",var(--latin),sans-serif}"
      ":lang(or){font-family:\"Noto Sans Oriya\",\"Noto Sans Odia\","
      "\"Nirmala UI\",var(--latin),sans-serif}"
      ":lang(ta){font-family:\"Noto Sans Tamil\",\"Nirmala UI\","
      "\"Tamil Sangam MN\",var(--latin),sans-serif}"
      ":lang(te){font-family:\"Noto Sans Telugu\",\"Nirmala UI\","
      "\"Kohinoor Telugu\",var(--latin),sans-serif}"
      ":lang(kn){font-family:\"Noto Sans Kannada\",\"Nirmala UI\","
      "\"Kannada Sangam MN\",var(--latin),sans-serif}"
      ":lang(ml){font-family:\"Noto Sans Malayalam\",\"Nirmala UI\","
      "\"Malayalam Sangam MN\",var(--latin),sans-serif}"
      ":lang(th){font-family:\"Noto Sans Thai\",\"Leelawadee UI\","
      "Thonburi,var(--latin),sans-serif}"
      ":lang(am){font-family:\"Noto Sans Ethiopic\",Nyala,Kefa,"
      "var(--latin),sans-serif}"
      ":lang(ja){font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\","
      "\"Yu Gothic\",Meiryo,sans-serif}"
      ":lang(ko){font-family:\"Noto Sans CJK KR\",\"Apple SD Gothic Neo\","
      "\"Malgun Gothic\",sans-serif}"
      ":lang(zh){font-family:\"Noto Sans CJK SC\",\"PingFang SC\","
      "\"Microsoft YaHei\",sans-serif}"
      ":lang(zh-TW){font-family:\"Noto Sans CJK TC\",\"PingFang TC\","
      "\"Microsoft JhengHei\",sans-serif}"
      ":lang(zh-HK){font-family:\"Noto Sans CJK HK\",\"PingFang HK\","
      "\"Microsoft JhengHei\",sans-serif}"
      ":lang(ja),:lang(zh){line-break:strict}"
      "h1:lang(ja){word-break:auto-phrase}"
      "@media print{.languages,nav{display:none}"
      ":root{--fg:#000;--bg:#fff;--link:#000;--muted:#000}"
      "body{max-width:none}}";

/* The paragraphs and themes PARTS select, in <main> (none: no <main>,
   for a title alone).  */
static void
html_main (struct buffer *out, const struct document *doc)
{
  const struct document_parts *parts = doc->parts;
  int n, any = parts->themes;

  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    any |= paragraph_selected (parts, n);
  if (!any)
    return;
  buffer_puts (out, "<main>\n");
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
  buffer_puts (out, "</main>\n");
}

/* The whole document's <footer>: the source line, with the copy's
   address as its link, and the ITU's original, whose address is its
   text (no catalog has a label for it yet, and an address reads the
   same in every language).  */
static void
html_footer (struct buffer *out, const struct document *doc)
{
  const char *original = wtisd_original_url ();
  char display[512];
  struct buffer link = { 0 };

  buffer_puts (&link, "<a href=\"");
  html_escape (&link, wtisd_source_url (WTISD_FORM_ASCII));
  buffer_puts (&link, "\">");
  html_escape (&link, link_text (doc->parts, display, sizeof display));
  buffer_puts (&link, "</a>");
  buffer_puts (out, "<footer>\n<p>");
  source_line (out, doc, link.failed ? "" : link.data, html_escape);
  buffer_puts (out, "</p>\n<p><a href=\"");
  html_escape (out, original);
  buffer_puts (out, "\">");
  html_escape (out, original);
  buffer_puts (out, "</a></p>\n</footer>\n");
  out->failed |= link.failed;
  free (link.data);
}

/* A page for every screen and script: the viewport's width, the one
   style sheet; the title in <header> (after the server's link to its
   language menu, which comes last so that the message fills the first
   screen), the message in <main>, its sources in <footer>.  A whole
   document's description, for search engines, is its first
   paragraph.  */
static void
html_write (struct buffer *out, const struct document *doc)
{
  const struct document_parts *parts = doc->parts;
  const struct page_extras *extras = doc->extras;
  const char *title = doc->text[WTISD_TITLE];

  buffer_puts (out, "<!DOCTYPE html>\n<html lang=\"");
  html_escape (out, tag_of (out, doc->lang));
  buffer_puts (out, wtisd_language_is_rtl (doc->lang) == 1
                        ? "\" dir=\"rtl\">\n"
                        : "\" dir=\"ltr\">\n");
  buffer_puts (out, "<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n<title>");
  html_escape (out, title);
  buffer_puts (out, "</title>\n");
  if (parts->whole)
    {
      buffer_puts (out, "<meta name=\"description\" content=\"");
      html_escape (out, doc->text[WTISD_PARAGRAPH_1]);
      buffer_puts (out, "\">\n");
    }
  buffer_puts (out, "<style>");
  buffer_puts (out, document_style);
  buffer_puts (out, "</style>\n");
  if (extras != NULL && extras->head != NULL)
    buffer_puts (out, extras->head);
  buffer_puts (out, "</head>\n<body>\n");
  if (parts->whole || parts->title)
    {
      buffer_puts (out, "<header>\n");
      if (extras != NULL && extras->top != NULL)
        buffer_puts (out, extras->top);
      buffer_puts (out, "<h1>");
      html_escape (out, title);
      buffer_puts (out, "</h1>\n</header>\n");
    }
  html_main (out, doc);
  if (parts->whole)
    html_footer (out, doc);
  if (extras != NULL && extras->nav != NULL)
    buffer_puts (out, extras->nav);
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
