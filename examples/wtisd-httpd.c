/* wtisd-httpd - the message on the web: each request answered in the
   language its Accept-Language header (or ?lang=TAG) asks for, as an
   HTML page or as JSON, by GNU libmicrohttpd's thread pool.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include <wtisd.h>

#include "document.h"

#define EXIT_USAGE 2

static const char *program_name = "wtisd-httpd";

/* One language's answers, made once at start-up and then only read:
   the request path takes no lock of its own and allocates nothing.  */
struct page
{
  const char *lang;
  struct MHD_Response *html, *json;
};

static struct page *pages;
static size_t page_count;
static struct MHD_Response *not_found, *not_allowed, *bad_language;

/* The <head> links and the language menu of the page in CURRENT.  */
static void
page_extras (const char *current, struct buffer *head, struct buffer *nav)
{
  const char *const *l;

  buffer_puts (head, "<link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"/\">\n");
  buffer_puts (nav, "<nav>\n<ul>\n");
  for (l = wtisd_languages (); *l != NULL; l++)
    {
      buffer_puts (head, "<link rel=\"alternate\" hreflang=\"");
      html_escape (head, wtisd_language_tag (*l));
      buffer_puts (head, "\" href=\"/?lang=");
      html_escape (head, *l);
      buffer_puts (head, "\">\n");
      buffer_puts (nav, "<li><a href=\"/?lang=");
      html_escape (nav, *l);
      buffer_puts (nav, "\" hreflang=\"");
      html_escape (nav, wtisd_language_tag (*l));
      buffer_puts (nav, "\" lang=\"");
      html_escape (nav, wtisd_language_tag (*l));
      buffer_puts (nav,
                   wtisd_language_is_rtl (*l) == 1 ? "\" dir=\"rtl\"" : "\"");
      buffer_puts (nav, strcmp (*l, current) == 0 ? " aria-current=\"page\">"
                                                  : ">");
      html_escape (nav, wtisd_language_name (*l));
      buffer_puts (nav, "</a></li>\n");
    }
  buffer_puts (nav, "</ul>\n</nav>\n");
}

/* A response for BODY (kept for the life of the process) in LANG.  */
static struct MHD_Response *
response_make (struct buffer *body, const char *type, const char *lang)
{
  struct MHD_Response *response;

  if (body->failed)
    return NULL;
  response = MHD_create_response_from_buffer (body->length, body->data,
                                              MHD_RESPMEM_PERSISTENT);
  if (response == NULL)
    return NULL;
  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  if (lang != NULL)
    {
      MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_LANGUAGE,
                               wtisd_language_tag (lang));
      MHD_add_response_header (response, MHD_HTTP_HEADER_VARY,
                               "Accept-Language");
    }
  return response;
}

/* The HTML page and the JSON of LANG.  */
static int
page_make (struct page *page, const char *lang)
{
  struct buffer head = { 0 }, nav = { 0 }, html = { 0 }, json = { 0 };
  struct document_parts whole = { .whole = 1 };
  const char *label = wtisd_translate (lang, "Source: %s\n");
  struct page_extras extras;

  page->lang = lang;
  page_extras (lang, &head, &nav);
  extras.head = head.data;
  extras.nav = nav.data;
  if (head.failed || nav.failed
      || document_write (&html, DOCUMENT_HTML, lang, &whole, label, &extras)
      || document_write (&json, DOCUMENT_JSON, lang, &whole, label, NULL))
    html.failed = 1;
  free (head.data);
  free (nav.data);
  page->html = response_make (&html, "text/html; charset=utf-8", lang);
  page->json = response_make (&json, "application/json", lang);
  return page->html != NULL && page->json != NULL ? 0 : -1;
}

static struct MHD_Response *
static_response (const char *text, const char *header, const char *value)
{
  struct MHD_Response *response = MHD_create_response_from_buffer (
      strlen (text), (void *)(size_t)text, MHD_RESPMEM_PERSISTENT);

  if (response != NULL)
    {
      MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE,
                               "text/plain; charset=utf-8");
      if (header != NULL)
        MHD_add_response_header (response, header, value);
    }
  return response;
}

