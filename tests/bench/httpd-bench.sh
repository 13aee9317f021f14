#!/bin/sh
# httpd-bench.sh - wtisd-httpd under load against its ceiling, the same
# libmicrohttpd set-up serving one static file (static-httpd): 50 000
# requests over 32 keep-alive connections on loopback, every language and
# both formats for wtisd-httpd, the French page for the ceiling; three
# rounds, the two servers interleaved.  Prints each run's requests per
# second, p50 and p99 latency (taken by the client for each request), the
# server's resident memory after 10 000 requests and at the end (VmRSS
# read from /proc by the client, in the same run), and the ratio of the
# medians.  Figures, not a test.
#   httpd-bench.sh BUILDDIR
set -eu
build=$1
work=$(mktemp -d)
trap 'kill $pids 2> /dev/null; rm -rf "$work"' 0
pids=
export WTISD_LOCALEDIR="$build/tests/locale"
load=$build/tests/httpload
prog=$build/examples/wtisd-message

start () {
  "$@" > "$work/out" 2>&1 &
  pid=$!
  pids="$pids $pid"
  # Up to 10 s: a loaded machine can take seconds to start a server.
  for _ in $(seq 50); do
    grep -q listening "$work/out" 2> /dev/null && break
    sleep 0.2
  done
  port=$(sed -n 's|.*:\([0-9]*\)/$|\1|p' "$work/out")
  test -n "$port" || { echo "httpd-bench: $1 did not start:"; cat "$work/out"; exit 1; } >&2
}

start "$build/examples/wtisd-httpd" --port=0
wtisd_pid=$pid
wtisd_port=$port
# Each catalog's page is at its BCP 47 tag (/pt-BR/, /sr-Latn/), where
# the catalog's name (pt_BR, sr@latin) redirects: the path after it.
for lang in $("$prog" --list-languages | awk '{ print $1 }'); do
  page=$(curl -s -L -o "$work/page.$lang" -w '%{url_effective}' \
    "http://127.0.0.1:$port/$lang/")
  page=${page#"http://127.0.0.1:$port"}
  curl -s -o "$work/json.$lang" "http://127.0.0.1:$port${page}message.json"
  echo "$page $work/page.$lang"
  echo "${page}message.json $work/json.$lang"
done > "$work/wtisd.targets"
start "$build/tests/bench/static-httpd" "$work/page.fr"
static_pid=$pid
static_port=$port
echo "/ $work/page.fr" > "$work/static.targets"

echo "== wtisd-httpd against static-httpd, 50000 requests, 32 connections"
for round in 1 2 3; do
  for server in static wtisd; do
    eval "p=\$${server}_port; id=\$${server}_pid"
    # Any error is reported below, with the round's figures.
    "$load" "$p" "$id" 50000 32 < "$work/$server.targets" > "$work/$server.$round" || :
    rps=$(sed -n 's/requests per second: //p' "$work/$server.$round")
    echo "$rps" >> "$work/$server.rps"
    printf '%-6s round %d: %s rps, %s; %s\n' "$server" "$round" "$rps" \
      "$(sed -n 's/latency: //p' "$work/$server.$round")" \
      "$(sed -n 's/server VmRSS: //p' "$work/$server.$round")"
    grep -q '^errors: 0$' "$work/$server.$round" || echo "  ERRORS: $(grep errors "$work/$server.$round")"
  done
done
median () { sort -n "$1" | sed -n 2p; }
echo "median rps: static $(median "$work/static.rps"), wtisd $(median "$work/wtisd.rps");" \
  "wtisd-httpd at $(echo "$(median "$work/wtisd.rps") $(median "$work/static.rps")" |
  awk '{ printf "%.2f", $1 / $2 }')x the ceiling"
