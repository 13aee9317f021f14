/* po-check - every rule the test suite applies to a shipped catalog, on
   one .po file, for a translator: each problem with its line number and
   a one-line fix.  Run as "make -C po check-LL", or
   tests/po-check po/LL.po [MSGFMT].  Exit status 0 when the catalog
   passes, 1 when it has problems, 2 when it cannot be read.  This file
   reads the catalog and checks its header, entries and message texts;
   po-check-typography.c and po-check-abbreviations.c have the rules
   of how the texts are written.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <wtisd.h>

#include "po-check.h"
#include "textcheck.h"

#define MAX_ENTRIES 512

struct entry po_entries[MAX_ENTRIES];
int po_entry_count;
const char *po_name;
static int problems;

void
po_problem (int line, const char *what, const char *fix)
{
  printf ("%s:%d: %s\n  fix: %s\n", po_name, line, what, fix);
  problems++;
}

/* Appends the C-quoted string at Q (after its opening quote) to *S.  */
static void
append_quoted (char **s, const char *q)
{
  size_t length = *s != NULL ? strlen (*s) : 0;
  char *out = realloc (*s, length + strlen (q) + 1), *o = out + length;

  if (out == NULL)
    exit (2);
  for (; *q != '\0' && *q != '"'; q++)
    {
      if (*q != '\\' || q[1] == '\0')
        {
          *o++ = *q;
          continue;
        }
      q++;
      if (*q >= '0' && *q <= '7')
        {
          int value = 0, n;

          for (n = 0; n < 3 && *q >= '0' && *q <= '7'; n++)
            value = value * 8 + (*q++ - '0');
          *o++ = (char)value;
          q--;
        }
      else if (*q == 'x')
        {
          char *end;

          *o++ = (char)strtol (q + 1, &end, 16);
          q = end - 1;
        }
      else
        *o++ = *q == 'n'   ? '\n'
               : *q == 't' ? '\t'
               : *q == 'a' ? '\a'
               : *q == 'r' ? '\r'
               : *q == 'b' ? '\b'
               : *q == 'f' ? '\f'
               : *q == 'v' ? '\v'
                           : *q;
    }
  *o = '\0';
  *s = out;
}

/* Appends the quoted piece at Q, line NUMBER of the file, to the
   msgstr of E.  */
static void
append_msgstr (struct entry *e, const char *q, int number)
{
  size_t offset = e->msgstr != NULL ? strlen (e->msgstr) : 0;

  e->piece_offsets
      = realloc (e->piece_offsets, (size_t)(e->pieces + 1) * sizeof (size_t));
  e->piece_lines
      = realloc (e->piece_lines, (size_t)(e->pieces + 1) * sizeof (int));
  if (e->piece_offsets == NULL || e->piece_lines == NULL)
    exit (2);
  e->piece_offsets[e->pieces] = offset;
  e->piece_lines[e->pieces++] = number;
  append_quoted (&e->msgstr, q);
}

/* The line of the file where byte OFFSET of the msgstr of E is: the
   last piece that starts at or before it (an empty first piece,
   msgstr "", starts where the next one does).  */
int
po_line_at (const struct entry *e, size_t offset)
{
  int i, line = e->msgstr_line;

  for (i = 0; i < e->pieces && e->piece_offsets[i] <= offset; i++)
    line = e->piece_lines[i];
  return line;
}

/* What the line po_read is on continues.  */
enum po_part
{
  OTHER,
  MSGID,
  MSGSTR
};

/* Reads the entries of the .po file FILE.  */
static void
po_read (FILE *file)
{
  char line[8192];
  enum po_part reading = OTHER;
  struct entry *entry = &po_entries[0];
  int number = 0, flags_fuzzy = 0;

  while (fgets (line, sizeof line, file) != NULL)
    {
      number++;
      if (strncmp (line, "#,", 2) == 0)
        flags_fuzzy |= strstr (line, "fuzzy") != NULL;
      else if (strncmp (line, "msgid ", 6) == 0
               && po_entry_count < MAX_ENTRIES)
        {
          entry = &po_entries[po_entry_count++];
          entry->line = number;
          entry->fuzzy = flags_fuzzy;
          flags_fuzzy = 0;
          reading = MSGID;
          append_quoted (&entry->msgid, strchr (line, '"') + 1);
        }
      else if ((strncmp (line, "msgstr ", 7) == 0
                || strncmp (line, "msgstr[0]", 9) == 0)
               && entry->msgid != NULL && entry->msgstr == NULL)
        {
          entry->msgstr_line = number;
          reading = MSGSTR;
          append_msgstr (entry, strchr (line, '"') + 1, number);
        }
      else if (line[0] == '"' && reading == MSGSTR)
        append_msgstr (entry, line + 1, number);
      else if (line[0] == '"' && reading == MSGID)
        append_quoted (&entry->msgid, line + 1);
      else
        reading = OTHER;
    }
}

