/* wtisd-httpd - the message on the web: each request answered in the
   language its Accept-Language header (or ?lang=TAG) asks for, as an
   HTML page or as JSON, by GNU libmicrohttpd's thread pool (on epoll
   where the system has it, which FD_SETSIZE does not limit).  Clients
   are held to limits (issue 27): so many connections in all and per
   address, and a fixed time for each request, however slowly its bytes
   arrive.
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
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include <wtisd.h>

#include "document.h"
#include "httpd-limits.h"

#define EXIT_USAGE 2

/* The defaults of --request-timeout and --max-per-client.  */
#define REQUEST_TIMEOUT 10
#define PER_CLIENT_LIMIT 64

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
static struct MHD_Response *not_found, *not_allowed, *bad_language, *too_long;

/* *STATE between the handler's calls for a request once its head has
   been read (before: what limits_uri_check made it).  */
static const char head_read;

/* The alternate link and the menu entry of LANG, on the page in
   CURRENT.  Returns 0, or -1 when its tag or name is missing (memory ran
   out).  */
static int
language_links (const char *lang, const char *current, struct buffer *head,
                struct buffer *nav)
{
  const char *tag = wtisd_language_tag (lang);
  const char *name = wtisd_language_name (lang);

  if (tag == NULL || name == NULL)
    return -1;
  buffer_puts (head, "<link rel=\"alternate\" hreflang=\"");
  html_escape (head, tag);
  buffer_puts (head, "\" href=\"/?lang=");
  html_escape (head, lang);
  buffer_puts (head, "\">\n");
  buffer_puts (nav, "<li><a href=\"/?lang=");
  html_escape (nav, lang);
  buffer_puts (nav, "\" hreflang=\"");
  html_escape (nav, tag);
  buffer_puts (nav, "\" lang=\"");
  html_escape (nav, tag);
  buffer_puts (nav,
               wtisd_language_is_rtl (lang) == 1 ? "\" dir=\"rtl\"" : "\"");
  buffer_puts (nav,
               strcmp (lang, current) == 0 ? " aria-current=\"page\">" : ">");
  html_escape (nav, name);
  buffer_puts (nav, "</a></li>\n");
  return 0;
}

/* The <head> links and the language menu of the page in CURRENT.
   Returns 0, or -1 when memory ran out.  */
static int
page_extras (const char *current, struct buffer *head, struct buffer *nav)
{
  const char *const *l;

  buffer_puts (head, "<link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"/\">\n");
  buffer_puts (nav, "<nav>\n<ul>\n");
  for (l = wtisd_languages (); *l != NULL; l++)
    if (language_links (*l, current, head, nav) != 0)
      return -1;
  buffer_puts (nav, "</ul>\n</nav>\n");
  return 0;
}

