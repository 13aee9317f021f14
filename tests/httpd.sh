#!/bin/sh
# httpd.sh - wtisd-httpd on a free loopback port: status codes, headers,
# negotiation, the page and the JSON against wtisd-message --format, the
# alternate links and the menu, hostile requests, requests too large to
# store, a NUL in the path or the query, a failure at start-up; then a
# bounded load
# (10 000 requests over 32 connections, mixed languages and formats):
# no error, every body exact, memory flat.  Skipped where the server
# was not built (no libmicrohttpd) or curl is missing.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

server=$top_builddir/examples/wtisd-httpd
prog=$top_builddir/examples/wtisd-message
if ! test -x "$server"; then
  echo "SKIP: wtisd-httpd was not built (libmicrohttpd missing)"
  exit 77
fi
if ! command -v curl > /dev/null 2>&1; then
  echo "SKIP: no curl"
  exit 77
fi
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
# A catalog name's BCP 47 tag (pt is Portugal's: pt-PT), from RFC 5646.
bcp47 () { echo "$1" | sed -e 's/@latin/-Latn/' -e 's/_/-/' -e 's/^pt$/pt-PT/'; }

server_start "$server"

# get PATH [CURL-ARGS...]: the response's headers and body.
get () {
  path=$1
  shift
  curl -s -D "$workdir/headers" -o "$stdout" "$@" "$url$path" || fail "curl $path"
  tr -d '\r' < "$workdir/headers" > "$workdir/h"
}
expect_status () {
  head -n 1 "$workdir/h" | grep -q " $1 " || fail "$path: $(head -n 1 "$workdir/h"), not $1"
}
expect_header () {
  grep -qixF "$1" "$workdir/h" || fail "$path: no header '$1'"
}

# Each language by ?lang=, as the page and as JSON, against the program.
for lang in $linguas en; do
  tag=$(bcp47 "$lang")
  get "/?lang=$lang"
  expect_status 200
  expect_header "Content-Type: text/html; charset=utf-8"
  expect_header "Content-Language: $tag"
  expect_header "Vary: Accept-Language"
  # The page is --format=html plus the alternate links and the menu.
  sed -e '/^<link rel="alternate"/d' -e '/^<nav>$/,/^<\/nav>$/d' "$stdout" > "$workdir/page"
  "$prog" --lang="$lang" --format=html > "$workdir/expected"
  cmp -s "$workdir/expected" "$workdir/page" || fail "$lang: the page is not --format=html"
  test "$(grep -c '^<link rel="alternate" hreflang=' "$stdout")" -eq \
    $(($(echo $linguas | wc -w) + 2)) || fail "$lang: not one alternate link per language"
  "$prog" --list-languages | while read -r code name; do
    grep -qF ">$name</a></li>" "$stdout" || echo "$code"
  done > "$workdir/unlisted"
  test -s "$workdir/unlisted" && fail "$lang: menu lacks $(cat "$workdir/unlisted")"
  cp "$stdout" "$workdir/page.$lang.html"
  get "/message.json?lang=$lang"
  expect_header "Content-Type: application/json"
  "$prog" --lang="$lang" --format=json > "$workdir/json.$lang"
  cmp -s "$workdir/json.$lang" "$stdout" || fail "$lang: /message.json is not --format=json"
done

# Accept-Language, as RFC 9110 and data/negotiation.txt have it (the last
# tab separates; "a|b|en": the first of these that has a catalog).
codes=" $("$prog" --list-languages | awk '{ printf "%s ", $1 }')"
while IFS= read -r line; do
  case $line in \#*|'') continue ;; esac
  header=${line%	*}
  for expected in $(echo "${line##*	}" | tr '|' ' '); do
    case $codes in *" $expected "*) break ;; esac
  done
  get / -H "Accept-Language: $header"
  expect_status 200
  tag=$(bcp47 "$expected")
  expect_header "Content-Language: $tag"
done < "$srcdir/data/negotiation.txt"
get /
expect_header "Content-Language: en"

# Everything else.
get /nowhere
expect_status 404
get / -X POST -d x=1
expect_status 405
expect_header "Allow: GET, HEAD"
get / -I
expect_status 200
grep -q '<html' "$stdout" && fail "HEAD has a body"
get "/?lang=../fr"
expect_status 400
get "/?lang=%ff%fe%80"
expect_status 400
get "/?lang=fr%0d%0aX-Injected:%201"
expect_status 400
grep -qi '^X-Injected' "$workdir/h" && fail "a header was injected"
# A 1 MB Accept-Language and thousands of ranges: a clear 4xx or the
# English page, never a crash.
# (curl refuses a header this long: httpload sends it raw.)
{ printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: '
  head -c 1048576 /dev/zero | tr '\0' 'a'
  printf '\r\n\r\n'; } | "$top_builddir/tests/httpload" raw "$port" > "$workdir/raw"
