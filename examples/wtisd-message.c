/* wtisd-message - print the WTISD 2021 message in the user's language.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <wtisd.h>

#include "document.h"
#include "wrap.h"

/* The program's own strings live in the library's catalogs, read and
   checked by the library: a translation whose printf directives differ
   from the English is never used.  Its messages (errors, --help,
   --version) are in the user's LANGUAGE, the environment's, as any
   program's are; the message of the day in TEXT_LANGUAGE, --lang's.  */
static const char *language = "en", *text_language = "en";
#define _(msgid) wtisd_translate (language, msgid)
#define N_(msgid) msgid

/* TRANSLATORS: The last line of the output; %s is a web address.  */
static const char source_label[] = N_ ("Source: %s\n");

/* The source label in the language of the message.  */
static const char *
source_label_text (void)
{
  const char *label = wtisd_translate (text_language, source_label);

  return label != NULL ? label : source_label;
}

/* GNU's exit status for a command-line usage error.  */
#define EXIT_USAGE 2

static const char *program_name = "wtisd-message";

/* What to print, from the command line.  */
struct settings
{
  const char *tag; /* --lang, or NULL: the environment's language.  */
  int width;       /* Columns; 0: no wrapping; -1: the default.  */
  int help, version, list_languages;
  struct document_parts parts; /* --title, --paragraph, --themes.  */
  int url_form;                /* URL_UNSET, URL_DISPLAY, or a wtisd_form.  */
  int format;                  /* FORMAT_TEXT, or an enum document_format.  */
  int hyperlink;               /* A HYPERLINK_ value.  */
  wtisd_normalization normalization;
};

#define URL_DISPLAY (-1)
#define URL_UNSET (-2)

/* --hyperlink: the source address as an OSC 8 hyperlink, as GNU ls
   writes its file names, when standard output is a terminal (auto),
   always or never.  */
enum
{
  HYPERLINK_AUTO,
  HYPERLINK_ALWAYS,
  HYPERLINK_NEVER
};
#define FORMAT_TEXT (-1)

enum
{
  OPTION_LANG = CHAR_MAX + 1,
  OPTION_LIST_LANGUAGES,
  OPTION_PARAGRAPH,
  OPTION_TITLE,
  OPTION_THEMES,
  OPTION_WIDTH,
  OPTION_URL_FORM,
  OPTION_NORMALIZE,
  OPTION_FORMAT,
  OPTION_HYPERLINK
};

static const struct option long_options[] = {
  { "lang", required_argument, NULL, OPTION_LANG },
  { "list-languages", no_argument, NULL, OPTION_LIST_LANGUAGES },
  { "paragraph", required_argument, NULL, OPTION_PARAGRAPH },
  { "title", no_argument, NULL, OPTION_TITLE },
  { "themes", no_argument, NULL, OPTION_THEMES },
  { "width", required_argument, NULL, OPTION_WIDTH },
  { "url-form", required_argument, NULL, OPTION_URL_FORM },
  { "normalize", required_argument, NULL, OPTION_NORMALIZE },
  { "format", required_argument, NULL, OPTION_FORMAT },
  { "hyperlink", optional_argument, NULL, OPTION_HYPERLINK },
  { "help", no_argument, NULL, 'h' },
  { "version", no_argument, NULL, 'V' },
  { NULL, 0, NULL, 0 },
};

