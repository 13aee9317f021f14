/* httpd-site.c - every answer of wtisd-httpd, made once at start-up.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/base64.h>
#include <nettle/sha2.h>

#include <wtisd.h>

#include "document.h"
#include "httpd-site.h"

#define N_(msgid) msgid

/* How long a cache may keep a language's resources, and the answers
   that depend on the request's languages (redirects, "not found").  */
#define CACHE_LONG "public, max-age=86400"
#define CACHE_SHORT "public, max-age=60"

/* Content-Security-Policy, on every answer: the pages load nothing but
   their own style, which it allows by its hash (csp_make), and the
   site's icon.  */
static char csp[256];
/* Last-Modified, on every resource: the start-up, in HTTP's format.  */
static char last_modified[40];

struct header
{
  const char *name, *value; /* A NULL value: no such header.  */
};

/* A response of the LENGTH bytes at DATA (kept for the life of the
   process) with HEADERS (up to a NULL name) and the common ones.  */
static struct MHD_Response *
response_new (const char *data, size_t length, const struct header *headers)
{
  const struct header common[]
      = { { "Content-Security-Policy", csp },
          { "X-Content-Type-Options", "nosniff" },
          { "Referrer-Policy", "strict-origin-when-cross-origin" },
          { NULL, NULL } };
  struct MHD_Response *response = MHD_create_response_from_buffer (
      length, (void *)(size_t)data, MHD_RESPMEM_PERSISTENT);
  const struct header *h;
  int i;

  if (response == NULL)
    return NULL;
  for (i = 0; i < 2; i++)
    for (h = i == 0 ? common : headers; h->name != NULL; h++)
      if (h->value != NULL
          && MHD_add_response_header (response, h->name, h->value) != MHD_YES)
        {
          MHD_destroy_response (response);
          return NULL;
        }
  return response;
}

/* A strong ETag for the LENGTH bytes at DATA: half their SHA-256.  */
static void
etag_of (const char *data, size_t length, char etag[SITE_ETAG_SIZE])
{
  struct sha256_ctx sha;
  uint8_t digest[SHA256_DIGEST_SIZE];
  int i;

  sha256_init (&sha);
  sha256_update (&sha, length, (const uint8_t *)data);
  sha256_digest (&sha, sizeof digest, digest);
  etag[0] = '"';
  for (i = 0; i < 16; i++)
    snprintf (etag + 1 + 2 * i, 3, "%02x", digest[i]);
  etag[33] = '"';
  etag[34] = '\0';
}

/* R: BODY (kept for the life of the process) of TYPE, in the language
   of TAG (or NULL), in every coding this build has, each compressed
   once.  Returns 0, or -1.  */
static int
resource_make (struct resource *r, const struct buffer *body, const char *type,
               const char *tag)
{
  struct header headers[] = { { MHD_HTTP_HEADER_CONTENT_TYPE, type },
                              { MHD_HTTP_HEADER_CONTENT_LANGUAGE, tag },
                              { MHD_HTTP_HEADER_CACHE_CONTROL, CACHE_LONG },
                              { MHD_HTTP_HEADER_LAST_MODIFIED, last_modified },
                              { MHD_HTTP_HEADER_VARY, "Accept-Encoding" },
                              { MHD_HTTP_HEADER_ETAG, NULL },
                              { MHD_HTTP_HEADER_CONTENT_ENCODING, NULL },
                              { NULL, NULL } };
  enum encoding c;

  if (body->failed)
    return -1;
  for (c = 0; c < ENCODING_COUNT; c++)
    {
      struct buffer coded = *body;

      if (!encoding_available (c))
        continue;
      if (c != ENCODING_IDENTITY && encoding_compress (c, body, &coded) != 0)
        return -1;
      /* A strong ETag of the coded bytes: each coding has its own.  */
      etag_of (coded.data, coded.length, r->etag[c]);
      headers[5].value = r->etag[c];
      headers[6].value = encoding_name (c);
      if ((r->response[c] = response_new (coded.data, coded.length, headers))
          == NULL)
        return -1;
    }
  return 0;
}

/* A redirect to LOCATION (a path), whose caching follows CACHE and
   VARY.  */
