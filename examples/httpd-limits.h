/* httpd-limits.h - what wtisd-httpd holds its clients to (issue 27): a
   fixed time for each request, however slowly its bytes arrive; a query
   libmicrohttpd can store; no NUL in a path or a value; as many
   connections as the limit on open files allows.  The callbacks are
   libmicrohttpd's, given to MHD_start_daemon; they may run in any of its
   threads.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#ifndef WTISD_HTTPD_LIMITS_H
#define WTISD_HTTPD_LIMITS_H

#include <stdarg.h>
#include <stddef.h>
#include <time.h>

#include <microhttpd.h>

/* MHD_OPTION_CONNECTION_MEMORY_LIMIT: half of it reads the request head,
   the rest holds the records of its header lines and query arguments,
   and libmicrohttpd answers 431 or 414 to a head that does not fit.  */
#define LIMITS_CONNECTION_MEMORY (64 * 1024)

/* Starts the thread that closes each connection whose request is not
   read and answered within TIMEOUT seconds of its opening or of its
   previous answer; counts the connections from each address, beyond
   PER_ADDRESS over the limit (limits_over).  Returns 0, or -1 when it
   cannot.  */
int limits_start (time_t timeout, unsigned long per_address);

/* Whether CONNECTION, when it was opened, made its address's
   connections more than the limit: its requests get a 503.  */
int limits_over (struct MHD_Connection *connection);

/* Stops that thread.  */
void limits_stop (void);

/* Raises the limit on open files to the hard one, as nginx's
   worker_rlimit_nofile does: each connection takes one.  Returns the
   number of connections that leaves room for.  */
unsigned limits_connections_possible (void);

/* MHD_OPTION_NOTIFY_CONNECTION and MHD_OPTION_NOTIFY_COMPLETED: each
   connection's deadline, from its opening and from each answer.  */
void limits_connection_notify (void *data, struct MHD_Connection *connection,
                               void **socket_context,
                               enum MHD_ConnectionNotificationCode code);
void limits_request_completed (void *data, struct MHD_Connection *connection,
                               void **state,
                               enum MHD_RequestTerminationCode code);

/* MHD_OPTION_URI_LOG_CALLBACK: the handler's *STATE for a request is
   &limits_query_too_long when the query had more arguments than
   libmicrohttpd can store (it then stored none): answer it 414.  */
void *limits_uri_check (void *data, const char *uri,
                        struct MHD_Connection *connection);
extern const char limits_query_too_long;

/* MHD_OPTION_UNESCAPE_CALLBACK: libmicrohttpd's decoding, except of a
   string with a %00, which is left as it is.  */
size_t limits_unescape (void *data, struct MHD_Connection *connection,
                        char *s);

/* MHD_OPTION_EXTERNAL_LOGGER: libmicrohttpd's messages on standard
   error after "DATA: " (the program's name), at most 10 a second, and
   then how many were left out: it has one for each connection a limit
   closes, and a flood of clients must not flood the log.  */
void limits_log (void *data, const char *format, va_list args)
    __attribute__ ((__format__ (__printf__, 2, 0)));

#endif /* WTISD_HTTPD_LIMITS_H */