static int
usage (int status)
{
  if (status != EXIT_SUCCESS)
    {
      fprintf (stderr, _ ("Try '%s --help' for more information.\n"),
               program_name);
      return status;
    }
  printf (_ ("Usage: %s [OPTION]...\n"), program_name);
  fputs (_ ("Print the message of the ITU Secretary-General for World "
            "Telecommunication\n"
            "and Information Society Day 2021 in the language of the user's "
            "locale.\n"),
         stdout);
  putchar ('\n');
  /* TRANSLATORS: The option descriptions start in column 27; keep them
     aligned, each line under 80 columns.  Do not translate the option
     names; translate the placeholders (TAG, N, FORM) if your language
     does so in --help texts, consistently -- but in a right-to-left
     language keep them Latin: the padding after a placeholder in your
     script would join its run and the columns would move.  */
  fputs (_ ("      --lang=TAG          print in language TAG, a BCP 47 tag or "
            "a locale name\n"
            "                            (fr, pt-BR, zh-Hans, ru_RU.UTF-8)\n"),
         stdout);
  fputs (_ ("      --list-languages    list the languages there are "
            "catalogs for, and exit\n"),
         stdout);
  fputs (_ ("      --title             print the title only\n"), stdout);
  fputs (_ ("      --paragraph=N       print paragraph N (1 to 5) only\n"),
         stdout);
  fputs (_ ("      --themes            print the two theme strings only\n"),
         stdout);
  fputs (_ ("      --width=N           wrap lines at N columns (0: do not "
            "wrap); by default\n"
            "                            the terminal's width, or 80\n"),
         stdout);
  /* TRANSLATORS: "display", "unicode" and "ascii" are values to type:
     do not translate them.  */
  fputs (_ ("      --url-form=FORM     write the source address as FORM: "
            "display (the\n"
            "                            default), unicode or ascii\n"),
         stdout);
  fputs (_ ("      --normalize=FORM    write the text in Unicode "
            "normalization FORM: NFC\n"
            "                            (the default), NFD, NFKC or NFKD\n"),
         stdout);
  /* TRANSLATORS: "auto", "always" and "never" are values to type: do
     not translate them.  */
  fputs (_ ("      --hyperlink[=WHEN]  make the source address a link in "
            "terminals that can:\n"
            "                            auto (the default: when output is "
            "a terminal),\n"
            "                            always (without WHEN) or never\n"),
         stdout);
  /* TRANSLATORS: "text", "html", "markdown" and "json" are values to
     type: do not translate them.  */
  fputs (_ ("      --format=FORMAT     write the message as text (the "
            "default), html,\n"
            "                            markdown or json\n"),
         stdout);
  fputs (_ ("  -h, --help              display this help and exit\n"), stdout);
  fputs (_ ("  -V, --version           output version information and "
            "exit\n"),
         stdout);
  putchar ('\n');
  fputs (_ ("--title, --paragraph and --themes combine.  Without them, the "
            "whole message\n"
            "is printed, followed by the address it was taken from.\n"),
         stdout);
  putchar ('\n');
  /* TRANSLATORS: LANGUAGE, LC_ALL, LC_MESSAGES, LANG and WTISD_LOCALEDIR
     are names of environment variables; do not translate them.  */
  fputs (_ ("The language comes from the environment variables LANGUAGE, "
            "LC_ALL,\n"
            "LC_MESSAGES and LANG, even when that locale is not installed.  "
            "The output\n"
            "is UTF-8.  WTISD_LOCALEDIR lists directories of catalogs, "
            "separated by\n"
            "colons, to search before the installed ones.\n"),
         stdout);
  putchar ('\n');
  /* TRANSLATORS: %s is the address of the bug tracker, a URL.  */
  printf (_ ("Report bugs to: <%s>\n"), PACKAGE_BUGREPORT);
  /* TRANSLATORS: the first %s is the package name, the second its URL.  */
  printf (_ ("%s home page: <%s>\n"), PACKAGE_NAME, PACKAGE_URL);
  return status;
}

static void
print_version (void)
{
  printf ("%s (%s) %s\n", program_name, PACKAGE_NAME, WTISD_VERSION);
  /* TRANSLATORS: "(C)" may be replaced by the copyright sign where the
     output can show it.  */
  printf (_ ("Copyright (C) %s The libwtisd authors.\n"), "2026");
  fputs (_ ("License LGPLv2.1+: GNU LGPL version 2.1 or later "
            "<https://gnu.org/licenses/lgpl.html>.\n"
            "This is free software: you are free to change and redistribute "
            "it.\n"
            "There is NO WARRANTY, to the extent permitted by law.\n"),
         stdout);
}

