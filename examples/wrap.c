/* wrap.c - wrapping text to a terminal's width, by display columns, where
   Unicode's line breaking rules (UAX #14) allow.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "wrap.h"

/* The columns code point C takes: 0, 1 or 2.  */
static int
code_point_columns (UChar32 c)
{
  int type, east_asian;

  /* Printable ASCII, most of many texts, without property lookups.  */
  if (c >= 0x20 && c < 0x7f)
    return 1;
  type = u_charType (c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK
      || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR
      || u_hasBinaryProperty (c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
      || (c >= 0x1160 && c <= 0x11ff)) /* Hangul medial vowels, finals.  */
    return 0;
  east_asian = u_getIntPropertyValue (c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

/* Whether C is white space a line may end in and lose: not a no-break
   space, which is text (French puts one before ';').  */
static int
is_breaking_space (UChar32 c)
{
  return u_isUWhiteSpace (c)
         && u_getIntPropertyValue (c, UCHAR_LINE_BREAK) != U_LB_GLUE;
}

/* The columns of the UTF-16 range [START, END): in all, and without its
   trailing white space, which may hang past the margin.  */
struct range_width
{
  int all, visible;
};

static struct range_width
range_columns (const UChar *text, int32_t start, int32_t end)
{
  struct range_width width = { 0, 0 };
  int32_t i = start;

  while (i < end)
    {
      UChar32 c;

      U16_NEXT (text, i, end, c);
      width.all += code_point_columns (c);
      if (!is_breaking_space (c))
        width.visible = width.all;
    }
  return width;
}

/* Emits the UTF-16 range [START, END) of TEXT as UTF-8, without the
   white space it ends in: the space a line was broken at, or the newline
   of a hard break, would make the line wider than the terminal, and the
   terminal would show a stray blank line.  */
static int
emit_range (const UChar *text, int32_t start, int32_t end, wrap_line_fn *emit,
            void *data)
{
  UErrorCode code = U_ZERO_ERROR;
  int32_t length;
  char *line;
  int status;

  /* White space is in the BMP: one code unit each.  */
  while (end > start && is_breaking_space (text[end - 1]))
    end--;
  u_strToUTF8 (NULL, 0, &length, text + start, end - start, &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return -1;
  code = U_ZERO_ERROR;
  line = malloc ((size_t)length + 1);
  if (line == NULL)
    return -1;
  u_strToUTF8 (line, length + 1, NULL, text + start, end - start, &code);
  status = U_FAILURE (code) ? -1 : emit (line, (size_t)length, data);
  free (line);
  return status;
}

/* Whether AT, a grapheme cluster boundary in TEXT (LENGTH code units),
   is inside an orthographic syllable: before a mark, after a stacker
   (Myanmar's U+1039, Khmer's coeng), or before a consonant a killer
   (Myanmar's asat) or, in Myanmar, the stacker follows, which ends the
   syllable before it (ကမ္ဘာ is kam-ba, where Khmer's coeng starts a
   syllable).  ICU's dictionaries (ICU 72's Burmese one does) break an
   unknown word of these scripts between any two clusters (က|မ္|ဘာ့,
   ဒ|စ်), and Unicode's clusters split Myanmar's syllables (ဘ|ာ): a
   reader sees a letter torn from its syllable.  ICU's properties say
   which letter is what; no table of ours.  */
static int
inside_syllable (const UChar *text, int32_t length, int32_t at)
{
  UChar32 before, c, after = 0;
  int32_t i = at;
  int category;

  if (at <= 0 || at >= length)
    return 0;
  U16_PREV (text, 0, i, before);
  i = at;
  U16_NEXT (text, i, length, c);
  if (i < length)
    U16_GET (text, 0, i, length, after);
  if (u_getIntPropertyValue (before, UCHAR_INDIC_SYLLABIC_CATEGORY)
          == U_INSC_INVISIBLE_STACKER
      || (U_GET_GC_MASK (c) & U_GC_M_MASK) != 0)
    return 1;
  category = u_getIntPropertyValue (after, UCHAR_INDIC_SYLLABIC_CATEGORY);
  if (category == U_INSC_INVISIBLE_STACKER)
    {
      UErrorCode code = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript (after, &code);

      return U_SUCCESS (code) && script == USCRIPT_MYANMAR;
    }
  return category == U_INSC_PURE_KILLER || category == U_INSC_CONSONANT_KILLER;
}

/* The letters of an alphabet with case, and modifier letters.  */
#define CASED_OR_MODIFIER_LETTER                                              \
  (U_GC_LU_MASK | U_GC_LL_MASK | U_GC_LT_MASK | U_GC_LM_MASK)

/* Whether AT in TEXT follows a hyphen that follows a word of at most
   three letters of an alphabet with case: a prefix, which belongs to
   the word after it (Zulu ne-COVID-19, Igbo na-enweghị, Romanian v-ați,
   Kazakh АКТ-ны).  UAX #14 allows a break after any hyphen, but a line
   that ends in such a prefix leaves it torn from its word, as a break
   after a letter or two of a word would.  Marks are no letters (Yoruba
   ẹ̀), modifier letters are (Uzbek saʼy-harakat); an abugida's letters
   are syllables, three a word of its own (Hindi कार्य-दिशाओं breaks after
   the hyphen, as ICU says).  */
static int
after_short_prefix (const UChar *text, int32_t at)
{
  int32_t i = at - 1;
  int letters = 0;

  if (at < 2 || (text[i] != '-' && text[i] != 0x2010))
    return 0;
  while (i > 0 && letters <= 3)
    {
      UChar32 c;

      U16_PREV (text, 0, i, c);
      if ((U_GET_GC_MASK (c) & CASED_OR_MODIFIER_LETTER) != 0)
        letters++;
      else if ((U_GET_GC_MASK (c) & U_GC_M_MASK) == 0)
        break;
    }
  return letters > 0 && letters <= 3;
}

/* Cuts [START, END), a word wider than WIDTH, as much on each line as
   fits: at an opportunity of BREAKS that next_break passed over after a
   short prefix (ku-|inthanethi), else between orthographic syllables
   (CLUSTERS, set on TEXT, gives the grapheme clusters they are made of),
   else between clusters, in a syllable wider than the line.  Emits all
   but the last piece, which is left as the line being filled: its start
   in *LINE_START, its columns, spaces and all, in *LINE_COLUMNS.  BREAKS
   is left at END, as it was.  */
static int
word_split (const UChar *text, int32_t length, int32_t start, int32_t end,
            UBreakIterator *breaks, UBreakIterator *clusters, int width,
            wrap_line_fn *emit, void *data, int32_t *line_start,
            int *line_columns)
{
  int32_t piece = start, syllable = start, opportunity = start, at, next;
  int columns = 0, status;

  for (at = start; at < end; at = next)
    {
      struct range_width cluster;

      next = ubrk_following (clusters, at);
      if (next == UBRK_DONE || next > end)
        next = end;
      if (!inside_syllable (text, length, at))
        syllable = at;
      if (after_short_prefix (text, at) && ubrk_isBoundary (breaks, at))
        opportunity = at;
      cluster = range_columns (text, at, next);
      if (at > piece && columns + cluster.visible > width)
        {
          int32_t cut = opportunity > piece ? opportunity
                        : syllable > piece  ? syllable
                                            : at;

          if ((status = emit_range (text, piece, cut, emit, data)))
            return status;
          piece = cut;
          columns = range_columns (text, cut, at).all;
          if (at > piece && columns + cluster.visible > width)
            {
              if ((status = emit_range (text, piece, at, emit, data)))
                return status;
              piece = at;
              columns = 0;
            }
        }
      columns += cluster.all;
    }
  ubrk_isBoundary (breaks, end);
  *line_start = piece;
  *line_columns = columns;
  return 0;
}

/* Whether C may be in the scheme of an address ("https").  */
static int
is_scheme_char (UChar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* The address in TEXT that holds position AT, as [START, END): from a
   scheme followed by "://" to the next white space.  A break inside it
   would break the link (a terminal, or a person copying it, sees two
   words), so there is none: it may overflow the line instead.  Returns 0
   when AT is in no address.  */
static int
url_around (const UChar *text, int32_t length, int32_t at, int32_t *start,
            int32_t *end)
{
  int32_t run = at, i;

  while (run > 0 && !u_isUWhiteSpace (text[run - 1]))
    run--;
  *end = at;
  while (*end < length && !u_isUWhiteSpace (text[*end]))
    (*end)++;
  for (i = run; i + 3 <= *end; i++)
    if (text[i] == ':' && text[i + 1] == '/' && text[i + 2] == '/')
      {
        for (*start = i; *start > run && is_scheme_char (text[*start - 1]);)
          (*start)--;
        return *start < i && *start <= at;
      }
  return 0;
}

/* Whether the opportunity BREAKS is at is a hard break (a newline).  */
static int
is_hard_break (UBreakIterator *breaks)
{
  int rule = ubrk_getRuleStatus (breaks);

  return rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
}

/* The next break opportunity of BREAKS that is not inside an address, an
   orthographic syllable or a word with a short prefix; a newline is one
   whatever follows it.  */
static int32_t
next_break (const UChar *text, int32_t length, UBreakIterator *breaks)
{
  int32_t end = ubrk_next (breaks), start, url_end;

  while (end != UBRK_DONE && !is_hard_break (breaks)
         && (inside_syllable (text, length, end)
             || after_short_prefix (text, end)))
    end = ubrk_next (breaks);
  if (end != UBRK_DONE && end < length
      && url_around (text, length, end, &start, &url_end) && start < end)
    end = url_end < length ? ubrk_following (breaks, url_end - 1)
                           : ubrk_last (breaks);
  return end;
}

/* Greedy filling between the break opportunities next_break gives: each
   segment between two opportunities is measured once.  A word wider than
   the line is cut (word_split says where), so that no line is wider than
   WIDTH: a terminal would fold it anyway, wherever it liked.  But an
   address is never cut: it stands alone on a line too narrow for it.  */
static int
wrap_breaks (const UChar *text, int32_t length, UBreakIterator *breaks,
             UBreakIterator *clusters, int width, wrap_line_fn *emit,
             void *data)
{
  int32_t line_start = 0, fits_to = 0, end, start, url_end;
  int line_columns = 0; /* Of [line_start, fits_to), spaces and all.  */
  int status;

  ubrk_first (breaks);
  for (end = next_break (text, length, breaks); end != UBRK_DONE;
       end = next_break (text, length, breaks))
    {
      struct range_width segment = range_columns (text, fits_to, end);
      int hard = is_hard_break (breaks);

      if (width > 0 && fits_to > line_start
          && line_columns + segment.visible > width)
        {
          /* Break at the last opportunity that fit.  */
          if ((status = emit_range (text, line_start, fits_to, emit, data)))
            return status;
          line_start = fits_to;
          line_columns = 0;
        }
      if (width > 0 && segment.visible > width
          && !url_around (text, length, fits_to, &start, &url_end))
        {
          if ((status
               = word_split (text, length, fits_to, end, breaks, clusters,
                             width, emit, data, &line_start, &line_columns)))
            return status;
        }
      else
        line_columns += segment.all;
      fits_to = end;
      if (hard)
        {
          if ((status = emit_range (text, line_start, end, emit, data)))
            return status;
          line_start = end;
          line_columns = 0;
        }
    }
  if (line_start < length || length == 0)
    return emit_range (text, line_start, length, emit, data);
  return 0;
}

/* One line break iterator serves every call for the same locale:
   opening one loads and sets up ICU's rules, which costs more than
   breaking a paragraph.  The program is single-threaded, as is this
   module.  */
static UBreakIterator *line_breaks, *cluster_breaks;
static char line_breaks_locale[64];

/* The iterator for LOCALE, opened on the LENGTH code units at TEXT.  */
static UBreakIterator *
breaks_for (const char *locale, const UChar *text, int32_t length,
            UErrorCode *code)
{
  if (line_breaks != NULL && strcmp (line_breaks_locale, locale) == 0)
    {
      ubrk_setText (line_breaks, text, length, code);
      return line_breaks;
    }
  ubrk_close (line_breaks);
  snprintf (line_breaks_locale, sizeof line_breaks_locale, "%s", locale);
  line_breaks = ubrk_open (UBRK_LINE, line_breaks_locale, text, length, code);
  return line_breaks;
}

int
wrap_text (const char *text, int width, const char *locale, wrap_line_fn *emit,
           void *data)
{
  UBreakIterator *breaks;
  UErrorCode code = U_ZERO_ERROR;
  UChar *utf16;
  int32_t length;
  int status;

  u_strFromUTF8 (NULL, 0, &length, text, -1, &code);
  if (code != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (code))
    return -1;
  code = U_ZERO_ERROR;
  utf16 = malloc (((size_t)length + 1) * sizeof *utf16);
  if (utf16 == NULL)
    return -1;
  u_strFromUTF8 (utf16, length + 1, NULL, text, -1, &code);
  breaks = U_SUCCESS (code) ? breaks_for (locale, utf16, length, &code) : NULL;
  if (U_SUCCESS (code) && cluster_breaks == NULL)
    cluster_breaks = ubrk_open (UBRK_CHARACTER, "", utf16, length, &code);
  else if (U_SUCCESS (code))
    ubrk_setText (cluster_breaks, utf16, length, &code);
  status = U_FAILURE (code) || breaks == NULL
               ? -1
               : wrap_breaks (utf16, length, breaks, cluster_breaks, width,
                              emit, data);
  free (utf16);
  return status;
}
