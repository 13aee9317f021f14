#!/bin/sh
# httpd.sh - wtisd-httpd on a free loopback port: status codes, headers,
# the page of each language at /TAG/ and its JSON against wtisd-message
# --format, the redirects from / (negotiation) and ?lang=, the absolute
# alternate and canonical links and the menu, --base-url, the sitemap
# (well-formed, with every page's alternates) and robots.txt, "not
# found" pages, HTML5 (by the validator CI installs), ETags and 304s,
# caching, gzip and brotli as Accept-Encoding weighs them (a 406 when
# it refuses all), the security headers;
# hostile requests, requests too large to store, a NUL in the path or
# the query, a failure at start-up; then a bounded load (10 000 requests
# over 32 connections, mixed languages and formats): no error, every
# body exact, memory flat.  Skipped where the server was not built (no
# libmicrohttpd) or curl is missing.
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

server_start "$server"

# get PATH [CURL-ARGS...]: the response's headers and body.
get () {
  path=$1
  shift
  : > "$stdout" # (curl leaves the file as it was when there is no body.)
  curl -s -D "$workdir/headers" -o "$stdout" "$@" "$url$path" || fail "curl $path"
  tr -d '\r' < "$workdir/headers" > "$workdir/h"
}
expect_status () {
  head -n 1 "$workdir/h" | grep -q " $1 " || fail "$path: $(head -n 1 "$workdir/h"), not $1"
}
expect_header () {
  grep -qixF "$1" "$workdir/h" || fail "$path: no header '$1'"
}

# expect_cache MIN MAX: Cache-Control is public with a max-age from MIN
# to MAX seconds.
expect_cache () {
  age=$(sed -n 's/^Cache-Control: public, max-age=\([0-9]*\)$/\1/ip' "$workdir/h")
  test -n "$age" && test "$age" -ge "$1" && test "$age" -le "$2" ||
    fail "$path: Cache-Control $(grep -i '^Cache-Control:' "$workdir/h"), not public, max-age from $1 to $2"
}
languages=$(($(echo $linguas | wc -w) + 1))
# What every page links to and lists, made once (each language's page is
# compared with these by a grep, not a grep per language).
"$prog" --list-languages > "$workdir/list"
for other in $linguas en; do
  t=$(bcp47 "$other")
  echo "<link rel=\"alternate\" hreflang=\"$t\" href=\"$url/$t/\">"
done > "$workdir/alternates"
sed -e 's/^[^ ]*  *//' -e 's|$|</a></li>|' -e 's/^/>/' "$workdir/list" |
  sort -u > "$workdir/entries"

