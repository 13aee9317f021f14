/* wrap-check.c - checks wtisd-message's wrapped output against its
   unwrapped output, with ICU's break iterators, not with the program's
   code: wrap-check LOCALE WIDTH PLAIN WRAPPED, where PLAIN is the output
   at --width=0 (a paragraph a line) and WRAPPED at --width=WIDTH.  For
   each paragraph, its lines joined with the white space dropped at each
   break give back the paragraph (no text lost or added); no line ends
   in white space; no line is wider than WIDTH (East Asian wide two
   columns, marks none) but a line with an address ("://"), never cut,
   or a single grapheme cluster; no break falls inside a grapheme
   cluster; every break is at a line break opportunity of ICU's rules
   for LOCALE, unless the text between the opportunities around it is
   itself wider than the line; and no break is inside a Burmese syllable
   (nor is an opportunity there counted), unless that syllable is wider
   than the line.  Prints each violation; exits 1 when
   there is one, 2 on bad usage.  wrapping.sh runs it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "textcheck.h"

/* The file at PATH, NUL-terminated, or NULL.  */
static char *
file_read (const char *path)
{
  FILE *file = fopen (path, "rb");
  char *text = NULL;
  long size;

  if (file != NULL && fseek (file, 0, SEEK_END) == 0
      && (size = ftell (file)) >= 0 && fseek (file, 0, SEEK_SET) == 0
      && (text = malloc ((size_t)size + 1)) != NULL)
    text[fread (text, 1, (size_t)size, file)] = '\0';
  if (file != NULL)
    fclose (file);
  return text;
}

/* Byte offsets in the LENGTH bytes at TEXT where ICU's iterator of TYPE,
   for LOCALE, finds a boundary: 1 in the array that is returned.  */
static unsigned char *
boundaries (const char *text, size_t length, UBreakIteratorType type,
            const char *locale)
{
  unsigned char *allowed = calloc (length + 1, 1);
  UErrorCode code = U_ZERO_ERROR;
  UText *utext = utext_openUTF8 (NULL, text, (int64_t)length, &code);
  UBreakIterator *iterator = ubrk_open (type, locale, NULL, 0, &code);
  int32_t at;

  ubrk_setUText (iterator, utext, &code);
  if (U_FAILURE (code) || allowed == NULL)
    {
      fprintf (stderr, "wrap-check: ICU: %s\n", u_errorName (code));
      exit (2);
    }
  for (at = ubrk_first (iterator); at != UBRK_DONE; at = ubrk_next (iterator))
    allowed[at] = 1;
  ubrk_close (iterator);
  utext_close (utext);
  return allowed;
}

/* Whether the code point at byte AT of TEXT (LENGTH bytes) is in a
   Burmese syllable begun before it: a dependent sign, a letter after the
   stacker U+1039, or a letter that asat (U+103A) or the stacker follows,
   which closes the syllable before it (ကမ္ဘာ is kam-ba, ဒစ် is one
   syllable).  Ye Kyaw Thu's sylbreak segments Burmese by the same rule.
   ICU 72 breaks words its dictionary does not know between any two
   grapheme clusters, and Unicode's clusters split these syllables
   (ဘ|ာ): wtisd-message breaks neither, but where one syllable is wider
   than the line.  */
static int
inside_burmese_syllable (const char *text, size_t length, size_t at)
{
  int32_t i = (int32_t)at, previous = (int32_t)at;
  UChar32 before, c, after = 0;

  if (at == 0 || at >= length)
    return 0;
  U8_PREV (text, 0, previous, before);
  U8_NEXT (text, i, (int32_t)length, c);
  if ((size_t)i < length)
    U8_NEXT (text, i, (int32_t)length, after);
  if (c < 0x1000 || c > 0x109f || before < 0x1000 || before > 0x109f)
    return 0;
  return before == 0x1039 || (U_GET_GC_MASK (c) & U_GC_M_MASK) != 0
         || after == 0x103a || after == 0x1039;
}

/* The length of the white space at TEXT that a break drops: any but the
   no-break spaces (line break class GL), which are text.  */
static size_t
dropped_space (const char *text, size_t length)
{
  int32_t i = 0, end = 0;

  while ((size_t)i < length)
    {
      UChar32 c;

      U8_NEXT (text, i, (int32_t)length, c);
      if (c < 0 || !u_isUWhiteSpace (c)
          || u_getIntPropertyValue (c, UCHAR_LINE_BREAK) == U_LB_GLUE)
        break;
      end = i;
    }
  return (size_t)end;
}

/* The columns of [START, END) of TEXT but its trailing white space.  */
static int
visible_columns (const char *text, size_t start, size_t end)
{
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
    end--;
  return textcheck_columns (text + start, end - start);
}

/* How many bytes of TEXT to show after a break: a dozen code points.  */
static int
shown (const char *text)
{
  int32_t i = 0, length = (int32_t)strlen (text), n;

  for (n = 0; n < 12 && i < length; n++)
    U8_FWD_1 (text, i, length);
  return (int)i;
}

struct paragraph
{
  const char *text; /* The paragraph, unwrapped.  */
  size_t length;
  const char *locale; /* Of ICU's line breaking rules.  */
  int width;
  int number; /* Its line in PLAIN, for messages.  */
};

/* Whether a break at AT, which is none of the boundaries BOUNDARY
   marks, may be there: only inside text between two of them too wide
   for a line on its own.  */
