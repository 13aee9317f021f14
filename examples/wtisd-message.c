/* wtisd-message - print the WTISD 2021 message in the user's language.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <wtisd.h>

#include "wrap.h"

#define _(msgid) gettext (msgid)

/* GNU's exit status for a command-line usage error.  */
#define EXIT_USAGE 2

static const char *program_name = "wtisd-message";

/* What to print, from the command line.  */
struct settings
{
  const char *language; /* A catalog language, or NULL: the locale's.  */
  int width;            /* Columns; 0: no wrapping.  */
  int title, themes;    /* Print only the title, the themes...  */
  int paragraphs[WTISD_PARAGRAPH_COUNT + 1]; /* ...or these paragraphs.  */
  int url_form; /* URL_DISPLAY, or a wtisd_form.  */
  wtisd_normalization normalization;
};

#define URL_DISPLAY (-1)

enum
{
  OPTION_LANG = CHAR_MAX + 1,
  OPTION_LIST_LANGUAGES,
  OPTION_PARAGRAPH,
  OPTION_TITLE,
  OPTION_THEMES,
  OPTION_WIDTH,
  OPTION_URL_FORM,
  OPTION_NORMALIZE
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
            "is UTF-8.  WTISD_LOCALEDIR names another directory of "
            "catalogs.\n"),
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

static const char *
getenv_nonempty (const char *name)
{
  const char *value = getenv (name);
  return value != NULL && *value != '\0' ? value : NULL;
}

/* The catalog language the environment asks for, read the way gettext
   reads it: the first entry of LANGUAGE that has a catalog, else LC_ALL,
   LC_MESSAGES, LANG.  "en" when none names one.  */
static const char *
environment_language (void)
{
  const char *variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *list = getenv_nonempty ("LANGUAGE"), *language;
  size_t i;

  while (list != NULL && *list != '\0')
    {
      char entry[80];
      size_t length = strcspn (list, ":");

      if (length < sizeof entry)
        {
          memcpy (entry, list, length);
          entry[length] = '\0';
          language = wtisd_language (entry);
          if (language != NULL && strcmp (language, "en") != 0)
            return language;
        }
      list += length + (list[length] == ':');
    }
  for (i = 0; i < sizeof variables / sizeof variables[0]; i++)
    if (getenv_nonempty (variables[i]) != NULL)
      {
        language = wtisd_language (getenv (variables[i]));
        return language != NULL ? language : "en";
      }
  return "en";
}

/* The program's own messages in LANGUAGE: gettext honours LANGUAGE in
   any locale but "C", so leave "C" for C.UTF-8 where needed.  */
static void
messages_use_language (const char *language)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || strcmp (messages, "C") == 0
      || strcmp (messages, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  setenv ("LANGUAGE", language, 1);
}

/* Whether TAG asks for English (or the C locale) itself, so that getting
   English is no fallback worth a note.  */
static int
asks_for_english (const char *tag)
{
  return (strncasecmp (tag, "en", 2) == 0 && strchr ("-_.@", tag[2]) != NULL)
         || strcasecmp (tag, "C") == 0 || strcasecmp (tag, "POSIX") == 0
         || strncasecmp (tag, "C.", 2) == 0;
}

/* A fresh container often has no locale but C and C.UTF-8, so
   setlocale (LC_ALL, "") fails for LANG=ru_RU.UTF-8.  The message then
   comes through the library's explicit-language lookup, which needs no
   installed locale.  Returns that language, or NULL when the locale is
   installed and gettext decides.  */