# Each language at /TAG/, as the page and as JSON, against the program.
for lang in $linguas en; do
  tag=$(bcp47 "$lang")
  get "/$tag/"
  expect_status 200
  expect_header "Content-Type: text/html; charset=utf-8"
  expect_header "Content-Language: $tag"
  expect_header "Vary: Accept-Encoding"
  expect_cache 3600 604800
  # The page is --format=html plus its links (alternates, canonical,
  # icon), the link to the menu and the menu.
  sed -e '/^<link rel="/d' -e '/^<p class="languages"><a href="#languages">/d' \
    -e '/^<nav id="languages">$/,/^<\/nav>$/d' \
    "$stdout" > "$workdir/page"
  # No text that no catalog translates (an English aria-label).
  grep -q 'aria-label=' "$stdout" && fail "$lang: the page has an aria-label"
  "$prog" --lang="$lang" --format=html > "$workdir/expected"
  cmp -s "$workdir/expected" "$workdir/page" || fail "$lang: the page is not --format=html"
  # Absolute links: the page's own, then x-default and every language.
  grep '^<link rel=' "$stdout" > "$workdir/links"
  head -n 1 "$workdir/links" | grep -qxF "<link rel=\"canonical\" href=\"$url/$tag/\">" ||
    fail "$lang: canonical link $(head -n 1 "$workdir/links")"
  grep -qxF "<link rel=\"alternate\" hreflang=\"x-default\" href=\"$url/\">" "$workdir/links" ||
    fail "$lang: no x-default link"
  grep -vxF -f "$workdir/links" "$workdir/alternates" > "$workdir/missing" &&
    fail "$lang: no alternate link $(head -n 1 "$workdir/missing")"
  test "$(grep -c '^<link rel="alternate" hreflang=' "$stdout")" -eq $((languages + 1)) ||
    fail "$lang: not one alternate link per language"
  grep -oF -f "$workdir/entries" "$stdout" | sort -u |
    comm -13 - "$workdir/entries" > "$workdir/unlisted"
  test -s "$workdir/unlisted" && fail "$lang: menu lacks $(cat "$workdir/unlisted")"
  # The menu names the page's own language, once, as the current page,
  # and the link to it at the top says its name.
  name=$(sed -n "s/^$lang  *//p" "$workdir/list")
  grep -xF "<li><a href=\"/$tag/\" hreflang=\"$tag\" lang=\"$tag\"$(test "$(direction "$lang")" = rtl && echo ' dir="rtl"') aria-current=\"page\">$name</a></li>" "$stdout" > /dev/null ||
    fail "$lang: the menu does not mark $tag as the current page"
  test "$(grep -c 'aria-current=' "$stdout")" -eq 1 || fail "$lang: not one current page in the menu"
  grep -q "^<p class=\"languages\"><a href=\"#languages\"><svg [^>]*>.*</svg>$name</a></p>\$" "$stdout" ||
    fail "$lang: the link to the menu does not say $name"
  grep -qxF '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' "$stdout" ||
    fail "$lang: no icon"
  cp "$stdout" "$workdir/page.$lang.html"
  get "/$tag/message.json"
  expect_status 200
  expect_header "Content-Type: application/json"
  expect_header "Content-Language: $tag"
  "$prog" --lang="$lang" --format=json > "$workdir/json.$lang"
  cmp -s "$workdir/json.$lang" "$stdout" || fail "$lang: /$tag/message.json is not --format=json"
  # ?lang= keeps working, as a lasting redirect.
  get "/?lang=$lang"
  expect_status 301
  expect_header "Location: /$tag/"
  get "/message.json?lang=$tag"
  expect_status 301
  expect_header "Location: /$tag/message.json"
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
  expect_status 302
  tag=$(bcp47 "$expected")
  expect_header "Location: /$tag/"
  expect_header "Vary: Accept-Language"
  expect_cache 1 300
done < "$srcdir/data/negotiation.txt"
get /
expect_status 302
expect_header "Location: /en/"
get /message.json -H "Accept-Language: pt-BR"
expect_status 302
expect_header "Location: /pt-BR/message.json"
expect_header "Vary: Accept-Language"

# Whatever else, and a language without a catalog: a 404 page in the
# language Accept-Language prefers.
for path in /qaa/ /x-none/message.json /qtz /nowhere /fr/nowhere /sitemap.xml/ /fr// /fr/message.json/ /fr/index.html; do
  get "$path" -H "Accept-Language: ar, fr;q=0.5"
  expect_status 404
  expect_header "Content-Type: text/html; charset=utf-8"
  expect_header "Content-Language: ar"
  expect_header "Vary: Accept-Language"
  grep -qF '<html lang="ar" dir="rtl">' "$stdout" || fail "$path: not a page in Arabic"
  grep -qF '<a href="/ar/">' "$stdout" || fail "$path: no link to the Arabic page"
  # Its heading translated, or English and marked so until it is.
  grep -qE '^<h1( lang="en" dir="ltr">Page not found|>[^<]+)</h1>$' "$stdout" ||
    fail "$path: heading $(grep '<h1' "$stdout")"
done
# What the HTML5 validator says of a page and a 404 page (where CI
# installs one).
if test -n "${HTML_VALIDATE:-}"; then
  get /qaa/ -H "Accept-Language: ar"
  for page in "$stdout" "$workdir/page.ar.html" "$workdir/page.zh_CN.html"; do
    "$HTML_VALIDATE" --preset standard "$page" > "$workdir/hv" 2>&1 ||
      fail "$page: not valid HTML: $(head -n 5 "$workdir/hv")"
  done
fi
get /nowhere
expect_header "Content-Language: en"
# A tag without its slash, or another tag of a catalog language: a
# redirect to the page.
while read -r path location; do
  get "$path"
  expect_status 301
  expect_header "Location: $location"
