/* wtisd-httpd - the message on the web (issue 22): a page per language
   at /TAG/ (its BCP 47 tag) and its JSON at /TAG/message.json, made
   once at start-up (httpd-site.c), plain, gzipped and in brotli
   (httpd-encoding.c), with ETags for conditional requests; / redirects
   to the page Accept-Language (or ?lang=TAG) asks for.  Served by GNU
   libmicrohttpd's thread pool (on epoll where the system has it, which
   FD_SETSIZE does not limit), with clients held to limits (issue 27,
   httpd-limits.c): so many connections in all and per address, and a
   fixed time for each request, however slowly its bytes arrive.
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
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include <wtisd.h>

#include "httpd-limits.h"
#include "httpd-site.h"

#define EXIT_USAGE 2

/* The defaults of --request-timeout and --max-per-client.  */
#define REQUEST_TIMEOUT 10
#define PER_CLIENT_LIMIT 64

static const char *program_name = "wtisd-httpd";

static struct site site;

/* *STATE between the handler's calls for a request once its head has
   been read (before: what limits_uri_check made it).  */
static const char head_read;

/* Whether LIST, an If-None-Match value, names ETAG or is "*" (RFC 9110,
   13.1.2: the weak comparison).  */
static int
etag_listed (const char *list, const char *etag)
{
  size_t length = strlen (etag);

  while (*(list += strspn (list, " \t,")) != '\0')
    {
      if (*list == '*')
        return 1;
      if (strncmp (list, "W/", 2) == 0)
        list += 2;
      /* (strchr finds the terminating '\0' too.)  */
      if (strncmp (list, etag, length) == 0
          && strchr (" \t,", list[length]) != NULL)
        return 1;
      list += strcspn (list, ",");
    }
  return 0;
}

/* Whether the client's copy is the current one, ETAG: If-None-Match
   decides, If-Modified-Since only without it (RFC 9110, 13.2.2).  */
