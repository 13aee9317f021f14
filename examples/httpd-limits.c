/* httpd-limits.c - what wtisd-httpd holds its clients to (issue 27).
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
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
};

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
      client_renew (c);
      *socket_context = c;
    }
  else if (c != NULL)
    {
      /* Unlinked before libmicrohttpd closes the descriptor, which the
         sweeper must then never shut (it may be another connection's).  */
      pthread_mutex_lock (&clients.lock);
      client_unlink (c);
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
limits_start (time_t timeout)
{
  clients.timeout = timeout;
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
