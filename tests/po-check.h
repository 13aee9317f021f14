/* po-check.h - the catalog po-check reads, shared by the files of its
   rules: po-check.c (reading, the header, the entries, the message
   texts), po-check-typography.c and po-check-abbreviations.c.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_PO_CHECK_H
#define WTISD_PO_CHECK_H

#include <stddef.h>

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

/* The catalog's name as given, its entries in the file's order.  */
extern const char *po_name;
extern struct entry po_entries[];
extern int po_entry_count;

/* Reports a problem at LINE of the catalog, with its one-line FIX.  */
void po_problem (int line, const char *what, const char *fix);

/* The line of the file where byte OFFSET of the msgstr of E is.  */
int po_line_at (const struct entry *e, size_t offset);

/* The entry of MSGID, or NULL.  */
const struct entry *po_entry_of (const char *msgid);

/* Whether E is an entry with a translation to check.  */
int po_translated (const struct entry *e);

/* The rules of data/typography.txt, RULES_FILE, for LANGUAGE.  */
void po_check_typography (const char *rules_file, const char *language);

/* In a right-to-left catalog, no line of the program starts with
   Latin text.  */
void po_check_right_to_left_lines (const char *language);

/* No abbreviation is used before it is introduced.  */
void po_check_abbreviations (const char *language);

#endif /* WTISD_PO_CHECK_H */
