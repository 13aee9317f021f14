#!/bin/sh
# httpd-hold.sh - wtisd-httpd under idle and slow clients (issue 27):
# 10 000 connections that send nothing and 2 000 that send a request head
# a byte at a time (slowloris), 50 from each loopback address, while a
# normal client's 30 requests are each answered within a second; every
# held connection then closed within the request timeout, however its
# bytes trickle, and the log not flooded; a client over the per-address
# limit answered 503, or refused at once past twice the limit.
# About 10 seconds.  Skipped where the limit on open files is too low.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

server=$top_builddir/examples/wtisd-httpd
hold=$top_builddir/tests/httphold
if ! test -x "$server"; then
  echo "SKIP: wtisd-httpd was not built (libmicrohttpd missing)"
  exit 77
fi
# 12 000 connections, each a descriptor in this shell's client and in
# the server, which raises its own limit to the hard one.
need=12500
hard=$(ulimit -H -n)
if test "$hard" != unlimited && test "$hard" -lt $need; then
  echo "SKIP: the hard limit on open files ($hard) is below $need"
  exit 77
fi
ulimit -S -n $need || { echo "SKIP: cannot raise the limit on open files"; exit 77; }

server_start "$server" --request-timeout=3 --max-per-client=50
"$hold" "$port" 10000 2000 50 3 30 > "$workdir/hold"
status=$?
cat "$workdir/hold"
if test $status -eq 77; then
  echo "SKIP: cannot open 12 000 descriptors"
  exit 77
fi
test $status -eq 0 || fail "idle and slow clients: see above"
kill -0 $pid || fail "the server died"
# libmicrohttpd has a message for each connection it closes: at most 10
# a second reach the log, not 12 000.
lines=$(wc -l < "$workdir/server.err")
test "$lines" -lt 300 || fail "the server logged $lines lines"

# Over the per-address limit (50 here): a 503 to the connections past
# it, and past twice as many, closed at once, before any byte.
while read -r open expected; do
  sleep 1 # (The server sees the previous ones closed.)
  "$hold" refused "$port" "$open" > "$workdir/refused"
  cat "$workdir/refused"
  grep -qxF "of $open: $expected" "$workdir/refused" ||
    fail "per-address limit: $(cat "$workdir/refused"), not $expected"
done << 'EOF'
50 closed at once 0, answered 200 50, 503 0
60 closed at once 0, answered 200 50, 503 10
110 closed at once 10, answered 200 50, 503 50
EOF
finish
