/* check_language_tag.c - the tag parser reads the simple tags it parses
   without ICU (a two-letter language, perhaps a script, perhaps a
   region) exactly as ICU reads them, so that wtisd_negotiate's fast path
   decides as ICU would; a new ICU that renames such a tag shows here.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>

#include "internal.h"
#include "testutil.h"

/* A tag as raw ICU reads it, the oracle.  */
static void
icu_read (const char *text, struct language_tag *tag)
{
  UErrorCode code = U_ZERO_ERROR;
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;

  memset (tag, 0, sizeof *tag);
  uloc_forLanguageTag (text, id, sizeof id, &parsed, &code);
  ck_assert_msg (U_SUCCESS (code) && parsed == (int32_t)strlen (text),
                 "ICU refuses %s", text);
  uloc_getLanguage (id, tag->language, sizeof tag->language, &code);
  uloc_getScript (id, tag->script, sizeof tag->script, &code);
  uloc_getCountry (id, tag->region, sizeof tag->region, &code);
  ck_assert_msg (U_SUCCESS (code), "ICU cannot split %s", id);
}

static void
assert_parsed_as_icu (const char *text)
{
  struct language_tag ours, icu;

  ck_assert_int_eq (language_tag_parse (text, strlen (text), &ours), WTISD_OK);
  icu_read (text, &icu);
  ck_assert_msg (strcmp (ours.language, icu.language) == 0
                     && strcmp (ours.script, icu.script) == 0
                     && strcmp (ours.region, icu.region) == 0
                     && ours.modifier[0] == '\0' && !ours.is_c,
                 "%s: ours %s/%s/%s, ICU's %s/%s/%s", text, ours.language,
                 ours.script, ours.region, icu.language, icu.script,
                 icu.region);
}

static const char *const scripts[] = {
  "Latn", "latn", "LATN", "Hant", "hans", "Cyrl", "Arab",
  "Deva", "Jpan", "Zyyy", "Zzzz", "Qaaa", "Abcd",
};

/* Every language starting with the loop's letter, in both cases, alone,
   with a quarter of the two-letter regions (another quarter for the next
   language: each region meets some 170 languages), with three-digit
   ones, and with scripts.  */
START_TEST (test_simple_tags_parse_as_icu_does)
{
  char language[3] = { (char)('a' + _i), 'a', '\0' }, text[32];
  size_t s;

  for (int second = 0; second < 26; second++)
    {
      language[1] = (char)('a' + second);
      assert_parsed_as_icu (language);
      for (int region = second % 4; region < 26 * 26; region += 4)
        {
          int upper = region % 2 == 0;

          snprintf (text, sizeof text, "%c%c-%c%c",
                    upper ? language[0] - 'a' + 'A' : language[0], language[1],
                    (upper ? 'A' : 'a') + region / 26, 'A' + region % 26);
          assert_parsed_as_icu (text);
        }
      for (int digits = second; digits < 1000; digits += 29)
        {
          snprintf (text, sizeof text, "%s-%03d", language, digits);
          assert_parsed_as_icu (text);
        }
      for (s = 0; s < sizeof scripts / sizeof scripts[0]; s++)
        {
          snprintf (text, sizeof text, "%s-%s", language, scripts[s]);
          assert_parsed_as_icu (text);
          snprintf (text, sizeof text, "%s-%s-tw", language, scripts[s]);
          assert_parsed_as_icu (text);
          snprintf (text, sizeof text, "%s-%s-419", language, scripts[s]);
          assert_parsed_as_icu (text);
        }
    }
}
END_TEST

/* Tags near the simple shape that ICU reads otherwise (legacy tags,
   variants, extensions), or refuses.  */
static const char *const icu_shaped[][4] = {
  /* tag, language, script, region; NULL: malformed */
  { "en-GB-oed", "en", "", "GB" },  { "sgn-BR", "bzs", "", "" },
  { "i-klingon", "tlh", "", "" },   { "fr-CH-1996", "fr", "", "CH" },
  { "fr-x-private", "fr", "", "" }, { "fr-u-ca-gregory", "fr", "", "" },
  { "fr-", NULL, NULL, NULL },      { "fr--CH", NULL, NULL, NULL },
  { "fr-CH-", NULL, NULL, NULL },   { "fr-12", NULL, NULL, NULL },
};

START_TEST (test_other_shapes_are_left_to_icu)
{
  const char *const *row = icu_shaped[_i];
  struct language_tag tag;
  int status = language_tag_parse (row[0], strlen (row[0]), &tag);

  if (row[1] == NULL)
    {
      ck_assert_int_eq (status, WTISD_EINVAL);
      return;
    }
  ck_assert_int_eq (status, WTISD_OK);
  ck_assert_str_eq (tag.language, row[1]);
  ck_assert_str_eq (tag.script, row[2]);
  ck_assert_str_eq (tag.region, row[3]);
}
END_TEST

static Suite *
language_tag_suite (void)
{
  Suite *suite = suite_create ("language_tag");
  TCase *tcase = tcase_create ("language_tag");

  tcase_set_timeout (tcase, 60);
  tcase_add_loop_test (tcase, test_simple_tags_parse_as_icu_does, 0, 26);
  tcase_add_loop_test (tcase, test_other_shapes_are_left_to_icu, 0,
                       (int)(sizeof icu_shaped / sizeof icu_shaped[0]));
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return testutil_run (language_tag_suite ());
}
