#!/bin/sh
# httpd-cache.sh - wtisd-httpd behind a real shared cache, Debian's nginx
# with proxy_cache on a socket of its own, which keeps what the origin's
# Cache-Control allows and one variant per value of the headers its Vary
# names (nginx 1.7.7 and later).  Twenty clients, each with its own
# Accept-Language (weights, ranges without a catalog) and Accept-Encoding
# (br, gzip, none, q=0), make 400 requests at once: / (its redirect,
# which varies by Accept-Language), the page it leads to and its JSON.
# Every answer must be the one the client's headers ask for: the
# language written in the table below, the coding, and the body the
# origin gives for it, byte for byte once decoded; so no client is ever
# served another's language or coding (no cache poisoning).  After each
# client's first round, at least 80% of the language pages must come from
# the cache (X-Cache-Status); the ratio is printed.  Then one coding's
# ETag must not validate another's, and a 406 must reach no one else.  Skipped where nginx
# or curl is missing or the server was not built.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

server=$top_builddir/examples/wtisd-httpd
if ! test -x "$server"; then
  echo "SKIP: wtisd-httpd was not built (libmicrohttpd missing)"
  exit 77
fi
nginx=$(command -v nginx || ls /usr/sbin/nginx 2> /dev/null)
if test -z "$nginx"; then
  echo "SKIP: no nginx (Debian package nginx-light or nginx) to cache in front of the server"
  exit 77
fi
if ! command -v curl > /dev/null 2>&1; then
  echo "SKIP: no curl"
  exit 77
fi
if grep -q '^#define HAVE_BROTLI 1' "$top_builddir/config.h"; then
  brotli=yes
else
  brotli=no
fi
if test $brotli = yes && ! command -v brotli > /dev/null 2>&1; then
  echo "SKIP part: no brotli program (Debian package brotli): the br bodies are not decoded"
fi

server_start "$server"

# nginx as this user, its files in $workdir/nginx, on a Unix socket (no
# port to find); as root its workers stay root to write there.
dir=$workdir/nginx
sock=$dir/cache.sock
mkdir -p "$dir"
{
  test "$(id -u)" -eq 0 && echo "user root;"
  cat << EOF
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  proxy_cache_path $dir/cache levels=1:2 keys_zone=wtisd:1m max_size=64m;
  server {
    listen unix:$sock;
    location / {
      proxy_pass http://127.0.0.1:$port;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache wtisd;
      add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
EOF
} > "$dir/nginx.conf"
"$nginx" -p "$dir/" -c "$dir/nginx.conf" -e stderr 2> "$dir/stderr" &
nginx_pid=$!
trap 'kill $pid $nginx_pid 2> /dev/null; wait; rm -rf "$workdir"' 0
i=0
while test $i -lt 50 && ! test -S "$sock"; do
  sleep 0.1
  i=$((i + 1))
done
test -S "$sock" || { cat "$dir/stderr" "$dir/error.log" >&2; exit 99; }

# The origin's own answers, asked directly: the page and the JSON of
# each language the clients reach, plain.
for tag in fr de ru ar zh-CN zh-TW pt-BR pt-PT ja ko es hi en tr uk he sw; do
  curl -s -o "$workdir/page.$tag" "$url/$tag/" &&
    curl -s -o "$workdir/json.$tag" "$url/$tag/message.json" ||
    fail "the origin's /$tag/"
done

# fetch FILE PATH AL AE: PATH through the cache with Accept-Language AL
# and Accept-Encoding AE ("none": no such header); the body in FILE,
# the headers in FILE.h.
fetch () {
  if test "$4" = none; then
    curl -s --unix-socket "$sock" -D "$1.raw" -o "$1" -H "Accept-Language: $3" "http://localhost$2"
  else
    curl -s --unix-socket "$sock" -D "$1.raw" -o "$1" -H "Accept-Language: $3" \
      -H "Accept-Encoding: $4" "http://localhost$2"
  fi
  tr -d '\r' < "$1.raw" > "$1.h"
}
header () { sed -n "s/^$1: //ip" "$2.h"; }

# check FILE EXPECTED CODING KIND: a 200 in CODING whose decoded body is
# EXPECTED.  Prints what is wrong, if anything.
check () {
  head -n 1 "$1.h" | grep -q ' 200 ' || { echo "$4: $(head -n 1 "$1.h")"; return; }
  got=$(header Content-Encoding "$1")
  test "$got" = "${3#identity}" || { echo "$4: coding '$got', not '$3'"; return; }
  case $3 in
    br) command -v brotli > /dev/null 2>&1 || return 0; decode="brotli -dc" ;;
    gzip) decode="gzip -dc" ;;
    *) decode="cat" ;;
  esac
  $decode < "$1" | cmp -s - "$2" || echo "$4: not the origin's $2"
}

# client N AL TAG AE CODING: 5 rounds of /, its page, the JSON, the page
# again; logs "N ROUND KIND X-CACHE-STATUS" per request, and a line
# "N ROUND KIND FAIL: ..." for each wrong answer.
client () {
  f=$workdir/client.$1
  for round in 1 2 3 4 5; do
    fetch "$f" / "$2" "$4"
    head -n 1 "$f.h" | grep -q ' 302 ' && test "$(header Location "$f")" = "/$3/" ||
      echo "$1 $round / FAIL: $(head -n 1 "$f.h") to $(header Location "$f"), not /$3/"
    echo "$1 $round / $(header X-Cache-Status "$f")"
    for path in "/$3/" "/$3/message.json" "/$3/"; do
      fetch "$f" "$path" "$2" "$4"
      case $path in */message.json) expected=$workdir/json.$3 ;; *) expected=$workdir/page.$3 ;; esac
      wrong=$(check "$f" "$expected" "$5" "$path")
      test -z "$wrong" || echo "$1 $round $path FAIL: $wrong"
      test "$(header Content-Language "$f")" = "$3" ||
        echo "$1 $round $path FAIL: Content-Language $(header Content-Language "$f")"
      echo "$1 $round page $(header X-Cache-Status "$f")"
    done
  done > "$workdir/log.$1"
}