static const char *
locale_init (void)
{
  if (setlocale (LC_ALL, "") != NULL)
    return NULL;
  return environment_language ();
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
static const char *const normalization_names[]
    = { "NFC", "NFD", "NFKC", "NFKD" };

/* Reports a bad option value on one line: MESSAGE names the option and
   takes the program's name and VALUE.  Returns the usage status.  */
#define BAD_VALUE(message, value)                                             \
  (fprintf (stderr, message, program_name, value), EXIT_USAGE)

/* Reports what --lang=TAG resolved to (RESOLVED), once the messages
   speak the language: a malformed TAG, or one without a catalog.
   Returns 0, or the usage status.  */
static int
language_report (const char *resolved, const char *tag)
{
  if (resolved == NULL)
    return BAD_VALUE (_ ("%s: --lang: '%s' is not a language tag\n"), tag);
  if (strcmp (resolved, "en") == 0 && !asks_for_english (tag))
    fprintf (stderr,
             _ ("%s: no catalog for language '%s'; printing English\n"),
             program_name, tag);
  return 0;
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
      settings->paragraphs[number] = 1;
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
    case OPTION_NORMALIZE:
      choice = choice_parse (arg, normalization_names, 4);
      if (choice < 0)
        return BAD_VALUE (_ ("%s: --normalize takes NFC, NFD, NFKC or NFKD, "
                             "not '%s'\n"),
                          arg);
      settings->normalization = (wtisd_normalization)choice;
      return 0;
    }
  return EXIT_USAGE;
}

/* The terminal's width when standard output is one, else 80.  */
static int
default_width (void)
{
  struct winsize size;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0
      && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

/* Prints each available language with its name in its own language.  */
static void
list_languages (void)
{
  const char *const *language;

  for (language = wtisd_languages (); *language != NULL; language++)
    {
      UErrorCode code = U_ZERO_ERROR;
      char id[ULOC_FULLNAME_CAPACITY], name[256];
      UChar utf16[128];
      int32_t length;

      snprintf (id, sizeof id, "%.*s", (int)strcspn (*language, "@"),
                *language);
      length = uloc_getDisplayName (id, id, utf16, 128, &code);
      u_strToUTF8 (name, sizeof name, NULL, utf16, length, &code);
      printf ("%-7s %s\n", *language, U_SUCCESS (code) ? name : *language);
    }
}

static int
line_write (const char *line, size_t length, void *data)
{
  (void)data;
  fwrite (line, 1, length, stdout);
  putchar ('\n');
  return 0;
}

/* Writes TEXT in the chosen normalization, wrapped to WIDTH columns.
   Returns 0, or 1 after reporting an error.  */
static int
text_write (const struct settings *settings, const char *text, int width)
{
  char *normalized = NULL;
  int status = 0, length;

  if (settings->normalization != WTISD_NFC)
    {
      length = wtisd_normalize (text, settings->normalization, NULL, 0);
      if (length >= 0 && (normalized = malloc ((size_t)length + 1)) != NULL)
        length = wtisd_normalize (text, settings->normalization, normalized,
                                  (size_t)length + 1);
      if (length < 0 || normalized == NULL)
        {
          fprintf (stderr, "%s: %s\n", program_name,
                   wtisd_strerror (length < 0 ? length : WTISD_ENOMEM));
          free (normalized);
          return 1;
        }
      text = normalized;
    }
  if (wrap_text (text, width, line_write, NULL) != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name, wtisd_strerror (WTISD_EICU));
      status = 1;
    }
  free (normalized);
  return status;
}

static const char *
message_text (const struct settings *settings, wtisd_text_id id)
{
  return settings->language != NULL ? wtisd_text_in (settings->language, id)
                                    : wtisd_text (id);
}

/* The address the message was copied from, in the chosen form; for
   "display", its host as wtisd_domain_display shows it.  */
static void
source_url (const struct settings *settings, char *url, size_t size)
{
  const char *ascii = wtisd_source_url (WTISD_FORM_ASCII);
  const char *host = strstr (ascii, "://") + 3;
  const char *path = strchr (host, '/');
  char ascii_host[256], display_host[256];

  snprintf (url, size, "%s", ascii);
  if (settings->url_form == WTISD_FORM_UNICODE
      && wtisd_source_url (WTISD_FORM_UNICODE) != NULL)
    snprintf (url, size, "%s", wtisd_source_url (WTISD_FORM_UNICODE));
  if (settings->url_form != URL_DISPLAY)
    return;
  snprintf (ascii_host, sizeof ascii_host, "%.*s", (int)(path - host), host);
  if (wtisd_domain_display (ascii_host, display_host, sizeof display_host)
      >= 0)
    snprintf (url, size, "%.*s%s%s", (int)(host - ascii), ascii, display_host,
              path);
}

