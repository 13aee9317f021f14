/* httpload - a bounded HTTP/1.1 load on a server at 127.0.0.1: REQUESTS
   GETs over CONNECTIONS keep-alive connections, each path taken in turn
   from a list of "PATH EXPECTED-BODY-FILE" lines, every body compared
   with its file.  Prints the errors, requests per second, p50 and p99
   latency, and the server's resident memory (VmRSS of PID) after the
   first 10 000 requests and at the end.  Exit status 1 on any error.
     httpload PORT PID REQUESTS CONNECTIONS < LIST
   Or, "httpload raw PORT < REQUEST": sends REQUEST as it is (a header
   too long for curl, a byte curl would not send) and prints the
   response's status line.
   Loopback only: it never connects anywhere else.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define PATHS_MAX 256
#define FIRST_PHASE 10000

struct target
{
  char path[512];
  char *body;
  size_t length;
};

static struct target targets[PATHS_MAX];
static int target_count;
static unsigned port;
static long pid, requests;
static atomic_long next_request, errors, done;
static double *latencies;
static long rss_first = -1;
static pthread_mutex_t rss_lock = PTHREAD_MUTEX_INITIALIZER;

static long
rss_kib (void)
{
  char path[64], line[256];
  long value = -1;
  FILE *file;

  snprintf (path, sizeof path, "/proc/%ld/status", pid);
  if ((file = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, file) != NULL)
    if (sscanf (line, "VmRSS: %ld kB", &value) == 1)
      break;
  fclose (file);
  return value;
}

static double
now (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
connect_loopback (void)
{
  struct sockaddr_in address = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;

  address.sin_family = AF_INET;
  address.sin_port = htons ((uint16_t)port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd < 0 || connect (fd, (struct sockaddr *)&address, sizeof address) != 0)
    {
      if (fd >= 0)
        close (fd);
      return -1;
    }
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

/* Reads one response on FD into BUF (SIZE bytes); returns its status
   and points BODY at its body of LENGTH bytes, or -1.  */
static int
response_read (int fd, char *buf, size_t size, char **body, size_t *length)
{
  size_t have = 0, want = 0;
  char *end = NULL;
  int status = -1;

  for (;;)
    {
      ssize_t got;

      if (end != NULL && have >= want)
        break;
      if (have == size)
        return -1;
      got = read (fd, buf + have, size - have);
      if (got <= 0)
        return -1;
      have += (size_t)got;
      if (end == NULL && (end = memmem (buf, have, "\r\n\r\n", 4)) != NULL)
        {
          char *cl = memmem (buf, (size_t)(end - buf), "Content-Length: ", 16);

          if (cl == NULL || sscanf (buf, "HTTP/1.1 %d", &status) != 1)
            return -1;
          *body = end + 4;
          *length = strtoul (cl + 16, NULL, 10);
          want = (size_t)(*body - buf) + *length;
        }
    }
  return status;
}

