/* check_wrap.c - the properties of wtisd-message's line wrapping, for
   every language, text and width from 10 to 100, and of the wrapped
   golden outputs, as wrapcheck.h states them (no text lost, no line too
   wide or ending in white space, breaks only where ICU's rules allow and
   never inside a grapheme cluster or a Burmese syllable), measured with
   ICU directly, not with the code under test; and cases of the breaks
   the wrapper does not take although ICU allows them.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#include "testutil.h"
#include "textcheck.h"
#include "wrap.h"
#include "wrapcheck.h"

#define MAX_LANGUAGES 128
#define MAX_LINES 512

/* Every shipped language (po/LINGUAS) and English, at LANGUAGES;
   returns how many.  *BUFFER is the caller's to free.  A table too small
   for LINGUAS fails the test rather than leave languages out.  */
static int
languages_read (char **buffer, const char **languages)
{
  int count = testutil_read_linguas (buffer, languages, MAX_LANGUAGES);

  ck_assert_msg (count > 0 && count < MAX_LANGUAGES,
                 "%d languages in LINGUAS: make MAX_LANGUAGES larger", count);
  languages[count++] = "en";
  return count;
}

/* The line breaking rules of LANGUAGE, as wtisd-message asks ICU for
   them: Korean keeps its words whole.  */
static const char *
break_locale (const char *language)
{
  return strcmp (language, "ko") == 0 ? "ko@lw=keepall" : language;
}

struct lines
{
  char *start[MAX_LINES];
  size_t length[MAX_LINES];
  int count;
};

static int
collect (const char *line, size_t length, void *data)
{
  struct lines *lines = data;
  char *copy = malloc (length + 1);

  ck_assert_int_lt (lines->count, MAX_LINES);
  memcpy (copy, line, length);
  copy[length] = '\0';
  lines->start[lines->count] = copy;
  lines->length[lines->count++] = length;
  return 0;
}

/* Checks LINES against TEXT wrapped at WIDTH (0: no limit) by the rules
   of LANGUAGE (wrapcheck.h).  */
static void
assert_wrapping (const char *text, const struct lines *lines, int width,
                 const char *language, const char *what)
{
  char problem[1024];

  ck_assert_msg (!wrapcheck_lines (text, break_locale (language), width,
                                   lines->start, lines->count, problem,
                                   sizeof problem),
                 "%s, width %d: %s", what, width, problem);
}

static void
lines_free (struct lines *lines)
{
  int i;

  for (i = 0; i < lines->count; i++)
    free (lines->start[i]);
  lines->count = 0;
}

START_TEST (test_every_language_text_and_width)
{
  const char *languages[MAX_LANGUAGES];
  char *buffer, what[64];
  int count = languages_read (&buffer, languages);
  int l, id, width;

  for (l = 0; l < count; l++)
    for (id = 0; id < WTISD_TEXT_COUNT; id++)
      for (width = 10; width <= 100; width++)
        {
          const char *text = wtisd_text_in (languages[l], id);
          struct lines lines = { .count = 0 };

          snprintf (what, sizeof what, "%s text %d", languages[l], id);
          ck_assert_int_eq (wrap_text (text, width,
                                       break_locale (languages[l]), collect,
                                       &lines),
                            0);
          assert_wrapping (text, &lines, width, languages[l], what);
          lines_free (&lines);
        }
  free (buffer);
}
END_TEST

/* The golden files at widths 40 and 72 have the same properties, each
   paragraph against the unwrapped golden output.  A language without
   golden files yet (tests/golden.sh makes them) is covered by the test
   above.  */