/* Parses a whole decimal number from MIN to MAX; -1 when ARG is not.  */
static long
number_parse (const char *arg, long min, long max)
{
  char *end;
  long value;

  if (*arg < '0' || *arg > '9')
    return -1;
  errno = 0;
  value = strtol (arg, &end, 10);
  return errno != 0 || *end != '\0' || value < min || value > max ? -1 : value;
}

/* The value of --url-form or --normalize: its index in NAMES, or -1.  */
static int
choice_parse (const char *arg, const char *const *names, int count)
{
  int i;

  for (i = 0; i < count; i++)
    if (strcasecmp (arg, names[i]) == 0)
      return i;
  return -1;
}

static const char *const url_form_names[] = { "display", "unicode", "ascii" };
static const int url_form_values[]
    = { URL_DISPLAY, WTISD_FORM_UNICODE, WTISD_FORM_ASCII };
static const char *const format_names[]
    = { "text", "html", "markdown", "json" };
static const int format_values[]
    = { FORMAT_TEXT, DOCUMENT_HTML, DOCUMENT_MARKDOWN, DOCUMENT_JSON };
static const char *const normalization_names[]
    = { "NFC", "NFD", "NFKC", "NFKD" };
static const char *const hyperlink_names[] = { "auto", "always", "never" };

/* Reports a bad option value on one line: MESSAGE names the option and
   takes the program's name and VALUE.  Returns the usage status.  */
#define BAD_VALUE(message, value)                                             \
  (fprintf (stderr, message, program_name, quote (value)), EXIT_USAGE)

/* ARG as it is safe to show on a terminal: control and format
   characters and bytes that are not UTF-8 as \xHH escapes, the rest as
   it is, however long (a byte takes up to four).  In a buffer that the
   next call overwrites; "..." when memory ran out.  */
static const char *
quote (const char *arg)
{
  static struct buffer quoted;
  size_t size = strlen (arg);
  int32_t i = 0, length = size > INT32_MAX ? INT32_MAX : (int32_t)size;

  quoted.length = 0;
  quoted.failed = 0;
  buffer_append (&quoted, "", 0);
  while (i < length)
    {
      int32_t start = i;
      UChar32 c;

      U8_NEXT (arg, i, length, c);
      if (c < 0 || u_charType (c) == U_CONTROL_CHAR
          || u_charType (c) == U_FORMAT_CHAR)
        for (; start < i; start++)
          {
            char escape[5];

            snprintf (escape, sizeof escape, "\\x%02x",
                      (unsigned char)arg[start]);
            buffer_puts (&quoted, escape);
          }
      else
        buffer_append (&quoted, arg + start, (size_t)(i - start));
    }
  return quoted.failed ? "..." : quoted.data;
}

/* Handles one option with a value.  Returns 0, or the usage status.  */
static int
value_option (struct settings *settings, int option, const char *arg)
{
  long number;
  int choice;

  switch (option)
    {
    case OPTION_PARAGRAPH:
      number = number_parse (arg, 1, WTISD_PARAGRAPH_COUNT);
      if (number < 0)
        return BAD_VALUE (_ ("%s: --paragraph takes a number from 1 to 5, "
                             "not '%s'\n"),
                          arg);
      settings->parts.paragraphs[number] = 1;
      return 0;
    case OPTION_WIDTH:
      number = number_parse (arg, 0, 100000);
      if (number < 0)
        return BAD_VALUE (_ ("%s: --width takes a number of columns, not "
                             "'%s'\n"),
                          arg);
      settings->width = (int)number;
      return 0;
    case OPTION_URL_FORM:
      choice = choice_parse (arg, url_form_names, 3);
      if (choice < 0)
        return BAD_VALUE (_ ("%s: --url-form takes display, unicode or "
                             "ascii, not '%s'\n"),
                          arg);
      settings->url_form = url_form_values[choice];
      return 0;
    case OPTION_FORMAT:
      choice = choice_parse (arg, format_names, 4);
      if (choice < 0)
        return BAD_VALUE (_ ("%s: --format takes text, html, markdown or "
                             "json, not '%s'\n"),
                          arg);
      settings->format = format_values[choice];
      return 0;
    case OPTION_NORMALIZE:
      choice = choice_parse (arg, normalization_names, 4);
      if (choice < 0)
        return BAD_VALUE (_ ("%s: --normalize takes NFC, NFD, NFKC or NFKD, "
                             "not '%s'\n"),
                          arg);
      settings->normalization = (wtisd_normalization)choice;
      return 0;
    case OPTION_HYPERLINK:
      choice = arg == NULL ? HYPERLINK_ALWAYS
                           : choice_parse (arg, hyperlink_names, 3);
      if (choice < 0)
        return BAD_VALUE (_ ("%s: --hyperlink takes auto, always or never, "
                             "not '%s'\n"),
                          arg);
      settings->hyperlink = choice;
      return 0;
    }
  return EXIT_USAGE;
}