static int
copy_current (struct MHD_Connection *connection, const char *etag)
{
  const char *none_match = MHD_lookup_connection_value (
      connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
  const char *since = MHD_lookup_connection_value (
      connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MODIFIED_SINCE);
  struct tm tm = { 0 };
  const char *end;

  if (none_match != NULL)
    return etag_listed (none_match, etag);
  /* (The C locale's names of days and months: HTTP's.)  */
  return since != NULL
         && (end = strptime (since, "%a, %d %b %Y %H:%M:%S GMT", &tm)) != NULL
         && *end == '\0' && timegm (&tm) >= site.modified;
}

/* R as the request asks: in the coding its Accept-Encoding prefers, a
   304 when its copy is current, a 406 when it refuses every coding.  */
static enum MHD_Result
resource_send (struct MHD_Connection *connection, const struct resource *r)
{
  enum encoding coding = encoding_negotiate (MHD_lookup_connection_value (
      connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));

  if (coding == ENCODING_NONE)
    return MHD_queue_response (connection, MHD_HTTP_NOT_ACCEPTABLE,
                               site.not_acceptable);
  return MHD_queue_response (connection,
                             copy_current (connection, r->etag[coding])
                                 ? MHD_HTTP_NOT_MODIFIED
                                 : MHD_HTTP_OK,
                             r->response[coding]);
}

/* The page of the language Accept-Language prefers; English without
   one.  */
static const struct site_page *
page_negotiated (struct MHD_Connection *connection)
{
  const char *lang = wtisd_negotiate (MHD_lookup_connection_value (
      connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));

  return site_page_of (&site, lang != NULL ? lang : "en");
}

/* / and /message.json: to the page (or the JSON) of the language TAG
   names (?lang=, for good), or else of the one Accept-Language prefers
   (for this request).  */
static enum MHD_Result
redirect (struct MHD_Connection *connection, int json, const char *tag)
{
  const struct site_page *page;
  const char *lang;

  if (tag == NULL)
    {
      page = page_negotiated (connection);
      return MHD_queue_response (connection, MHD_HTTP_FOUND,
                                 json ? page->found_json : page->found_html);
    }
  if ((lang = wtisd_language (tag)) == NULL)
    return MHD_queue_response (connection, MHD_HTTP_BAD_REQUEST,
                               site.bad_language);
  page = site_page_of (&site, lang);
  return MHD_queue_response (connection, MHD_HTTP_MOVED_PERMANENTLY,
                             json ? page->moved_json : page->moved_html);
}

/* The page of another tag of a catalog language, the LENGTH bytes at
   TAG (fr-CH, zh-cn, en-GB: fr, zh-CN, en); NULL for a tag of no
   catalog's.  */
static const struct site_page *
page_resolved (const char *tag, size_t length)
{
  char copy[64];

  if (length == 0 || length >= sizeof copy)
    return NULL;
  memcpy (copy, tag, length);
  copy[length] = '\0';
  return wtisd_language_check (copy) == WTISD_OK
             ? site_page_of (&site, wtisd_language (copy))
             : NULL;
}

/* The page that URL, /TAG/ or /TAG/message.json (*JSON), is about; when
   TAG lacks its slash or is another tag of the same catalog language
   (/fr, /fr-CH/), *MOVED: the answer is a redirect.  NULL for another
   path.  */
static const struct site_page *
language_path (const char *url, int *json, int *moved)
{
  size_t length = strcspn (url + 1, "/");
  const char *rest = url + 1 + length;
  const struct site_page *page;

  *json = strcmp (rest, "/message.json") == 0;
  if (!*json && strcmp (rest, "/") != 0 && *rest != '\0')
    return NULL;
  page = site_page_by_tag (&site, url + 1, length);
  *moved = page == NULL || *rest == '\0';
  return page != NULL ? page : page_resolved (url + 1, length);
}

/* The answer to a GET or HEAD of URL.  */
static enum MHD_Result
route (struct MHD_Connection *connection, const char *url)
{
  const struct site_page *page;
  int json, moved;

  if (strcmp (url, "/") == 0 || strcmp (url, "/message.json") == 0)
    return redirect (connection, url[1] != '\0',
                     MHD_lookup_connection_value (
                         connection, MHD_GET_ARGUMENT_KIND, "lang"));
  if (strcmp (url, "/sitemap.xml") == 0)
    return resource_send (connection, &site.sitemap);
  if (strcmp (url, "/robots.txt") == 0)
    return resource_send (connection, &site.robots);
  if (strcmp (url, "/favicon.svg") == 0 || strcmp (url, "/favicon.ico") == 0)
    return resource_send (connection, &site.favicon);
  if (url[0] != '/' || (page = language_path (url, &json, &moved)) == NULL)
    return MHD_queue_response (connection, MHD_HTTP_NOT_FOUND,
                               page_negotiated (connection)->missing);
  if (moved)
    return MHD_queue_response (connection, MHD_HTTP_MOVED_PERMANENTLY,
                               json ? page->moved_json : page->moved_html);
  return resource_send (connection, json ? &page->json : &page->html);
}

static enum MHD_Result
answer (void *data, struct MHD_Connection *connection, const char *url,
        const char *method, const char *version, const char *upload,
        size_t *upload_size, void **state)
{
  (void)data, (void)version, (void)upload;
  if (*state == &limits_query_too_long)
    return MHD_queue_response (connection, MHD_HTTP_URI_TOO_LONG,
                               site.too_long);
  if (limits_over (connection))
    return MHD_queue_response (connection, MHD_HTTP_SERVICE_UNAVAILABLE,
                               site.busy);
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
                               site.not_allowed);
  return route (connection, url);
}

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", program_name);
  fputs ("Serve the message of the ITU Secretary-General for World "
         "Telecommunication\n"
         "and Information Society Day 2021 over HTTP, a page per "
         "language.\n\n"
         "  -p, --port=N            listen on port N (default 8080; 0: any "
         "free port)\n"
         "  -a, --address=ADDR      listen on address ADDR, IPv4 or IPv6 "
         "(default\n"
         "                            127.0.0.1)\n"
         "      --base-url=URL      the site's address in its links to "
         "itself\n"
         "                            (default: http://ADDR:N)\n"
         "      --max-connections=N  hold at most N connections (default: "
         "as many\n"
         "                            as the limit on open files allows)\n"
         "      --max-per-client=N  answer at most N connections from one "
         "address\n"
         "                            (default 64)\n"
         "      --request-timeout=S  close a connection whose request is "
         "not read\n"
         "                            and answered within S seconds of its "
         "opening\n"
         "                            or of its previous answer (default "
         "10)\n"
         "  -h, --help              display this help and exit\n"
         "  -V, --version           output version information and exit\n\n"
         "GET /TAG/ answers the page in the language of the BCP 47 tag TAG "
         "(/fr/,\n"
         "/zh-CN/), /TAG/message.json the same as JSON; / and "
         "/message.json\n"
         "redirect to those of the language Accept-Language prefers, or of "
         "the one\n"
         "?lang=TAG names.  Also /sitemap.xml, /robots.txt and "
         "/favicon.ico.\n\n"
         "Past --max-connections, a connection is closed as soon as it is "
         "accepted;\n"
         "past --max-per-client, its requests are answered 503, and past "
         "twice as\n"
         "many it is closed too.  The server prints the address it listens "
         "on, and\n"
         "stops on SIGINT or SIGTERM.\n\n",
         stdout);
  printf ("Report bugs to: <%s>\n", PACKAGE_BUGREPORT);
}