START_TEST (test_golden_files_wrapped_properly)
{
  static const int widths[] = { 40, 72 };
  const char *languages[MAX_LANGUAGES];
  char *linguas;
  int count = languages_read (&linguas, languages);
  int l, w, part;

  for (l = 0; l < count; l++)
    for (w = 0; w < 2; w++)
      {
        char name[64], *plain, *wrapped, *p;
        const char *parts[TESTUTIL_MESSAGE_PARTS];

        snprintf (name, sizeof name, "wtisd-message.%s.out", languages[l]);
        if ((plain = testutil_load_data (name)) == NULL)
          continue;
        free (plain);
        testutil_read_message (name, &plain, parts);
        snprintf (name, sizeof name, "wtisd-message.%s.w%d.out", languages[l],
                  widths[w]);
        wrapped = testutil_read_data (name);
        p = wrapped;
        for (part = 0; part < TESTUTIL_MESSAGE_PARTS; part++)
          {
            struct lines lines = { .count = 0 };

            while (*p != '\0' && *p != '\n')
              {
                size_t n = strcspn (p, "\n");

                collect (p, n, &lines);
                p += n + (p[n] == '\n');
              }
            p += *p == '\n';
            assert_wrapping (parts[part], &lines, widths[w], languages[l],
                             name);
            lines_free (&lines);
          }
        free (wrapped);
        free (plain);
      }
  free (linguas);
}
END_TEST

/* The source line of every language, with the address in either form,
   at every width from 20 to 200: the address is on one line, whole,
   alone on it when it does not fit with its neighbours; every other line
   fits.  The label's %s is replaced here with strstr, as a sound
   catalog's is plain.  */
START_TEST (test_address_never_broken)
{
  const char *languages[MAX_LANGUAGES];
  char *buffer, line[1024];
  int count = languages_read (&buffer, languages);
  int l, form, width, i, whole;

  for (l = 0; l < count; l++)
    for (form = WTISD_FORM_ASCII; form <= WTISD_FORM_UNICODE; form++)
      {
        const char *label = wtisd_translate (languages[l], "Source: %s\n");
        const char *url = wtisd_source_url ((wtisd_form)form);
        const char *directive = strstr (label, "%s");

        ck_assert_ptr_nonnull (directive);
        snprintf (line, sizeof line, "%.*s%s%.*s", (int)(directive - label),
                  label, url, (int)strcspn (directive + 2, "\n"),
                  directive + 2);
        for (width = 20; width <= 200; width++)
          {
            struct lines lines = { .count = 0 };

            ck_assert_int_eq (wrap_text (line, width,
                                         break_locale (languages[l]), collect,
                                         &lines),
                              0);
            for (i = whole = 0; i < lines.count; i++)
              if (strstr (lines.start[i], url) != NULL)
                {
                  whole++;
                  ck_assert_msg (
                      textcheck_columns (lines.start[i], lines.length[i])
                              <= width
                          || strchr (lines.start[i], ' ') == NULL,
                      "%s, width %d: the address overflows with "
                      "a neighbour",
                      languages[l], width);
                }
              else
                ck_assert_msg (
                    textcheck_columns (lines.start[i], lines.length[i])
                        <= width,
                    "%s, width %d: line %d is too wide", languages[l], width,
                    i);
            ck_assert_msg (whole == 1, "%s, width %d: the address is cut",
                           languages[l], width);
            lines_free (&lines);
          }
      }
  free (buffer);
}
END_TEST

/* A word wider than the line is cut between grapheme clusters, as much
   on each line as fits: no line is wider than the terminal.  */
START_TEST (test_long_word_cut_between_clusters)
{
  static const char *const expected[]
      = { "a", "veryl", "ongun", "break", "ablew", "ord b" };
  struct lines lines = { .count = 0 };
  const char *text = "a verylongunbreakableword b";
  int i;

  ck_assert_int_eq (wrap_text (text, 5, "", collect, &lines), 0);
  ck_assert_int_eq (lines.count, 6);
  for (i = 0; i < 6; i++)
    ck_assert_str_eq (lines.start[i], expected[i]);
  assert_wrapping (text, &lines, 5, "", "long word");
  lines_free (&lines);
}
END_TEST

/* Where ICU's rules allow a break that tears a piece from its word,
   the wrapper does not break, and a word too wide for the line is cut
   there last.  Each case's lines, joined by newlines, were read by eye.  */