static int
pages_make (void)
{
  const char *const *l = wtisd_languages ();
  size_t i;

  for (page_count = 0; l[page_count] != NULL; page_count++)
    ;
  pages = calloc (page_count, sizeof *pages);
  if (pages == NULL)
    return -1;
  for (i = 0; i < page_count; i++)
    if (page_make (&pages[i], l[i]) != 0)
      return -1;
  not_found = static_response ("Not found\n", NULL, NULL);
  not_allowed = static_response ("Method not allowed\n", MHD_HTTP_HEADER_ALLOW,
                                 "GET, HEAD");
  bad_language = static_response ("Bad request: lang is not a language tag\n",
                                  NULL, NULL);
  return not_found && not_allowed && bad_language ? 0 : -1;
}

/* The page of the catalog language LANG; English when it has none (a
   catalog added after start-up).  */
static const struct page *
page_find (const char *lang)
{
  size_t i, english = 0;

  for (i = 0; i < page_count; i++)
    {
      if (strcmp (pages[i].lang, lang) == 0)
        return &pages[i];
      if (strcmp (pages[i].lang, "en") == 0)
        english = i;
    }
  return &pages[english];
}

static enum MHD_Result
answer (void *data, struct MHD_Connection *connection, const char *url,
        const char *method, const char *version, const char *upload,
        size_t *upload_size, void **state)
{
  const char *tag, *lang;
  const struct page *page;
  int json;

  (void)data, (void)version, (void)upload;
  /* The first call comes with the headers: answering only at the second,
     once the request is read whole, lets the connection stay open.  */
  if (*state == NULL)
    {
      *state = (void *)&pages;
      return MHD_YES;
    }
  if (*upload_size != 0)
    {
      *upload_size = 0; /* A body: read and ignore.  */
      return MHD_YES;
    }
  if (strcmp (method, MHD_HTTP_METHOD_GET) != 0
      && strcmp (method, MHD_HTTP_METHOD_HEAD) != 0)
    return MHD_queue_response (connection, MHD_HTTP_METHOD_NOT_ALLOWED,
                               not_allowed);
  json = strcmp (url, "/message.json") == 0;
  if (!json && strcmp (url, "/") != 0)
    return MHD_queue_response (connection, MHD_HTTP_NOT_FOUND, not_found);
  tag = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND,
                                     "lang");
  if (tag != NULL)
    lang = wtisd_language (tag);
  else
    lang = wtisd_negotiate (MHD_lookup_connection_value (
        connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
  if (lang == NULL)
    return MHD_queue_response (connection, MHD_HTTP_BAD_REQUEST, bad_language);
  page = page_find (lang);
  return MHD_queue_response (connection, MHD_HTTP_OK,
                             json ? page->json : page->html);
}

static void
usage (void)
{
  printf ("Usage: %s [--port=N] [--address=ADDR]\n", program_name);
  fputs ("Serve the message of the ITU Secretary-General for World "
         "Telecommunication\n"
         "and Information Society Day 2021 over HTTP, in the language each "
         "request\n"
         "asks for.\n\n"
         "  -p, --port=N            listen on port N (default 8080; 0: any "
         "free port)\n"
         "  -a, --address=ADDR      listen on address ADDR, IPv4 or IPv6 "
         "(default\n"
         "                            127.0.0.1)\n"
         "  -h, --help              display this help and exit\n"
         "  -V, --version           output version information and exit\n\n"
         "GET / answers the HTML page in the language Accept-Language "
         "prefers, or\n"
         "the one ?lang=TAG names; GET /message.json the same as JSON.  The "
         "server\n"
         "prints the address it listens on, and stops on SIGINT or "
         "SIGTERM.\n\n",
         stdout);
  printf ("Report bugs to: <%s>\n", PACKAGE_BUGREPORT);
}

/* Fills ADDRESS from TEXT and PORT.  Returns 0, or -1 for no address.  */
static int
address_parse (const char *text, unsigned port,
               struct sockaddr_storage *address, unsigned *flags)
{
  struct sockaddr_in *v4 = (struct sockaddr_in *)address;
  struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)address;

  memset (address, 0, sizeof *address);
  if (inet_pton (AF_INET, text, &v4->sin_addr) == 1)
    {
      v4->sin_family = AF_INET;
      v4->sin_port = htons ((uint16_t)port);
      return 0;
    }
  if (inet_pton (AF_INET6, text, &v6->sin6_addr) == 1)
    {
      v6->sin6_family = AF_INET6;
      v6->sin6_port = htons ((uint16_t)port);
      *flags |= MHD_USE_IPv6;
      return 0;
    }
  return -1;
}