/* A response for BODY (kept for the life of the process) in LANG.  */
static struct MHD_Response *
response_make (struct buffer *body, const char *type, const char *lang)
{
  const char *tag = lang != NULL ? wtisd_language_tag (lang) : NULL;
  struct MHD_Response *response;

  if (body->failed || (lang != NULL && tag == NULL))
    return NULL;
  response = MHD_create_response_from_buffer (body->length, body->data,
                                              MHD_RESPMEM_PERSISTENT);
  if (response == NULL)
    return NULL;
  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  if (lang != NULL)
    {
      MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_LANGUAGE,
                               tag);
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
  if (label == NULL || page_extras (lang, &head, &nav) != 0)
    head.failed = 1;
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

  if (l == NULL)
    return -1;
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
  too_long = static_response ("URI too long: too many query arguments\n",
                              MHD_HTTP_HEADER_CONNECTION, "close");
  return not_found && not_allowed && bad_language && too_long ? 0 : -1;
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
  if (*state == &limits_query_too_long)
    return MHD_queue_response (connection, MHD_HTTP_URI_TOO_LONG, too_long);
  /* The first call comes with the headers: answering only at the second,
     once the request is read whole, lets the connection stay open.  */
  if (*state != &head_read)
    {
      *state = (void *)(size_t)&head_read;
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
  printf ("Usage: %s [OPTION]...\n", program_name);
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
         "      --max-connections=N  hold at most N connections (default: "
         "as many\n"
         "                            as the limit on open files allows)\n"
         "      --max-per-client=N  at most N from one address (default "
         "64)\n"
         "      --request-timeout=S  close a connection whose request is "
         "not read\n"
         "                            and answered within S seconds of its "
         "opening\n"
         "                            or of its previous answer (default "
         "10)\n"
         "  -h, --help              display this help and exit\n"
         "  -V, --version           output version information and exit\n\n"
         "GET / answers the HTML page in the language Accept-Language "
         "prefers, or\n"
         "the one ?lang=TAG names; GET /message.json the same as JSON.  A "
         "connection\n"
         "over a limit is closed as soon as it is accepted.  The server "
         "prints the\n"
         "address it listens on, and stops on SIGINT or SIGTERM.\n\n",
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

/* Parses a number from MIN to MAX; -1 when ARG is not one.  */
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

/* What the command line asks for.  */
struct settings
{
  const char *address_text;
  long port, max_connections, per_client, timeout;
};

/* Reads the options into SETTINGS.  Returns -1 to go on, or the exit
   status.  */
static int
options_parse (int argc, char **argv, struct settings *settings)
{
  static const struct option options[]
      = { { "port", required_argument, NULL, 'p' },
          { "address", required_argument, NULL, 'a' },
          { "max-connections", required_argument, NULL, 'C' },
          { "max-per-client", required_argument, NULL, 'P' },
          { "request-timeout", required_argument, NULL, 'T' },
          { "help", no_argument, NULL, 'h' },
          { "version", no_argument, NULL, 'V' },
          { NULL, 0, NULL, 0 } };
  int c;

  while ((c = getopt_long (argc, argv, "p:a:hV", options, NULL)) != -1)
    switch (c)
      {
      case 'p':
        if ((settings->port = number_parse (optarg, 0, 65535)) < 0)
          goto usage_error;
        break;
      case 'a':
        settings->address_text = optarg;
        break;
      case 'C':
        if ((settings->max_connections = number_parse (optarg, 1, 1048576))
            < 0)
          goto usage_error;
        break;
      case 'P':
        if ((settings->per_client = number_parse (optarg, 1, 1048576)) < 0)
          goto usage_error;
        break;
      case 'T':
        if ((settings->timeout = number_parse (optarg, 1, 86400)) < 0)
          goto usage_error;
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
  if (optind < argc)
    {
      fprintf (stderr, "%s: extra operand\n", program_name);
      return EXIT_USAGE;
    }
  return -1;

usage_error:
  fprintf (stderr, "%s: --%s: not a number in range\n", program_name,
           c == 'p'   ? "port"
           : c == 'C' ? "max-connections"
           : c == 'P' ? "max-per-client"
                      : "request-timeout");
  return EXIT_USAGE;
}

/* Starts the server on ADDRESS as SETTINGS say; NULL when it cannot.  */
static struct MHD_Daemon *
daemon_start (const struct settings *settings,
              const struct sockaddr_storage *address, unsigned flags)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  unsigned possible = limits_connections_possible ();
  unsigned limit
      = settings->max_connections > 0
                && (unsigned long)settings->max_connections < possible
            ? (unsigned)settings->max_connections
            : possible;

  return MHD_start_daemon (
      flags | MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG,
      (uint16_t)settings->port, NULL, NULL, answer, NULL, MHD_OPTION_SOCK_ADDR,
      (const struct sockaddr *)address, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(cpus > 0 ? cpus : 2), MHD_OPTION_CONNECTION_LIMIT, limit,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)settings->per_client,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)settings->timeout,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)LIMITS_CONNECTION_MEMORY,
      MHD_OPTION_NOTIFY_CONNECTION, limits_connection_notify, NULL,
      MHD_OPTION_NOTIFY_COMPLETED, limits_request_completed, NULL,
      MHD_OPTION_URI_LOG_CALLBACK, limits_uri_check, NULL,
      MHD_OPTION_UNESCAPE_CALLBACK, limits_unescape, NULL, MHD_OPTION_END);
}

int
main (int argc, char **argv)
{
  struct settings settings
      = { "127.0.0.1", 8080, 0, PER_CLIENT_LIMIT, REQUEST_TIMEOUT };
  unsigned flags = 0;
  struct sockaddr_storage address;
  struct MHD_Daemon *daemon;
  const union MHD_DaemonInfo *info;
  sigset_t stop;
  int status, signal_number;

  if ((status = options_parse (argc, argv, &settings)) >= 0)
    return status;
  if (address_parse (settings.address_text, (unsigned)settings.port, &address,
                     &flags)
      != 0)
    {
      fprintf (stderr, "%s: --address: not an address\n", program_name);
      return EXIT_USAGE;
    }
  if (pages_make () != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               wtisd_strerror (WTISD_ENOMEM));
      return EXIT_FAILURE;
    }
  /* The pool's threads and limits_start's inherit this mask: only the main
     thread takes the signals that stop the server.  */
  sigemptyset (&stop);
  sigaddset (&stop, SIGINT);
  sigaddset (&stop, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &stop, NULL);
  if (limits_start ((time_t)settings.timeout) != 0
      || (daemon = daemon_start (&settings, &address, flags)) == NULL)
    {
      fprintf (stderr, "%s: cannot listen on %s port %ld\n", program_name,
               settings.address_text, settings.port);
      return EXIT_FAILURE;
    }
  info = MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_BIND_PORT);
  printf (strchr (settings.address_text, ':') != NULL
              ? "%s: listening on http://[%s]:%u/\n"
              : "%s: listening on http://%s:%u/\n",
          program_name, settings.address_text,
          info != NULL ? info->port : (unsigned)settings.port);
  fflush (stdout);
  sigwait (&stop, &signal_number);
  MHD_stop_daemon (daemon);
  limits_stop ();
  return EXIT_SUCCESS;
}