done << 'EOF'
/zh-CN /zh-CN/
/zh-cn/ /zh-CN/
/fr-CH/ /fr/
/pt-br/message.json /pt-BR/message.json
/en-GB/ /en/
/zh-Hant-TW /zh-TW/
EOF

# The sitemap (every page, absolutely) and robots.txt (the sitemap).
get /sitemap.xml
expect_status 200
expect_header "Content-Type: application/xml"
expect_cache 3600 604800
for lang in $linguas en; do
  grep -qF "<loc>$url/$(bcp47 "$lang")/</loc>" "$stdout" || fail "sitemap: no $lang"
done
test "$(grep -c '<loc>' "$stdout")" -eq $languages || fail "sitemap: not one address per language"
# Well-formed XML, and each page with every language's page and
# x-default as its alternates (Google's hreflang in sitemaps), read by
# python3's XML parser.
if command -v python3 > /dev/null 2>&1; then
  for lang in $linguas en; do bcp47 "$lang"; done > "$workdir/tags"
  python3 - "$stdout" "$url" "$workdir/tags" > "$workdir/sitemap" 2>&1 << 'EOF' ||
import sys
import xml.etree.ElementTree as ET
sitemap, base, tags = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().split()
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "x": "http://www.w3.org/1999/xhtml"}
expected = {t: f"{base}/{t}/" for t in tags}
expected["x-default"] = f"{base}/"
pages = ET.parse(sitemap).getroot().findall("s:url", ns)
for page in pages:
    loc = page.find("s:loc", ns).text
    links = [(l.get("rel"), l.get("hreflang"), l.get("href"))
             for l in page.findall("x:link", ns)]
    got = {h: r for rel, h, r in links if rel == "alternate"}
    if len(links) != len(got) or got != expected:
        print(f"{loc}: alternates {sorted(set(got.items()) ^ set(expected.items()))[:4]}")
locs = sorted(p.find("s:loc", ns).text for p in pages)
if locs != sorted(v for k, v in expected.items() if k != "x-default"):
    print("the pages are not one per language")
EOF
    fail "sitemap: not well-formed: $(tail -n 1 "$workdir/sitemap")"
  test -s "$workdir/sitemap" && fail "sitemap: $(head -n 5 "$workdir/sitemap")"
fi
get /robots.txt
expect_status 200
expect_header "Content-Type: text/plain; charset=utf-8"
grep -qxF "Sitemap: $url/sitemap.xml" "$stdout" || fail "robots.txt: no sitemap"
grep -qxF "User-agent: *" "$stdout" || fail "robots.txt: no User-agent"

# The icon, also where browsers look for one unasked.
for path in /favicon.svg /favicon.ico; do
  get "$path"
  expect_status 200
  expect_header "Content-Type: image/svg+xml"
  expect_cache 3600 604800
  grep -q '^<svg xmlns="http://www.w3.org/2000/svg" .*</svg>$' "$stdout" || fail "$path: not an SVG"
done

# Strong ETags, Last-Modified and 304s (RFC 9110, 13.1): If-None-Match
# decides, If-Modified-Since only without it.
get /fr/
etag=$(sed -n 's/^ETag: //ip' "$workdir/h")
modified=$(sed -n 's/^Last-Modified: //ip' "$workdir/h")
echo "$etag" | grep -qxE '"[!#-~]+"' || fail "/fr/: ETag $etag is not strong"
test -n "$modified" || fail "/fr/: no Last-Modified"
# when STATUS CURL-ARGS...: /fr/ with those headers answers STATUS.
when () {
  status=$1
  shift
  get /fr/ "$@"
  expect_status "$status"
}
when 304 -H "If-None-Match: $etag"
expect_header "ETag: $etag"
test -s "$stdout" && fail "a 304 has a body"
when 304 -H "If-None-Match: \"other\", W/$etag"
when 304 -H "If-None-Match: *"
when 200 -H "If-None-Match: \"other\""
when 304 -H "If-Modified-Since: $modified"
when 304 -H "If-Modified-Since: Fri, 31 Dec 2100 23:59:59 GMT"
when 200 -H "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT"
when 200 -H "If-Modified-Since: yesterday"
when 200 -H "If-None-Match: \"other\"" -H "If-Modified-Since: $modified"
get /de/message.json
json_etag=$(sed -n 's/^ETag: //ip' "$workdir/h")
test "$json_etag" != "$etag" || fail "the JSON has the page's ETag"
get /de/message.json -H "If-None-Match: $json_etag"
expect_status 304

