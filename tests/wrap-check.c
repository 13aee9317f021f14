/* wrap-check.c - checks wtisd-message's wrapped output against its
   unwrapped output: wrap-check LOCALE WIDTH PLAIN WRAPPED, where PLAIN is
   the output at --width=0 (a paragraph a line) and WRAPPED at
   --width=WIDTH, each paragraph's lines by wrapcheck_lines (wrapcheck.h:
   no text lost, no line too wide, breaks only where ICU's rules for
   LOCALE allow and never inside a cluster or a Burmese syllable).
   Prints each violation; exits 1 when there is one, 2 on bad usage.
   wrapping.sh runs it.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "wrapcheck.h"

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

#define MAX_LINES 4096

int
main (int argc, char **argv)
{
  static const char *plain_lines[MAX_LINES], *wrapped_lines[MAX_LINES];
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
  plain_count = testutil_split_lines (plain, plain_lines, MAX_LINES);
  wrapped_count = testutil_split_lines (wrapped, wrapped_lines, MAX_LINES);
  /* A paragraph is one line of PLAIN; its wrapped lines run to the next
     empty line, which an empty line of PLAIN matches.  */
  for (i = 0; i < plain_count; i++)
    {
      int first = next, empty = *plain_lines[i] == '\0';
      char problem[1024];

      if (empty && next < wrapped_count && *wrapped_lines[next] == '\0')
        next++;
      else if (empty)
        {
          errors++;
          fprintf (stderr, "paragraph %d: no blank line\n", i + 1);
        }
      else
        {
          while (next < wrapped_count && *wrapped_lines[next] != '\0')
            next++;
          if (wrapcheck_lines (plain_lines[i], argv[1], atoi (argv[2]),
                               wrapped_lines + first, next - first, problem,
                               sizeof problem))
            {
              errors++;
              fprintf (stderr, "paragraph %d: %s\n", i + 1, problem);
            }
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