grep -qE '^HTTP/1\.1 (200|4[0-9][0-9]) ' "$workdir/raw" || fail "1 MB header: $(cat "$workdir/raw")"
i=0
while test $i -lt 3000; do printf 'qaa-%d;q=0.5, ' $i; i=$((i + 1)); done > "$workdir/ranges"
get / -H "Accept-Language: $(cat "$workdir/ranges")fr;q=0.1"
head -n 1 "$workdir/h" | grep -qE ' (200|4[0-9][0-9]) ' || fail "3000 ranges: $(head -n 1 "$workdir/h")"
kill -0 $pid || fail "the server died"

# A NUL would cut the path or the language short (issue 27): never served.
get "/message.json%00.html"
expect_status 404
get "/%00"
expect_status 404
printf 'GET /?lang=fr%%00<script> HTTP/1.1\r\nHost: x\r\n\r\n' |
  "$top_builddir/tests/httpload" raw "$port" > "$workdir/raw"
grep -q '^HTTP/1\.1 400 ' "$workdir/raw" || fail "lang=fr%00<script>: $(cat "$workdir/raw")"

# Requests with many parts, which libmicrohttpd keeps in each
# connection's memory (issue 27): each is answered at once, 200 when
# its parts fit, 414 or 431 when they do not; before, 480 arguments
# (3.3 KB) were never answered.
# repeat FORMAT N: FORMAT N times, %d the count from 0.
repeat () {
  i=0
  while test $i -lt "$2"; do printf "$1" $i; i=$((i + 1)); done
}
# request KIND N: a request with N query arguments, N '&' alone, a value
# of N bytes, N header lines, or N cookies.
request () {
  case $1 in
    arguments) printf 'GET /?%slang=fr HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat 'p%d=x&' $(($2 - 1)))" ;;
    ampersands) printf 'GET /?%s HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat '&' "$2")" ;;
    value) printf 'GET /?lang=fr&x=%s HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat A "$2")" ;;
    headers) printf 'GET / HTTP/1.1\r\nHost: x\r\n'; repeat 'X-%d: b\r\n' "$2"; printf '\r\n' ;;
    cookies) printf 'GET / HTTP/1.1\r\nHost: x\r\nCookie: %s\r\n\r\n' "$(repeat 'c%d=b; ' "$2")" ;;
  esac
}
while read -r kind count expected; do
  request "$kind" "$count" | "$top_builddir/tests/httpload" raw "$port" > "$workdir/raw"
  grep -q "^HTTP/1\.1 $expected " "$workdir/raw" ||
    fail "$count $kind: $(cat "$workdir/raw"), not $expected"
done << 'EOF'
arguments 64 200
arguments 65 414
arguments 480 414
arguments 2000 414
ampersands 30000 414
ampersands 100000 414
value 20000 200
headers 200 200
headers 5000 431
cookies 100 200
cookies 3000 431
EOF
kill -0 $pid || fail "the server died"

# The load: every language, both formats, each body against its own.
for lang in $linguas en; do
  echo "/?lang=$lang $workdir/page.$lang.html"
  echo "/message.json?lang=$lang $workdir/json.$lang"
done > "$workdir/targets"
"$top_builddir/tests/httpload" "$port" "$pid" 10000 32 < "$workdir/targets" \
  > "$workdir/load" || fail "the load had errors: $(cat "$workdir/load")"
cat "$workdir/load"
first=$(sed -n 's/.*VmRSS: \([0-9]*\) KiB after.*/\1/p' "$workdir/load")
last=$(sed -n 's/.* \([0-9]*\) KiB at the end/\1/p' "$workdir/load")
test -n "$first" && test -n "$last" && test "$last" -le $((first + 512)) ||
  fail "server memory grew from $first KiB to $last KiB"

kill -TERM $pid
wait $pid
test $? -eq 0 || fail "SIGTERM: the server did not exit 0"

# A language's tag or name missing at start-up (memory ran out, issue
# 27): a message and exit status 1, not a crash.  The names come through
# a preloaded stand-in, where the library is a shared one.
shim=$top_builddir/tests/.libs/null-names.so
for function in NAME TAG; do
  test -f "$shim" || break
  env "WTISD_NULL_$function=fr" LD_PRELOAD="$shim" ASAN_OPTIONS=verify_asan_link_order=0 \
    "$server" --port=0 > "$stdout" 2> "$stderr"
  status=$?
  grep -q '^null-names: ' "$stderr" || break
  test $status -eq 1 || fail "no $function for fr: exit status $status, not 1"
  grep -q '^wtisd-httpd: ' "$stderr" || fail "no $function for fr: no message"
  grep -q listening "$stdout" && fail "no $function for fr: it listened"
done
finish