# gzip and brotli (where configure found libbrotlienc), made once, the
# one Accept-Encoding weighs most (RFC 9110, 12.5.3); a tie goes to the
# smaller, brotli, and identity unnamed comes after any coding named.
# "br|gzip": br where the server has brotli, else gzip;
# 406 when every coding, identity too, is refused.
if grep -q '^#define HAVE_BROTLI 1' "$top_builddir/config.h"; then
  brotli=yes
  codings=3
else
  brotli=no
  codings=2
  echo "wtisd-httpd was built without brotli: only its absence is checked"
fi
if test $brotli = yes && ! command -v brotli > /dev/null 2>&1; then
  echo "SKIP part: no brotli program (Debian package brotli) to decode the br bodies"
fi
cp "$workdir/page.fr.html" "$workdir/plain"
: > "$workdir/etags"
while IFS='	' read -r accept expected; do
  case $expected in
    *'|'*) if test $brotli = yes; then expected=${expected%|*}; else expected=${expected#*|}; fi ;;
  esac
  # (curl sends "Name;" as the header with an empty value.)
  if test "$accept" = empty; then
    get /fr/ -H "Accept-Encoding;"
  else
    get /fr/ -H "Accept-Encoding: $accept"
  fi
  expect_header "Vary: Accept-Encoding"
  if test "$expected" = 406; then
    expect_status 406
    continue
  fi
  expect_status 200
  echo "$expected $(sed -n 's/^ETag: //ip' "$workdir/h")" >> "$workdir/etags"
  case $expected in
    gzip) decode="gzip -dc" ;;
    br) decode="brotli -dc" ;;
    *) decode=cat ;;
  esac
  if test "$expected" = identity; then
    grep -qi '^Content-Encoding:' "$workdir/h" && fail "$accept: $(grep -i '^Content-Encoding:' "$workdir/h")"
  else
    expect_header "Content-Encoding: $expected"
  fi
  if test "$expected" != br || command -v brotli > /dev/null 2>&1; then
    $decode < "$stdout" | cmp -s - "$workdir/plain" || fail "$accept: the $expected page differs"
  fi
done << 'EOF'
gzip	gzip
GZip	gzip
deflate, gzip;q=0.5	gzip
x-gzip	gzip
*	br|gzip
br, *;q=0.1	br|gzip
br	br|identity
BR ; Q=0.9	br|identity
gzip;q=1, br;q=0.5	gzip
gzip;q=0.5, br	br|gzip
gzip, br;q=0	gzip
br;q=0, *	gzip
gzip;q=0.4, br;q=0.3, identity;q=0.5	identity
identity	identity
gzip;q=0	identity
gzip;q=0.000	identity
gzip;q=0, *	br|identity
*;q=0, identity	identity
identity;q=0, gzip	gzip
identity;q=0, br	br|406
*;q=0	406
identity;q=0	406
br;q=0, identity;q=0	406
empty	identity
EOF
get /fr/ -H "Accept-Encoding: *;q=0"
expect_header "Content-Type: text/plain; charset=utf-8"
# One strong ETag per coding, none shared: a cache that keeps them all
# never takes one for another.
sort -u "$workdir/etags" > "$workdir/codings"
test "$(wc -l < "$workdir/codings")" -eq $codings ||
  fail "not one ETag per coding: $(cat "$workdir/codings")"
test "$(cut -d' ' -f2 "$workdir/codings" | sort -u | wc -l)" -eq $codings ||
  fail "two codings share an ETag: $(cat "$workdir/codings")"
while read -r coding tag; do
  get /fr/ -H "Accept-Encoding: $coding" -H "If-None-Match: $tag"
  expect_status 304
  expect_header "ETag: $tag"
  # The others' ETags are not this coding's.
  get /fr/ -H "Accept-Encoding: $coding" \
    -H "If-None-Match: $(grep -v "^$coding " "$workdir/codings" | cut -d' ' -f2 | paste -sd,)"
  expect_status 200
