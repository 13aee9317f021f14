/* httpd-limits.c - what wtisd-httpd holds its clients to (issue 27).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "httpd-limits.h"

/* libmicrohttpd's messages shown in a second, at most.  */
#define LOG_PER_SECOND 10

/* Descriptors kept for other uses than connections: the listening
   socket, an epoll set per thread, standard streams, catalogs.  */
#define FILES_RESERVED 64
/* More query arguments than libmicrohttpd has room for, with the rest of
   a request head, in LIMITS_CONNECTION_MEMORY.  */
#define QUERY_ARGUMENTS_MAX 64

const char limits_query_too_long;
static const char uri_fine;
static pthread_t sweeper_thread;

/* A connection, on the list the sweeper walks, until its deadline:
   the timeout after it was opened or its last request answered.
   All deadlines being the same time after an event, a connection goes at
   the tail and the list stays sorted.  libmicrohttpd's own timeout
   starts again at every byte received, which lets a client that sends
   one now and then (slowloris) hold a connection for ever.  */
struct client
{
  struct client *prev, *next; /* Both itself when off the list.  */
  struct timespec deadline;
  int fd;
  struct address *address; /* Where it comes from, or NULL.  */
  int over;                /* Over the per-address limit when opened.  */
};

/* How many connections an address has open, in a hash table under
   clients.lock.  */
struct address
{
  struct address *next;
  unsigned char bytes[16];
  size_t length;
  unsigned long count;
};

#define ADDRESS_BUCKETS 4096
static struct address *addresses[ADDRESS_BUCKETS];
static unsigned long per_address_limit;

static struct
{
  pthread_mutex_t lock;
  struct client *head, *tail;
  time_t timeout;
  atomic_int stop;
} clients = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void
client_unlink (struct client *c)
{
  if (c->next == c)
    return;
  *(c->prev != NULL ? &c->prev->next : &clients.head) = c->next;
  *(c->next != NULL ? &c->next->prev : &clients.tail) = c->prev;
  c->prev = c->next = c;
}

/* Gives C a new deadline, from now; it goes to the tail of the list.  */
static void
client_renew (struct client *c)
{
  pthread_mutex_lock (&clients.lock);
  client_unlink (c);
  clock_gettime (CLOCK_MONOTONIC, &c->deadline);
  c->deadline.tv_sec += clients.timeout;
  c->prev = clients.tail;
  c->next = NULL;
  *(clients.tail != NULL ? &clients.tail->next : &clients.head) = c;
  clients.tail = c;
  pthread_mutex_unlock (&clients.lock);
}

/* The bucket of the LENGTH BYTES of an address (FNV-1a).  */
static struct address **
address_bucket (const unsigned char *bytes, size_t length)
{
  uint32_t hash = 2166136261u;
  size_t i;

  for (i = 0; i < length; i++)
    hash = (hash ^ bytes[i]) * 16777619u;
  return &addresses[hash % ADDRESS_BUCKETS];
}

/* Counts C as a connection from its peer's address, and marks it over
   the limit when that makes more than the limit.  Under clients.lock.  */
static void
address_count (struct client *c, const struct sockaddr *peer)
{
  const unsigned char *bytes
      = peer->sa_family == AF_INET6
            ? ((const struct sockaddr_in6 *)(const void *)peer)
                  ->sin6_addr.s6_addr
            : (const unsigned char *)&(
                  (const struct sockaddr_in *)(const void *)peer)
                  ->sin_addr;
  size_t length = peer->sa_family == AF_INET6 ? 16 : 4;
  struct address **bucket = address_bucket (bytes, length), *a;

  for (a = *bucket; a != NULL; a = a->next)
    if (a->length == length && memcmp (a->bytes, bytes, length) == 0)
      break;
  if (a == NULL && (a = calloc (1, sizeof *a)) != NULL)
    {
      memcpy (a->bytes, bytes, length);
      a->length = length;
      a->next = *bucket;
      *bucket = a;
    }
  if (a != NULL)
    c->over = ++a->count > per_address_limit;
  c->address = a;
}

/* C closes: one connection less from its address.  Under clients.lock.  */
static void
address_uncount (struct client *c)
{
  struct address **at;

  if (c->address == NULL || --c->address->count > 0)
    return;
  for (at = address_bucket (c->address->bytes, c->address->length);
       *at != c->address; at = &(*at)->next)
    ;
  *at = c->address->next;
  free (c->address);
}

/* Follows each connection from its opening to its closing.  */
void
limits_connection_notify (void *data, struct MHD_Connection *connection,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
  struct client *c = *socket_context;

  (void)data;
  if (code == MHD_CONNECTION_NOTIFY_STARTED)
    {
      int fd = MHD_get_connection_info (connection,
                                        MHD_CONNECTION_INFO_CONNECTION_FD)
                   ->connect_fd;

      /* Without a deadline the connection could be held for ever: it is
         shut at once, and libmicrohttpd closes it.  */
      if ((c = malloc (sizeof *c)) == NULL)
        {
          shutdown (fd, SHUT_RDWR);
          return;
        }
      c->fd = fd;
      c->prev = c->next = c;
      c->address = NULL;
      c->over = 0;
      pthread_mutex_lock (&clients.lock);
      address_count (c, MHD_get_connection_info (
                            connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS)
                            ->client_addr);
      pthread_mutex_unlock (&clients.lock);
      client_renew (c);
      *socket_context = c;
    }
  else if (c != NULL)
    {
      /* Unlinked before libmicrohttpd closes the descriptor, which the
         sweeper must then never shut (it may be another connection's).  */
      pthread_mutex_lock (&clients.lock);
      client_unlink (c);
      address_uncount (c);
      pthread_mutex_unlock (&clients.lock);
      free (c);
    }
}

