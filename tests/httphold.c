/* httphold - what idle and slow clients do to a server at 127.0.0.1
   (issue 27), loopback only:
     httphold PORT IDLE SLOW PER-ADDRESS TIMEOUT REQUESTS
   opens IDLE connections that send nothing and SLOW ones that send a
   request head one byte every 200 ms and never end it (slowloris), at
   most PER-ADDRESS from each of 127.0.0.2, 127.0.0.3, ...; then, from
   127.0.0.1, makes REQUESTS requests, one every 100 ms, each on a new
   connection, and expects every one answered 200 within a second.
   Then it expects the server to close every idle and slow connection
   within TIMEOUT + 2 seconds of its opening, however the bytes trickle.
     httphold refused PORT OPEN
   opens OPEN connections from 127.0.0.2 and prints how many the server
   closed within half a second, without a byte sent, then how many of the
   others answered a request 200 and how many 503.
   Prints what it saw; exit status 1 when an expectation failed, 77 when
   it cannot open that many descriptors.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static unsigned port;

static double
now (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A connection to the server from 127.0.0.HOST (in host order, above
   127.0.0.0), blocking; -1 on failure, with errno.  */
static int
connect_from (uint32_t host)
{
  struct sockaddr_in local = { 0 }, server = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;

  if (fd < 0)
    return -1;
#ifdef IP_BIND_ADDRESS_NO_PORT
  /* The port is chosen at connect (), per destination: many more fit.  */
  setsockopt (fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
#endif
  (void)one;
  local.sin_family = server.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl (INADDR_LOOPBACK + host);
  server.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  server.sin_port = htons ((uint16_t)port);
  if (bind (fd, (struct sockaddr *)&local, sizeof local) != 0
      || connect (fd, (struct sockaddr *)&server, sizeof server) != 0)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return -1;
    }
  return fd;
}

/* Sends a GET of /fr/ on FD and reads the status of its answer; 0 when
   none came within a second (or the connection was closed).  */
static int
status_of (int fd)
{
  static const char request[] = "GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\n\r\n";
  double start = now ();
  char head[16] = "";
  size_t got = 0;
  struct pollfd p;
  int status;

  if (write (fd, request, sizeof request - 1) != (ssize_t)(sizeof request - 1))
    return 0;
  p.fd = fd;
  p.events = POLLIN;
  while (got < 12)
    {
      ssize_t n;
      int left = (int)((start + 1 - now ()) * 1000);

      if (left <= 0 || poll (&p, 1, left) != 1
          || (n = read (fd, head + got, 12 - got)) <= 0)
        return 0;
      got += (size_t)n;
    }
  return sscanf (head, "HTTP/1.1 %d", &status) == 1 ? status : 0;
}

/* One GET from 127.0.0.1 on a new connection: its seconds, or -1 when it
   was not answered 200 within a second.  */
static double
request_time (void)
{
  double start = now ();
  int fd = connect_from (1), status;

  if (fd < 0)
    return -1;
  status = status_of (fd);
  close (fd);
  return status == 200 ? now () - start : -1;
}

struct held
{
  int fd;
  int slow;      /* Sends a byte of its endless request head now and then. */
  size_t sent;   /* Bytes of it sent.  */
  double opened; /* When it connected.  */
  double closed; /* When the server closed it, or 0.  */
};

/* The slow clients' next byte, and a look at which connections the
   server closed.  Returns how many are still open.  */
