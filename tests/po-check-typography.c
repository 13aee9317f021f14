/* po-check-typography.c - po-check's rules of how a catalog is
   written: the sequences data/typography.txt forbids, the language's
   quotation marks, the lines of a right-to-left catalog.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/utf8.h>

#include <wtisd.h>

#include "po-check.h"

/* No message text has FORBIDDEN, a rule of data/typography.txt.  */
static void
check_forbidden (const char *forbidden, const char *fix)
{
  int id;

  for (id = 0; id < WTISD_TEXT_COUNT; id++)
    {
      const struct entry *e
          = po_entry_of (wtisd_text_in ("en", (wtisd_text_id)id));

      if (e != NULL && e->msgstr != NULL
          && strstr (e->msgstr, forbidden) != NULL)
        {
          char what[128];

          snprintf (what, sizeof what, "typography: \"%s\"", forbidden);
          po_problem (e->msgstr_line, what, fix);
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
      = { 0x0022, 0x00ab, 0x00bb, 0x201c, 0x201d, 0x201e, 0x201f, 0x300c,
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
  for (k = 0; k < po_entry_count; k++)
    {
      const struct entry *e = &po_entries[k];
      enum quotation_fault fault;
      size_t offset;
      int32_t end;
      char what[128];

      if (!po_translated (e) || e->msgid[0] == '\0'
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
      po_problem (po_line_at (e, offset), what, fix);
    }
}

/* The rules of data/typography.txt for LANGUAGE: sequences the message
   texts never have, and the quotation marks of the whole catalog.  */
void
po_check_typography (const char *rules_file, const char *language)
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
   name sets the line's direction.  The rows of --help's option table
   are left alone: they start with the option, as in English, and stay
   a table read from left to right, their descriptions in the catalog's
   script; so do fa.po and he.po, whose prose lines start with a word of
   the language and put U+200E before each option name.  */
void
po_check_right_to_left_lines (const char *language)
{
  int i;

  if (!uloc_isRightToLeft (language))
    return;
  for (i = 0; i < po_entry_count; i++)
    {
      const struct entry *e = &po_entries[i];
      const char *line, *end;

      if (!po_translated (e) || strchr (e->msgid, '\n') == NULL
          || (e->msgid[0] == ' ' && e->msgid[strspn (e->msgid, " ")] == '-'))
        continue;
      for (line = e->msgstr; *line != '\0'; line = end + (*end == '\n'))
        {
          end = line + strcspn (line, "\n");
          if (is_left_to_right_line (line, (size_t)(end - line)))
            po_problem (po_line_at (e, (size_t)(line - e->msgstr)),
                        "a line that starts with Latin text: a right-to-left "
                        "terminal shows its words out of order",
                        "start it with a word of the language and put U+200E "
                        "(LEFT-TO-RIGHT MARK) before each option name");
        }
    }
}