/* Parses a port number; -1 when ARG is not one.  */
static long
port_parse (const char *arg)
{
  char *end;
  long value;

  if (*arg < '0' || *arg > '9')
    return -1;
  errno = 0;
  value = strtol (arg, &end, 10);
  return errno != 0 || *end != '\0' || value > 65535 ? -1 : value;
}

int
main (int argc, char **argv)
{
  static const struct option options[]
      = { { "port", required_argument, NULL, 'p' },
          { "address", required_argument, NULL, 'a' },
          { "help", no_argument, NULL, 'h' },
          { "version", no_argument, NULL, 'V' },
          { NULL, 0, NULL, 0 } };
  const char *address_text = "127.0.0.1";
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
  struct sockaddr_storage address;
  long port = 8080, cpus = sysconf (_SC_NPROCESSORS_ONLN);
  struct MHD_Daemon *daemon;
  const union MHD_DaemonInfo *info;
  sigset_t stop;
  int c, signal_number;

  while ((c = getopt_long (argc, argv, "p:a:hV", options, NULL)) != -1)
    switch (c)
      {
      case 'p':
        if ((port = port_parse (optarg)) < 0)
          {
            fprintf (stderr, "%s: --port takes a number from 0 to 65535\n",
                     program_name);
            return EXIT_USAGE;
          }
        break;
      case 'a':
        address_text = optarg;
        break;
      case 'h':
        usage ();
        return EXIT_SUCCESS;
      case 'V':
        printf ("%s (%s) %s\n", program_name, PACKAGE_NAME, WTISD_VERSION);
        return EXIT_SUCCESS;
      default:
        fprintf (stderr, "Try '%s --help' for more information.\n",
                 program_name);
        return EXIT_USAGE;
      }
  if (optind < argc
      || address_parse (address_text, (unsigned)port, &address, &flags) != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               optind < argc ? "extra operand" : "--address: not an address");
      return EXIT_USAGE;
    }
  if (pages_make () != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               wtisd_strerror (WTISD_ENOMEM));
      return EXIT_FAILURE;
    }
  /* The pool's threads inherit this mask: only the main thread takes the
     signals that stop the server.  */
  sigemptyset (&stop);
  sigaddset (&stop, SIGINT);
  sigaddset (&stop, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &stop, NULL);
  daemon = MHD_start_daemon (
      flags, (uint16_t)port, NULL, NULL, answer, NULL, MHD_OPTION_SOCK_ADDR,
      (struct sockaddr *)&address, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(cpus > 0 ? cpus : 2), MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)30, MHD_OPTION_END);
  if (daemon == NULL)
    {
      fprintf (stderr, "%s: cannot listen on %s port %ld\n", program_name,
               address_text, port);
      return EXIT_FAILURE;
    }
  info = MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_BIND_PORT);
  printf (
      strchr (address_text, ':') != NULL ? "%s: listening on http://[%s]:%u/\n"
                                         : "%s: listening on http://%s:%u/\n",
      program_name, address_text, info != NULL ? info->port : (unsigned)port);
  fflush (stdout);
  sigwait (&stop, &signal_number);
  MHD_stop_daemon (daemon);
  return EXIT_SUCCESS;
}