/* The terminal's width when standard output is one, else COLUMNS when
   set, else 80.  */
static int
default_width (void)
{
  struct winsize size;
  const char *columns = getenv ("COLUMNS");
  long number;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0
      && size.ws_col > 0)
    return size.ws_col;
  if (columns != NULL && (number = number_parse (columns, 1, 100000)) > 0)
    return (int)number;
  return 80;
}

/* Prints each available language with its name in its own language, the
   names in one column.  */
static void
list_languages (void)
{
  const char *const *languages = wtisd_languages (), *const * l;
  int width = 0;

  for (l = languages; *l != NULL; l++)
    if ((int)strlen (*l) > width)
      width = (int)strlen (*l);
  for (l = languages; *l != NULL; l++)
    printf ("%-*s  %s\n", width, *l, wtisd_language_name (*l));
}

/* How the language breaks lines, for ICU: Korean between words, as its
   readers expect, not between any two syllables; the others by the
   rules of their language.  */
static const char *
wrap_locale (void)
{
  return strcmp (text_language, "ko") == 0 ? "ko@lw=keepall" : text_language;
}

/* What a line of text may link: TEXT, where it stands whole on a line
   (an address is never cut), as a link to HREF.  */
struct link
{
  const char *text, *href;
};

/* Writes LINE; with DATA, a struct link, its text as an OSC 8
   hyperlink.  */
static int
line_write (const char *line, size_t length, void *data)
{
  const struct link *link = data;
  const char *at = link != NULL
                       ? memmem (line, length, link->text, strlen (link->text))
                       : NULL;

  if (at == NULL)
    fwrite (line, 1, length, stdout);
  else
    {
      size_t before = (size_t)(at - line), text = strlen (link->text);

      fwrite (line, 1, before, stdout);
      printf ("\033]8;;%s\033\\", link->href);
      fwrite (at, 1, text, stdout);
      fputs ("\033]8;;\033\\", stdout);
      fwrite (at + text, 1, length - before - text, stdout);
    }
  putchar ('\n');
  return 0;
}

/* Reports that memory ran out; returns the exit status.  */
static int
out_of_memory (void)
{
  fprintf (stderr, "%s: %s\n", program_name,
           wtisd_strerror_in (language, WTISD_ENOMEM));
  return EXIT_FAILURE;
}

/* Writes TEXT in the chosen normalization, wrapped to WIDTH columns,
   LINK (or NULL) as a hyperlink.  Returns 0, or 1 after reporting an
   error.  */
static int
text_write (const struct settings *settings, const char *text, int width,
            struct link *link)
{
  char *normalized = normalized_copy (text, settings->normalization);
  int status = 0;

  if (normalized == NULL)
    return out_of_memory ();
  if (wrap_text (normalized, width, wrap_locale (), line_write, link) != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               wtisd_strerror_in (language, WTISD_EICU));
      status = 1;
    }
  free (normalized);
  return status;
}

/* The address the message was copied from, in the chosen form; for
   "display", its host as wtisd_domain_display shows it.  */