/* Fills ADDRESS from TEXT and PORT.  Returns 0, or -1 for no address.  */
static int
address_parse (const char *text, unsigned port,
               struct sockaddr_storage *address)
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
  const char *address_text, *base_url;
  long port, max_connections, per_client, timeout;
};

/* Whether URL has only printable ASCII, no space: it goes as it is
   into robots.txt, a line of its own.  */
static int
url_printable (const char *url)
{
  for (; *url != '\0'; url++)
    if (*url <= ' ' || *url > '~')
      return 0;
  return 1;
}

/* Reads the options into SETTINGS.  Returns -1 to go on, or the exit
   status.  */
static int
options_parse (int argc, char **argv, struct settings *settings)
{
  static const struct option options[]
      = { { "port", required_argument, NULL, 'p' },
          { "address", required_argument, NULL, 'a' },
          { "base-url", required_argument, NULL, 'B' },
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
      case 'B':
        if ((strncmp (optarg, "http://", 7) != 0
             && strncmp (optarg, "https://", 8) != 0)
            || !url_printable (optarg))
          {
            fprintf (stderr,
                     "%s: --base-url: not an http:// or https:// "
                     "address\n",
                     program_name);
            return EXIT_USAGE;
          }
        settings->base_url = optarg;
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

/* A socket listening on ADDRESS, whose port it sets; -1 when none.  */
static int
listen_on (struct sockaddr_storage *address)
{
  socklen_t length = address->ss_family == AF_INET6
                         ? sizeof (struct sockaddr_in6)
                         : sizeof (struct sockaddr_in);
  int fd = socket (address->ss_family,
                   SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0),
      one = 1;

  if (fd < 0)
    return -1;
  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind (fd, (struct sockaddr *)address, length) != 0
      || listen (fd, SOMAXCONN) != 0
      || getsockname (fd, (struct sockaddr *)address, &length) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* The port ADDRESS has.  */
static unsigned
address_port (const struct sockaddr_storage *address)
{
  return ntohs (address->ss_family == AF_INET6
                    ? ((const struct sockaddr_in6 *)address)->sin6_port
                    : ((const struct sockaddr_in *)address)->sin_port);
}

/* Starts the server on the socket FD as SETTINGS say; NULL when it
   cannot.  */
static struct MHD_Daemon *
daemon_start (const struct settings *settings, int fd)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  unsigned possible = limits_connections_possible ();
  unsigned limit
      = settings->max_connections > 0
                && (unsigned long)settings->max_connections < possible
            ? (unsigned)settings->max_connections
            : possible;

  /* The logger first, so that it has every message.  Past twice the
     per-address limit, libmicrohttpd closes a connection at once (each
     costs a descriptor); up to that, limits_over tells which get a 503.  */
  return MHD_start_daemon (
      MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, answer,
      NULL, MHD_OPTION_EXTERNAL_LOGGER, limits_log,
      (void *)(size_t)program_name, MHD_OPTION_LISTEN_SOCKET, fd,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cpus > 0 ? cpus : 2),
      MHD_OPTION_CONNECTION_LIMIT, limit, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      (unsigned)(2 * settings->per_client), MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)settings->timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      (size_t)LIMITS_CONNECTION_MEMORY, MHD_OPTION_NOTIFY_CONNECTION,
      limits_connection_notify, NULL, MHD_OPTION_NOTIFY_COMPLETED,
      limits_request_completed, NULL, MHD_OPTION_URI_LOG_CALLBACK,
      limits_uri_check, NULL, MHD_OPTION_UNESCAPE_CALLBACK, limits_unescape,
      NULL, MHD_OPTION_END);
}

