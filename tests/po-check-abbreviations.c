/* po-check-abbreviations.c - po-check's rule that the message texts
   introduce an abbreviation, "full name (X)", before they use it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <wtisd.h>

#include "po-check.h"

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
      po_problem (po_line_at (text[earlier], (size_t)(use - s)), what,
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
void
po_check_abbreviations (const char *language)
{
  const struct entry *text[WTISD_PARAGRAPH_5 + 1];
  char *section = terminology_section (language), *seen = NULL;
  int id;

  for (id = WTISD_TITLE; id <= WTISD_PARAGRAPH_5; id++)
    {
      text[id] = po_entry_of (wtisd_text_in ("en", (wtisd_text_id)id));
      if (!po_translated (text[id]))
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