/* Whether SETTINGS select text ID; WHOLE: no part was asked for.  */
static int
part_selected (const struct settings *settings, int whole, wtisd_text_id id)
{
  if (id == WTISD_TITLE)
    return whole || settings->title;
  if (id >= WTISD_PARAGRAPH_1 && id <= WTISD_PARAGRAPH_5)
    return whole || settings->paragraphs[id - WTISD_PARAGRAPH_1 + 1];
  return settings->themes;
}

/* Prints what SETTINGS select, parts separated by blank lines.  */
static int
message_write (const struct settings *settings)
{
  int whole = !settings->title && !settings->themes, status = 0, id;
  int parts = 0;
  char url[512], source_line[1024];

  for (id = 1; id <= WTISD_PARAGRAPH_COUNT; id++)
    whole &= !settings->paragraphs[id];
  for (id = WTISD_TITLE; id < WTISD_TEXT_COUNT && status == 0; id++)
    {
      if (!part_selected (settings, whole, (wtisd_text_id)id))
        continue;
      if (parts++ > 0)
        putchar ('\n');
      status = text_write (settings, message_text (settings, id),
                           settings->width);
    }
  if (whole && status == 0)
    {
      source_url (settings, url, sizeof url);
      /* TRANSLATORS: The last line of the output; %s is a web address.  */
      snprintf (source_line, sizeof source_line, _ ("Source: %s\n"), url);
      source_line[strcspn (source_line, "\n")] = '\0';
      putchar ('\n');
      status = text_write (settings, source_line, 0);
    }
  return status;
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

/* Finds the last --lang before anything else is parsed, so that every
   message, --help included, is in that language; NULL without one.  */
static const char *
language_prescan (int argc, char **argv)
{
  const char *tag = NULL;
  int c;

  opterr = 0;
  while ((c = getopt_long (argc, argv, "hV", long_options, NULL)) != -1)
    if (c == OPTION_LANG)
      tag = optarg;
  opterr = 1;
  optind = 0; /* GNU getopt: start again from scratch.  */
  return tag;
}

static void
catalogs_bind (const struct settings *settings)
{
  if (settings->language != NULL)
    messages_use_language (settings->language);
  bindtextdomain (PACKAGE, wtisd_localedir ());
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
}

int
main (int argc, char **argv)
{
  struct settings settings = { 0 };
  const char *tag, *resolved = NULL;
  int c;

  settings.url_form = URL_DISPLAY;
  settings.language = locale_init ();
  tag = language_prescan (argc, argv);
  if (tag != NULL && (resolved = wtisd_language (tag)) != NULL)
    settings.language = resolved;
  catalogs_bind (&settings);
  if (tag != NULL && language_report (resolved, tag) != 0)
    return usage (EXIT_USAGE);
  settings.width = default_width ();
  while ((c = getopt_long (argc, argv, "hV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'h':
        return close_stdout (usage (EXIT_SUCCESS));
      case 'V':
        print_version ();
        return close_stdout (EXIT_SUCCESS);
      case OPTION_LANG:
        break; /* Done by language_prescan.  */
      case OPTION_LIST_LANGUAGES:
        list_languages ();
        return close_stdout (EXIT_SUCCESS);
      case OPTION_TITLE:
        settings.title = 1;
        break;
      case OPTION_THEMES:
        settings.themes = 1;
        break;
      case '?':
        return usage (EXIT_USAGE);
      default:
        if (value_option (&settings, c, optarg) != 0)
          return usage (EXIT_USAGE);
      }
  if (optind < argc)
    {
      fprintf (stderr, _ ("%s: extra operand '%s'\n"), program_name,
               argv[optind]);
      return usage (EXIT_USAGE);
    }
  return close_stdout (message_write (&settings) == 0 ? EXIT_SUCCESS
                                                      : EXIT_FAILURE);
}
