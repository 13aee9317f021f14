/* po-check - every rule the test suite applies to a shipped catalog, on
   one .po file, for a translator: each problem with its line number and
   a one-line fix.  Run as "make -C po check-LL", or
   tests/po-check po/LL.po [MSGFMT].  Exit status 0 when the catalog
   passes, 1 when it has problems, 2 when it cannot be read.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <wtisd.h>

#include "textcheck.h"

#define MAX_ENTRIES 512

/* One entry of the .po file, its strings unescaped.  */
struct entry
{
  int line;     /* Of its msgid.  */
  int fuzzy;    /* Flagged "#, fuzzy".  */
  char *msgid;  /* NULL for none.  */
  char *msgstr; /* The first msgstr (msgstr[0] for plurals).  */
  int msgstr_line;
  /* Where each quoted piece of msgstr starts, in msgstr and in the
     file, so that a problem is reported at its own line.  */
  size_t *piece_offsets;
  int *piece_lines;
  int pieces;
};

static struct entry entries[MAX_ENTRIES];
static int entry_count;
static const char *po_name;
static int problems;

static void
problem (int line, const char *what, const char *fix)
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
static int
msgstr_line_at (const struct entry *e, size_t offset)
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
  struct entry *entry = &entries[0];
  int number = 0, flags_fuzzy = 0;

  while (fgets (line, sizeof line, file) != NULL)
    {
      number++;
      if (strncmp (line, "#,", 2) == 0)
        flags_fuzzy |= strstr (line, "fuzzy") != NULL;
      else if (strncmp (line, "msgid ", 6) == 0 && entry_count < MAX_ENTRIES)
        {
          entry = &entries[entry_count++];
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

static const struct entry *
entry_of (const char *msgid)
{
  int i;

  for (i = 0; i < entry_count; i++)
    if (strcmp (entries[i].msgid, msgid) == 0)
      return &entries[i];
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

  for (i = 0; i < entry_count; i++)
    {
      const struct entry *e = &entries[i];
      const char *bad;

      if (e->msgid[0] == '\0')
        continue;
      if (e->msgstr == NULL || e->msgstr[0] == '\0')
        problem (e->line, "untranslated entry", "write its translation");
      else if (e->fuzzy)
        problem (e->line, "fuzzy entry (gettext ignores it)",
                 "check the translation, then delete \"fuzzy\" from its "
                 "#, line");
      if (e->msgstr == NULL || e->msgstr[0] == '\0')
        continue;
      if ((bad
           = forbidden_character (e->msgstr, strchr (e->msgid, '\n') != NULL)))
        problem (e->msgstr_line, bad,
                 "remove it: the library refuses the whole catalog");
      else if (!is_nfc (e->msgstr))
        problem (e->msgstr_line, "not in Unicode Normalization Form C",
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

  for (i = 0; i < entry_count; i++)
    {
      const struct entry *e = &entries[i];
      int limit;

      if (e->msgstr == NULL || strchr (e->msgid, '\n') == NULL)
        continue;
      limit = widest_line (e->msgid, &lines);
      if (limit < 79)
        limit = 79;
      if (widest_line (e->msgstr, &lines) > limit)
        problem (e->msgstr_line, "a line too wide for an 80-column terminal",
                 "break it earlier, with \\n, as the English does");
    }
}

/* Whether the entry E has a translation to check.  */
static int
translated (const struct entry *e)
{
  return e != NULL && e->msgstr != NULL && e->msgstr[0] != '\0';
}

/* Whether the LENGTH bytes at LINE, of a right-to-left catalog, are
   laid out left to right where it matters: a terminal that takes a
   line's direction from its first strong character (UAX #9, rule P2,
   as VTE and mlterm do) lays out a line that has right-to-left text
   but starts, after its spaces, with Latin text from left to right,
   and the reader meets its words out of order.  A line that starts
   with U+200E LEFT-TO-RIGHT MARK says it means that; one that starts
   with a printf directive waits for the program's value there (its
   name, in "%s: ...").  */
static int
is_left_to_right_line (const char *line, size_t length)
{
  int32_t i = (int32_t)strspn (line, " "), n = (int32_t)length;
  UChar32 first = 0, c;

  if (line[i] == '%')
    return 0;
  while (i < n)
    {
      UCharDirection d;

      U8_NEXT (line, i, n, c);
      d = c < 0 ? U_OTHER_NEUTRAL : u_charDirection (c);
      if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
        return first != 0 && first != 0x200e;
      if (d == U_LEFT_TO_RIGHT && first == 0)
        first = c;
    }
  return 0;
}

/* In a right-to-left catalog, no line of the program's strings (those
   with a newline, as for check_widths) starts with Latin text.  The
   library's error messages follow "program: " on a terminal, whose
   name sets the line's direction.  The rows of --help's option table are left
   alone: they start with the option, as in English, and stay a table read from
   left to right, their descriptions in the catalog's script; so do fa.po and
   he.po, whose prose lines start with a word of the language and put U+200E
   before each option name.  */
static void
check_right_to_left_lines (const char *language)
{
  int i;

  if (!uloc_isRightToLeft (language))
    return;
  for (i = 0; i < entry_count; i++)
    {
      const struct entry *e = &entries[i];
      const char *line, *end;

      if (!translated (e) || strchr (e->msgid, '\n') == NULL
          || (e->msgid[0] == ' ' && e->msgid[strspn (e->msgid, " ")] == '-'))
        continue;
      for (line = e->msgstr; *line != '\0'; line = end + (*end == '\n'))
        {
          end = line + strcspn (line, "\n");
          if (is_left_to_right_line (line, (size_t)(end - line)))
            problem (msgstr_line_at (e, (size_t)(line - e->msgstr)),
                     "a line that starts with Latin text: a right-to-left "
                     "terminal shows its words out of order",
                     "start it with a word of the language and put U+200E "
                     "(LEFT-TO-RIGHT MARK) before each option name");
        }
    }
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
      problem (e->msgstr_line, what,
               "keep the numbers of the English as they are");
    }
}

/* The paragraph's translation quotes the theme's, character for
   character.  */
static void
check_quotation (const struct entry *paragraph, const struct entry *theme,
                 const char *what)
{
  if (translated (paragraph) && translated (theme)
      && strstr (paragraph->msgstr, theme->msgstr) == NULL)
    problem (paragraph->msgstr_line, what,
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

      text[id] = entry_of (english);
      if (text[id] == NULL)
        {
          printf ("%s: no entry for \"%.40s...\"\n  fix: msgmerge the "
                  "catalog with po/libwtisd.pot\n",
                  po_name, english);
          problems++;
        }
      else if (translated (text[id]))
        check_numbers (english, text[id]);
    }
  check_quotation (text[WTISD_PARAGRAPH_5], text[WTISD_THEME_WTISD_2021],
                   "paragraph 5 does not quote the WTISD 2021 theme verbatim");
  check_quotation (text[WTISD_PARAGRAPH_4], text[WTISD_THEME_WTDC_2021],
                   "paragraph 4 does not quote the WTDC-21 theme verbatim");
}

/* Appends the LENGTH bytes at TEXT to *S.  */
static void
append_text (char **s, const char *text, size_t length)
{
  size_t old = *s != NULL ? strlen (*s) : 0;
  char *out = realloc (*s, old + length + 1);

  if (out == NULL)
    exit (2);
  memcpy (out + old, text, length);
  out[old + length] = '\0';
  *s = out;
}

/* The section "## Name (LANGUAGE)" of the TERMINOLOGY.md beside the
   catalog, up to the next section, in a new string; NULL when there
   is none.  */
static char *
terminology_section (const char *language)
{
  const char *slash = strrchr (po_name, '/');
  char path[4096], line[8192], heading_end[80];
  char *section = NULL;
  FILE *file;

  snprintf (path, sizeof path, "%.*sTERMINOLOGY.md",
            slash != NULL ? (int)(slash - po_name + 1) : 0, po_name);
  snprintf (heading_end, sizeof heading_end, "(%s)\n", language);
  if ((file = fopen (path, "r")) == NULL)
    return NULL;
  while (fgets (line, sizeof line, file) != NULL)
    {
      size_t length = strlen (line), end = strlen (heading_end);

      if (strncmp (line, "## ", 3) == 0 && section != NULL)
        break;
      if (strncmp (line, "## ", 3) == 0 && length > end
          && strcmp (line + length - end, heading_end) == 0)
        append_text (&section, "", 0);
      if (section != NULL)
        append_text (&section, line, length);
    }
  fclose (file);
  return section;
}

/* Whether the LENGTH bytes at S are 2 to 6 capital letters, with a
   hyphen and a year's digits after them if any (WTDC-21).  */
static int
is_capital_abbreviation (const char *s, size_t length)
{
  int32_t i = 0, next = 0, n = (int32_t)length;
  int letters = 0;
  size_t digits;
  UChar32 c;

  while (next < n)
    {
      U8_NEXT (s, next, n, c);
      if (c < 0 || !u_hasBinaryProperty (c, UCHAR_UPPERCASE))
        break;
      i = next;
      letters++;
    }
  s += i;
  length -= (size_t)i;
  digits = length > 1 && s[0] == '-' ? strspn (s + 1, "0123456789") : 0;
  return letters >= 2 && letters <= 6 && (length == 0 || digits == length - 1);
}

/* Whether "(X)", the LENGTH bytes of X at X, introduces an
   abbreviation: the catalog's terminology SECTION writes it so, or,
   without a section, X is a capital abbreviation.  */
static int
is_introduction (const char *section, const char *x, size_t length)
{
  char ascii[80], full_width[80];

  if (section == NULL)
    return is_capital_abbreviation (x, length);
  snprintf (ascii, sizeof ascii, "(%.*s)", (int)length, x);
  snprintf (full_width, sizeof full_width, "（%.*s）", (int)length, x);
  return strstr (section, ascii) != NULL
         || strstr (section, full_width) != NULL;
}

/* The next parenthesis of S, ( ) or （ ）: where it opens, with the
   LENGTH bytes inside it at *INSIDE; NULL when there is none.  */
static const char *
next_parenthesis (const char *s, const char **inside, size_t *length)
{
  const char *open, *ascii, *full_width;

  for (open = s; (open = strpbrk (open, "(\xef")) != NULL; open++)
    {
      if (*open == '(')
        *inside = open + 1;
      else if (strncmp (open, "（", 3) == 0)
        *inside = open + 3;
      else
        continue;
      ascii = strchr (*inside, ')');
      full_width = strstr (*inside, "）");
      if (ascii == NULL || (full_width != NULL && full_width < ascii))
        ascii = full_width;
      *length = ascii != NULL ? (size_t)(ascii - *inside) : 0;
      if (*length > 0 && *length < 64
          && memchr (*inside, '(', *length) == NULL)
        return open;
    }
  return NULL;
}

/* Whether the character C continues a word whose letters are of
   SCRIPT: a letter or digit of it, or a mark.  */
static int
continues_word (UChar32 c, UScriptCode script)
{
  UErrorCode code = U_ZERO_ERROR;

  if (c < 0)
    return 0;
  if (U_GET_GC_MASK (c) & U_GC_M_MASK)
    return 1;
  return (U_GET_GC_MASK (c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0
         && uscript_getScript (c, &code) == script;
}

/* The first use of X in the first LIMIT bytes of S as a word, not
   inside a longer one (a Latin plural's s aside, as in ICTs); NULL
   when there is none.  */
static const char *
use_of (const char *s, size_t limit, const char *x)
{
  size_t length = strlen (x);
  const char *use;

  for (use = strstr (s, x); use != NULL && use + length <= s + limit;
       use = strstr (use + 1, x))
    {
      int32_t before = (int32_t)(use - s), after = before + (int32_t)length;
      int32_t n = (int32_t)strlen (s), first = before, last = after;
      UChar32 c_first, c_last, previous = -1, next = -1;
      UErrorCode code = U_ZERO_ERROR;

      U8_NEXT (s, first, n, c_first);
      U8_PREV (s, 0, last, c_last);
      if (before > 0)
        U8_PREV (s, 0, before, previous);
      if (after < n)
        U8_NEXT (s, after, n, next);
      if (next == 's')
        {
          UChar32 c = -1;

          if (after < n)
            U8_NEXT (s, after, n, c);
          next = continues_word (c, USCRIPT_LATIN) ? next : -1;
        }
      if (!continues_word (previous, uscript_getScript (c_first, &code))
          && !continues_word (next, uscript_getScript (c_last, &code)))
        return use;
    }
  return NULL;
}

/* Reports a use of the abbreviation X earlier in the paragraphs than
   its introduction "(X)" in paragraph ID at OFFSET of TEXT.  */
static void
check_early_use (const struct entry *const *text, int id, size_t offset,
                 const char *x)
{
  int earlier;

  for (earlier = WTISD_PARAGRAPH_1; earlier <= id; earlier++)
    {
      const char *s = text[earlier] != NULL ? text[earlier]->msgstr : "";
      const char *use = use_of (s, earlier < id ? strlen (s) : offset, x);
      char what[256];

      if (use == NULL)
        continue;
      snprintf (what, sizeof what,
                "%s is used before paragraph %d introduces it as (%s)", x, id,
                x);
      problem (msgstr_line_at (text[earlier], (size_t)(use - s)), what,
               "introduce it at its first use: the full name, then the "
               "abbreviation in parentheses");
      return;
    }
}

/* An abbreviation is introduced, "full name (X)", before the message
   texts use it alone: the title, then paragraphs 1 to 5.  The title is
   a heading and, as in English ("WTISD 2021", "ITU"), may use the Day's
   and the ITU's before any paragraph introduces them.  The
   abbreviations are those the catalog's section of TERMINOLOGY.md
   writes in parentheses, or, for a catalog without one, any of 2 to 6
   capital letters.  The English introduces none, so a catalog that
   never introduces an abbreviation passes.  */
static void
check_abbreviations (const char *language)
{
  const struct entry *text[WTISD_PARAGRAPH_5 + 1];
  char *section = terminology_section (language), *seen = NULL;
  int id;

  for (id = WTISD_TITLE; id <= WTISD_PARAGRAPH_5; id++)
    {
      text[id] = entry_of (wtisd_text_in ("en", (wtisd_text_id)id));
      if (!translated (text[id]))
        text[id] = NULL;
    }
  append_text (&seen, "\n", 1);
  for (id = WTISD_TITLE; id <= WTISD_PARAGRAPH_5; id++)
    {
      const char *s = text[id] != NULL ? text[id]->msgstr : "", *open, *x;
      char introduction[80], *abbreviation;
      size_t length;

      for (open = s; (open = next_parenthesis (open, &x, &length)) != NULL;
           open = x)
        {
          /* The first introduction of X counts: "\nX\n" in SEEN.  */
          snprintf (introduction, sizeof introduction, "\n%.*s\n", (int)length,
                    x);
          if (strstr (seen, introduction) != NULL
              || !is_introduction (section, x, length))
            continue;
          append_text (&seen, introduction + 1, strlen (introduction + 1));
          abbreviation = introduction + 1;
          abbreviation[length] = '\0';
          check_early_use (text, id, (size_t)(open - s), abbreviation);
        }
    }
  free (seen);
  free (section);
}

/* No message text has FORBIDDEN, a rule of data/typography.txt.  */
static void
check_forbidden (const char *forbidden, const char *fix)
{
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const struct entry *e
          = entry_of (wtisd_text_in ("en", (wtisd_text_id)id));

      if (e != NULL && e->msgstr != NULL
          && strstr (e->msgstr, forbidden) != NULL)
        {
          char what[128];

          snprintf (what, sizeof what, "typography: \"%s\"", forbidden);
          problem (e->msgstr_line, what, fix);
        }
    }
}

/* Whether C is a double quotation mark of some language: a quotation
   in a catalog is marked with one of these, or with the marks
   data/typography.txt gives.  Single ones are not, since ’ is also the
   apostrophe.  */
static int
is_double_quotation_mark (UChar32 c)
{
  static const UChar32 marks[]
      = { 0x00ab, 0x00bb, 0x201c, 0x201d, 0x201e, 0x201f, 0x300c,
          0x300d, 0x300e, 0x300f, 0x301d, 0x301e, 0x301f, 0xff02 };
  size_t i;

  for (i = 0; i < sizeof marks / sizeof *marks; i++)
    if (c == marks[i])
      return 1;
  return 0;
}

/* What can be wrong with a catalog's quotation marks.  */
enum quotation_fault
{
  QUOTATION_FINE,
  QUOTATION_WRONG_OPENING,
  QUOTATION_WRONG_CLOSING,
  QUOTATION_NOT_CLOSED
};

/* The first fault of the quotation marks of S, which quotes with
   OPEN ... CLOSE, with *OFFSET at the wrong mark, or at the quotation
   that is not closed.  A quotation inside another takes the same
   marks.  */
static enum quotation_fault
quotation_fault (const char *s, UChar32 open, UChar32 close, size_t *offset)
{
  int32_t i = 0, start = 0, n = (int32_t)strlen (s);
  int depth = 0;
  UChar32 c;

  while (i < n)
    {
      *offset = (size_t)i;
      U8_NEXT (s, i, n, c);
      if (c != open && c != close && !is_double_quotation_mark (c))
        continue;
      if (c == open && (open != close || depth == 0))
        {
          if (depth++ == 0)
            start = (int32_t)*offset;
        }
      else if (c == close && depth > 0)
        depth--;
      else
        return depth > 0 ? QUOTATION_WRONG_CLOSING : QUOTATION_WRONG_OPENING;
    }
  *offset = (size_t)start;
  return depth > 0 ? QUOTATION_NOT_CLOSED : QUOTATION_FINE;
}

/* Every quotation of the catalog, message texts and program strings
   alike, opens with OPEN and closes with CLOSE (UTF-8, one character
   each).  */
static void
check_quotation_marks (const char *open, const char *close)
{
  int32_t i = 0, j = 0;
  UChar32 open_mark, close_mark;
  char fix[128];
  int k;

  U8_NEXT (open, i, (int32_t)strlen (open), open_mark);
  U8_NEXT (close, j, (int32_t)strlen (close), close_mark);
  snprintf (fix, sizeof fix,
            "open each quotation with %s and close it with %s", open, close);
  for (k = 0; k < entry_count; k++)
    {
      const struct entry *e = &entries[k];
      enum quotation_fault fault;
      size_t offset;
      int32_t end;
      char what[128];

      if (!translated (e) || e->msgid[0] == '\0'
          || (fault
              = quotation_fault (e->msgstr, open_mark, close_mark, &offset))
                 == QUOTATION_FINE)
        continue;
      end = (int32_t)offset;
      U8_FWD_1 (e->msgstr, end, (int32_t)strlen (e->msgstr));
      snprintf (what, sizeof what, "a quotation that %s%.*s",
                fault == QUOTATION_NOT_CLOSED      ? "is not closed"
                : fault == QUOTATION_WRONG_OPENING ? "opens with "
                                                   : "closes with ",
                fault == QUOTATION_NOT_CLOSED ? 0 : end - (int32_t)offset,
                e->msgstr + offset);
      problem (msgstr_line_at (e, offset), what, fix);
    }
}

/* The rules of data/typography.txt for LANGUAGE: sequences the message
   texts never have, and the quotation marks of the whole catalog.  */
static void
check_typography (const char *rules_file, const char *language)
{
  FILE *file = fopen (rules_file, "r");
  char line[1024];

  if (file == NULL)
    {
      perror (rules_file);
      exit (2);
    }
  while (fgets (line, sizeof line, file) != NULL)
    {
      char *kind, *rest, *close;

      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' || (kind = strchr (line, '\t')) == NULL
          || (rest = strchr (kind + 1, '\t')) == NULL)
        continue;
      *kind++ = '\0';
      *rest++ = '\0';
      if (strcmp (line, language) != 0)
        continue;
      if (strcmp (kind, "quotes") == 0 && (close = strchr (rest, '\t')))
        {
          *close++ = '\0';
          check_quotation_marks (rest, close);
          continue;
        }
      if (strcmp (kind, "\\\"") == 0)
        memmove (kind, kind + 1, 2);
      check_forbidden (kind, rest);
    }
  fclose (file);
}

/* Each field of the header once: msgfmt --check lets a repeated field
   pass, and gettext then reads the first one only.  */
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
      for (earlier = start; strncmp (earlier, field, length + 1) != 0;
           earlier += strcspn (earlier, "\n") + 1)
        ;
      if (earlier == field)
        continue;
      snprintf (what, sizeof what,
                "the header gives %.*s again (first at line %d)", (int)length,
                field, msgstr_line_at (header, (size_t)(earlier - start)));
      problem (msgstr_line_at (header, (size_t)(field - start)), what,
               "delete this line: gettext reads only the first");
    }
}

/* The header names LANGUAGE and UTF-8 and has a plural rule; msgfmt
   --check finds the rest (format strings, the header's syntax).  */
static void
check_header (const char *language, const char *msgfmt)
{
  const struct entry *header = entry_of ("");
  char expected[96], command[4096];

  if (header == NULL || header->msgstr == NULL)
    {
      problem (1, "no header entry", "create the catalog with msginit");
      return;
    }
  check_header_fields (header);
  snprintf (expected, sizeof expected, "Language: %s\n", language);
  if (strstr (header->msgstr, expected) == NULL)
    problem (header->msgstr_line,
             "the header does not say \"Language:\" "
             "with the file's name",
             "write \"Language: LL\\n\" there");
  if (strstr (header->msgstr, "charset=UTF-8") == NULL)
    problem (header->msgstr_line, "the catalog is not UTF-8",
             "run: msgconv --to-code=UTF-8 -o LL.po LL.po");
  if (strstr (header->msgstr, "Plural-Forms: nplurals=") == NULL)
    problem (header->msgstr_line, "no Plural-Forms in the header",
             "create the catalog with msginit, which writes it");
  snprintf (command, sizeof command, "%s --check -o /dev/null '%s'", msgfmt,
            po_name);
  if (system (command) != 0)
    problem (1, "msgfmt --check failed (its messages are above)",
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
  check_right_to_left_lines (language);
  check_message_texts ();
  check_abbreviations (language);
  check_typography (rules, language);
  if (problems > 0)
    printf ("%s: %d problem%s\n", po_name, problems, problems > 1 ? "s" : "");
  return problems > 0;
}