/* Makes the site, whose links begin with SETTINGS' base URL, or else
   "http://" and the address listened on, ADDRESS.  Returns 0, or -1.  */
static int
site_start (const struct settings *settings,
            const struct sockaddr_storage *address)
{
  char url[128];
  size_t length;

  if (settings->base_url == NULL)
    snprintf (url, sizeof url,
              address->ss_family == AF_INET6 ? "http://[%s]:%u"
                                             : "http://%s:%u",
              settings->address_text, address_port (address));
  else
    snprintf (url, sizeof url, "%s", settings->base_url);
  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    url[--length] = '\0';
  return site_make (&site, url);
}

int
main (int argc, char **argv)
{
  struct settings settings
      = { "127.0.0.1", NULL, 8080, 0, PER_CLIENT_LIMIT, REQUEST_TIMEOUT };
  struct sockaddr_storage address;
  struct MHD_Daemon *daemon = NULL;
  sigset_t stop;
  int status, signal_number, fd;

  if ((status = options_parse (argc, argv, &settings)) >= 0)
    return status;
  if (address_parse (settings.address_text, (unsigned)settings.port, &address)
      != 0)
    {
      fprintf (stderr, "%s: --address: not an address\n", program_name);
      return EXIT_USAGE;
    }
  if ((fd = listen_on (&address)) < 0)
    {
      fprintf (stderr, "%s: cannot listen on %s port %ld\n", program_name,
               settings.address_text, settings.port);
      return EXIT_FAILURE;
    }
  if (site_start (&settings, &address) != 0)
    {
      fprintf (stderr, "%s: %s\n", program_name,
               wtisd_strerror (WTISD_ENOMEM));
      return EXIT_FAILURE;
    }
  /* The pool's threads and limits_start's inherit this mask: only the
     main thread takes the signals that stop the server.  */
  sigemptyset (&stop);
  sigaddset (&stop, SIGINT);
  sigaddset (&stop, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &stop, NULL);
  if (limits_start ((time_t)settings.timeout,
                    (unsigned long)settings.per_client)
          != 0
      || (daemon = daemon_start (&settings, fd)) == NULL)
    {
      fprintf (stderr, "%s: cannot start the server\n", program_name);
      return EXIT_FAILURE;
    }
  printf (address.ss_family == AF_INET6 ? "%s: listening on http://[%s]:%u/\n"
                                        : "%s: listening on http://%s:%u/\n",
          program_name, settings.address_text, address_port (&address));
  fflush (stdout);
  sigwait (&stop, &signal_number);
  MHD_stop_daemon (daemon);
  limits_stop ();
  return EXIT_SUCCESS;
}
