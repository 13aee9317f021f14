/* httpd-encoding.h - the content codings of wtisd-httpd's answers
   (issue 22): each made once at start-up, gzip with zlib and brotli with
   libbrotlienc where configure found it, and the one a request's
   Accept-Encoding prefers (RFC 9110, 12.5.3).  Thread-safe: no state.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_HTTPD_ENCODING_H
#define WTISD_HTTPD_ENCODING_H

#include "document.h"

/* The codings, in the order a tie between their weights is broken
   (the smallest body first), then identity.  */
enum encoding
{
  ENCODING_BROTLI,
  ENCODING_GZIP,
  ENCODING_IDENTITY,
  ENCODING_COUNT,
  /* No coding the server has is acceptable: 406.  */
  ENCODING_NONE = ENCODING_COUNT
};

/* The Content-Encoding of CODING; NULL for identity.  */
const char *encoding_name (enum encoding coding);

/* Whether this build makes CODING.  */
int encoding_available (enum encoding coding);

/* IN in CODING (not identity) into OUT, a new buffer, with the coding's
   best compression.  Returns 0, or -1 when memory ran out or the
   build lacks CODING.  */
int encoding_compress (enum encoding coding, const struct buffer *in,
                       struct buffer *out);

/* The available coding HEADER, an Accept-Encoding value or NULL (none
   in the request: identity), weighs most; ENCODING_NONE when it
   refuses them all, identity included ("identity;q=0", or "*;q=0"
   without "identity").  */
enum encoding encoding_negotiate (const char *header);

#endif /* WTISD_HTTPD_ENCODING_H */