static void
source_url (const struct settings *settings, char *url, size_t size)
{
  if (settings->url_form == URL_DISPLAY || settings->url_form == URL_UNSET)
    source_url_display (url, size);
  else if (settings->url_form == WTISD_FORM_UNICODE
           && wtisd_source_url (WTISD_FORM_UNICODE) != NULL)
    snprintf (url, size, "%s", wtisd_source_url (WTISD_FORM_UNICODE));
  else
    snprintf (url, size, "%s", wtisd_source_url (WTISD_FORM_ASCII));
}

/* Whether PARTS select text ID.  */
static int
part_selected (const struct document_parts *parts, wtisd_text_id id)
{
  if (id == WTISD_TITLE)
    return parts->whole || parts->title;
  if (id >= WTISD_PARAGRAPH_1 && id <= WTISD_PARAGRAPH_5)
    return parts->whole || parts->paragraphs[id - WTISD_PARAGRAPH_1 + 1];
  return parts->themes;
}

/* The source line: the address in the chosen form where the label's
   directive stands.  Returns 0, or 1 after reporting an error.  */
static int
source_line_write (const struct settings *settings)
{
  struct buffer line = { 0 };
  struct link link;
  char url[512], *before, *after;
  int status;

  if (source_label_split (source_label_text (), &before, &after) != 0)
    return out_of_memory ();
  source_url (settings, url, sizeof url);
  buffer_puts (&line, before);
  buffer_puts (&line, url);
  buffer_puts (&line, after);
  link.text = url;
  link.href = wtisd_source_url (WTISD_FORM_ASCII);
  status = line.failed
               ? out_of_memory ()
               : text_write (settings, line.data, settings->width,
                             settings->hyperlink == HYPERLINK_ALWAYS ? &link
                                                                     : NULL);
  free (before);
  free (after);
  free (line.data);
  return status;
}

/* Prints what SETTINGS select as text, parts separated by blank lines.  */
static int
text_message_write (const struct settings *settings)
{
  int status = 0, id, parts = 0;

  for (id = WTISD_TITLE; id < WTISD_TEXT_COUNT && status == 0; id++)
    {
      if (!part_selected (&settings->parts, (wtisd_text_id)id))
        continue;
      if (parts++ > 0)
        putchar ('\n');
      const char *text = wtisd_text_in (text_language, id);

      status = text != NULL
                   ? text_write (settings, text, settings->width, NULL)
                   : out_of_memory ();
    }
  if (settings->parts.whole && status == 0)
    {
      putchar ('\n');
      status = source_line_write (settings);
    }
  return status;
}

/* Prints what SETTINGS select as an HTML, Markdown or JSON document:
   its lines are its own, never wrapped.  */
static int
document_message_write (const struct settings *settings)
{
  struct buffer document = { 0 };
  struct document_parts parts = settings->parts;
  char url[512];
  int failed;

  parts.normalization = settings->normalization;
  if (settings->url_form != URL_UNSET)
    {
      source_url (settings, url, sizeof url);
      parts.source_url = url;
    }
  failed = document_write (&document, (enum document_format)settings->format,
                           text_language, &parts, source_label_text (), NULL)
           != 0;
  if (failed)
    out_of_memory ();
  else
    fwrite (document.data, 1, document.length, stdout);
  free (document.data);
  return failed;
}

static int
message_write (const struct settings *settings)
{
  return settings->format == FORMAT_TEXT ? text_message_write (settings)
                                         : document_message_write (settings);
}

/* Reports a failed write (a full disk, a closed pipe) instead of exiting
   0 with the message lost.  */
static int
close_stdout (int status)
{
  int failed = ferror (stdout);

  if (fclose (stdout) != 0)
    failed = 1;
  if (!failed)
    return status;
  fprintf (stderr, _ ("%s: write error: %s\n"), program_name,
           strerror (errno));
  return EXIT_FAILURE;
}

/* Reads the command line into SETTINGS, in one pass: getopt_long
   reports unknown and ambiguous options and missing arguments itself, as
   in every GNU program.  Returns 0, or the usage status after reporting
   the first bad option or value.  */