static const struct
{
  const char *locale, *text, *lines;
  int width;
} tailored_cases[] = {
  /* ICU 72 offers က|မ္|ဘာ့ in a word its dictionary does not know.  */
  { "my", "ITU ၏ ၂၀၂၁ ကမ္ဘာ့ဆက်သွယ်ရေး", "ITU ၏ ၂၀၂၁\nကမ္ဘာ့ဆက်သွယ်ရေး", 12 },
  /* A word wider than the line is cut between syllables, not before a
     sign that Unicode's clusters leave apart (ဖြို|း, သမိုင်|း).  */
  { "my", "ဖွံ့ဖြိုး", "ဖွံ့\nဖြိုး", 3 },
  { "my", "သမိုင်း", "သ\nမိုင်း", 3 },
  /* Only a syllable wider than the line is cut between clusters.  */
  { "my", "ရေး", "ရေ\nး", 2 },
  /* A prefix stays with its word.  */
  { "zu", "eziyinhloko ekulweni ne-COVID-19.",
    "eziyinhloko ekulweni\nne-COVID-19.", 30 },
  { "ig", "ọ bụla na-enweghị", "ọ bụla\nna-enweghị", 14 },
  { "ro", "pe care le-ați învățat.", "pe care\nle-ați\nînvățat.", 10 },
  /* But a prefixed word too wide for the line is cut after it first.  */
  { "ig", "na-ejikọbeghị iji", "na-\nejikọbeghị\niji", 12 },
  { "zu", "ku-inthanethi.", "ku-\ninthanethi.", 12 },
  /* In an abugida three letters are a word: कार्य- may end a line.  */
  { "hi", "सम्मेलन की कार्य-दिशाओं", "सम्मेलन की कार्य-\nदिशाओं", 16 },
  /* Four letters are no prefix.  */
  { "en", "well some-thing", "well some-\nthing", 10 },
};

/* Appends LINE to the newline-separated lines at DATA, a string of 256
   bytes.  */
static int
join (const char *line, size_t length, void *data)
{
  char *joined = data;
  size_t used = strlen (joined);

  ck_assert_uint_lt (used + length + 2, 256);
  if (used > 0)
    joined[used++] = '\n';
  memcpy (joined + used, line, length);
  joined[used + length] = '\0';
  return 0;
}

START_TEST (test_no_break_inside_syllable_or_after_prefix)
{
  char lines[256] = "";

  ck_assert_int_eq (wrap_text (tailored_cases[_i].text,
                               tailored_cases[_i].width,
                               tailored_cases[_i].locale, join, lines),
                    0);
  ck_assert_str_eq (lines, tailored_cases[_i].lines);
}
END_TEST

/* A newline ends a line even before a combining mark, which no other
   opportunity may precede.  */
START_TEST (test_newline_breaks_before_mark)
{
  struct lines lines = { .count = 0 };

  ck_assert_int_eq (wrap_text ("ab\n\xcc\x81"
                               "cd",
                               10, "", collect, &lines),
                    0);
  ck_assert_int_eq (lines.count, 2);
  ck_assert_str_eq (lines.start[0], "ab");
  ck_assert_str_eq (lines.start[1], "\xcc\x81"
                                    "cd");
  lines_free (&lines);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("wrap");
  TCase *tcase = tcase_create ("wrap");

  tcase_add_test (tcase, test_golden_files_wrapped_properly);
  tcase_add_test (tcase, test_long_word_cut_between_clusters);
  tcase_add_test (tcase, test_newline_breaks_before_mark);
  tcase_add_loop_test (tcase, test_no_break_inside_syllable_or_after_prefix, 0,
                       sizeof tailored_cases / sizeof *tailored_cases);
  tcase_set_timeout (tcase, 300);
  suite_add_tcase (suite, tcase);
  /* Every language at every width: thousands of wraps, seconds natively
     and under ASan, far longer under valgrind (--enable-valgrind-tests
     leaves out the "slow"), whose memory checks the wraps above cover.  */
  tcase = tcase_create ("every width");
  tcase_set_tags (tcase, "slow");
  tcase_add_test (tcase, test_every_language_text_and_width);
  tcase_add_test (tcase, test_address_never_broken);
  tcase_set_timeout (tcase, 300);
  suite_add_tcase (suite, tcase);
  return testutil_run (suite);
}
