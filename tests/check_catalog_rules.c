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

/* The largest catalog the library reads (catalog.c: 16 MiB).  */
#define LARGE_CATALOG (16u * 1024 * 1024)

/* Writes a catalog of COUNT entries "m0", "m1", ... (after the header)
   at the French path of DIR, of nearly LARGE_CATALOG bytes.  With
   SHARED, every translation is the same string of the file (a writer
   of MO files writes each string once; this file makes a reader that
   checks each entry read the same megabytes COUNT times); else each
   has its own translation, of the same total size.  */
static void
large_catalog_write (const char *dir, uint32_t count, int shared)
{
  uint32_t strings = 28 + 2 * 8 * (count + 1), originals_size = 0;
  uint32_t text_size, offset, i;
  char path[4200], msgid[16];
  FILE *file;

  for (i = 0; i < count; i++)
    originals_size += (uint32_t)snprintf (msgid, sizeof msgid, "m%u", i) + 1;
  text_size = (LARGE_CATALOG - strings - originals_size - 1 - 64) / count - 1;
  if (shared)
    text_size = LARGE_CATALOG / 2;
  snprintf (path, sizeof path, "%s/fr", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  snprintf (path, sizeof path, "%s/fr/LC_MESSAGES/%s.mo", dir, PACKAGE);
  ck_assert_ptr_nonnull (file = fopen (path, "wb"));
  word_put (file, 0x950412deu);
  word_put (file, 0);
  word_put (file, count + 1);
  word_put (file, 28);
  word_put (file, 28 + 8 * (count + 1));
  word_put (file, 0);
  word_put (file, strings);
  /* The originals: the header's "", then m0, m1, ...  */
  offset = strings;
  word_put (file, 0), word_put (file, offset++);
  for (i = 0; i < count; i++)
    {
      uint32_t length = (uint32_t)snprintf (msgid, sizeof msgid, "m%u", i);

      word_put (file, length), word_put (file, offset);
      offset += length + 1;
    }
  /* The translations: the header, then the texts.  */
  word_put (file, 0), word_put (file, offset++);
  for (i = 0; i < count; i++)
    {
      word_put (file, text_size), word_put (file, offset);
      if (!shared)
        offset += text_size + 1;
    }
  fputc ('\0', file);
  for (i = 0; i < count; i++)
    fprintf (file, "m%u%c", i, '\0');
  fputc ('\0', file);
  for (i = 0; i < (shared ? 1 : count); i++)
    {
      for (uint32_t j = 0; j < text_size; j++)
        fputc ('a' + (int)(j % 26), file);
      fputc ('\0', file);
    }
  ck_assert_int_le (ftell (file), (long)LARGE_CATALOG);
  ck_assert_int_eq (fclose (file), 0);
}

/* A directory of its own under BASE.  */
static void
large_directory (char *dir, size_t size, const char *name)
{
  ck_assert_uint_lt ((size_t)snprintf (dir, size, "%s/%s", base, name), size);
  ck_assert_int_eq (mkdir (dir, 0700), 0);
}

/* A 16 MiB catalog whose 2,000 entries share one 8 MiB translation is
   refused before anything reads a string twice: before, reading it took
   hours (the test's timeout bounds it to seconds).  */
START_TEST (test_shared_strings_refused_at_once)
{
  char dir[4200];

  large_directory (dir, sizeof dir, "large-shared");
  large_catalog_write (dir, 2000, 1);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("fr"), WTISD_ECATALOG);
}
END_TEST

/* A sound catalog of 16 MiB, the largest read, is read whole, in time
   proportional to its size.  */
START_TEST (test_largest_sound_catalog_read)
{
  char dir[4200];
  const char *text;

  large_directory (dir, sizeof dir, "large-sound");
  large_catalog_write (dir, 20000, 0);
  ck_assert_int_eq (wtisd_set_localedir (dir), WTISD_OK);
  ck_assert_int_eq (wtisd_language_check ("fr"), WTISD_OK);
  text = wtisd_translate ("fr", "m19999");
  ck_assert_str_eq (wtisd_language ("fr"), "fr");
  ck_assert_uint_gt (strlen (text), 800);
  ck_assert_int_eq (strncmp (text, "abcdefgh", 8), 0);
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
  tcase = tcase_create ("size");
  tcase_add_test (tcase, test_shared_strings_refused_at_once);
  tcase_add_test (tcase, test_largest_sound_catalog_read);
  tcase_set_timeout (tcase, 20);
  suite_add_tcase (suite, tcase);
  status = rule_count > 30 ? testutil_run (suite) : EXIT_FAILURE;
  snprintf (command, sizeof command, "rm -rf '%s'", base);
  if (system (command) != 0)
    status = EXIT_FAILURE;
  return status;
}
