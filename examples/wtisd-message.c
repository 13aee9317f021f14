/* wtisd-message - print the WTISD 2021 message in the user's language.
   Copyright (C) 2026 The libwtisd authors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wtisd.h>

#define _(msgid) gettext (msgid)

/* GNU's exit status for a command-line usage error.  */
#define EXIT_USAGE 2

static const char *program_name = "wtisd-message";

static const struct option long_options[] = {
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
  fputs (_ ("  -h, --help     display this help and exit\n"), stdout);
  fputs (_ ("  -V, --version  output version information and exit\n"), stdout);
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

/* A fresh container often has no locale but C and C.UTF-8, so
   setlocale (LC_ALL, "") fails for LANG=fr_FR.UTF-8.  To keep the
   language the user asked for, run in C.UTF-8 and name that language in
   LANGUAGE, which glibc's gettext honours in every locale but "C".  */
static void
locale_init (void)
{
  const char *requested;

  if (setlocale (LC_ALL, "") != NULL)
    return;
  requested = getenv_nonempty ("LC_ALL");
  if (requested == NULL)
    requested = getenv_nonempty ("LC_MESSAGES");
  if (requested == NULL)
    requested = getenv_nonempty ("LANG");
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    return;
  if (requested != NULL && getenv_nonempty ("LANGUAGE") == NULL)
    setenv ("LANGUAGE", requested, 1);
}

/* Writes the address the message was copied from, its host in the form
   that is safe to show a person (wtisd_domain_display).  */
static void
print_source_line (void)
{
  const char *url = wtisd_source_url (WTISD_FORM_ASCII);
  const char *host = strstr (url, "://") + 3;
  const char *path = strchr (host, '/');
  char ascii_host[256], display_host[256];
  char display_url[512];
  size_t host_length = (size_t)(path - host);

  memcpy (ascii_host, host, host_length);
  ascii_host[host_length] = '\0';
  if (wtisd_domain_display (ascii_host, display_host, sizeof display_host)
      >= 0)
    {
      snprintf (display_url, sizeof display_url, "%.*s%s%s", (int)(host - url),
                url, display_host, path);
      url = display_url;
    }
  /* TRANSLATORS: The last line of the output; %s is a web address.  */
  printf (_ ("Source: %s\n"), url);
}

static void
print_message (void)
{
  int id;

  fputs (wtisd_text (WTISD_TITLE), stdout);
  fputs ("\n\n", stdout);
  for (id = WTISD_PARAGRAPH_1; id <= WTISD_PARAGRAPH_5; id++)
    {
      fputs (wtisd_text ((wtisd_text_id)id), stdout);
      fputs ("\n\n", stdout);
    }
  print_source_line ();
}

/* Reports a failed write (a full disk, a closed pipe) instead of exiting
   0 with the message lost.  */
static int
close_stdout (void)
{
  int failed = ferror (stdout);

  if (fclose (stdout) != 0)
    failed = 1;
  if (!failed)
    return EXIT_SUCCESS;
  fprintf (stderr, _ ("%s: write error: %s\n"), program_name,
           strerror (errno));
  return EXIT_FAILURE;
}

int
main (int argc, char **argv)
{
  int c;

  locale_init ();
  bindtextdomain (PACKAGE, wtisd_localedir ());
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);

  while ((c = getopt_long (argc, argv, "hV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'h':
        usage (EXIT_SUCCESS);
        return close_stdout ();
      case 'V':
        print_version ();
        return close_stdout ();
      default:
        return usage (EXIT_USAGE);
      }
  if (optind < argc)
    {
      fprintf (stderr, _ ("%s: extra operand '%s'\n"), program_name,
               argv[optind]);
      return usage (EXIT_USAGE);
    }

  print_message ();
  return close_stdout ();
}