/* A request answered: the next one on the connection has its own time.  */
void
limits_request_completed (void *data, struct MHD_Connection *connection,
                          void **state, enum MHD_RequestTerminationCode code)
{
  const union MHD_ConnectionInfo *info = MHD_get_connection_info (
      connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

  (void)data, (void)state;
  if (code == MHD_REQUEST_TERMINATED_COMPLETED_OK && info != NULL
      && info->socket_context != NULL)
    client_renew (info->socket_context);
}

/* Shuts, four times a second, the connections past their deadline:
   libmicrohttpd sees them end and closes them.  */
static void *
sweeper (void *unused)
{
  const struct timespec quarter = { 0, 250000000 };
  struct timespec now;

  (void)unused;
  while (!atomic_load (&clients.stop))
    {
      nanosleep (&quarter, NULL);
      clock_gettime (CLOCK_MONOTONIC, &now);
      pthread_mutex_lock (&clients.lock);
      while (clients.head != NULL
             && (clients.head->deadline.tv_sec < now.tv_sec
                 || (clients.head->deadline.tv_sec == now.tv_sec
                     && clients.head->deadline.tv_nsec <= now.tv_nsec)))
        {
          shutdown (clients.head->fd, SHUT_RDWR);
          client_unlink (clients.head);
        }
      pthread_mutex_unlock (&clients.lock);
    }
  return NULL;
}

/* Sees each request line before libmicrohttpd stores the query's
   arguments (56 bytes each): with too many, the request is marked for a
   414 and the query ended after its '?', in the buffer libmicrohttpd
   parses next (0.9.75 does not answer when their records fill the
   connection's memory).  */
void *
limits_uri_check (void *data, const char *uri,
                  struct MHD_Connection *connection)
{
  const char *query = strchr (uri, '?'), *amp = query;
  size_t arguments = 1;

  (void)data, (void)connection;
  while (amp != NULL && (amp = strchr (amp + 1, '&')) != NULL)
    if (++arguments > QUERY_ARGUMENTS_MAX)
      {
        *(char *)(size_t)(query + 1) = '\0';
        return (void *)(size_t)&limits_query_too_long;
      }
  return (void *)(size_t)&uri_fine;
}

/* A %00 would cut a string short and let "/message.json%00.html" pass
   for "/message.json": a string with one is left as it is, naming no
   page and no language.  */
size_t
limits_unescape (void *data, struct MHD_Connection *connection, char *s)
{
  (void)data, (void)connection;
  return strstr (s, "%00") != NULL ? strlen (s) : MHD_http_unescape (s);
}

unsigned
limits_connections_possible (void)
{
  struct rlimit files;

  if (getrlimit (RLIMIT_NOFILE, &files) != 0)
    return 1024 - FILES_RESERVED;
  if (files.rlim_max == RLIM_INFINITY || files.rlim_max > 1048576)
    files.rlim_max = 1048576;
  if (files.rlim_cur < files.rlim_max)
    {
      rlim_t old = files.rlim_cur;

      files.rlim_cur = files.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &files) != 0)
        files.rlim_cur = old;
    }
  return files.rlim_cur > 2 * FILES_RESERVED
             ? (unsigned)(files.rlim_cur - FILES_RESERVED)
             : FILES_RESERVED;
}

int
limits_over (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info = MHD_get_connection_info (
      connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  const struct client *c = info != NULL ? info->socket_context : NULL;

  return c != NULL && c->over;
}

int
limits_start (time_t timeout, unsigned long per_address)
{
  clients.timeout = timeout;
  per_address_limit = per_address;
  return pthread_create (&sweeper_thread, NULL, sweeper, NULL) == 0 ? 0 : -1;
}

void
limits_stop (void)
{
  atomic_store (&clients.stop, 1);
  pthread_join (sweeper_thread, NULL);
}

void
limits_log (void *data, const char *format, va_list args)
{
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  static time_t second;
  static unsigned long shown, left_out;
  time_t now = time (NULL);

  pthread_mutex_lock (&lock);
  if (now != second)
    {
      if (left_out > 0)
        fprintf (stderr,
                 "%s: %lu more messages from libmicrohttpd not shown\n",
                 (const char *)data, left_out);
      second = now;
      shown = left_out = 0;
    }
  if (++shown <= LOG_PER_SECOND)
    {
      fprintf (stderr, "%s: ", (const char *)data);
      vfprintf (stderr, format, args);
    }
  else
    left_out++;
  pthread_mutex_unlock (&lock);
}
