/* static-httpd - the ceiling for wtisd-httpd's load benchmark: the same
   libmicrohttpd set-up (internal polling thread, a pool of one thread per
   processor, the same two-call answer), serving one file's bytes for
   every GET.  Prints "listening on http://127.0.0.1:PORT/", stops on
   SIGTERM.  Loopback only.
     static-httpd FILE
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <microhttpd.h>

static struct MHD_Response *response;

static enum MHD_Result
answer (void *data, struct MHD_Connection *connection, const char *url,
        const char *method, const char *version, const char *upload,
        size_t *upload_size, void **state)
{
  (void)data, (void)url, (void)method, (void)version, (void)upload;
  if (*state == NULL)
    {
      *state = &response;
      return MHD_YES;
    }
  *upload_size = 0;
  return MHD_queue_response (connection, MHD_HTTP_OK, response);
}

int
main (int argc, char **argv)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN), size;
  const union MHD_DaemonInfo *info;
  struct MHD_Daemon *daemon;
  char *body;
  FILE *file;
  sigset_t stop;
  int signal_number;

  if (argc != 2 || (file = fopen (argv[1], "rb")) == NULL)
    return 2;
  fseek (file, 0, SEEK_END);
  size = ftell (file);
  fseek (file, 0, SEEK_SET);
  body = malloc ((size_t)size);
  if (body == NULL || fread (body, 1, (size_t)size, file) != (size_t)size)
    return 2;
  fclose (file);
  response = MHD_create_response_from_buffer ((size_t)size, body,
                                              MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE,
                           "text/html; charset=utf-8");
  sigemptyset (&stop);
  sigaddset (&stop, SIGINT);
  sigaddset (&stop, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &stop, NULL);
  daemon = MHD_start_daemon (
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
      answer, NULL, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(cpus > 0 ? cpus : 2), MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)30, MHD_OPTION_END);
  if (daemon == NULL
      || (info = MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_BIND_PORT))
             == NULL)
    return 1;
  printf ("static-httpd: listening on http://127.0.0.1:%u/\n", info->port);
  fflush (stdout);
  sigwait (&stop, &signal_number);
  MHD_stop_daemon (daemon);
  return 0;
}