static size_t
held_step (struct held *h, size_t count, struct pollfd *p)
{
  static const char head[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  size_t i, open = 0;
  char buf[256];

  for (i = 0; i < count; i++)
    {
      p[i].fd = h[i].closed > 0 ? -1 : h[i].fd;
      p[i].events = POLLIN;
      p[i].revents = 0;
      if (h[i].closed > 0 || !h[i].slow)
        continue;
      /* The request line at once, then "X-a: b\r\n" a byte at a time.  */
      if (h[i].sent == 0 && write (h[i].fd, head, sizeof head - 1) > 0)
        h[i].sent = sizeof head - 1;
      else if (write (h[i].fd, &"X-a: b\r\n"[h[i].sent++ % 8], 1) < 0)
        h[i].closed = now ();
    }
  poll (p, count, 0);
  for (i = 0; i < count; i++)
    {
      if (h[i].closed == 0 && p[i].revents != 0
          && read (h[i].fd, buf, sizeof buf) <= 0)
        h[i].closed = now ();
      open += h[i].closed == 0;
    }
  return open;
}

/* Opens COUNT connections, PER_ADDRESS from each address, the first SLOW
   of them slow.  Returns 0, or -1 when one cannot be opened.  */
static int
held_open (struct held *h, size_t count, size_t slow, size_t per_address)
{
  size_t i;

  for (i = 0; i < count; i++)
    {
      h[i].fd = connect_from (2 + (uint32_t)(i / per_address));
      if (h[i].fd < 0)
        {
          printf ("connection %zu of %zu: %s\n", i + 1, count,
                  strerror (errno));
          return -1;
        }
      fcntl (h[i].fd, F_SETFL, O_NONBLOCK);
      h[i].slow = i < slow;
      h[i].sent = 0;
      h[i].opened = now ();
      h[i].closed = 0;
    }
  return 0;
}

/* The normal client's requests, among the held connections.  */
static int
requests_check (struct held *h, size_t count, struct pollfd *p, long requests)
{
  const struct timespec tenth = { 0, 100000000 };
  double worst = 0;
  long i, failed = 0;

  for (i = 0; i < requests; i++)
    {
      double t = request_time ();

      if (t < 0)
        failed++;
      else if (t > worst)
        worst = t;
      held_step (h, count, p);
      nanosleep (&tenth, NULL);
    }
  printf ("requests answered within a second: %ld of %ld (slowest %.3f s)\n",
          requests - failed, requests, worst);
  return failed == 0 ? 0 : -1;
}

/* Waits until the server has closed every held connection, or TIMEOUT + 3
   seconds after the last was opened; fails when one was closed late or
   never.  */
static int
closing_check (struct held *h, size_t count, struct pollfd *p, long timeout)
{
  const struct timespec fifth = { 0, 200000000 };
  double end = h[count - 1].opened + (double)timeout + 3, latest = 0;
  size_t i, late = 0, open_slow = 0;

  while (held_step (h, count, p) > 0 && now () < end)
    nanosleep (&fifth, NULL);
  for (i = 0; i < count; i++)
    {
      double held = (h[i].closed > 0 ? h[i].closed : now ()) - h[i].opened;

      late += held > (double)timeout + 2;
      open_slow += h[i].slow && h[i].closed == 0;
      if (held > latest)
        latest = held;
    }
  printf ("held connections the server closed in time: %zu of %zu "
          "(slow ones still open: %zu; longest held %.1f s)\n",
          count - late, count, open_slow, latest);
  return late == 0 ? 0 : -1;
}

/* httphold refused PORT OPEN: what the server does with OPEN
   connections from one address: those it closes at once, then the
   answers to a request on each of the others.  */
static int
refused_count (long open)
{
  struct held *h = calloc ((size_t)open, sizeof *h);
  struct pollfd *p = calloc ((size_t)open, sizeof *p);
  const struct timespec tenth = { 0, 100000000 };
  size_t i, closed = 0, ok = 0, busy = 0;

  if (h == NULL || p == NULL || held_open (h, (size_t)open, 0, 1000000) != 0)
    {
      free (h);
      free (p);
      return 2;
    }
  for (i = 0; i < 5; i++)
    {
      nanosleep (&tenth, NULL);
      held_step (h, (size_t)open, p);
    }
  for (i = 0; i < (size_t)open; i++)
    {
      int status = h[i].closed > 0 ? 0 : status_of (h[i].fd);

      closed += h[i].closed > 0;
      ok += status == 200;
      busy += status == 503;
      close (h[i].fd);
    }
  printf ("of %ld: closed at once %zu, answered 200 %zu, 503 %zu\n", open,
          closed, ok, busy);
  free (h);
  free (p);
  return 0;
}

int
main (int argc, char **argv)
{
  size_t idle, slow, per_address;
  long timeout, requests;
  struct held *h;
  struct pollfd *p;
  int status;

  /* A server that closes first must not kill the client.  */
  signal (SIGPIPE, SIG_IGN);
  if (argc == 4 && strcmp (argv[1], "refused") == 0)
    {
      port = (unsigned)atoi (argv[2]);
      return refused_count (atol (argv[3]));
    }
  if (argc != 7)
    {
      fputs ("usage: httphold PORT IDLE SLOW PER-ADDRESS TIMEOUT REQUESTS\n"
             "       httphold refused PORT OPEN\n",
             stderr);
      return 2;
    }
  port = (unsigned)atoi (argv[1]);
  idle = (size_t)atol (argv[2]);
  slow = (size_t)atol (argv[3]);
  per_address = (size_t)atol (argv[4]);
  timeout = atol (argv[5]);
  requests = atol (argv[6]);
  h = calloc (idle + slow, sizeof *h);
  p = calloc (idle + slow, sizeof *p);
  if (h == NULL || p == NULL || idle + slow == 0 || per_address == 0
      || held_open (h, idle + slow, slow, per_address) != 0)
    {
      status = h != NULL && p != NULL && errno == EMFILE ? 77 : 1;
      free (h);
      free (p);
      return status;
    }
  printf ("holding %zu idle and %zu slow connections\n", idle, slow);
  status = requests_check (h, idle + slow, p, requests);
  if (closing_check (h, idle + slow, p, timeout) != 0)
    status = -1;
  free (h);
  free (p);
  return status == 0 ? 0 : 1;
}