static void *
worker (void *unused)
{
  size_t size = 1 << 20;
  char *buf = malloc (size), request[1024];
  int fd = -1;
  long n;

  (void)unused;
  while ((n = atomic_fetch_add (&next_request, 1)) < requests)
    {
      const struct target *t = &targets[n % target_count];
      double start = now ();
      char *body;
      size_t length;
      int len
          = snprintf (request, sizeof request,
                      "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", t->path);

      if (fd < 0 && (fd = connect_loopback ()) < 0)
        {
          atomic_fetch_add (&errors, 1);
          continue;
        }
      if (write (fd, request, (size_t)len) != len
          || response_read (fd, buf, size, &body, &length) != 200
          || length != t->length || memcmp (body, t->body, length) != 0)
        {
          atomic_fetch_add (&errors, 1);
          close (fd);
          fd = -1;
        }
      latencies[n] = now () - start;
      if (atomic_fetch_add (&done, 1) + 1 == FIRST_PHASE)
        {
          pthread_mutex_lock (&rss_lock);
          rss_first = rss_kib ();
          pthread_mutex_unlock (&rss_lock);
        }
    }
  if (fd >= 0)
    close (fd);
  free (buf);
  return NULL;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static int
targets_read (void)
{
  char line[1024], file[512];

  while (target_count < PATHS_MAX && fgets (line, sizeof line, stdin) != NULL)
    {
      struct target *t = &targets[target_count];
      FILE *f;
      long size;

      if (sscanf (line, "%511s %511s", t->path, file) != 2
          || (f = fopen (file, "rb")) == NULL)
        return -1;
      fseek (f, 0, SEEK_END);
      size = ftell (f);
      fseek (f, 0, SEEK_SET);
      t->body = malloc ((size_t)size + 1);
      t->length = t->body != NULL ? fread (t->body, 1, (size_t)size, f) : 0;
      fclose (f);
      if (t->body == NULL || t->length != (size_t)size)
        return -1;
      target_count++;
    }
  return target_count > 0 ? 0 : -1;
}

/* Sends standard input to the server and prints its status line, or
   "closed" when it closed the connection without one, or "no answer"
   when none came within 5 seconds.  */
static int
raw_request (void)
{
  struct timeval wait = { 5, 0 };
  char buf[65536], line[256];
  int fd = connect_loopback ();
  size_t got, used = 0;
  ssize_t n = 0;

  if (fd < 0)
    return 2;
  setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  while ((got = fread (buf, 1, sizeof buf, stdin)) > 0)
    if (write (fd, buf, got) != (ssize_t)got)
      break; /* The server may close early: read what it said.  */
  shutdown (fd, SHUT_WR);
  /* Up to the end of the status line: the server may keep the
     connection open after its answer.  */
  while (used < sizeof line - 1 && memchr (line, '\n', used) == NULL
         && (n = read (fd, line + used, sizeof line - 1 - used)) > 0)
    used += (size_t)n;
  close (fd);
  line[used] = '\0';
  line[strcspn (line, "\r\n")] = '\0';
  puts (used > 0 ? line : n < 0 ? "no answer" : "closed");
  return 0;
}

int
main (int argc, char **argv)
{
  pthread_t threads[256];
  long connections, i, rss_last;
  double start, seconds;

  /* A server that closes early must not kill the client.  */
  signal (SIGPIPE, SIG_IGN);
  if (argc == 3 && strcmp (argv[1], "raw") == 0)
    {
      port = (unsigned)atoi (argv[2]);
      return raw_request ();
    }
  if (argc != 5 || targets_read () != 0)
    {
      fprintf (stderr,
               "usage: httpload PORT PID REQUESTS CONNECTIONS < LIST\n");
      return 2;
    }
  port = (unsigned)atoi (argv[1]);
  pid = atol (argv[2]);
  requests = atol (argv[3]);
  connections = atol (argv[4]);
  if (requests <= 0 || connections <= 0 || connections > 256
      || (latencies = calloc ((size_t)requests, sizeof *latencies)) == NULL)
    return 2;
  start = now ();
  for (i = 0; i < connections; i++)
    pthread_create (&threads[i], NULL, worker, NULL);
  for (i = 0; i < connections; i++)
    pthread_join (threads[i], NULL);
  seconds = now () - start;
  rss_last = rss_kib ();
  qsort (latencies, (size_t)requests, sizeof *latencies, compare);
  printf ("requests: %ld over %ld connections, %d paths\n", requests,
          connections, target_count);
  printf ("errors: %ld\n", (long)errors);
  printf ("requests per second: %.0f\n", (double)requests / seconds);
  printf ("latency: p50 %.0f us, p99 %.0f us\n", latencies[requests / 2] * 1e6,
          latencies[requests * 99 / 100] * 1e6);
  printf ("server VmRSS: %ld KiB after %d requests, %ld KiB at the end\n",
          rss_first, FIRST_PHASE, rss_last);
  return errors == 0 ? 0 : 1;
}