const struct entry *
po_entry_of (const char *msgid)
{
  int i;

  for (i = 0; i < po_entry_count; i++)
    if (strcmp (po_entries[i].msgid, msgid) == 0)
      return &po_entries[i];
  return NULL;
}

static int
is_nfc (const char *s)
{
  UErrorCode code = U_ZERO_ERROR;
  int32_t length;
  UChar *text;
  UBool nfc;

  u_strFromUTF8 (NULL, 0, &length, s, -1, &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return 0;
  text = malloc (((size_t)length + 1) * sizeof *text);
  code = U_ZERO_ERROR;
  u_strFromUTF8 (text, length + 1, NULL, s, -1, &code);
  nfc = unorm2_isNormalized (unorm2_getNFCInstance (&code), text, length,
                             &code);
  free (text);
  return U_SUCCESS (code) && nfc;
}

/* What may never reach a terminal (wtisd.h, "Catalogs").  */
static const char *
forbidden_character (const char *s, int newline_allowed)
{
  int32_t i = 0, length = (int32_t)strlen (s);

  while (i < length)
    {
      UChar32 c;

      U8_NEXT (s, i, length, c);
      if (c < 0)
        return "bytes that are not UTF-8";
      if (c == '\n' && !newline_allowed)
        return "a newline where the English has none";
      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f))
        return "a control character";
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return "a bidirectional embedding, override or isolate";
    }
  return NULL;
}

static void
check_entries (void)
{
  int i;

  for (i = 0; i < po_entry_count; i++)
    {
      const struct entry *e = &po_entries[i];
      const char *bad;

      if (e->msgid[0] == '\0')
        continue;
      if (e->msgstr == NULL || e->msgstr[0] == '\0')
        po_problem (e->line, "untranslated entry", "write its translation");
      else if (e->fuzzy)
        po_problem (e->line, "fuzzy entry (gettext ignores it)",
                    "check the translation, then delete \"fuzzy\" from its "
                    "#, line");
      if (e->msgstr == NULL || e->msgstr[0] == '\0')
        continue;
      if ((bad
           = forbidden_character (e->msgstr, strchr (e->msgid, '\n') != NULL)))
        po_problem (e->msgstr_line, bad,
                    "remove it: the library refuses the whole catalog");
      else if (!is_nfc (e->msgstr))
        po_problem (e->msgstr_line, "not in Unicode Normalization Form C",
                    "run: uconv -x nfc (Debian: icu-devtools), or retype the "
                    "accented letters");
    }
}

/* The widest line of S, in columns; lines with a printf directive,
   whose width depends on what fills it, do not count.  */
static int
widest_line (const char *s, int *line_count)
{
  const char *end;
  int widest = 0;

  for (*line_count = 0; *s != '\0'; s = *end == '\n' ? end + 1 : end)
    {
      end = s + strcspn (s, "\n");
      if (memchr (s, '%', (size_t)(end - s)) == NULL
          && textcheck_columns (s, (size_t)(end - s)) > widest)
        widest = textcheck_columns (s, (size_t)(end - s));
      ++*line_count;
    }
  return widest;
}

/* The lines of the program's messages (those with a newline, --help
   above all) fit in 79 columns, as on an 80-column terminal, or in the
   English line's width where that is wider (the licence notice).  */
static void
check_widths (void)
{
  int i, lines;

  for (i = 0; i < po_entry_count; i++)
    {
      const struct entry *e = &po_entries[i];
      int limit;

      if (e->msgstr == NULL || strchr (e->msgid, '\n') == NULL)
        continue;
      limit = widest_line (e->msgid, &lines);
      if (limit < 79)
        limit = 79;
      if (widest_line (e->msgstr, &lines) > limit)
        po_problem (e->msgstr_line,
                    "a line too wide for an 80-column terminal",
                    "break it earlier, with \\n, as the English does");
    }
}

/* Whether the entry E has a translation to check.  */
int
po_translated (const struct entry *e)
{
  return e != NULL && e->msgstr != NULL && e->msgstr[0] != '\0';
}

/* Each number of ENGLISH is in the translation of E.  */
static void
check_numbers (const char *english, const struct entry *e)
{
  const char *p;

  for (p = english; *p != '\0'; p++)
    {
      size_t length = strspn (p, "0123456789");
      char what[64];

      if (length == 0 || (p > english && isdigit ((unsigned char)p[-1]))
          || textcheck_has_number (e->msgstr, p, length))
        continue;
      snprintf (what, sizeof what, "the number %.*s is missing", (int)length,
                p);
      po_problem (e->msgstr_line, what,
                  "keep the numbers of the English as they are");
    }
}

/* The paragraph's translation quotes the theme's, character for
   character.  */