done < "$workdir/codings"

# Security headers on every answer; the page's only style allowed by
# its SHA-256 (CSP Level 2), computed here from the page itself.
for path in /fr/ /fr/message.json / /nowhere /sitemap.xml; do
  get "$path"
  expect_header "X-Content-Type-Options: nosniff"
  expect_header "Referrer-Policy: strict-origin-when-cross-origin"
  csp=$(sed -n 's/^Content-Security-Policy: //ip' "$workdir/h")
  # (The icon is an image of the site's; Lighthouse reads robots.txt
  # from the page, as a connection.)
  for directive in "default-src 'none'" "frame-ancestors 'none'" "base-uri 'none'" \
      "img-src 'self'" "connect-src 'self'"; do
    case "; $csp;" in *"; $directive;"*) ;; *) fail "$path: CSP lacks $directive: $csp" ;; esac
  done
done
if command -v openssl > /dev/null 2>&1; then
  style=$(sed -n 's/^<style>\(.*\)<\/style>$/\1/p' "$workdir/page.fr.html")
  hash=$(printf '%s' "$style" | openssl dgst -sha256 -binary | openssl base64 -A)
  case "; $csp;" in
    *"; style-src 'sha256-$hash';"*) ;;
    *) fail "CSP does not allow the page's style by its hash ($hash): $csp" ;;
  esac
fi

# Everything else.
get /nowhere
expect_status 404
get / -X POST -d x=1
expect_status 405
expect_header "Allow: GET, HEAD"
get /en/ -I
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
grep -qE '^HTTP/1\.1 (302|4[0-9][0-9]) ' "$workdir/raw" || fail "1 MB header: $(cat "$workdir/raw")"
i=0
while test $i -lt 3000; do printf 'qaa-%d;q=0.5, ' $i; i=$((i + 1)); done > "$workdir/ranges"
get / -H "Accept-Language: $(cat "$workdir/ranges")fr;q=0.1"
head -n 1 "$workdir/h" | grep -qE ' (302|4[0-9][0-9]) ' || fail "3000 ranges: $(head -n 1 "$workdir/h")"
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
    arguments) printf 'GET /fr/?%slang=fr HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat 'p%d=x&' $(($2 - 1)))" ;;
    ampersands) printf 'GET /?%s HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat '&' "$2")" ;;
    value) printf 'GET /fr/?lang=fr&x=%s HTTP/1.1\r\nHost: x\r\n\r\n' "$(repeat A "$2")" ;;
    headers) printf 'GET /fr/ HTTP/1.1\r\nHost: x\r\n'; repeat 'X-%d: b\r\n' "$2"; printf '\r\n' ;;
    cookies) printf 'GET /fr/ HTTP/1.1\r\nHost: x\r\nCookie: %s\r\n\r\n' "$(repeat 'c%d=b; ' "$2")" ;;
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
  echo "/$(bcp47 "$lang")/ $workdir/page.$lang.html"
  echo "/$(bcp47 "$lang")/message.json $workdir/json.$lang"
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

# --base-url: the absolute links, for a server behind a proxy.
run 2 "$server" --base-url=ftp://example.org
expect_stderr_contains "--base-url"
run 2 "$server" "--base-url=https://example.org/
Disallow: /"
expect_stderr_contains "--base-url"
server_start "$server" --base-url=https://example.org/
get /zh-CN/
grep -qxF '<link rel="canonical" href="https://example.org/zh-CN/">' "$stdout" ||
  fail "--base-url: canonical $(grep canonical "$stdout")"
grep -qxF '<link rel="alternate" hreflang="x-default" href="https://example.org/">' "$stdout" ||
  fail "--base-url: no x-default link"
grep -qxF '<link rel="alternate" hreflang="pt-BR" href="https://example.org/pt-BR/">' "$stdout" ||
  fail "--base-url: no pt-BR link"
get /sitemap.xml
grep -qF '<loc>https://example.org/ar/</loc>' "$stdout" || fail "--base-url: sitemap"
get /robots.txt
grep -qxF 'Sitemap: https://example.org/sitemap.xml' "$stdout" || fail "--base-url: robots.txt"
kill -TERM $pid
wait $pid

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
