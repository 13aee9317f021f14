/* httpd-encoding.c - the content codings of wtisd-httpd's answers.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>
#ifdef HAVE_BROTLI
#include <brotli/encode.h>
#endif

#include "httpd-encoding.h"

/* Brotli's quality: 5 costs what zlib's best does and makes the French
   page 13% smaller than gzip (2 617 bytes against 2 995); 11, brotli's
   best, 25% (2 251), but at 13 ms a page, 40 times the cost: start-up
   took 1.3 s instead of 0.11 s with 51 languages, and would take most of
   a minute with 2,000 (tests/httpd-scale.sh).  See BENCHMARKS.md.  */
#define BROTLI_QUALITY 5

/* The weight of identity when Accept-Encoding does not name it.  */
#define IDENTITY_UNNAMED 0.0001

const char *
encoding_name (enum encoding coding)
{
  return coding == ENCODING_BROTLI ? "br"
         : coding == ENCODING_GZIP ? "gzip"
                                   : NULL;
}

int
encoding_available (enum encoding coding)
{
#ifndef HAVE_BROTLI
  if (coding == ENCODING_BROTLI)
    return 0;
#endif
  return coding < ENCODING_COUNT;
}

/* IN gzipped into OUT with zlib's best compression.  */
static int
gzip_compress (const struct buffer *in, struct buffer *out)
{
  z_stream z = { 0 };
  int status;

  if (deflateInit2 (&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9,
                    Z_DEFAULT_STRATEGY)
      != Z_OK)
    return -1;
  out->capacity = deflateBound (&z, (uLong)in->length);
  if ((out->data = malloc (out->capacity)) == NULL)
    {
      deflateEnd (&z);
      return -1;
    }
  z.next_in = (Bytef *)(size_t)in->data;
  z.avail_in = (uInt)in->length;
  z.next_out = (Bytef *)out->data;
  z.avail_out = (uInt)out->capacity;
  status = deflate (&z, Z_FINISH);
  out->length = z.total_out;
  deflateEnd (&z);
  return status == Z_STREAM_END ? 0 : -1;
}

/* IN in brotli into OUT, as text.  */
static int
brotli_compress (const struct buffer *in, struct buffer *out)
{
#ifdef HAVE_BROTLI
  out->capacity = BrotliEncoderMaxCompressedSize (in->length);
  if (out->capacity == 0 || (out->data = malloc (out->capacity)) == NULL)
    return -1;
  out->length = out->capacity;
  return BrotliEncoderCompress (BROTLI_QUALITY, BROTLI_DEFAULT_WINDOW,
                                BROTLI_MODE_TEXT, in->length,
                                (const uint8_t *)in->data, &out->length,
                                (uint8_t *)out->data)
             ? 0
             : -1;
#else
  (void)in, (void)out;
  return -1;
#endif
}

int
encoding_compress (enum encoding coding, const struct buffer *in,
                   struct buffer *out)
{
  memset (out, 0, sizeof *out);
  return coding == ENCODING_GZIP     ? gzip_compress (in, out)
         : coding == ENCODING_BROTLI ? brotli_compress (in, out)
                                     : -1;
}

/* The coding the LENGTH bytes at NAME name, ENCODING_COUNT for "*",
   -1 for another.  */
static int
coding_of (const char *name, size_t length)
{
  static const struct
  {
    const char *name;
    int coding;
  } names[] = { { "br", ENCODING_BROTLI },
                { "gzip", ENCODING_GZIP },
                { "x-gzip", ENCODING_GZIP },
                { "identity", ENCODING_IDENTITY },
                { "*", ENCODING_COUNT } };
  size_t i;

  for (i = 0; i < sizeof names / sizeof *names; i++)
    if (strlen (names[i].name) == length
        && strncasecmp (names[i].name, name, length) == 0)
      return names[i].coding;
  return -1;
}

/* The weight of the element of an Accept-Encoding list whose parameters
   (";q=0.5") are the LENGTH bytes at PARAMETERS: its q, or 1.  */
static double
weight_of (const char *parameters, size_t length)
{
  const char *end = parameters + length, *p = parameters;

  while (p < end && (p = memchr (p, ';', (size_t)(end - p))) != NULL)
    {
      p += 1 + strspn (p + 1, " \t");
      if (p + 1 < end && (*p == 'q' || *p == 'Q') && p[1] == '=')
        return strtod (p + 2, NULL);
    }
  return 1;
}

enum encoding
encoding_negotiate (const char *header)
{
  /* Each coding's weight, "*"'s last; -1: not named.  */
  double weight[ENCODING_COUNT + 1] = { -1, -1, -1, -1 };
  double best = 0;
  enum encoding chosen = ENCODING_NONE;
  int c;

  if (header == NULL)
    return ENCODING_IDENTITY;
  while (*(header += strspn (header, " \t,")) != '\0')
    {
      size_t name = strcspn (header, " \t;,"), element = strcspn (header, ",");

      if ((c = coding_of (header, name)) >= 0)
        weight[c] = weight_of (header + name, element - name);
      header += element;
    }
  /* Unnamed, a coding weighs what "*" does; identity is acceptable
     unless refused, but after any coding named (below q=0.001, the
     least a client can write).  */
  for (c = 0; c < ENCODING_COUNT; c++)
    if (weight[c] < 0)
      weight[c] = weight[ENCODING_COUNT] >= 0 ? weight[ENCODING_COUNT]
                  : c == ENCODING_IDENTITY    ? IDENTITY_UNNAMED
                                              : 0;
  for (c = 0; c < ENCODING_COUNT; c++)
    if (encoding_available ((enum encoding)c) && weight[c] > best)
      {
        best = weight[c];
        chosen = (enum encoding)c;
      }
  return chosen;
}
