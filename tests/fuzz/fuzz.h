/* fuzz.h - what every fuzz target provides, for libFuzzer (make fuzz) and
   for the plain replay driver that make check runs on each corpus.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_FUZZ_H
#define WTISD_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (bytes after a NUL are cut);
   free it.  Aborts when memory runs out.  */
char *fuzz_string (const uint8_t *data, size_t size);

/* Whether LANGUAGE is one of wtisd_languages ().  */
int fuzz_language_listed (const char *language);

/* Stops the run: a target's own check of the library's answers failed.  */
#define FUZZ_CHECK(condition)                                                 \
  do                                                                          \
    if (!(condition))                                                         \
      fuzz_fail (#condition, __FILE__, __LINE__);                             \
  while (0)

void fuzz_fail (const char *condition, const char *file, int line);

#endif /* WTISD_FUZZ_H */