static void
check_quotation (const struct entry *paragraph, const struct entry *theme,
                 const char *what)
{
  if (po_translated (paragraph) && po_translated (theme)
      && strstr (paragraph->msgstr, theme->msgstr) == NULL)
    po_problem (paragraph->msgstr_line, what,
                "copy the theme's translation into the quotation, character "
                "for character");
}

static void
check_message_texts (void)
{
  const struct entry *text[WTISD_TEXT_COUNT];
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const char *english = wtisd_text_in ("en", (wtisd_text_id)id);

      text[id] = po_entry_of (english);
      if (text[id] == NULL)
        {
          printf ("%s: no entry for \"%.40s...\"\n  fix: msgmerge the "
                  "catalog with po/libwtisd.pot\n",
                  po_name, english);
          problems++;
        }
      else if (po_translated (text[id]))
        check_numbers (english, text[id]);
    }
  check_quotation (text[WTISD_PARAGRAPH_5], text[WTISD_THEME_WTISD_2021],
                   "paragraph 5 does not quote the WTISD 2021 theme verbatim");
  check_quotation (text[WTISD_PARAGRAPH_4], text[WTISD_THEME_WTDC_2021],
                   "paragraph 4 does not quote the WTDC-21 theme verbatim");
}

/* Each field of the header once, whatever the case of its name:
   msgfmt --check lets a repeated field pass, and gettext then reads the
   first one only.  */
static void
check_header_fields (const struct entry *header)
{
  const char *start = header->msgstr, *field, *next, *earlier;

  for (field = start; *field != '\0'; field = next)
    {
      size_t length = strcspn (field, ":\n");
      char what[128];

      next = field + strcspn (field, "\n");
      next += *next == '\n';
      if (field[length] != ':')
        continue;
      for (earlier = start; strncasecmp (earlier, field, length + 1) != 0;
           earlier += strcspn (earlier, "\n") + 1)
        ;
      if (earlier == field)
        continue;
      snprintf (what, sizeof what,
                "the header gives %.*s again (first at line %d)", (int)length,
                field, po_line_at (header, (size_t)(earlier - start)));
      po_problem (po_line_at (header, (size_t)(field - start)), what,
                  "delete this line: gettext reads only the first");
    }
}

/* The header names LANGUAGE and UTF-8 and has a plural rule; msgfmt
   --check finds the rest (format strings, the header's syntax).  */
static void
check_header (const char *language, const char *msgfmt)
{
  const struct entry *header = po_entry_of ("");
  char expected[96], command[4096];

  if (header == NULL || header->msgstr == NULL)
    {
      po_problem (1, "no header entry", "create the catalog with msginit");
      return;
    }
  check_header_fields (header);
  snprintf (expected, sizeof expected, "Language: %s\n", language);
  if (strstr (header->msgstr, expected) == NULL)
    po_problem (header->msgstr_line,
                "the header does not say \"Language:\" "
                "with the file's name",
                "write \"Language: LL\\n\" there");
  if (strstr (header->msgstr, "charset=UTF-8") == NULL)
    po_problem (header->msgstr_line, "the catalog is not UTF-8",
                "run: msgconv --to-code=UTF-8 -o LL.po LL.po");
  if (strstr (header->msgstr, "Plural-Forms: nplurals=") == NULL)
    po_problem (header->msgstr_line, "no Plural-Forms in the header",
                "create the catalog with msginit, which writes it");
  snprintf (command, sizeof command, "%s --check -o /dev/null '%s'", msgfmt,
            po_name);
  if (system (command) != 0)
    po_problem (1, "msgfmt --check failed (its messages are above)",
                "fix what msgfmt says, at the lines it names");
}

int
main (int argc, char **argv)
{
  const char *slash;
  char language[64], rules[4096];
  FILE *file;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s LL.po [MSGFMT]\n", argv[0]);
      return 2;
    }
  po_name = argv[1];
  if ((file = fopen (po_name, "r")) == NULL)
    {
      perror (po_name);
      return 2;
    }
  po_read (file);
  fclose (file);
  slash = strrchr (po_name, '/');
  snprintf (language, sizeof language, "%.*s",
            (int)strcspn (slash != NULL ? slash + 1 : po_name, "."),
            slash != NULL ? slash + 1 : po_name);
  snprintf (rules, sizeof rules, "%s/data/typography.txt", TESTS_SRCDIR);
  check_header (language, argc > 2 ? argv[2] : "msgfmt");
  check_entries ();
  check_widths ();
  po_check_right_to_left_lines (language);
  check_message_texts ();
  po_check_abbreviations (language);
  po_check_typography (rules, language);
  if (problems > 0)
    printf ("%s: %d problem%s\n", po_name, problems, problems > 1 ? "s" : "");
  return problems > 0;
}
