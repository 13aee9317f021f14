/* fuzz_label.c - any bytes as the translation of "Source: %s\n", the
   label wtisd-message and wtisd-httpd write the source address in: split
   at its directive into two lines' worth of text without a newline, and
   in the HTML document escaped so well that it adds no markup (as many
   '<' as with the English label) and the source's link comes once (the
   original's is in the footer too).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "document.h"
#include "fuzz.h"

static size_t
count (const char *s, char c)
{
  size_t n = 0;

  for (; (s = strchr (s, c)) != NULL; s++)
    n++;
  return n;
}

/* The '<' of the English HTML document, and of the one with LABEL.  */
static size_t
html_tags (const char *label)
{
  struct document_parts whole = { .whole = 1 };
  struct buffer html = { 0 };
  size_t tags;
  char link[256];
  const char *at;

  FUZZ_CHECK (document_write (&html, DOCUMENT_HTML, "en", &whole, label, NULL)
              == 0);
  snprintf (link, sizeof link, "<a href=\"%s\">",
            wtisd_source_url (WTISD_FORM_ASCII));
  tags = count (html.data, '<');
  FUZZ_CHECK ((at = strstr (html.data, link)) != NULL);
  FUZZ_CHECK (strstr (at + 1, link) == NULL);
  free (html.data);
  return tags;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static size_t english_tags;
  char *label = fuzz_string (data, size), *before, *after;

  FUZZ_CHECK (source_label_split (label, &before, &after) == 0);
  FUZZ_CHECK (strchr (before, '\n') == NULL && strchr (after, '\n') == NULL);
  FUZZ_CHECK (strlen (before) + strlen (after) <= strlen (label));
  if (english_tags == 0)
    english_tags = html_tags ("Source: %s\n");
  if (wtisd_normalize (label, WTISD_NFC, NULL, 0) >= 0) /* UTF-8.  */
    FUZZ_CHECK (html_tags (label) == english_tags);
  free (before);
  free (after);
  free (label);
  return 0;
}