# Accept-Language, the language it asks for (by RFC 9110 and 4647, as
# tests/data/negotiation.txt), Accept-Encoding, and the coding that
# asks for ("br|gzip": br where the server has brotli, else gzip).
n=0
clients=
while IFS='	' read -r al tag ae coding; do
  case $coding in
    *'|'*) if test $brotli = yes; then coding=${coding%|*}; else coding=${coding#*|}; fi ;;
  esac
  n=$((n + 1))
  client $n "$al" "$tag" "$ae" "$coding" &
  clients="$clients $!"
done << 'EOF'
fr-CH, fr;q=0.9, en;q=0.8	fr	br	br|identity
fr-CH, fr;q=0.9, en;q=0.8	fr	gzip	gzip
fr-CH, fr;q=0.9, en;q=0.8	fr	none	identity
fr;q=0.9, de	de	gzip, br	br|gzip
de-AT, de;q=0.8	de	identity	identity
ar;q=0.5, ru	ru	gzip	gzip
ru;q=0.5, ar	ar	br;q=0.5, gzip	gzip
zh-Hans-SG	zh-CN	br	br|identity
zh-TW, zh;q=0.8	zh-TW	gzip;q=0	identity
pt-BR	pt-BR	gzip	gzip
pt-PT	pt-PT	*	br|gzip
ja	ja	gzip, br;q=0	gzip
ko, en;q=0.1	ko	none	identity
qaa, es;q=0.001	es	br	br|identity
hi-IN, en-IN;q=0.5	hi	gzip	gzip
en-GB	en	br, gzip	br|gzip
tr, de;q=0.9	tr	none	identity
uk;q=0.9, ru;q=0.8, *;q=0.1	uk	br	br|identity
he	he	gzip	gzip
sw-KE, sw;q=0.9	sw	identity;q=1, gzip;q=0.5	identity
EOF
wait $clients
cat "$workdir"/log.* > "$workdir/log"
grep ' FAIL: ' "$workdir/log" | head -n 20 | while read -r line; do echo "FAIL: client $line" >&2; done
failures=$((failures + $(grep -c ' FAIL: ' "$workdir/log")))
requests=$(grep -vc ' FAIL: ' "$workdir/log")
test "$requests" -eq $((n * 20)) || fail "$requests requests answered, not $((n * 20))"

# From the cache: the language pages after each client's first round,
# and the redirects (one variant per Accept-Language value).
pages=$(grep -c '^[0-9]* [2-5] page ' "$workdir/log")
hits=$(grep -c '^[0-9]* [2-5] page HIT$' "$workdir/log")
redirects=$(grep -c '^[0-9]* [1-5] / ' "$workdir/log")
redirect_hits=$(grep -c '^[0-9]* [1-5] / HIT$' "$workdir/log")
echo "$requests requests from $n clients through nginx $("$nginx" -v 2>&1 | sed 's|.*/||'):"
echo "  language pages after the first round: $hits of $pages from the cache ($((100 * hits / pages))%)"
echo "  redirects from /: $redirect_hits of $redirects from the cache"
test $((100 * hits)) -ge $((80 * pages)) ||
  fail "only $hits of $pages language pages came from the cache"

# A validator of one coding never validates another through the cache:
# the br page's ETag asked with gzip is a 200 in gzip, not a 304.
f=$workdir/conditional
for coding in gzip br; do
  test $coding = br && test $brotli = no && continue
  fetch "$f" /fr/ fr $coding
  eval "etag_$coding=\$(header ETag \"\$f\")"
done
if test $brotli = yes; then
  curl -s --unix-socket "$sock" -D "$f.raw" -o "$f" -H "Accept-Encoding: gzip" \
    -H "If-None-Match: $etag_br" http://localhost/fr/
  tr -d '\r' < "$f.raw" > "$f.h"
  wrong=$(check "$f" "$workdir/page.fr" gzip "/fr/ with br's ETag")
  test -z "$wrong" || fail "$wrong"
fi
curl -s --unix-socket "$sock" -D "$f.raw" -o "$f" -H "Accept-Encoding: gzip" \
  -H "If-None-Match: $etag_gzip" http://localhost/fr/
tr -d '\r' < "$f.raw" > "$f.h"
head -n 1 "$f.h" | grep -q ' 304 ' || fail "/fr/ with gzip's ETag: $(head -n 1 "$f.h"), not 304"
# A 406 (every coding refused) is kept for no one else.
fetch "$f" /es/ es "*;q=0"
head -n 1 "$f.h" | grep -q ' 406 ' || fail "/es/ with *;q=0: $(head -n 1 "$f.h"), not 406"
for ae in none gzip; do
  fetch "$f" /es/ es $ae
  wrong=$(check "$f" "$workdir/page.es" "$(test $ae = none && echo identity || echo $ae)" "/es/ after a 406")
  test -z "$wrong" || fail "$wrong"
done
kill -0 $nginx_pid 2> /dev/null || fail "nginx died: $(cat "$dir/error.log")"
finish
