/* check_hostile_catalogs.c - a damaged or hostile catalog (empty,
   truncated, random bytes, huge counts or offsets, descriptors past the
   end, no terminating NUL, a directory, a FIFO, a device) counts as
   absent; the language falls back to English and the other languages
   still work.  A sound catalog in the other byte order is read.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <wtisd.h>

#include "hostile.h"
#include "testutil.h"

#define MAX_VARIANTS 32

static char base[4096];
static const char *variants[MAX_VARIANTS];
static int variant_count;

/* Builds the directories once, before the tests fork.  */
static void
variants_make (void)
{
  const char *source = getenv ("WTISD_LOCALEDIR");
  const char *tmp = getenv ("TMPDIR");

  snprintf (base, sizeof base, "%s/wtisd-hostile.%ld", tmp ? tmp : "/tmp",
            (long)getpid ());
  variant_count = source != NULL
                      ? hostile_make (base, source, variants, MAX_VARIANTS)
                      : -1;
}

static void
use_variant (int i)
{
  char dir[4200];

  ck_assert_int_gt (variant_count, 0);
  snprintf (dir, sizeof dir, "%s/%s", base, variants[i]);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
}

static void
assert_russian_works (int variant)
{
  const char *parts[TESTUTIL_MESSAGE_PARTS];
  char *buffer;

  testutil_read_message ("wtisd-message.ru.out", &buffer, parts);
  ck_assert_str_eq (wtisd_text_in ("ru", WTISD_TITLE), parts[0]);
  ck_assert_str_eq (wtisd_negotiate ("fr, ru;q=0.5"),
                    strcmp (variants[variant], "byte-swapped") == 0 ? "fr"
                                                                    : "ru");
  free (buffer);
}

START_TEST (test_damaged_french_is_absent)
{
  const char *const *languages;

  if (strcmp (variants[_i], "byte-swapped") == 0)
    return; /* Sound: the next test.  */
  use_variant (_i);
  ck_assert_msg (strcmp (wtisd_language ("fr"), "en") == 0,
                 "%s: the damaged catalog was used", variants[_i]);
  ck_assert_str_eq (wtisd_text_in ("fr", WTISD_PARAGRAPH_1),
                    wtisd_text_in ("en", WTISD_PARAGRAPH_1));
  for (languages = wtisd_languages (); *languages != NULL; languages++)
    ck_assert_str_ne (*languages, "fr");
  assert_russian_works (_i);
}
END_TEST

START_TEST (test_byte_swapped_french_is_read)
{
  const char *parts[TESTUTIL_MESSAGE_PARTS];
  char *buffer;
  int i;

  for (i = 0; i < variant_count; i++)
    if (strcmp (variants[i], "byte-swapped") == 0)
      break;
  ck_assert_int_lt (i, variant_count);
  use_variant (i);
  testutil_read_message ("wtisd-message.fr.out", &buffer, parts);
  for (i = 0; i < TESTUTIL_MESSAGE_PARTS; i++)
    ck_assert_str_eq (wtisd_text_in ("fr", (wtisd_text_id)i), parts[i]);
  free (buffer);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("hostile-catalogs");
  TCase *tcase = tcase_create ("hostile");
  char command[4200];
  int status;

  variants_make ();
  tcase_add_loop_test (tcase, test_damaged_french_is_absent, 0,
                       variant_count > 0 ? variant_count : 1);
  tcase_add_test (tcase, test_byte_swapped_french_is_read);
  suite_add_tcase (suite, tcase);
  status = testutil_run (suite);
  snprintf (command, sizeof command, "rm -rf '%s'", base);
  if (system (command) != 0)
    status = EXIT_FAILURE;
  return status;
}
