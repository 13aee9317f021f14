/* httpd-site.h - every answer of wtisd-httpd, made once at start-up
   (issue 22): the page and the JSON of each language at /TAG/ and
   /TAG/message.json, plain, gzipped and in brotli (httpd-encoding.h),
   each with its strong ETag; the redirects to them; a "not found" page
   per language; /sitemap.xml, /robots.txt and the icon.  Once made they
   are only read: the threads answering requests share them without a
   lock.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_HTTPD_SITE_H
#define WTISD_HTTPD_SITE_H

#include <stddef.h>
#include <time.h>

#include <microhttpd.h>

#include "httpd-encoding.h"

/* A quoted strong ETag: 32 hexadecimal digits.  */
#define SITE_ETAG_SIZE 35

/* One content in each coding this build has (NULL for another), each
   with its own ETag.  */
struct resource
{
  struct MHD_Response *response[ENCODING_COUNT];
  char etag[ENCODING_COUNT][SITE_ETAG_SIZE];
};

struct site_page
{
  const char *lang; /* The catalog's name: "pt_BR".  */
  const char *tag;  /* Its BCP 47 tag, the page's path: "pt-BR".  */
  struct resource html, json;
  /* To the page and to the JSON: 302 after negotiation, 301 from
     ?lang=.  */
  struct MHD_Response *found_html, *found_json, *moved_html, *moved_json;
  struct MHD_Response *missing; /* The 404 page in this language.  */
};

struct site
{
  struct site_page *pages;
  size_t page_count;
  struct resource sitemap, robots, favicon;
  struct MHD_Response *not_allowed, *bad_language, *too_long, *busy;
  struct MHD_Response *not_acceptable; /* No acceptable coding.  */
  time_t modified; /* Every resource's Last-Modified: start-up.  */
};

/* Makes SITE, whose absolute links begin with BASE_URL ("https://host",
   no trailing slash).  Returns 0, or -1 when memory ran out.  */
int site_make (struct site *site, const char *base_url);

/* The page whose tag is the LENGTH bytes at TAG; NULL for none.  */
const struct site_page *site_page_by_tag (const struct site *site,
                                          const char *tag, size_t length);

/* The page of the catalog language LANG; English when it has none (a
   catalog added after start-up).  */
const struct site_page *site_page_of (const struct site *site,
                                      const char *lang);

#endif /* WTISD_HTTPD_SITE_H */