static int
cut_allowed (const struct paragraph *p, const unsigned char *boundary,
             size_t at)
{
  size_t before = at, after = at;

  while (before > 0 && !boundary[before])
    before--;
  while (after < p->length && !boundary[after])
    after++;
  return visible_columns (p->text, before, after) > p->width;
}

/* Checks the COUNT lines at LINES (each NUL-terminated by the caller)
   against paragraph P; returns the number of violations, each
   reported.  */
static int
paragraph_check (const struct paragraph *p, char **lines, int count)
{
  unsigned char *line_breaks
      = boundaries (p->text, p->length, UBRK_LINE, p->locale);
  unsigned char *clusters
      = boundaries (p->text, p->length, UBRK_CHARACTER, "");
  unsigned char *syllables = malloc (p->length + 1);
  size_t offset = 0;
  int i, errors = 0;

  if (syllables == NULL)
    {
      perror ("wrap-check");
      exit (2);
    }
  /* ICU's opportunities, but those inside a Burmese syllable.  */
  for (offset = 0; offset <= p->length; offset++)
    {
      syllables[offset]
          = clusters[offset]
            && !inside_burmese_syllable (p->text, p->length, offset);
      line_breaks[offset] &= syllables[offset];
    }
  offset = 0;

#define VIOLATION(...)                                                        \
  (errors++, fprintf (stderr, "paragraph %d, line %d: ", p->number, i + 1),   \
   fprintf (stderr, __VA_ARGS__), fputc ('\n', stderr))
  for (i = 0; i < count && errors == 0; i++)
    {
      size_t length = strlen (lines[i]), j;
      int columns = textcheck_columns (lines[i], length), single = 1;

      if (length > p->length - offset
          || memcmp (p->text + offset, lines[i], length) != 0)
        {
          VIOLATION ("not the text that follows: «%s»", lines[i]);
          break;
        }
      if (length > 0 && dropped_space (lines[i] + length - 1, 1) == 1)
        VIOLATION ("ends in white space");
      for (j = 1; j < length; j++)
        single &= !clusters[offset + j];
      if (columns > p->width && strstr (lines[i], "://") == NULL && !single)
        VIOLATION ("%d columns, wider than %d: «%s»", columns, p->width,
                   lines[i]);
      offset += length;
      offset += dropped_space (p->text + offset, p->length - offset);
      if (i + 1 == count)
        break;
      if (!clusters[offset])
        VIOLATION ("a break inside a grapheme cluster: «%s|%.*s»", lines[i],
                   shown (p->text + offset), p->text + offset);
      else if (!line_breaks[offset] && !cut_allowed (p, line_breaks, offset))
        VIOLATION ("a break at no opportunity (ICU's, but inside a Burmese "
                   "syllable), in a word that fits a line: «%s|%.*s»",
                   lines[i], shown (p->text + offset), p->text + offset);
      else if (!syllables[offset] && !cut_allowed (p, syllables, offset))
        VIOLATION ("a break inside a Burmese syllable: «%s|%.*s»", lines[i],
                   shown (p->text + offset), p->text + offset);
    }
  if (errors == 0 && offset != p->length)
    VIOLATION ("text lost: «%s»", p->text + offset);
#undef VIOLATION
  free (line_breaks);
  free (clusters);
  free (syllables);
  return errors;
}

/* Splits TEXT into lines in place: their starts at LINES (NUL-terminated
   where the newline was), at most MAX; returns how many.  */
static int
lines_split (char *text, char **lines, int max)
{
  int count = 0;

  while (*text != '\0' && count < max)
    {
      char *newline = strchr (text, '\n');

      lines[count++] = text;
      if (newline == NULL)
        break;
      *newline = '\0';
      text = newline + 1;
    }
  return count;
}

#define MAX_LINES 4096

int
main (int argc, char **argv)
{
  static char *plain_lines[MAX_LINES], *wrapped_lines[MAX_LINES];
  char *plain, *wrapped;
  int plain_count, wrapped_count, i, next = 0, errors = 0;

  if (argc != 5 || atoi (argv[2]) <= 0)
    {
      fprintf (stderr, "usage: wrap-check LOCALE WIDTH PLAIN WRAPPED\n");
      return 2;
    }
  plain = file_read (argv[3]);
  wrapped = file_read (argv[4]);
  if (plain == NULL || wrapped == NULL)
    {
      perror ("wrap-check");
      return 2;
    }
  plain_count = lines_split (plain, plain_lines, MAX_LINES);
  wrapped_count = lines_split (wrapped, wrapped_lines, MAX_LINES);
  /* A paragraph is one line of PLAIN; its wrapped lines run to the next
     empty line, which an empty line of PLAIN matches.  */
  for (i = 0; i < plain_count; i++)
    {
      struct paragraph p = { plain_lines[i], strlen (plain_lines[i]), argv[1],
                             atoi (argv[2]), i + 1 };
      int first = next;

      if (p.length == 0 && next < wrapped_count
          && *wrapped_lines[next] == '\0')
        next++;
      else if (p.length == 0)
        {
          errors++;
          fprintf (stderr, "paragraph %d: no blank line\n", i + 1);
        }
      else
        {
          while (next < wrapped_count && *wrapped_lines[next] != '\0')
            next++;
          errors += paragraph_check (&p, wrapped_lines + first, next - first);
        }
    }
  if (next != wrapped_count)
    {
      errors++;
      fprintf (stderr, "lines past the text: «%s»\n", wrapped_lines[next]);
    }
  free (plain);
  free (wrapped);
  return errors > 0;
}
