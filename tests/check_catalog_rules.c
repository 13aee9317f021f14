/* check_catalog_rules.c - the rules every catalog must pass before the
   library uses any of it (wtisd.h, "Catalogs"), one row of
   data/catalog-rules.txt each: control and bidi characters, printf
   directives, encodings, combining marks.  Each row's catalog is
   written here, byte for byte, by a small MO writer of the test's own,
   so that msgfmt's checks cannot hide what the library must catch.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <wtisd.h>

#include "testutil.h"

#define MAX_ROWS 128

struct rule
{
  const char *name, *charset, *msgid, *msgstr, *verdict;
};

static struct rule rules[MAX_ROWS];
static int rule_count;
static char *rules_buffer; /* What the rules point into.  */
static char base[4096];

/* Undoes the C escapes \n \t \a \\ \xHH of S, in place.  */
static char *
unescape (char *s)
{
  char *in = s, *out = s;

  while (*in != '\0')
    {
      if (*in != '\\' || in[1] == '\0')
        {
          *out++ = *in++;
          continue;
        }
      in++;
      if (*in == 'x')
        {
          *out++ = (char)strtol ((char[]){ in[1], in[2], '\0' }, NULL, 16);
          in += 3;
          continue;
        }
      *out++ = *in == 'n' ? '\n' : *in == 't' ? '\t' : *in == 'a' ? '\a' : *in;
      in++;
    }
  *out = '\0';
  return s;
}

/* Reads the rows; the buffer lives as long as the process, since the
   rows point into it.  Outside any test: no assertion here.  */
static void
rules_read (void)
{
  char *line = rules_buffer = testutil_load_data ("catalog-rules.txt"), *next;

  for (; line != NULL && *line != '\0' && rule_count < MAX_ROWS; line = next)
    {
      char *field[5], *p = line;
      int f;

      next = line + strcspn (line, "\n");
      if (*next == '\n')
        *next++ = '\0';
      if (*p == '#' || *p == '\0')
        continue;
      for (f = 0; f < 5; f++)
        {
          field[f] = p;
          p += strcspn (p, "\t");
          if (*p == '\t')
            *p++ = '\0';
        }
      rules[rule_count].name = field[0];
      rules[rule_count].charset = field[1];
      rules[rule_count].msgid = unescape (field[2]);
      rules[rule_count].msgstr = unescape (field[3]);
      rules[rule_count++].verdict = unescape (field[4]);
    }
}

static void
word_put (FILE *file, uint32_t value)
{
  unsigned char bytes[4]
      = { (unsigned char)value, (unsigned char)(value >> 8),
          (unsigned char)(value >> 16), (unsigned char)(value >> 24) };

  fwrite (bytes, 1, 4, file);
}

/* Writes an MO file at PATH with the header (declaring CHARSET, or no
   charset for "-") and the one entry MSGID -> MSGSTR; no hash table.  */
static void
mo_write (const char *path, const char *charset, const char *msgid,
          const char *msgstr)
{
  char header[256];
  const char *originals[2] = { "", msgid }, *translations[2];
  uint32_t offset = 28 + 2 * 2 * 8;
  FILE *file = fopen (path, "wb");
  int i;

  ck_assert_ptr_nonnull (file);
  if (strcmp (charset, "-") == 0)
    snprintf (header, sizeof header, "Language: fr\n");
  else
    snprintf (header, sizeof header,
              "Language: fr\nContent-Type: text/plain; charset=%s\n", charset);
  translations[0] = header;
  translations[1] = msgstr;
  word_put (file, 0x950412deu);
  word_put (file, 0);
  word_put (file, 2);
  word_put (file, 28);
  word_put (file, 28 + 16);
  word_put (file, 0);
  word_put (file, offset);
  for (i = 0; i < 2; i++, offset += (uint32_t)strlen (originals[i - 1]) + 1)
    word_put (file, (uint32_t)strlen (originals[i])), word_put (file, offset);
  for (i = 0; i < 2; i++, offset += (uint32_t)strlen (translations[i - 1]) + 1)
    word_put (file, (uint32_t)strlen (translations[i])),
        word_put (file, offset);
  for (i = 0; i < 2; i++)
    fwrite (originals[i], 1, strlen (originals[i]) + 1, file);
  for (i = 0; i < 2; i++)
    fwrite (translations[i], 1, strlen (translations[i]) + 1, file);
  ck_assert_int_eq (fclose (file), 0);
}

/* A locale directory of its own for RULE, so that no answer is shared.  */
static void
rule_directory (const struct rule *rule, char *dir, size_t size)
{
  char path[4200];

  /* A name cut short would be another directory: none is.  */
  ck_assert_uint_lt ((size_t)snprintf (dir, size, "%s/%s", base, rule->name),
                     size);
  ck_assert_int_eq (mkdir (dir, 0700), 0);
  ck_assert_uint_lt ((size_t)snprintf (path, sizeof path, "%s/fr", dir),
                     sizeof path);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  ck_assert_uint_lt (
      (size_t)snprintf (path, sizeof path, "%s/fr/LC_MESSAGES", dir),
      sizeof path);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  ck_assert_uint_lt ((size_t)snprintf (path, sizeof path,
                                       "%s/fr/LC_MESSAGES/%s.mo", dir,
                                       PACKAGE),
                     sizeof path);
  mo_write (path, rule->charset, rule->msgid, rule->msgstr);
}

START_TEST (test_catalog_rule)
{
  const struct rule *rule = &rules[_i];
  const char *english = wtisd_text_in ("en", WTISD_TITLE);
  char dir[4200];

  rule_directory (rule, dir, sizeof dir);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  if (strncmp (rule->verdict, "sound", 5) == 0)
    {
      const char *expected
          = rule->verdict[5] == '=' ? rule->verdict + 6 : rule->msgstr;

      ck_assert_msg (wtisd_language_check ("fr") == WTISD_OK,
                     "%s: the catalog was refused", rule->name);
      ck_assert_str_eq (wtisd_translate ("fr", rule->msgid), expected);
      ck_assert_str_eq (wtisd_language ("fr"), "fr");
      return;
    }
  ck_assert_str_eq (rule->verdict, "damaged");
  ck_assert_msg (wtisd_language_check ("fr") == WTISD_ECATALOG,
                 "%s: the catalog was used (%d)", rule->name,
                 wtisd_language_check ("fr"));
  ck_assert_ptr_eq (wtisd_translate ("fr", rule->msgid), rule->msgid);
  ck_assert_str_eq (wtisd_text_in ("fr", WTISD_TITLE), english);
  ck_assert_str_eq (wtisd_language ("fr"), "en");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("catalog-rules");
  TCase *tcase = tcase_create ("rules");
  const char *tmp = getenv ("TMPDIR");
  char command[4200];
  int status;

  rules_read ();
  snprintf (base, sizeof base, "%s/wtisd-rules.%ld", tmp ? tmp : "/tmp",
            (long)getpid ());
  if (mkdir (base, 0700) != 0)
    return EXIT_FAILURE;
  tcase_add_loop_test (tcase, test_catalog_rule, 0, rule_count);
  suite_add_tcase (suite, tcase);
  status = rule_count > 30 ? testutil_run (suite) : EXIT_FAILURE;
  snprintf (command, sizeof command, "rm -rf '%s'", base);
  if (system (command) != 0)
    status = EXIT_FAILURE;
  return status;
}
