/* check_idna_conformance.c - every toUnicode and nontransitional toASCII
   case of Unicode's IdnaTestV2.txt through wtisd_domain_to_unicode and
   wtisd_domain_to_ascii.  Reads the file where it lies; skips (status
   77) without it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "conformance.h"
#include "testutil.h"

struct idna_expectation
{
  const char *source;
  const char *value; /* Meaningful only without errors.  */
  int has_errors;
};

static int cases, failures;

static void
check_case (const char *operation,
            int (*convert) (const char *, char *, size_t),
            const struct idna_expectation *expected, int line_number)
{
  char out[1024];
  int length = convert (expected->source, out, sizeof out);
  int ok = expected->has_errors
               ? length == WTISD_EIDNA
               : length >= 0 && strcmp (out, expected->value) == 0;

  cases++;
  if (!ok && ++failures <= 20)
    printf ("line %d: %s(%s) gave %d \"%s\", expected %s\n", line_number,
            operation, expected->source, length, length >= 0 ? out : "",
            expected->has_errors ? "an error" : expected->value);
}

/* A status column: blank is INHERITED, "[]" no errors, else errors.  */
static int
status_has_errors (const char *status, int inherited)
{
  if (*status == '\0')
    return inherited;
  return strcmp (status, "[]") != 0;
}

START_TEST (test_idna_test_v2)
{
  FILE *file = conformance_open ("WTISD_IDNA_TEST", "IdnaTestV2.txt");
  char line[4096];
  int line_number = 0;

  while (fgets (line, sizeof line, file) != NULL)
    {
      struct idna_expectation to_unicode, to_ascii;
      char *fields[7];
      int i;

      line_number++;
      i = conformance_fields (line, fields, 7);
      if (i == 0)
        continue;
      ck_assert_msg (i == 7, "line %d has %d fields, not 7", line_number, i);
      for (i = 0; i < 7; i++)
        conformance_unescape (fields[i]);
      to_unicode.source = to_ascii.source = fields[0];
      to_unicode.value = *fields[1] != '\0' ? fields[1] : fields[0];
      to_unicode.has_errors = status_has_errors (fields[2], 0);
      to_ascii.value = *fields[3] != '\0' ? fields[3] : to_unicode.value;
      to_ascii.has_errors
          = status_has_errors (fields[4], to_unicode.has_errors);
      check_case ("toUnicode", wtisd_domain_to_unicode, &to_unicode,
                  line_number);
      check_case ("toASCII", wtisd_domain_to_ascii, &to_ascii, line_number);
    }
  conformance_close (file);
  conformance_report ("IdnaTestV2", cases, failures);
}
END_TEST

int
main (void)
{
  return conformance_run ("WTISD_IDNA_TEST", "IdnaTestV2.txt",
                          test_idna_test_v2, 120);
}