static struct MHD_Response *
redirect_make (const char *location, const char *cache, const char *vary)
{
  const struct header headers[] = { { MHD_HTTP_HEADER_LOCATION, location },
                                    { MHD_HTTP_HEADER_CACHE_CONTROL, cache },
                                    { MHD_HTTP_HEADER_VARY, vary },
                                    { NULL, NULL } };

  return location != NULL ? response_new ("", 0, headers) : NULL;
}

/* A plain-text answer, with one more header NAME: VALUE (or NULL).  */
static struct MHD_Response *
text_make (const char *text, const char *name, const char *value)
{
  const struct header headers[]
      = { { MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8" },
          { name, value },
          { NULL, NULL } };

  return response_new (text, strlen (text), headers);
}

/* The 503 to a connection over the per-address limit.  */
static struct MHD_Response *
busy_make (void)
{
  static const char text[] = "Service unavailable: too many connections "
                             "from your address; try again later.\n";
  const struct header headers[]
      = { { MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8" },
          { MHD_HTTP_HEADER_RETRY_AFTER, "10" },
          { MHD_HTTP_HEADER_CONNECTION, "close" },
          { NULL, NULL } };

  return response_new (text, sizeof text - 1, headers);
}

/* Appends the absolute address of the page of TAG (or of the site's
   root, for NULL) to OUT, escaped for HTML and XML.  */
static void
url_write (struct buffer *out, const char *base, const char *tag)
{
  html_escape (out, base);
  buffer_puts (out, "/");
  if (tag != NULL)
    {
      html_escape (out, tag);
      buffer_puts (out, "/");
    }
}

/* The alternate link and the menu entry of LANG, on the page in
   CURRENT.  Returns 0, or -1 when its tag or name is missing (memory ran
   out).  */
static int
language_links (const char *lang, const char *current, const char *base,
                struct buffer *head, struct buffer *nav)
{
  const char *tag = wtisd_language_tag (lang);
  const char *name = wtisd_language_name (lang);

  if (tag == NULL || name == NULL)
    return -1;
  buffer_puts (head, "<link rel=\"alternate\" hreflang=\"");
  html_escape (head, tag);
  buffer_puts (head, "\" href=\"");
  url_write (head, base, tag);
  buffer_puts (head, "\">\n");
  buffer_puts (nav, "<li><a href=\"/");
  html_escape (nav, tag);
  buffer_puts (nav, "/\" hreflang=\"");
  html_escape (nav, tag);
  buffer_puts (nav, "\" lang=\"");
  html_escape (nav, tag);
  buffer_puts (nav,
               wtisd_language_is_rtl (lang) == 1 ? "\" dir=\"rtl\"" : "\"");
  buffer_puts (nav,
               strcmp (lang, current) == 0 ? " aria-current=\"page\">" : ">");
  html_escape (nav, name);
  buffer_puts (nav, "</a></li>\n");
  return 0;
}

/* How many languages a page's menu and alternate links name: past it,
   the first so many and the page's own, so that every page stays small
   and the site's memory and start-up grow in proportion to its
   languages, not with their square (2,000 catalogs took 670 MB and 70 s).
   /sitemap.xml names every page, each with the alternates its <head>
   has.  */
#define PAGE_LANGUAGES_MAX 100

/* The link at the top of a page to its language menu: a globe, which
   any reader recognizes, and the page's language in its own name.  */
static void
menu_link (const struct site_page *page, struct buffer *top)
{
  const char *name = wtisd_language_name (page->lang);

  buffer_puts (top, "<p class=\"languages\"><a href=\"#languages\">"
                    "<svg aria-hidden=\"true\" width=\"16\" "
                    "height=\"16\" viewBox=\"0 0 16 16\" fill=\"none\" "
                    "stroke=\"currentColor\"><circle cx=\"8\" cy=\"8\" "
                    "r=\"7\"/><path d=\"M1 8h14M8 1c-3 3-3 11 0 14M8 "
                    "1c3 3 3 11 0 14\"/></svg>");
  html_escape (top, name != NULL ? name : page->tag);
  buffer_puts (top, "</a></p>\n");
}

/* The <head> links (canonical, then an alternate per language and
   x-default, all absolute; the icon), the link to the language menu and
   the menu itself, of the page of PAGE.  Returns 0, or -1 when memory
   ran out.  */
static int
page_extras (const struct site_page *page, const char *base,
             struct buffer *head, struct buffer *top, struct buffer *nav)
{
  const char *const *l;
  size_t named = 0;

  buffer_puts (head, "<link rel=\"canonical\" href=\"");
  url_write (head, base, page->tag);
  buffer_puts (head, "\">\n<link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"");
  url_write (head, base, NULL);
  buffer_puts (head, "\">\n");
  menu_link (page, top);
  /* No aria-label: the page's only <nav> needs none, and a screen
     reader names the landmark in its own user's language, where a label
     would be English on every page.  */
  buffer_puts (nav, "<nav id=\"languages\">\n<ul>\n");
  for (l = wtisd_languages (); *l != NULL; l++)
    if ((named++ < PAGE_LANGUAGES_MAX || strcmp (*l, page->lang) == 0)
        && language_links (*l, page->lang, base, head, nav) != 0)
      return -1;
  buffer_puts (head, "<link rel=\"icon\" href=\"/favicon.svg\" "
                     "type=\"image/svg+xml\">\n");
  buffer_puts (nav, "</ul>\n</nav>\n");
  return 0;
}

/* The 404 page in the language of PAGE: a heading and a link to the
   message, in the pages' style.  */
static int
missing_make (struct site_page *page)
{
  const char *title = wtisd_text_in (page->lang, WTISD_TITLE);
  /* TRANSLATORS: the heading of wtisd-httpd's page for an address it
     does not serve.  */
  const char *heading = wtisd_translate (page->lang, N_ ("Page not found"));
  struct buffer html = { 0 };
  const struct header headers[]
      = { { MHD_HTTP_HEADER_CONTENT_TYPE, "text/html; charset=utf-8" },
          { MHD_HTTP_HEADER_CONTENT_LANGUAGE, page->tag },
          { MHD_HTTP_HEADER_CACHE_CONTROL, CACHE_SHORT },
          { MHD_HTTP_HEADER_VARY, "Accept-Language" },
          { NULL, NULL } };

  if (title == NULL || heading == NULL)
    return -1;
  buffer_puts (&html, "<!DOCTYPE html>\n<html lang=\"");
  html_escape (&html, page->tag);
  buffer_puts (&html, wtisd_language_is_rtl (page->lang) == 1
                          ? "\" dir=\"rtl\">\n"
                          : "\" dir=\"ltr\">\n");
  buffer_puts (&html, "<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\">\n<title>");
  html_escape (&html, heading);
  buffer_puts (&html, "</title>\n<style>");
  buffer_puts (&html, document_style);
  /* Untranslated, the heading is English, and marked so.  */
  buffer_puts (&html, strcmp (heading, "Page not found") == 0
                          ? "</style>\n</head>\n<body>\n<main>\n"
                            "<h1 lang=\"en\" dir=\"ltr\">"
                          : "</style>\n</head>\n<body>\n<main>\n<h1>");
  html_escape (&html, heading);
  buffer_puts (&html, "</h1>\n<p><a href=\"/");
  html_escape (&html, page->tag);
  buffer_puts (&html, "/\">");
  html_escape (&html, title);
  buffer_puts (&html, "</a></p>\n</main>\n</body>\n</html>\n");
  if (html.failed)
    return -1;
  page->missing = response_new (html.data, html.length, headers);
  return page->missing != NULL ? 0 : -1;
}

/* The redirects to PAGE.  */
static int
redirects_make (struct site_page *page)
{
  struct buffer html = { 0 }, json = { 0 };
  int status = -1;

  buffer_puts (&html, "/");
  buffer_puts (&html, page->tag);
  buffer_puts (&html, "/");
  buffer_puts (&json, html.data);
  buffer_puts (&json, "message.json");
  /* (libmicrohttpd copies the Location.)  */
  if (!html.failed && !json.failed)
    {
      page->found_html
          = redirect_make (html.data, CACHE_SHORT, "Accept-Language");
      page->found_json
          = redirect_make (json.data, CACHE_SHORT, "Accept-Language");
      page->moved_html = redirect_make (html.data, CACHE_LONG, NULL);
      page->moved_json = redirect_make (json.data, CACHE_LONG, NULL);
      status = page->found_html && page->found_json && page->moved_html
                       && page->moved_json
                   ? 0
                   : -1;
    }
  free (html.data);
  free (json.data);
  return status;
}

/* Every answer about the catalog language LANG.  */
static int
page_make (struct site_page *page, const char *lang, const char *base)
{
  struct buffer head = { 0 }, top = { 0 }, nav = { 0 };
  struct buffer html = { 0 }, json = { 0 };
  struct document_parts whole = { .whole = 1 };
  const char *label = wtisd_translate (lang, "Source: %s\n");
  struct page_extras extras;

  page->lang = lang;
  if ((page->tag = wtisd_language_tag (lang)) == NULL || label == NULL
      || page_extras (page, base, &head, &top, &nav) != 0)
    head.failed = 1;
  extras.head = head.data;
  extras.top = top.data;
  extras.nav = nav.data;
  if (head.failed || top.failed || nav.failed
      || document_write (&html, DOCUMENT_HTML, lang, &whole, label, &extras)
      || document_write (&json, DOCUMENT_JSON, lang, &whole, label, NULL))
    html.failed = 1;
  free (head.data);
  free (top.data);
  free (nav.data);
  return html.failed
                 || resource_make (&page->html, &html,
                                   "text/html; charset=utf-8", page->tag)
                 || resource_make (&page->json, &json, "application/json",
                                   page->tag)
                 || redirects_make (page) || missing_make (page)
             ? -1
             : 0;
}

/* CSP for the pages, whose only style is the first <style> of the page
   of LANG (the same on every page): allowed by its hash (CSP Level 2),
   everything else refused.  Returns 0, or -1 when memory ran out.  */
static int
csp_make (const char *lang)
{
  const char *label = wtisd_translate (lang, "Source: %s\n");
  struct document_parts whole = { .whole = 1 };
  struct buffer html = { 0 };
  const char *style, *end;
  struct sha256_ctx sha;
  uint8_t digest[SHA256_DIGEST_SIZE];
  char hash[BASE64_ENCODE_RAW_LENGTH (SHA256_DIGEST_SIZE) + 1] = "";

  if (label == NULL
      || document_write (&html, DOCUMENT_HTML, lang, &whole, label, NULL))
    {
      free (html.data);
      return -1;
    }
  style = strstr (html.data, "<style>");
  if (style != NULL && (end = strstr (style, "</style>")) != NULL)
    {
      style += strlen ("<style>");
      sha256_init (&sha);
      sha256_update (&sha, (size_t)(end - style), (const uint8_t *)style);
      sha256_digest (&sha, sizeof digest, digest);
      base64_encode_raw (hash, sizeof digest, digest);
      hash[sizeof hash - 1] = '\0';
    }
  /* connect-src: Lighthouse reads robots.txt from within the page, as
     a connection the policy must allow (GoogleChrome/lighthouse#4386);
     the pages have no script that could connect anywhere.  */
  snprintf (csp, sizeof csp,
            "default-src 'none'; style-src %s%s%s; img-src 'self'; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'",
            hash[0] != '\0' ? "'sha256-" : "'none'", hash,
            hash[0] != '\0' ? "'" : "");
  free (html.data);
  return 0;
}

/* The <xhtml:link> of an alternate of a page in /sitemap.xml, to the
   page of TAG (NULL: x-default, the site's root).  */
static void
sitemap_alternate (struct buffer *xml, const char *base, const char *tag)
{
  buffer_puts (xml, "<xhtml:link rel=\"alternate\" hreflang=\"");
  html_escape (xml, tag != NULL ? tag : "x-default");
  buffer_puts (xml, "\" href=\"");
  url_write (xml, base, tag);
  buffer_puts (xml, "\"/>\n");
}

/* /sitemap.xml: the address of every page, each with the alternates of
   its <head> (Google's format for hreflang in sitemaps): x-default and
   the pages of the first PAGE_LANGUAGES_MAX languages and its own, so
   every language while there are no more.  */
static int
sitemap_make (struct site *site, const char *base)
{
  struct buffer xml = { 0 };
  char date[16];
  struct tm tm;
  size_t i, j;

  strftime (date, sizeof date, "%Y-%m-%d", gmtime_r (&site->modified, &tm));
  buffer_puts (&xml,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<urlset xmlns=\"http://www.sitemaps.org/schemas/"
               "sitemap/0.9\"\n"
               "        xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
  for (i = 0; i < site->page_count; i++)
    {
      buffer_puts (&xml, "<url>\n<loc>");
      url_write (&xml, base, site->pages[i].tag);
      buffer_puts (&xml, "</loc>\n<lastmod>");
      buffer_puts (&xml, date);
      buffer_puts (&xml, "</lastmod>\n");
      sitemap_alternate (&xml, base, NULL);
      for (j = 0; j < site->page_count; j++)
        if (j < PAGE_LANGUAGES_MAX || j == i)
          sitemap_alternate (&xml, base, site->pages[j].tag);
      buffer_puts (&xml, "</url>\n");
    }
  buffer_puts (&xml, "</urlset>\n");
  return resource_make (&site->sitemap, &xml, "application/xml", NULL);
}

/* /robots.txt: everything may be crawled; where the sitemap is.  */
static int
robots_make (struct site *site, const char *base)
{
  struct buffer text = { 0 };

  buffer_puts (&text, "User-agent: *\nAllow: /\nSitemap: ");
  buffer_puts (&text, base);
  buffer_puts (&text, "/sitemap.xml\n");
  return resource_make (&site->robots, &text, "text/plain; charset=utf-8",
                        NULL);
}

/* /favicon.svg, also at /favicon.ico, where browsers look for an icon
   by default: a globe in the ITU's blue, a small SVG that any size
   shows sharply.  */
static int
favicon_make (struct site *site)
{
  struct buffer svg = { 0 };

  buffer_puts (&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\" "
                     "r=\"16\" fill=\"#009cd6\"/><path d=\"M3 16h26M16 "
                     "3c-7 7-7 19 0 26M16 3c7 7 7 19 0 26M5 9h22M5 23h22\" "
                     "fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>"
                     "</svg>\n");
  return resource_make (&site->favicon, &svg, "image/svg+xml", NULL);
}

int
site_make (struct site *site, const char *base_url)
{
  const char *const *l = wtisd_languages ();
  struct tm tm;
  size_t i;

  memset (site, 0, sizeof *site);
  site->modified = time (NULL);
  strftime (last_modified, sizeof last_modified, "%a, %d %b %Y %H:%M:%S GMT",
            gmtime_r (&site->modified, &tm));
  if (l == NULL || l[0] == NULL)
    return -1;
  for (site->page_count = 0; l[site->page_count] != NULL; site->page_count++)
    ;
  site->pages = calloc (site->page_count, sizeof *site->pages);
  if (site->pages == NULL)
    return -1;
  if (csp_make (l[0]) != 0)
    return -1;
  for (i = 0; i < site->page_count; i++)
    if (page_make (&site->pages[i], l[i], base_url) != 0)
      return -1;
  site->not_allowed
      = text_make ("Method not allowed\n", MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  site->bad_language
      = text_make ("Bad request: lang is not a language tag\n", NULL, NULL);
  site->too_long = text_make ("URI too long: too many query arguments\n",
                              MHD_HTTP_HEADER_CONNECTION, "close");
  site->busy = busy_make ();
  site->not_acceptable = text_make (
      "Not acceptable: Accept-Encoding refuses identity, gzip and br\n",
      MHD_HTTP_HEADER_VARY, "Accept-Encoding");
  return site->not_allowed && site->bad_language && site->too_long
                 && site->busy && site->not_acceptable
                 && sitemap_make (site, base_url) == 0
                 && robots_make (site, base_url) == 0
                 && favicon_make (site) == 0
             ? 0
             : -1;
}

const struct site_page *
site_page_by_tag (const struct site *site, const char *tag, size_t length)
{
  size_t i;

  for (i = 0; i < site->page_count; i++)
    if (strncmp (site->pages[i].tag, tag, length) == 0
        && site->pages[i].tag[length] == '\0')
      return &site->pages[i];
  return NULL;
}

const struct site_page *
site_page_of (const struct site *site, const char *lang)
{
  size_t i, english = 0;

  for (i = 0; i < site->page_count; i++)
    {
      if (strcmp (site->pages[i].lang, lang) == 0)
        return &site->pages[i];
      if (strcmp (site->pages[i].lang, "en") == 0)
        english = i;
    }
  return &site->pages[english];
}