static int
options_read (struct settings *settings, int argc, char **argv)
{
  int c;

  while ((c = getopt_long (argc, argv, "hV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'h':
        settings->help = 1;
        break;
      case 'V':
        settings->version = 1;
        break;
      case OPTION_LANG:
        settings->tag = optarg;
        break;
      case OPTION_LIST_LANGUAGES:
        settings->list_languages = 1;
        break;
      case OPTION_TITLE:
        settings->parts.title = 1;
        break;
      case OPTION_THEMES:
        settings->parts.themes = 1;
        break;
      case '?':
        return EXIT_USAGE;
      default:
        if (value_option (settings, c, optarg) != 0)
          return EXIT_USAGE;
      }
  if (optind < argc)
    {
      fprintf (stderr, _ ("%s: extra operand '%s'\n"), program_name,
               quote (argv[optind]));
      return EXIT_USAGE;
    }
  return 0;
}

/* Sets TEXT_LANGUAGE from --lang, or to the user's language; reports a
   tag that is malformed or has no usable catalog.  Returns 0, or the
   exit status.  */
static int
language_choose (const struct settings *settings)
{
  const char *chosen;
  int status;

  text_language = language;
  if (settings->tag == NULL)
    return 0;
  status = wtisd_language_check (settings->tag);
  if (status == WTISD_EINVAL)
    return usage (BAD_VALUE (_ ("%s: --lang: '%s' is not a language tag\n"),
                             settings->tag));
  if (status != WTISD_OK && status != WTISD_ENOCATALOG
      && status != WTISD_ECATALOG)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               wtisd_strerror_in (language, status));
      return EXIT_FAILURE;
    }
  if ((chosen = wtisd_language (settings->tag)) == NULL)
    return out_of_memory ();
  text_language = chosen;
  if (status == WTISD_ENOCATALOG)
    fprintf (stderr,
             _ ("%s: no catalog for language '%s'; printing English\n"),
             program_name, quote (settings->tag));
  else if (status == WTISD_ECATALOG)
    fprintf (stderr,
             _ ("%s: the catalog for language '%s' is damaged; printing "
                "English\n"),
             program_name, quote (settings->tag));
  return 0;
}

/* Fills in what SETTINGS left to the defaults and the terminal, and
   refuses --url-form with parts that have no address (rather than do
   nothing silently).  Returns 0, or the usage status.  */
static int
settings_complete (struct settings *settings)
{
  int n;

  if (settings->width < 0)
    settings->width = default_width ();
  if (settings->hyperlink == HYPERLINK_AUTO)
    settings->hyperlink
        = isatty (STDOUT_FILENO) ? HYPERLINK_ALWAYS : HYPERLINK_NEVER;
  settings->parts.whole = !settings->parts.title && !settings->parts.themes;
  for (n = 1; n <= WTISD_PARAGRAPH_COUNT; n++)
    settings->parts.whole &= !settings->parts.paragraphs[n];
  if (settings->url_form != URL_UNSET && !settings->parts.whole)
    {
      fprintf (stderr,
               _ ("%s: --url-form applies to the source address,\n"
                  "which --title, --paragraph and --themes leave out\n"),
               program_name);
      return usage (EXIT_USAGE);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  struct settings settings = { 0 };
  int status;

  setlocale (LC_ALL, "");
  if ((language = wtisd_environment_language ()) == NULL)
    {
      language = "en";
      return out_of_memory ();
    }
  settings.url_form = URL_UNSET;
  settings.format = FORMAT_TEXT;
  settings.width = -1;
  if (options_read (&settings, argc, argv) != 0)
    return usage (EXIT_USAGE);
  if ((status = language_choose (&settings)) != 0)
    return status;
  if (settings.help)
    return close_stdout (usage (EXIT_SUCCESS));
  if (settings.version)
    {
      print_version ();
      return close_stdout (EXIT_SUCCESS);
    }
  if (settings.list_languages)
    {
      list_languages ();
      return close_stdout (EXIT_SUCCESS);
    }
  if ((status = settings_complete (&settings)) != 0)
    return status;
  return close_stdout (message_write (&settings) == 0 ? EXIT_SUCCESS
                                                      : EXIT_FAILURE);
}
